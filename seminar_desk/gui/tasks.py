"""Background tasks under qasync: keep them alive, show what they fail with.

qasync 0.28 keeps no strong reference to tasks it starts, so a task can be garbage-collected
mid-flight; `spawn` holds them until they finish. Plain functions run on a worker thread
through `runner.in_thread`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

from seminar_desk.gui import runner

if TYPE_CHECKING:  # asyncio is loaded once the window is shown (gui.app.run_gui)
    import asyncio

T = TypeVar("T")
_running: set[asyncio.Task[Any]] = set()


def spawn(coro: Coroutine[Any, Any, T]) -> asyncio.Task[T]:
    import asyncio

    task = asyncio.ensure_future(coro)
    _running.add(task)
    task.add_done_callback(_finished)
    return task


def _finished(task: asyncio.Task[Any]) -> None:
    _running.discard(task)
    if not task.cancelled() and task.exception() is not None:
        exc = task.exception()
        assert exc is not None
        runner.show_error(None, exc)


def running_loop() -> asyncio.AbstractEventLoop | None:
    """The qasync loop when the app runs under it; None in tests and scripts (which then do
    the work at once instead of spawning it)."""
    import asyncio

    with contextlib.suppress(RuntimeError):
        loop = asyncio.get_event_loop()
        if loop.is_running():
            return loop
    return None
