"""Background work under qasync: run plain functions in a thread, keep tasks alive.

qasync 0.28 keeps no strong reference to tasks it starts, so a task can be garbage-collected
mid-flight; `spawn` holds them until they finish.
"""

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)
_running: set[asyncio.Task[Any]] = set()


def spawn(coro: Coroutine[Any, Any, T]) -> asyncio.Task[T]:
    task = asyncio.ensure_future(coro)
    _running.add(task)
    task.add_done_callback(_finished)
    return task


def _finished(task: asyncio.Task[Any]) -> None:
    _running.discard(task)
    if not task.cancelled() and task.exception() is not None:
        log.error("background task failed", exc_info=task.exception())


async def in_thread(fn: Callable[..., T], *args: Any) -> T:
    """Run `fn(*args)` on a worker thread; give it plain data, never live ORM objects."""
    return await asyncio.get_running_loop().run_in_executor(None, fn, *args)
