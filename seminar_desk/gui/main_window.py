"""The main window: the places of the app beside each other, menus, status bar.

Only Qt and light modules are imported at start; the database layer and the pages load when a
file is opened, so the window appears as fast as a bare Qt window would.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from seminar_desk import __version__
from seminar_desk.gui.bundles.menu import BundleMenu
from seminar_desk.gui.settings import UiSettings
from seminar_desk.gui.shell.welcome import WelcomePage
from seminar_desk.paths import default_db_path, demo_db_path

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QCloseEvent

    from seminar_desk.domain.changes import OpChanges
    from seminar_desk.gui.context import DeskContext
    from seminar_desk.gui.pages import PageRef
    from seminar_desk.gui.pages.base import Page
    from seminar_desk.gui.widgets.message_bar import MessageBar
    from seminar_desk.services.desk import Desk

FILE_FILTER = "Seminar files (*.sqlite *.db);;All files (*)"


class Sidebar(QListWidget):
    """The list of pages. Letters typed here do nothing: a list's keyboard search would jump
    to another page in the middle of a meeting (Ctrl+1 to Ctrl+6 and arrows move on purpose)."""

    def keyboardSearch(self, search: str) -> None:  # noqa: N802 (Qt API)
        return


def default_size(available: QSize) -> QSize:
    """1280x800, or less on a small screen (a 1366x768 laptop has about 1366x740 to give)."""
    return QSize(min(1280, available.width() * 95 // 100), min(800, available.height() * 95 // 100))


class MainWindow(QMainWindow):
    def __init__(self, settings: UiSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or UiSettings()
        self.ctx: DeskContext | None = None
        self.pages: list[Page | None] = []
        self.refs: tuple[PageRef, ...] = ()
        self.setWindowTitle("Seminar Desk")
        self.resize(default_size(self.screen().availableGeometry().size()))
        if geometry := self.settings.geometry():
            self.restoreGeometry(geometry)

        self.stack = QStackedWidget()
        self.welcome = WelcomePage()
        self.welcome.new_requested.connect(self.new_seminar)
        self.welcome.demo_requested.connect(self.open_demo)
        self.welcome.open_requested.connect(self.choose_file)
        self.stack.addWidget(self.welcome)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.stack, 1)
        self._message_bar: MessageBar | None = None
        self.setCentralWidget(central)
        self.file_label = QLabel()
        self.statusBar().addPermanentWidget(self.file_label)
        self._shortcuts: list[tuple[QAction, tuple[str, ...]]] = []
        self._page_menus: list[QMenu | None] = []
        # The seminar's title for the window title, read once per file and per seminar edit
        # (not on every autosave of a rapporteur's notes).
        self._title: tuple[DeskContext | None, str] | None = None
        self._build_menus()
        self._update_actions()
        QTimer.singleShot(0, self._bind_shortcuts)

    @property
    def message_bar(self) -> MessageBar:
        """Refusals of the live keys, said without taking the keyboard (gui/runner.py `live`),
        over the page area's corner: the page never moves for it. Made when first needed: its
        Qt enums take ~20 ms to load, which would come before the window shows."""
        if self._message_bar is None:
            from seminar_desk.gui.widgets.message_bar import MessageBar

            self._message_bar = MessageBar(self.centralWidget())
        return self._message_bar

    def _dismiss_message(self) -> None:
        if self._message_bar is not None:
            self._message_bar.dismiss()

    # -- menus --------------------------------------------------------------------------------

    def _action(self, text: str, slot: object, *keys: str) -> QAction:
        """An action; `keys` are QKeySequence.StandardKey names ("Undo") or key texts ("Ctrl+Y"),
        bound by _bind_shortcuts once the window is on screen."""
        action = QAction(text, self)
        action.triggered.connect(slot)
        if keys:
            self._shortcuts.append((action, keys))
        return action

    def _bind_shortcuts(self) -> None:
        """Bind the menu keys. Deferred: the first use of Qt's key enums costs ~40 ms, which
        would otherwise come before the window appears."""
        standard = QKeySequence.StandardKey
        for action, keys in self._shortcuts:
            sequences: list[QKeySequence] = []
            for key in keys:
                if hasattr(standard, key):
                    sequences += QKeySequence.keyBindings(getattr(standard, key))
                else:
                    sequences.append(QKeySequence(key))
            # Once each: a key listed twice (Ctrl+Y is often a platform's Redo already) would
            # be an "ambiguous" shortcut that Qt refuses to run.
            unique = list(dict.fromkeys(seq.toString() for seq in sequences))
            action.setShortcuts([QKeySequence(text) for text in unique])
        self._shortcuts.clear()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self._action("&New seminar…", self.new_seminar, "New"))
        file_menu.addAction(self._action("&Open…", self.choose_file, "Open"))
        file_menu.addAction(self._action("Open the &demo", self.open_demo))
        file_menu.addAction(self._action("Connect to &server…", self.connect_to_server))
        self.recent_menu = file_menu.addMenu("&Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self.bundles = BundleMenu(self)  # bundles to and from other laptops, backups
        self.bundles.add_to(file_menu, self._action)
        file_menu.addSeparator()
        self.close_action = self._action("&Close", self.close_file_asked, "Close")
        file_menu.addAction(self.close_action)
        file_menu.addAction(self._action("&Quit", self.close, "Quit"))

        edit_menu = bar.addMenu("&Edit")
        self.undo_action = self._action("&Undo", self.undo, "Undo")
        # The platform's redo key (Ctrl+Shift+Z on Linux) and Ctrl+Y, which people also expect.
        self.redo_action = self._action("&Redo", self.redo, "Redo", "Ctrl+Y")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)

        self.go_menu = bar.addMenu("&Go")
        self.help_menu = bar.addMenu("&Help")
        self.help_menu.addAction(self._action("&About Seminar Desk", self.about))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_files():
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_file(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("(none)").setEnabled(False)

    # -- files --------------------------------------------------------------------------------

    def report(self, message: str) -> None:
        """A problem a person must see: a dialog, and the same line on stderr."""
        print(f"seminar-desk: {message}", file=sys.stderr)
        QMessageBox.warning(self, "Seminar Desk", message)

    def open_file(self, path: Path | str, *, demo: bool = False, read_only: bool = False) -> bool:
        # loads SQLAlchemy: not at start. Read-only, damaged and unusable files: file_opening.
        from seminar_desk.gui.shell.file_opening import offer_rescue, open_for_window
        from seminar_desk.services.files import as_target, describe

        if not self.may_close_file():
            return False
        target = as_target(str(path))  # a file, or a server's URL (File › Connect to server)
        self.statusBar().showMessage(f"Opening {describe(target)}…")
        self.statusBar().repaint()  # seen while the file opens (a second on a large seminar)

        desk, problem = open_for_window(self, target, demo=demo, read_only=read_only)
        if problem or (desk is not None and desk.db.damage):
            # Asked before the pages are built: answers may open another file instead.
            desk = offer_rescue(self, Path(path), problem or desk.db.damage, desk)  # type: ignore[union-attr]
            if desk is None:
                return self.ctx is not None
        if desk is None:
            self.statusBar().clearMessage()
            return False
        db = desk.db
        self._install(desk)
        if not db.read_only:  # a read-only file cannot take them: offered when writable
            self._offer_recovered_notes(desk)
        if not db.url:  # a server's address is typed in its dialog (no password kept)
            self.settings.add_recent(db.path)
        self.bundles.after_open(desk)
        if db.read_only:
            self.statusBar().showMessage(f"Opened read-only ({db.read_only}): changes are refused")
        elif db.backup:
            self.statusBar().showMessage(f"Upgraded the file; backup at {db.backup}", 10000)
        else:
            self.statusBar().showMessage(f"Opened {db.where or db.name}", 3000)
        return True

    def _on_server_link(self, up: bool) -> None:
        """A server seminar's connection lost or back: said until it changes again."""
        self.statusBar().showMessage(
            "Connected to the server: changes from other laptops show here."
            if up
            else "Connection to the server lost: retrying. What you type is kept and saved "
            "when the server is back."
        )

    def _offer_recovered_notes(self, desk: Desk) -> None:
        """Notes typed last time that never reached this file are offered back."""
        from seminar_desk.gui.notes.unsaved import offer_recovered
        from seminar_desk.services.notes.service import NotesService

        offer_recovered(self, NotesService(desk))

    def _install(self, desk: Desk) -> None:
        from seminar_desk.gui.bus import ChangeBus
        from seminar_desk.gui.context import DeskContext
        from seminar_desk.gui.pages import PAGES

        self.close_file()
        bus = ChangeBus(desk, self)
        self.ctx = DeskContext(desk, bus, self)
        bus.changed.connect(self._on_changes)
        bus.changed.connect(self.bundles.on_changes)  # a day's end is backed up
        bus.link_changed.connect(self._on_server_link)
        self.sidebar = Sidebar()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setMaximumWidth(240)
        self.page_stack = QStackedWidget()
        self.go_menu.clear()
        self.refs = PAGES
        self.pages = [None] * len(self.refs)
        for index, ref in enumerate(self.refs):
            self.page_stack.addWidget(QWidget())  # a stand-in until the page is first shown
            self.sidebar.addItem(ref.title)
            action = self.go_menu.addAction(ref.title)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.sidebar.setCurrentRow(i))
        self.sidebar.currentRowChanged.connect(self._show_page)
        self._page_menus = [self._lazy_menu(row, ref) for row, ref in enumerate(self.refs)]
        ctx = self.ctx
        for row, ref in enumerate(self.refs):
            if ref.warm:  # once the window has painted the first page
                QTimer.singleShot(0, lambda r=row: self.page(r) if self.ctx is ctx else None)
        splitter = QSplitter()  # horizontal by default
        splitter.addWidget(self.sidebar)
        splitter.addWidget(self.page_stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([180, max(600, self.width() - 180)])
        self.workspace: QWidget = splitter
        self.stack.addWidget(splitter)
        self.stack.setCurrentWidget(splitter)
        titles = [ref.title for ref in self.refs]
        last = self.settings.last_page()
        self.sidebar.setCurrentRow(titles.index(last) if last in titles else 0)
        self._update_actions()

    def _lazy_menu(self, row: int, ref: PageRef) -> QMenu | None:
        """A lazy page's menu, in sidebar order among the page menus (`pages.base.page_menu`
        places the built pages' menus by the same rank); its keys work from the start."""
        if not ref.menu:
            return None
        bar = self.menuBar()
        menu = QMenu(f"&{ref.title}", bar)
        menu.menuAction().setData(row)
        for entry in ref.menu:
            action = menu.addAction(entry.text)
            if entry.key:
                action.setShortcut(QKeySequence(entry.key))
            action.triggered.connect(lambda _=False, m=entry.method: self._run_on_page(row, m))
        later = (a for a in bar.actions() if isinstance(a.data(), int) and a.data() > row)
        anchor = next(later, None) or self.help_menu.menuAction()
        bar.insertMenu(anchor, menu)
        return menu

    def _run_on_page(self, row: int, method: str) -> None:
        """A lazy page's menu entry: the page built and shown, then its method."""
        from seminar_desk.gui import runner

        page = runner.call(self, self.page, row)
        if page is None:
            return
        shown = self.page_stack.currentWidget() is page
        self.sidebar.setCurrentRow(row)
        getattr(page, method)(shown)

    def page(self, row: int) -> Page:
        """The page at `row`, built on first use so opening a file stays fast."""
        page = self.pages[row]
        if page is None and self.ctx is not None:
            page = self.refs[row].load().factory(self.ctx)
            stand_in = self.page_stack.widget(row)
            self.page_stack.insertWidget(row, page)
            self.page_stack.removeWidget(stand_in)
            stand_in.deleteLater()
            self.pages[row] = page
        assert page is not None
        return page

    def _show_page(self, row: int) -> None:
        """The sidebar's choice shown; a page that fails to build is one error (the runner's)
        and the sidebar goes back to the page still shown."""
        from seminar_desk.gui import runner

        if 0 <= row < len(self.pages):
            self._dismiss_message()  # it spoke of the page left
            page = runner.call(self, self.page, row)
            if page is None:
                shown = self.page_stack.currentIndex()
                self.sidebar.blockSignals(True)
                self.sidebar.setCurrentRow(shown)
                self.sidebar.blockSignals(False)
                return
            self.settings.save_page(self.refs[row].title)
            self.page_stack.setCurrentWidget(page)
            page.on_shown()

    def show_page(self, title: str) -> Page | None:
        """The page called `title`, shown; None if it failed to build: tried once, the error
        said once (by the runner) and the sidebar left on the page still shown."""
        row = [ref.title for ref in self.refs].index(title)
        if self.sidebar.currentRow() == row and self.pages[row] is None:
            self._show_page(row)  # an earlier build failed here: this request tries again
        else:
            self.sidebar.setCurrentRow(row)
        return self.pages[row]

    def may_close_file(self) -> bool:
        """Pages holding typed text the file would not take ask first (False: stay)."""
        return all(page.may_close() for page in self.pages if page is not None)

    def close_file_asked(self) -> None:
        """File › Close: as closing the window, text that cannot be saved is settled first."""
        if self.may_close_file():
            self.close_file()

    def close_file(self) -> None:
        self._dismiss_message()
        if self.ctx is None:
            return
        built = [page for page in self.pages if page is not None]
        for page in built:
            page.flush()  # text typed a moment ago reaches the file while it is still open
        self.ctx.bus.detach()
        self.ctx.desk.close()
        for page in built:
            page.deleteLater()
        self.pages.clear()
        for menu in self._page_menus:
            if menu is not None:
                self.menuBar().removeAction(menu.menuAction())
                menu.deleteLater()
        self._page_menus = []
        self.stack.removeWidget(self.workspace)
        self.workspace.deleteLater()
        self.ctx = None
        self.stack.setCurrentWidget(self.welcome)
        self._update_actions()

    def choose_file(self) -> None:
        start = str(self._start_folder())
        path, _ = QFileDialog.getOpenFileName(self, "Open a seminar", start, FILE_FILTER)
        if path:
            self.open_file(Path(path))

    def connect_to_server(self) -> None:
        """A seminar on a PostgreSQL server shared by several laptops (gui/shell/connect_dialog)."""
        from seminar_desk.gui.shell.connect_dialog import ConnectDialog

        dialog = ConnectDialog(parent=self)
        if dialog.exec():
            self.open_file(dialog.url())

    def new_seminar(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "New seminar file", str(self._new_file_suggestion()), FILE_FILTER
        )
        if not path:
            return
        target = Path(path)
        if target.exists() and target.stat().st_size > 0:
            self.report(f"{target} already exists; choose a new name for a new seminar.")
            return
        if self.open_file(target) and self.ctx is not None:
            today = date.today()
            self.ctx.seminar.update(title="New seminar", start_date=today, end_date=today)
            self.ctx.desk.clear_history()
            self._update_actions()
            self.show_page("Seminar")

    def _start_folder(self) -> Path:
        """Where File › Open and File › New start: the folder of the seminar last opened or
        made, else the data folder (made: a dialog given a missing folder opens in the current
        one, wherever the app was started from)."""
        folder = self.settings.last_folder()
        if folder is None:
            folder = default_db_path().parent
            folder.mkdir(parents=True, exist_ok=True)
        return folder

    def _new_file_suggestion(self) -> Path:
        """A free name in the folder File › New starts in."""
        folder = self._start_folder()
        path, n = folder / "seminar.sqlite", 1
        while path.exists():
            n += 1
            path = folder / f"seminar-{n}.sqlite"
        return path

    def open_demo(self) -> None:
        self.open_file(demo_db_path(), demo=True)

    # -- edit ---------------------------------------------------------------------------------

    def undo(self) -> None:
        if self.ctx is not None:
            self._step(self.ctx.desk.undo)

    def redo(self) -> None:
        if self.ctx is not None:
            self._step(self.ctx.desk.redo)

    def _step(self, step: Callable[[], object]) -> None:
        """Undo or redo; one that can no longer apply is refused and leaves the menu."""
        from seminar_desk.gui import runner

        runner.call(self, step)
        self._update_actions()

    def _on_changes(self, changes: OpChanges) -> None:
        from seminar_desk.domain.changes import Area

        if changes.touches(Area.SEMINAR):
            self._title = None
        if not isinstance(changes.origin, str):  # one of ours: what was refused is stale
            self._dismiss_message()
        self._update_actions()
        if changes.label:
            # A string origin is another laptop (services.desk.ELSEWHERE); ours are views.
            done = f"On {changes.origin}" if isinstance(changes.origin, str) else "Saved"
            self.statusBar().showMessage(f"{done}: {changes.label}", 5000)

    def _seminar_title(self) -> str:
        if self._title is None or self._title[0] is not self.ctx:
            details = self.ctx.seminar.details() if self.ctx else None
            self._title = (self.ctx, (details.short_title or details.title) if details else "")
        return self._title[1]

    def _update_actions(self) -> None:
        desk = self.ctx.desk if self.ctx else None
        undo = desk.undo_label if desk else None
        redo = desk.redo_label if desk else None
        self.undo_action.setEnabled(undo is not None)
        self.undo_action.setText(f"&Undo {undo}" if undo else "&Undo")
        self.redo_action.setEnabled(redo is not None)
        self.redo_action.setText(f"&Redo {redo}" if redo else "&Redo")
        self.close_action.setEnabled(desk is not None)
        if desk is None:
            self.setWindowTitle("Seminar Desk")
            self.file_label.setText("No seminar open")
        else:
            title = self._seminar_title()
            flag = " (read-only)" if desk.db.read_only else ""
            self.setWindowTitle(f"{title or desk.db.path.name}{flag} — Seminar Desk")
            self.file_label.setText(f"{desk.db.location}{flag}")

    def about(self) -> None:
        QMessageBox.about(
            self,
            "About Seminar Desk",
            f"<b>Seminar Desk {__version__}</b><p>Agenda, list of speakers, rapporteurs' notes "
            "and reports for seminars where the network cannot be trusted.</p>",
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self.settings.save_geometry(self.saveGeometry())
        self.close_file()
        super().closeEvent(event)
