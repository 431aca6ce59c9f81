"""What every page of the main window has: a context to work on and a refresh on change."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

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

    def may_close(self) -> bool:
        """Whether the file may close now; a page holding typed text the file would not take
        asks the person first (False: they chose to stay)."""
        return True


def page_menu(
    page: Page, title: str, actions: Sequence[QAction | None], before: Sequence[str] = ("Help",)
) -> QMenu | None:
    """A menu of the page's actions (None: a separator) in the main window; the menu shows
    each action's key and goes with the page.

    Page menus stand in sidebar order (Agenda, Speakers, Participants), whichever page was
    built first, left of the first menu named in `before`."""
    window = page.ctx.window
    if not isinstance(window, QMainWindow):
        return None
    bar = window.menuBar()
    menu = QMenu(title, bar)
    for action in actions:
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)
    rank = _sidebar_rank(page)
    menu.menuAction().setData(rank)
    later = (a for a in bar.actions() if isinstance(a.data(), int) and a.data() > rank)
    named = (a for name in before for a in bar.actions() if name in a.text().replace("&", ""))
    anchor = next(later, None) or next(named, None)
    if anchor is not None:
        bar.insertMenu(anchor, menu)
    else:
        bar.addMenu(menu)
    page.destroyed.connect(menu.deleteLater)
    return menu


def _sidebar_rank(page: Page) -> int:
    """Where the page stands in the window's sidebar (`refs`, the list of pages; a page not
    listed there comes last)."""
    refs = getattr(page.ctx.window, "refs", ())
    module = type(page).__module__
    for rank, ref in enumerate(refs):
        if module.endswith("." + ref.module):
            return rank
    return len(refs)


@dataclass(frozen=True)
class PageSpec:
    order: int
    title: str
    factory: Callable[[DeskContext], Page]
    shortcut: str = ""
