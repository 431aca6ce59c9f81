"""What every page of the main window has: a context to work on and a refresh on change."""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from seminar_desk.domain.changes import OpChanges
from seminar_desk.gui.context import DeskContext


class Page(QWidget):
    """A place of the app. Subclasses refresh only when `changes` touches what they show."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        ctx.bus.changed.connect(self.on_changes)

    def on_changes(self, changes: OpChanges) -> None:
        """Called after every action, undo and redo; the default does nothing."""

    def on_shown(self) -> None:
        """Called when the page becomes the visible one."""

    def flush(self) -> None:
        """Save anything typed but not yet saved; called before the file is closed."""


@dataclass(frozen=True)
class PageSpec:
    order: int
    title: str
    factory: Callable[[DeskContext], Page]
    shortcut: str = ""
