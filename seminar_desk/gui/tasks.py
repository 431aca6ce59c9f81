"""Background work under qasync: run plain functions in a thread, keep tasks alive.

qasync 0.28 keeps no strong reference to tasks it starts, so a task can be garbage-collected
mid-flight; `spawn` holds them until they finish.
"""

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")
_running: set[asyncio.Task[Any]] = set()


def spawn(coro: Coroutine[Any, Any, T]) -> asyncio.Task[T]:
    task = asyncio.ensure_future(coro)
    _running.add(task)
    task.add_done_callback(_finished)
    return task


def _finished(task: asyncio.Task[Any]) -> None:
    _running.discard(task)
    if not task.cancelled() and task.exception() is not None:
        exc = task.exception()
        assert exc is not None
        from seminar_desk.gui.runner import show_error  # runner imports this module

        show_error(None, exc)


async def in_thread(fn: Callable[..., T], *args: Any) -> T:
    """Run `fn(*args)` on a worker thread; give it plain data, never live ORM objects."""
    return await asyncio.get_running_loop().run_in_executor(None, fn, *args)
