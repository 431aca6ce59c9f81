"""The Agenda page: plan each day, run it live, re-plan when it slips, import and export.

Edits go through `AgendaService` (one undoable action each); the page reloads the day whenever
an action touches the agenda, including its own, because one edit re-times the whole day.
The page is put together from parts beside it: actions.py (keys and menu), day_header.py (day
tabs, times, warnings), live.py (live keys and line), transfer.py (import and export).
"""

import asyncio

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QTableView,
    QToolBar,
    QVBoxLayout,
)

from seminar_desk.domain.changes import Area, OpChanges
from seminar_desk.gui import runner
from seminar_desk.gui.agenda.actions import PAGE_WIDE_KEYS, AgendaActions
from seminar_desk.gui.agenda.day_header import DayHeader
from seminar_desk.gui.agenda.editor import ItemEditor, PeopleIndex
from seminar_desk.gui.agenda.import_bar import ImportBar
from seminar_desk.gui.agenda.live import LIVE_REFRESH_MS, AgendaLive
from seminar_desk.gui.agenda.model import (
    ACTUAL,
    COLUMNS,
    DURATION,
    ID_ROLE,
    KIND,
    SPEAKERS,
    TIME,
    TITLE,
    AgendaDayModel,
    plain_tooltip,
)
from seminar_desk.gui.agenda.transfer import AgendaTransfer
from seminar_desk.gui.context import DeskContext
from seminar_desk.gui.pages.base import Page, PageSpec
from seminar_desk.gui.widgets import ask
from seminar_desk.services.agenda import AgendaError, AgendaService, DayInfo, DayView

SELECT_ROWS = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows


class AgendaTable(QTableView):
    """The day's items. Typing on a selected cell edits it, as in a spreadsheet (a facilitator
    re-planning live types durations); it never searches: a table's type-to-search moved the
    selection to another item (typing 90 jumped to the item lasting 90), so the next Ctrl+Down
    or Delete acted on an item nobody chose."""

    def keyboardSearch(self, search: str) -> None:  # noqa: N802 (Qt API)
        return


class AgendaPage(AgendaActions, DayHeader, AgendaLive, AgendaTransfer, Page):
    """One day's items in a table under the day tabs; the parts live beside this module."""

    def __init__(self, ctx: DeskContext) -> None:
        super().__init__(ctx)
        self.service = AgendaService(ctx.desk)
        self.days: list[DayInfo] = []
        self.day_view: DayView | None = None
        self._people: PeopleIndex | None = None
        self._loading = False
        head = self._build_day_header()

        self.model = AgendaDayModel()
        self.model.on_edit = self._edit_field
        self.model.on_move = self._move
        self.table = AgendaTable()
        self.table.setObjectName("agendaTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setDragDropOverwriteMode(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.doubleClicked.connect(lambda _index: self.edit_item())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        # Narrow enough that the title (which stretches) stays readable in a 1280-wide window.
        for column, width in ((DURATION, 44), (KIND, 115), (SPEAKERS, 190)):
            self.table.setColumnWidth(column, width)
        # Times are measured in the bold the running item uses, with the widest marks they take.
        bold = QFont(self.table.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        widest = {TIME: "\u26a0 \u2691 88:88 (88:88)", ACTUAL: "88:88\u201388:88 (+1)"}
        for column, text in widest.items():
            self.table.setColumnWidth(column, metrics.horizontalAdvance(text) + 16)
        for column in range(len(COLUMNS)):
            if column not in (TIME, DURATION, KIND, TITLE, SPEAKERS, ACTUAL):
                self.table.setColumnWidth(column, 120)

        self.live_label = QLabel()
        self.live_label.setObjectName("liveLabel")
        self.live_label.setTextFormat(Qt.TextFormat.PlainText)
        self.delay_label = QLabel()
        self.delay_label.setObjectName("delayLabel")
        self.delay_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel()
        self.message.setObjectName("agendaMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.warnings = QListWidget()
        self.warnings.setObjectName("agendaWarnings")
        self.warnings.itemActivated.connect(self._warning_activated)

        self.toolbar = QToolBar()
        self._actions: dict[str, QAction] = {}
        self._build_actions()
        live = QHBoxLayout()
        for key in ("start", "end", "next", "replan"):
            button = QPushButton(self._actions[key].text().replace("&", ""))
            button.setObjectName(f"{key}Button")
            button.setToolTip(self._actions[key].toolTip())
            button.clicked.connect(self._actions[key].trigger)
            live.addWidget(button)
        live.addSpacing(12)
        live.addWidget(self.live_label, 1)
        live.addWidget(self.delay_label)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.toolbar)
        layout.addLayout(live)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warnings)
        layout.addWidget(self.message)
        self.import_bar = ImportBar()
        self.import_task: asyncio.Task[bool] | None = None
        layout.addWidget(self.import_bar)

        self.timer = QTimer(self, interval=LIVE_REFRESH_MS)
        self.timer.timeout.connect(self.refresh_live)
        self.timer.start()
        self.reload()

    # -- actions ------------------------------------------------------------------------------

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)  # type: ignore[arg-type]
        self._enable_page_keys(True)

    def hideEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        self._enable_page_keys(False)
        super().hideEvent(event)  # type: ignore[arg-type]

    def _enable_page_keys(self, enabled: bool) -> None:
        """F1 and F5-F8 act from anywhere in the window while this page shows; while it is
        hidden they are off, so the Speakers page's same keys are never ambiguous (and a menu
        holding them does not keep them alive)."""
        for key in PAGE_WIDE_KEYS:
            self._actions[key].setEnabled(enabled)

    def show_help(self) -> None:
        from seminar_desk.gui.speakers.help import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def action(self, key: str) -> QAction:
        return self._actions[key]

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Days into tabs, then the current day; keeps the selected day and item, and follows
        the selected item to another day (an undone or redone move between days)."""
        selected = self.selected_ids()
        self._loading = True
        try:
            current = self.current_day_id()
            self.days = self.service.days()
            while self.tabs.count():
                self.tabs.removeTab(0)
            for day in self.days:
                self.tabs.addTab(day.label)
                self.tabs.setTabToolTip(self.tabs.count() - 1, plain_tooltip(day.title))
            index = next((i for i, d in enumerate(self.days) if d.id == current), 0)
            if self.days:
                self.tabs.setCurrentIndex(index)
        finally:
            self._loading = False
        self.load_day(selected)
        if selected and not self.selected_ids():
            self._follow(selected)

    def _follow(self, item_ids: list[str]) -> None:
        """Show the day the first of `item_ids` is on now, with it selected."""
        for item_id in item_ids:
            try:
                day_id = self.service.item(item_id).day_id
            except AgendaError:
                continue  # deleted (or its addition undone)
            if day_id != self.current_day_id():
                self.show_day(day_id)
                self.load_day([item_id])
            return

    def load_day(self, select: list[str] | None = None) -> None:
        selected = select if select is not None else self.selected_ids()
        day_id = self.current_day_id()
        self.day_view = self.service.day(day_id) if day_id else None
        self.model.set_day(self.day_view)
        self._show_day_details()
        if selected != self.selected_ids():  # moving the current cell would close its editor
            self.select(selected)
        current = self.day_view.current if self.day_view else None
        if current is not None and not self.selected_ids():
            # Live: keep the running item in sight on the projector.
            self.table.scrollTo(self.model.index(self.model.row_of(current.id), TITLE))

    def on_changes(self, changes: OpChanges) -> None:
        if changes.touches(Area.PARTICIPANTS):
            self._people = None
        if changes.touches(Area.AGENDA, Area.SEMINAR, Area.PARTICIPANTS):
            self.reload()

    def on_shown(self) -> None:
        self.refresh_live()

    # -- selection ----------------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.items[r].id for r in rows if r < len(self.model.items)]

    def selected_id(self) -> str | None:
        current = self.table.currentIndex()
        ids = self.selected_ids()
        if current.isValid() and self.model.items[current.row()].id in ids:
            return self.model.items[current.row()].id
        return ids[0] if ids else None

    def select(self, ids: list[str]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        first = True
        for item_id in ids:
            row = self.model.row_of(item_id)
            if row < 0:
                continue
            index = self.model.index(row, TITLE)
            flags = SELECT_ROWS
            if first:
                selection.setCurrentIndex(index, flags)
                first = False
            else:
                selection.select(index, flags)

    # -- planning -----------------------------------------------------------------------------

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))  # no empty band under the table
        window = self.ctx.window
        if window is not None and hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 8000)

    def _edit_field(self, item_id: str, name: str, value: object) -> None:
        runner.call(self, self.service.update_item, item_id, origin=self, **{name: value})

    def add_item(self) -> str | None:
        day_id = self.current_day_id()
        if day_id is None:
            self.say("There is no day to add to yet.")
            return None
        after = self.selected_id()
        added = runner.call(self, self.service.add_item, day_id, after_id=after, origin=self)
        if added is None:
            return None
        new_id = added.id
        self.load_day([new_id])
        # Type the title straight away, as in a spreadsheet (Escape keeps "New item").
        self.table.edit(self.model.index(self.model.row_of(new_id), TITLE))
        return new_id

    def set_parallel(self, together: bool) -> None:
        ids = self.selected_ids()
        if ids:
            runner.call(self, self.service.set_parallel, ids, together, origin=self)

    def people(self) -> PeopleIndex:
        if self._people is None:
            self._people = PeopleIndex(self.service.people())
        return self._people

    def make_editor(self, item_id: str) -> ItemEditor:
        view = self.day_view
        assert view is not None
        return ItemEditor(view.items[view.index_of(item_id)], self.people(), self)

    def edit_item(self) -> None:
        item_id = self.selected_id()
        if item_id is None:
            return
        editor = self.make_editor(item_id)
        if editor.exec() == QDialog.DialogCode.Accepted:
            self.apply_editor(editor)

    def apply_editor(self, editor: ItemEditor) -> None:
        values = editor.values()
        if values:
            runner.call(self, self.service.update_item, editor.item.id, origin=self, **values)

    def duplicate_item(self) -> None:
        item_id = self.selected_id()
        if item_id is not None:
            added = runner.call(self, self.service.duplicate_item, item_id, origin=self)
            if added is not None:
                self.load_day([added.id])

    def delete_items(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        first_row = min(self.model.row_of(i) for i in ids)
        removal = runner.call(self, self.service.removal, ids)
        if removal is None:
            return
        if removal.holds_work:
            what = (
                f"“{self.model.items[first_row].title}”" if len(ids) == 1 else f"{len(ids)} items"
            )
            question = (
                f"Delete {what}? This also removes {removal.describe()}.\n\n"
                "Edit › Undo (Ctrl+Z) brings it all back."
            )
            if not ask.confirm(self, question, yes="Delete"):
                return
        if runner.call(self, self.service.delete_items, ids, origin=self) is None:
            return
        # The row that took the place of the deleted ones is selected, so Delete, the arrows
        # and the other keys go on from there.
        rows = self.model.rowCount()
        if rows:
            row = min(first_row, rows - 1)
            self.select([self.model.items[row].id])
            self.table.setFocus()

    def _move(self, item_id: str, day_id: str, index: int) -> None:
        runner.call(self, self.service.move_item, item_id, day_id, index, origin=self)
        self.show_day(day_id)
        self.load_day([item_id])

    def move_selected(self, delta: int) -> None:
        item_id = self.selected_id()
        if item_id is None:
            return
        runner.call(self, self.service.move_by, item_id, delta, origin=self)
        day_id = self.service.item(item_id).day_id
        self.show_day(day_id)
        self.load_day([item_id])

    def move_day(self, step: int) -> None:
        item_id = self.selected_id()
        index = self.tabs.currentIndex() + step
        if item_id is not None and 0 <= index < len(self.days):
            self.move_to_day(item_id, index)

    def move_to_day(self, item_id: str, tab_index: int) -> None:
        """Move an item to the end of the day in tab `tab_index` (drop on a tab, or keys)."""
        if not 0 <= tab_index < len(self.days):
            return
        day_id = self.days[tab_index].id
        count = len(self.service.day(day_id).items)
        self._move(item_id, day_id, count)

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for key in ("edit", "add", "duplicate", "delete", "parallel", "sequential", "start", "end"):
            menu.addAction(self._actions[key])
        move = menu.addMenu("Move to day")
        item_id = self.selected_id()
        for i, day in enumerate(self.days):
            act = move.addAction(day.label)
            act.setEnabled(item_id is not None and day.id != self.current_day_id())
            act.triggered.connect(lambda _=False, i=i, it=item_id: self.move_to_day(it, i))
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _warning_activated(self, entry: QListWidgetItem) -> None:
        item_id = entry.data(ID_ROLE)
        if item_id:
            self.select([item_id])


SPEC = PageSpec(order=20, title="Agenda", factory=AgendaPage)
