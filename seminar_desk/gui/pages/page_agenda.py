"""The Agenda page: plan each day, run it live, re-plan when it slips, import and export.

Edits go through `AgendaService` (one undoable action each); the page reloads the day whenever
an action touches the agenda, including its own, because one edit re-times the whole day.
"""

import asyncio
import contextlib
from datetime import time
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, QTime, QTimer
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QFont, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QTableView,
    QTimeEdit,
    QToolBar,
    QVBoxLayout,
)

from seminar_desk.domain.changes import Area, OpChanges
from seminar_desk.domain.timing import format_delay, format_minutes, wall_time
from seminar_desk.gui import ask, runner
from seminar_desk.gui.agenda.editor import ItemEditor, PeopleIndex
from seminar_desk.gui.agenda.import_bar import ImportBar
from seminar_desk.gui.agenda.model import (
    ACTUAL,
    COLUMNS,
    DURATION,
    ID_ROLE,
    KIND,
    MIME_TYPE,
    SPEAKERS,
    TIME,
    TITLE,
    AgendaDayModel,
    plain_tooltip,
)
from seminar_desk.gui.context import DeskContext
from seminar_desk.gui.live_keys import AGENDA_KEYS, HELP_KEY, LIVE_KEYS
from seminar_desk.gui.pages.base import Page, PageSpec, page_menu
from seminar_desk.services.agenda import AgendaError, AgendaService, DayInfo, DayView
from seminar_desk.services.agenda.imports.commit import Cancelled, import_agenda, target_zone
from seminar_desk.services.agenda.imports.model import AgendaImportError, ImportedAgenda
from seminar_desk.services.agenda.imports.registry import FILE_FILTER, read_agenda
from seminar_desk.services.desk import Desk

LIVE_REFRESH_MS = 20_000
MAX_SHOWN_DELAY_MIN = 12 * 60
MAX_WARNING_ROWS = 5
# Keys that act on the shown page wherever the focus is in the window: running live, changing
# the shown day, import and export. None of them edits text, so no field needs them.
PAGE_WIDE_KEYS = frozenset(
    (*AGENDA_KEYS, "help", "show_prev_day", "show_next_day", "import", "export")
)
SELECT_ROWS = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows


class DayTabs(QTabBar):
    """Day tabs that take an item dropped on them: it moves to the end of that day."""

    def __init__(self, page: "AgendaPage") -> None:
        super().__init__()
        self.page = page
        self.setAcceptDrops(True)
        self.setExpanding(False)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(MIME_TYPE):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(MIME_TYPE) and self.tabAt(event.position().toPoint()) >= 0:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        index = self.tabAt(event.position().toPoint())
        if index < 0 or not event.mimeData().hasFormat(MIME_TYPE):
            event.ignore()
            return
        item_id = bytes(event.mimeData().data(MIME_TYPE).data()).decode()
        # The table's model never removes rows itself, so a "move" drop is safe to accept.
        event.acceptProposedAction()
        QTimer.singleShot(0, lambda: self.page.move_to_day(item_id, index))


class AgendaPage(Page):
    def __init__(self, ctx: DeskContext) -> None:
        super().__init__(ctx)
        self.service = AgendaService(ctx.desk)
        self.days: list[DayInfo] = []
        self.day_view: DayView | None = None
        self._people: PeopleIndex | None = None
        self._loading = False

        self.tabs = DayTabs(self)
        self.tabs.setObjectName("dayTabs")
        self.tabs.currentChanged.connect(self._tab_changed)
        self.day_start = QTimeEdit()
        self.day_start.setDisplayFormat("HH:mm")
        self.day_start.setToolTip("When the day starts")
        self.day_end = QTimeEdit()
        self.day_end.setDisplayFormat("HH:mm")
        self.day_end.setToolTip("When the day is planned to end")
        self.day_start.editingFinished.connect(lambda: self._save_day("start_time", self.day_start))
        self.day_end.editingFinished.connect(lambda: self._save_day("end_time", self.day_end))
        head = QHBoxLayout()
        head.addWidget(self.tabs, 1)
        head.addWidget(QLabel("Starts"))
        head.addWidget(self.day_start)
        head.addWidget(QLabel("ends"))
        head.addWidget(self.day_end)

        self.model = AgendaDayModel()
        self.model.on_edit = self._edit_field
        self.model.on_move = self._move
        self.table = QTableView()
        self.table.setObjectName("agendaTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
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

    def _build_actions(self) -> None:
        specs = (
            ("add", "&Add item", "Insert", self.add_item, "Add an item after the selected one"),
            ("edit", "&Edit…", "Ctrl+E", self.edit_item, "Edit every field of the item"),
            ("duplicate", "D&uplicate", "Ctrl+D", self.duplicate_item, "Copy the item below"),
            ("delete", "&Delete", QKeySequence.StandardKey.Delete, self.delete_items, ""),
            ("up", "Move &up", "Ctrl+Up", lambda: self.move_selected(-1), "Earlier in the day"),
            ("down", "Move do&wn", "Ctrl+Down", lambda: self.move_selected(1), "Later"),
            ("prev_day", "To previous day", "Ctrl+Shift+Up", lambda: self.move_day(-1), ""),
            ("next_day", "To next day", "Ctrl+Shift+Down", lambda: self.move_day(1), ""),
            *(
                (k.agenda_action, k.verb, k.key, slot, f"{k.on_agenda} ({k.key})")
                for k, slot in zip(
                    LIVE_KEYS,
                    (self.start_selected, self.end_current, self.start_next, self.replan),
                    strict=True,
                )
            ),
            ("help", "Keyboard shortcuts", HELP_KEY, self.show_help, "Every key (F1)"),
            (
                "parallel",
                "In parallel",
                "Ctrl+Shift+G",  # Ctrl+Shift+P is the projector's, anywhere in the window
                lambda: self.set_parallel(True),
                "Run the selected neighbouring items at the same time (breakout rooms)",
            ),
            (
                "sequential",
                "One after another",
                "",
                lambda: self.set_parallel(False),
                "Stop running the selected items in parallel",
            ),
            ("show_prev_day", "Previous day", "Ctrl+PgUp", lambda: self.step_tab(-1), ""),
            ("show_next_day", "Next day", "Ctrl+PgDown", lambda: self.step_tab(1), ""),
            ("add_day", "Add day", "", self.add_day, "Add a day after the last one"),
            ("delete_day", "Remove day", "", self.delete_day, "Remove the last day (undoable)"),
            ("import", "Import…", "Ctrl+Shift+I", self.choose_import, "CSV, XLSX, ICS, XML"),
            ("export", "Export…", "Ctrl+Shift+E", self.choose_export, "ICS or CSV"),
        )
        toolbar_keys = {
            "add",
            "edit",
            "duplicate",
            "delete",
            "up",
            "down",
            "parallel",
            "add_day",
            "delete_day",
            "import",
            "export",
        }
        for key, text, shortcut, slot, tip in specs:
            action = QAction(text, self)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            # Live keys work as soon as the page shows, even with the focus still in the
            # sidebar that was clicked to get here; only while the page is visible (a hidden
            # page's actions never fire). Editing keys (Delete, Insert...) stay with the table.
            action.setShortcutContext(
                Qt.ShortcutContext.WindowShortcut
                if key in PAGE_WIDE_KEYS
                else Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
            action.setToolTip(tip or text.replace("&", ""))
            action.triggered.connect(slot)
            if key in PAGE_WIDE_KEYS:
                action.setEnabled(False)  # until the page shows (see showEvent)
            self.addAction(action)
            self._actions[key] = action
            if key in toolbar_keys:
                self.toolbar.addAction(action)
        self._build_menu()

    def _build_menu(self) -> None:
        """An Agenda menu in the main window (keys shown beside each), removed with the page."""
        keys = (*AGENDA_KEYS, None, "import", "export", None, "help")
        actions = [self._actions[k] if k else None for k in keys]
        self.menu = page_menu(self, "&Agenda", actions, before=("Speakers", "Help"))

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

    def current_day_id(self) -> str | None:
        index = self.tabs.currentIndex()
        return self.days[index].id if 0 <= index < len(self.days) else None

    def show_day(self, day_id: str) -> None:
        for i, day in enumerate(self.days):
            if day.id == day_id:
                self.tabs.setCurrentIndex(i)

    def step_tab(self, step: int) -> None:
        index = self.tabs.currentIndex() + step
        if 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)

    def _tab_changed(self, _index: int) -> None:
        if not self._loading:
            self.load_day()

    def load_day(self, select: list[str] | None = None) -> None:
        selected = select if select is not None else self.selected_ids()
        day_id = self.current_day_id()
        self.day_view = self.service.day(day_id) if day_id else None
        self.model.set_day(self.day_view)
        self._show_day_details()
        self.select(selected)
        current = self.day_view.current if self.day_view else None
        if current is not None and not self.selected_ids():
            # Live: keep the running item in sight on the projector.
            self.table.scrollTo(self.model.index(self.model.row_of(current.id), TITLE))

    def _show_day_details(self) -> None:
        view = self.day_view
        self.warnings.clear()
        self.day_start.setEnabled(view is not None)
        self.day_end.setEnabled(view is not None)
        if view is None:
            self.warnings.setVisible(False)
            self.live_label.setText("No days yet: import an agenda, or press Add day.")
            self.delay_label.clear()
            return
        for edit, minutes in ((self.day_start, view.start), (self.day_end, view.planned_end)):
            t = wall_time(minutes)
            edit.blockSignals(True)
            edit.setTime(QTime(t.hour, t.minute))
            edit.blockSignals(False)
        for item in view.items:
            for warning in item.warnings:
                self.warnings.addItem(f"{format_minutes(item.start)}  {item.title}: {warning}")
                self.warnings.item(self.warnings.count() - 1).setData(ID_ROLE, item.id)
        self._fit_warnings()
        self.refresh_live()

    def _fit_warnings(self) -> None:
        """As tall as its lines (up to MAX_WARNING_ROWS, then it scrolls): no blank band."""
        count = self.warnings.count()
        self.warnings.setVisible(count > 0)
        if count:
            rows = min(count, MAX_WARNING_ROWS)
            frame = 2 * self.warnings.frameWidth()
            self.warnings.setFixedHeight(rows * self.warnings.sizeHintForRow(0) + frame + 2)

    def refresh_live(self) -> None:
        """The running item and how far the day is ahead or behind (the clock moves on)."""
        view = self.day_view
        if view is None:
            return
        if any(i.actual_start is not None for i in view.items) and view.current is not None:
            view = self.service.day(view.id)  # the delay of a running item grows with time
        current = view.current
        ends = f"Day {view.number}: {format_minutes(view.start)}–{format_minutes(view.end)}"
        if view.end > view.planned_end:
            ends += f" (planned end {format_minutes(view.planned_end)})"
        if current is not None:
            self.live_label.setText(f"Now: {current.title} · {ends}")
        else:
            self.live_label.setText(ends)
        if view.delay_min is None:
            self.delay_label.setText("")
            self.delay_label.setStyleSheet("")
        elif abs(view.delay_min) > MAX_SHOWN_DELAY_MIN:
            # Run on another date (a rehearsal): minutes would mean nothing.
            self.delay_label.setText("run on another date")
            self.delay_label.setStyleSheet("color: #7b7d7d;")
        else:
            if view.delay_min < 0:  # "5 min ahead", not "−5 min ahead"
                self.delay_label.setText(f"{-view.delay_min} min ahead")
            else:
                word = "behind" if view.delay_min > 0 else ""
                self.delay_label.setText(f"{format_delay(view.delay_min)} {word}".strip())
            colour = "#b03a2e" if view.delay_min > 5 else "#1e8449"
            self.delay_label.setStyleSheet(f"font-weight: bold; color: {colour};")

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

    def _save_day(self, name: str, edit: QTimeEdit) -> None:
        day_id = self.current_day_id()
        if day_id is None or self._loading:
            return
        chosen = time(edit.time().hour(), edit.time().minute())
        view = self.day_view
        current = (
            wall_time(view.start if name == "start_time" else view.planned_end) if view else None
        )
        if chosen != current:
            runner.call(self, self.service.update_day, day_id, origin=self, **{name: chosen})

    def add_item(self) -> str | None:
        day_id = self.current_day_id()
        if day_id is None:
            self.say("There is no day to add to yet.")
            return None
        after = self.selected_id()
        result = runner.call(self, self.service.add_item, day_id, after_id=after, origin=self)
        if result is None:
            return None
        _, new_id = result
        self.load_day([new_id])
        # Type the title straight away, as in a spreadsheet (Escape keeps "New item").
        self.table.edit(self.model.index(self.model.row_of(new_id), TITLE))
        return new_id

    def set_parallel(self, together: bool) -> None:
        ids = self.selected_ids()
        if ids:
            runner.call(self, self.service.set_parallel, ids, together, origin=self)

    def add_day(self) -> None:
        result = runner.call(self, self.service.add_day, origin=self)
        if result is not None:
            self.show_day(result[1])
            self.load_day()

    def delete_day(self) -> None:
        """Remove the last day, after saying what goes with it (undoable)."""
        day_id = self.current_day_id()
        if day_id is None:
            return
        removal = runner.call(self, self.service.removal, day_id=day_id)
        if removal is None:
            return
        label = self.days[self.tabs.currentIndex()].label
        if removal.items:
            question = (
                f"Remove {label}? This also removes {removal.describe(with_items=True)}.\n\n"
                "Edit › Undo (Ctrl+Z) brings it all back."
            )
            if not ask.confirm(self, question, yes="Remove day"):
                return
        runner.call(self, self.service.delete_day, day_id, origin=self)

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
            result = runner.call(self, self.service.duplicate_item, item_id, origin=self)
            if result is not None:
                self.load_day([result[1]])

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

    # -- live ---------------------------------------------------------------------------------

    def start_selected(self) -> None:
        item_id = self.selected_id()
        if item_id is None:
            self.start_next()
            return
        runner.call(self, self.service.start_item, item_id, origin=self)

    def end_current(self) -> None:
        view = self.day_view
        if view is None or view.current is None:
            self.say("No item is running.")
            return
        runner.call(self, self.service.end_item, view.current.id, origin=self)

    def start_next(self) -> None:
        day_id = self.current_day_id()
        if day_id is not None:
            runner.call(self, self.service.start_next, day_id, origin=self)
            current = self.day_view.current if self.day_view else None
            if current is not None:
                self.select([current.id])

    def replan(self) -> None:
        day_id = self.current_day_id()
        if day_id is None:
            return
        result = runner.call(self, self.service.replan, day_id, origin=self)
        if result is not None:
            self.say(f"Re-planned: {result.summary}")

    # -- import and export --------------------------------------------------------------------

    def ask_open_file(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, "Import an agenda", "", FILE_FILTER)
        return Path(path) if path else None

    def ask_save_file(self) -> tuple[Path, str] | None:
        path, chosen = QFileDialog.getSaveFileName(
            self, "Export the agenda", "agenda.ics", "Calendar (*.ics);;Spreadsheet (*.csv)"
        )
        if not path:
            return None
        fmt = "csv" if path.lower().endswith(".csv") or "csv" in chosen else "ics"
        return Path(path), fmt

    def confirm_import(self, agenda: ImportedAgenda) -> bool:
        """Show the preview; True to commit. Tests replace this."""
        dialog = QDialog(self)
        dialog.setWindowTitle("Import preview")
        layout = QVBoxLayout(dialog)
        text = QPlainTextEdit("\n".join(agenda.preview_lines(200)))
        text.setReadOnly(True)
        layout.addWidget(text)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.resize(760, 480)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def report_problem(self, text: str) -> None:
        """A file that cannot be imported: a plain-text message through the runner."""
        self.say(text.splitlines()[0] if text else "")
        runner.show_refusal(self, text)

    def choose_import(self) -> None:
        path = self.ask_open_file()
        if path is not None:
            self.start_import(path)

    def start_import(self, path: Path) -> "asyncio.Task[bool] | None":
        """Read and commit `path` on a worker thread, the window live, with progress and Cancel.

        Returns the task (tests await it); without a running event loop (scripts, tests that
        need none) the import runs at once.
        """
        if _running_loop() is None:
            self.import_file(path)
            return None
        if self.import_task is not None and not self.import_task.done():
            self.say("An import is already running.")
            return None
        from seminar_desk.gui.tasks import spawn

        self.import_task = spawn(self._run_import(path))
        return self.import_task

    async def _run_import(self, path: Path) -> bool:
        loop = asyncio.get_running_loop()
        self.action("import").setEnabled(False)
        cancel = self.import_bar.begin(f"Reading {path.name}…")
        try:
            agenda = await runner.background(self, read_agenda, path, target_zone(self.ctx.desk))
            if agenda is None or cancel.is_set():
                self.say("Nothing imported.")
                return False
            self.import_bar.end()
            if not self.confirm_import(agenda):
                self.say("Import cancelled; nothing changed.")
                return False
            cancel = self.import_bar.begin(f"Importing {len(agenda.items)} items…")

            def progress(fraction: float, text: str) -> None:  # on the worker thread
                loop.call_soon_threadsafe(self.import_bar.step, fraction, text)

            # A desk of its own on the same file, with no listeners: nothing touches a view
            # from the worker; the views hear of the changes below, on this thread.
            worker = Desk(self.ctx.desk.db, self.ctx.desk.clock)
            try:
                summary = await runner.background(
                    self, import_agenda, worker, agenda, progress, cancel
                )
            except Cancelled:
                self.say("Import cancelled; nothing was imported.")
                return False
            if summary is None:  # the runner has shown why
                self.say("Nothing imported.")
                return False
            self.ctx.bus.changed.emit(summary.changes)
            self.say(str(summary))
            return True
        finally:
            self.import_bar.end()
            self.action("import").setEnabled(True)

    def import_file(self, path: Path) -> bool:
        """Read, preview, then commit all or nothing, here and now (no event loop)."""
        zone = target_zone(self.ctx.desk)
        try:
            agenda = read_agenda(path, zone)
        except AgendaImportError as exc:
            self.report_problem(str(exc))
            return False
        if not self.confirm_import(agenda):
            self.say("Import cancelled; nothing changed.")
            return False
        summary = runner.call(self, import_agenda, self.ctx.desk, agenda)
        if summary is None:
            self.say("Nothing imported.")
            return False
        self.say(str(summary))
        return True

    def choose_export(self) -> None:
        chosen = self.ask_save_file()
        if chosen is not None:
            self.export_file(*chosen)

    def export_file(self, path: Path, fmt: str) -> None:
        from seminar_desk.gui import runner
        from seminar_desk.services.agenda.export import export_agenda

        count = runner.call(self, export_agenda, self.ctx.desk, fmt, path)  # refusals shown
        if count is not None:
            self.say(f"Wrote {count} agenda items to {path}.")


def _running_loop() -> asyncio.AbstractEventLoop | None:
    """The qasync loop when the app runs under it; None in tests and scripts."""
    with contextlib.suppress(RuntimeError):
        loop = asyncio.get_event_loop()
        if loop.is_running():
            return loop
    return None


SPEC = PageSpec(order=20, title="Agenda", factory=AgendaPage)
