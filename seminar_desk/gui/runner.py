"""The one way the GUI runs a service call or background work, and shows what went wrong.

- `call(parent, fn, *args, **kwargs)` runs a service call now (they are short transactions).
- `await background(parent, fn, *args)` runs long work (exports, imports) on a worker thread.
- `live(parent, fn, *args, **kwargs)` is `call` for the keys that run a meeting (F5-F9...).

They return the call's result, or `None` when it did not happen; a `Refusal` (what a person may
not do) is then shown as a plain-text message, and anything else is logged and shown in an error
dialog with its details. A refusal of a live key is said in the window's message bar
(gui/widgets/message_bar.py) instead of a box: a modal box would take the keyboard from the
chair and cover the projector's controls in the middle of a session; questions the person must
answer stay boxes (gui/widgets/ask.py). `install_excepthook()` sends exceptions escaping a
slot, a timer or a task to the same dialog, so nothing is lost on stderr. The transaction of a
failed call was rolled back and no change was broadcast, so no view is left half-updated,
and the status bar stops saying "Saved: <the step before>" (it says "Not saved: …").

Tests replace `presenter` (tests/conftest.py fixture `shown`) to see what would be shown.
"""

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any, Protocol, TypeVar

from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from seminar_desk.domain.refusal import Refusal

T = TypeVar("T")
log = logging.getLogger(__name__)
TITLE = "Seminar Desk"


class Presenter(Protocol):
    def refusal(self, parent: QWidget | None, text: str) -> None: ...

    def notice(self, parent: QWidget | None, text: str) -> None: ...

    def error(self, parent: QWidget | None, summary: str, details: str) -> None: ...


class DialogPresenter:
    """Message boxes in plain text: user and file text must never be read as markup."""

    def refusal(self, parent: QWidget | None, text: str) -> None:
        from PySide6.QtCore import Qt  # here: Qt's namespace takes ~20 ms to load, at start-up

        box = QMessageBox(QMessageBox.Icon.Information, TITLE, text, parent=_window(parent))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    def notice(self, parent: QWidget | None, text: str) -> None:
        """In the window's message bar, which takes no focus; a box where there is none."""
        # The main window's bar (made when first needed); other windows have none.
        bar = getattr(_window(parent), "message_bar", None)
        if bar is None:
            self.refusal(parent, text)
        else:
            bar.say(text)

    def error(self, parent: QWidget | None, summary: str, details: str) -> None:
        from PySide6.QtCore import Qt

        box = QMessageBox(QMessageBox.Icon.Critical, TITLE, summary, parent=_window(parent))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(
            "Nothing was changed by the step that failed; text you typed is kept. "
            "The details below are also written to the log."
        )
        box.setDetailedText(details)
        box.exec()


presenter: Presenter = DialogPresenter()


def _window(parent: QWidget | None) -> QWidget | None:
    if parent is not None:
        return parent.window()
    return QApplication.activeWindow()


def _not_saved(parent: QWidget | None, why: str) -> None:
    """The status bar must not keep claiming the previous step's save next to a refusal, nor
    an older refusal next to the message bar's newer one: it says the newest outcome. Other
    messages (read-only, a backup's place) say more than one step's outcome and stay."""
    window = _window(parent)
    if not isinstance(window, QMainWindow):
        return
    bar = window.statusBar()
    if bar.currentMessage().startswith(("Saved", "Not saved")):
        first = why.strip().splitlines()[0] if why.strip() else "refused"
        bar.showMessage(f"Not saved: {first}", 10000)


def show_refusal(parent: QWidget | None, refusal: Refusal | str, *, live: bool = False) -> None:
    """Tell the person why something was not done (for refusals found in the GUI itself);
    `live`: from a key that runs the meeting, said without taking the keyboard."""
    _not_saved(parent, str(refusal))
    if live:
        presenter.notice(parent, str(refusal))
    else:
        presenter.refusal(parent, str(refusal))


def show_error(parent: QWidget | None, exc: BaseException, *, live: bool = False) -> None:
    """Log an unexpected exception and show it; the one path for every failure."""
    if isinstance(exc, Refusal):
        show_refusal(parent, exc, live=live)
        return
    log.error("unexpected error", exc_info=exc)
    _not_saved(parent, f"{type(exc).__name__}: {exc}")
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    presenter.error(parent, f"Something went wrong: {type(exc).__name__}: {exc}", details)


def call(parent: QWidget | None, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
    """Run a service call; show a refusal or an error and return None if it did not happen."""
    return _run(parent, False, fn, args, kwargs)


def live(parent: QWidget | None, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
    """`call` for a key that runs the meeting: a refusal goes to the message bar, not a box."""
    return _run(parent, True, fn, args, kwargs)


def _run(
    parent: QWidget | None, is_live: bool, fn: Callable[..., T], args: Any, kwargs: Any
) -> T | None:
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 (every failure is shown, none swallowed)
        show_error(parent, exc, live=is_live)
        return None


async def in_thread(fn: Callable[..., T], *args: Any) -> T:
    """Run `fn(*args)` on a worker thread; give it plain data, never live ORM objects."""
    import asyncio  # here, not at the top: the window is shown before asyncio is loaded

    return await asyncio.get_running_loop().run_in_executor(None, fn, *args)


async def background(parent: QWidget | None, fn: Callable[..., T], *args: Any) -> T | None:
    """Run long work on a worker thread (plain data in, plain data out) with the same reporting.

    Cancellation (asyncio.CancelledError, a report's Cancelled) is not a failure: it propagates
    to the caller, which knows what cancelling means for its work.
    """
    try:
        return await in_thread(fn, *args)
    except Exception as exc:  # noqa: BLE001
        if type(exc).__name__ == "Cancelled":
            raise
        show_error(parent, exc)
        return None


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    try:
        show_error(None, exc.with_traceback(tb))
    except Exception:  # noqa: BLE001 (the dialog itself failed: stderr is all that is left)
        sys.__excepthook__(kind, exc, tb)


def install_excepthook() -> None:
    """Exceptions escaping slots and timers are shown and logged instead of lost on stderr."""
    sys.excepthook = _excepthook
