"""The Speakers page: the list of speakers of an item, the speech in progress, the projector.

Keyboard first: every operation has a shortcut (see `gui.speakers.help`), the add field
completes names and delegations as you type, and the list reorders with Alt+arrows or by drag
and drop. Each operation is one undoable service action; the page redraws from the saved list.
"""

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from seminar_desk.domain.changes import Area, OpChanges
from seminar_desk.domain.kinds import Capacity, SpeechType
from seminar_desk.domain.speaking_time import format_duration
from seminar_desk.gui import ask, runner
from seminar_desk.gui.context import DeskContext
from seminar_desk.gui.pages.base import Page, PageSpec, page_menu
from seminar_desk.gui.speakers.controller import (
    PHASE_COLOURS,
    CountdownTicker,
    ProjectorMode,
    SpeakersController,
)
from seminar_desk.gui.speakers.help import KEYS, ShortcutsDialog
from seminar_desk.gui.speakers.models import (
    CANDIDATE_ROLE,
    ENTRY_ID_ROLE,
    SORT_ROLE,
    CandidateFilter,
    CandidateModel,
    HistoryModel,
    QueueModel,
    StatsModel,
    limit_text,
)
from seminar_desk.gui.speakers.preview import ProjectorPreview
from seminar_desk.gui.speakers.projector import ProjectorWindow, pick_screen, saved_screen_name
from seminar_desk.gui.wrapping_label import WrappingLabel
from seminar_desk.services.speakers import stats as speaker_stats
from seminar_desk.services.speakers.rows import Candidate, ListSnapshot

CONTROLLER_KEY = "speakers.controller"
SPEECH_TYPES = tuple(SpeechType)
STAT_SCOPES = ("This item", "This day", "Whole seminar")


def parse_limit(text: str) -> int | None:
    """'3:30' or '210' seconds; '' means the usual rules (None); raises ValueError."""
    text = text.strip()
    if not text:
        return None
    if ":" in text:
        minutes, seconds = text.split(":", 1)
        value = int(minutes or 0) * 60 + int(seconds or 0)
    else:
        value = int(text)
    if value < 0:
        raise ValueError(f"negative speaking time: {text}")
    return value


# Shortcuts that work anywhere in the window: the projector's, always; the floor's, while the
# page shows. Keys that edit the list (Delete, Alt+Up...) stay with the list itself.
GLOBAL_KEYS = frozenset(("projector", "clock"))
PAGE_WIDE_KEYS = frozenset(
    ("start", "next", "pause", "finish", "put_back", "replan", "help", "add")
)
LIVE_MARK = "▶ "
RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def counted(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def is_undo_or_redo(event: QKeyEvent) -> bool:
    """The keys of the Edit menu's Undo and Redo (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y)."""
    combo = event.keyCombination().toCombined()
    return (
        event.matches(QKeySequence.StandardKey.Undo)
        or event.matches(QKeySequence.StandardKey.Redo)
        or QKeySequence(combo) == QKeySequence("Ctrl+Y")
    )


class SpeakersPage(Page):
    def __init__(self, ctx: DeskContext) -> None:
        super().__init__(ctx)
        self.controller = SpeakersController(ctx.desk, self)
        ctx.state[CONTROLLER_KEY] = self.controller
        self.service = self.controller.service
        self.projector: ProjectorWindow | None = None
        self.actions_by_name: dict[str, QAction] = {}

        # -- item bar --
        self.item_box = QComboBox()
        self.item_box.setObjectName("item")
        self.item_box.setMinimumContentsLength(24)
        self.item_box.currentIndexChanged.connect(self._item_chosen)
        self.state_label = QLabel()
        self.limit_spin = QSpinBox()
        self.limit_spin.setRange(-1, 3600)
        self.limit_spin.setSingleStep(30)
        self.limit_spin.setSuffix(" s")
        self.limit_spin.setToolTip("Default speaking time on this item; 0 is a stopwatch")
        self.limit_spin.setMinimumWidth(170)
        self.limit_spin.editingFinished.connect(self._save_item_limit)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("&Item:", buddy=self.item_box))
        bar.addWidget(self.item_box, 1)
        bar.addWidget(self.state_label)
        bar.addWidget(QLabel("Speaking time:"))
        bar.addWidget(self.limit_spin)

        # -- the floor --
        self.now_name = QLabel()
        self.now_name.setObjectName("now_name")
        self.now_name.setTextFormat(Qt.TextFormat.PlainText)
        font = self.now_name.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.now_name.setFont(font)
        self.now_detail = QLabel()
        self.now_detail.setTextFormat(Qt.TextFormat.PlainText)
        self.countdown = QLabel()
        self.countdown.setObjectName("countdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown.setMinimumWidth(170)
        font = self.countdown.font()
        font.setPointSizeF(font.pointSizeF() * 2.6)
        font.setBold(True)
        self.countdown.setFont(font)
        self.phase = ""
        self._style_countdown("")
        floor = QGroupBox("The floor")
        floor_layout = QGridLayout(floor)
        floor_layout.addWidget(self.now_name, 0, 0)
        floor_layout.addWidget(self.now_detail, 1, 0)
        floor_layout.addWidget(self.countdown, 0, 1, 2, 1)
        buttons = QHBoxLayout()
        for name, text, slot in (
            ("start", "Start / resume", self.start_floor),
            ("next", "Next speaker", self.next_speaker),
            ("pause", "Pause / resume", self.toggle_pause),
            ("finish", "End speech", self.finish),
            ("put_back", "Put back last", self.put_back),
        ):
            buttons.addWidget(self._button(name, text, slot))
        buttons.addStretch(1)
        floor_layout.addLayout(buttons, 2, 0, 1, 2)
        floor_layout.setColumnStretch(0, 1)

        # -- adding --
        self.add_edit = QLineEdit()
        self.add_edit.setObjectName("add_speaker")
        self.add_edit.setPlaceholderText("Add a speaker: type part of a name or delegation…")
        self.candidates = CandidateModel(self)
        self.candidate_filter = CandidateFilter(self)
        self.candidate_filter.setSourceModel(self.candidates)
        self.completer = QCompleter(self.candidate_filter, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(12)
        self.add_edit.setCompleter(self.completer)
        self.add_edit.textEdited.connect(self._typed)
        # Exactly one entry per gesture: Enter in the popup is handled here (the completer would
        # also send it to the field), a click in the popup through `activated`.
        self.completer.popup().installEventFilter(self)
        self.add_edit.installEventFilter(self)
        self.typed_since_add = False
        self.completer.activated[QModelIndex].connect(self._picked)
        self.add_edit.returnPressed.connect(self._enter_in_add)
        self.capacity_box = QComboBox()
        self.capacity_box.setObjectName("capacity")
        self.type_box = QComboBox()
        self.type_box.setObjectName("speech_type")
        for kind in SPEECH_TYPES:
            self.type_box.addItem(kind.label, kind.value)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_edit, 1)
        add_row.addWidget(self.capacity_box)
        add_row.addWidget(self.type_box)
        add_row.addWidget(self._button("add", "Add", self._enter_in_add, self.focus_add))

        # -- the list --
        self.queue = QueueModel(self._move_to, self)
        self.list_view = QListView()
        self.list_view.setObjectName("queue")
        self.list_view.setModel(self.queue)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setDragEnabled(True)
        self.list_view.setAcceptDrops(True)
        self.list_view.setDropIndicatorShown(True)
        self.list_view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.list_view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list_view.setDragDropOverwriteMode(False)
        self.list_view.setAlternatingRowColors(True)
        self.list_view.doubleClicked.connect(lambda _i: self.give_floor())
        # Two short rows, so the page still fits beside the sidebar on a small laptop screen.
        list_buttons = QHBoxLayout()
        for name, text, slot in (
            ("withdraw", "Withdraw", self.withdraw),
            ("up", "Up", lambda: self.move_selected(-1)),
            ("down", "Down", lambda: self.move_selected(+1)),
            ("give_floor", "Give the floor", self.give_floor),
        ):
            list_buttons.addWidget(self._button(name, text, slot))
        list_buttons.addStretch(1)
        list_buttons2 = QHBoxLayout()
        list_buttons2.addWidget(self._button("limit", "Speaking time…", self.set_speaker_limit))
        list_buttons2.addWidget(self._button("replies", "Call rights of reply", self.call_replies))
        list_buttons2.addWidget(self._button("clear", "Clear list", self.clear))
        self.close_button = self._button("close", "Close list", self.toggle_closed)
        list_buttons2.addWidget(self.close_button)
        list_buttons2.addStretch(1)
        self.waiting_label = QLabel()
        list_tab = QWidget()
        list_layout = QVBoxLayout(list_tab)
        list_layout.addLayout(add_row)
        list_layout.addWidget(self.waiting_label)
        list_layout.addWidget(self.list_view, 1)
        list_layout.addLayout(list_buttons)
        list_layout.addLayout(list_buttons2)

        # -- speeches held --
        self.history = HistoryModel(self)
        self.history_view = self._table(self.history, stretch=1)
        # -- statistics --
        self.stats_scope = QComboBox()
        self.stats_scope.addItems(STAT_SCOPES)
        self.stats_scope.currentIndexChanged.connect(lambda _i: self.refresh_stats())
        self.stats_total = QLabel()
        self.stats_models = {
            "by_delegation": StatsModel("Delegation", self),
            "by_kind": StatsModel("Kind of organisation", self),
            "by_gender": StatsModel("Gender", self),
            "by_type": StatsModel("Speech type", self),
        }
        stats_tab = QWidget()
        stats_layout = QGridLayout(stats_tab)
        scope_row = QHBoxLayout()
        scope_row.addWidget(QLabel("Statistics for"))
        scope_row.addWidget(self.stats_scope)
        scope_row.addWidget(self.stats_total, 1)
        stats_layout.addLayout(scope_row, 0, 0, 1, 2)
        self.stats_views = {key: self._table(model) for key, model in self.stats_models.items()}
        stats_layout.addWidget(self.stats_views["by_delegation"], 1, 0, 2, 1)
        stats_layout.addWidget(self.stats_views["by_kind"], 1, 1)
        stats_layout.addWidget(self.stats_views["by_gender"], 2, 1)
        stats_layout.addWidget(self.stats_views["by_type"], 3, 1)
        stats_layout.setColumnStretch(0, 3)
        stats_layout.setColumnStretch(1, 2)

        self.tabs = QTabWidget()
        self.tabs.addTab(list_tab, "List of speakers")
        self.tabs.addTab(self.history_view, "Speeches held")
        self.tabs.addTab(stats_tab, "Statistics")
        self.tabs.currentChanged.connect(lambda _i: self.refresh_stats())

        # -- projector --
        self.screen_box = QComboBox()
        self.screen_box.setObjectName("screen")
        self.message_edit = QLineEdit()
        self.message_edit.setPlaceholderText("Coffee break until 10:45")
        self.message_edit.returnPressed.connect(self.show_message)
        projector = QGroupBox("Projector")
        pform = QFormLayout(projector)
        pform.addRow(self._button("projector", "Open projector", self.toggle_projector))
        pform.addRow("Screen", self.screen_box)
        pform.addRow("Message", self.message_edit)
        pbuttons = QGridLayout()
        pbuttons.addWidget(QPushButton("Show message", clicked=self.show_message), 0, 0)
        pbuttons.addWidget(self._button("clock", "Clock only", self.toggle_clock), 0, 1)
        pbuttons.addWidget(QPushButton("Speakers", clicked=self.show_speakers), 1, 0)
        pform.addRow(pbuttons)
        self.projector_state = WrappingLabel()  # "Showing message “…”" is longer than the box
        pform.addRow(self.projector_state)
        pform.addRow(self._button("help", "Keyboard shortcuts", self.show_help))
        self.screen_box.currentIndexChanged.connect(self._screen_chosen)

        projector.setMaximumWidth(300)
        side = QVBoxLayout()
        side.addWidget(projector)
        side.addStretch(1)
        main = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(floor)
        left.addWidget(self.tabs, 1)
        main.addLayout(left, 3)
        main.addLayout(side, 1)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(bar)
        layout.addLayout(main, 1)
        # Scrolls rather than forcing a minimum size on the main window (small laptop screens).
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self._type_actions()
        self._key_action("replan", "Re-plan the rest of the day", self.replan)
        self._build_menu()
        self.ticker = CountdownTicker(self.controller, self)
        self.ticker.countdown_changed.connect(self._on_countdown)
        self.preview = ProjectorPreview(self.controller, self.ticker)  # follows the same ticker
        side.insertWidget(1, self.preview)
        self.controller.snapshot_changed.connect(self._on_snapshot)
        self.controller.projector_changed.connect(self._update_projector_state)
        self._load_items()
        self._load_candidates()
        self._load_screens()
        self._on_snapshot(self.controller.snapshot)
        self._update_projector_state()

    # -- building helpers -----------------------------------------------------------------------

    def _button(
        self, name: str, text: str, slot: object, key_slot: object | None = None
    ) -> QPushButton:
        """A button and a same-named shortcut action (keys from the help table)."""
        key = KEYS.get(name, "")
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        if key and "…" not in key:
            button.setToolTip(f"{text} ({key})")
            self._key_action(name, text, key_slot or slot)
        return button

    def _key_action(self, name: str, text: str, slot: object) -> QAction:
        """The shortcut action `name` (its key from the help table), shown in the menu."""
        action = QAction(text, self)
        action.setShortcut(QKeySequence(KEYS[name]))
        action.setShortcutContext(
            Qt.ShortcutContext.WindowShortcut
            if name in GLOBAL_KEYS or name in PAGE_WIDE_KEYS
            else Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        if name in PAGE_WIDE_KEYS:
            action.setEnabled(False)  # until the page shows (see showEvent)
        action.triggered.connect(slot)
        self.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _type_actions(self) -> None:
        for i in range(len(SPEECH_TYPES)):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Alt+{i + 1}"))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, i=i: self.type_box.setCurrentIndex(i))
            self.addAction(action)

    def _table(self, model: object, stretch: int = 0) -> QTableView:
        from PySide6.QtCore import QSortFilterProxyModel

        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)  # type: ignore[arg-type]
        proxy.setSortRole(SORT_ROLE)
        view = QTableView()
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        view.verticalHeader().hide()
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        return view

    def _build_menu(self) -> None:
        """A Speakers menu in the main window, removed with the page when the file closes."""
        names = ("start", "finish", "next", "replan", None, "pause", "put_back", None)
        names += ("projector", "clock", None, "help")
        actions = [self.actions_by_name[n] if n else None for n in names]
        menu = page_menu(self, "&Speakers", actions)
        if menu is not None:
            self.menu = menu

    # -- loading --------------------------------------------------------------------------------

    def _load_items(self) -> None:
        self.item_box.blockSignals(True)
        try:
            self.item_box.clear()
            for item in self.service.items():
                label = f"{LIVE_MARK}{item.label} (live)" if item.live else item.label
                self.item_box.addItem(label, item.id)
            index = self.item_box.findData(self.controller.item_id)
            self.item_box.setCurrentIndex(max(0, index))
        finally:
            self.item_box.blockSignals(False)
        if self.item_box.count() and self.controller.item_id is None:
            self.controller.set_item(self.item_box.currentData())

    def _load_candidates(self) -> None:
        self.candidates.set_candidates(self.service.candidates())
        self.capacity_box.clear()
        self.capacity_box.addItem(Capacity.NATIONAL.label, (Capacity.NATIONAL.value, None))
        for group in self.service.groups():
            self.capacity_box.addItem(
                f"On behalf of {group.code}", (Capacity.GROUP.value, group.id)
            )
        self.capacity_box.addItem(Capacity.ORGANISATION.label, (Capacity.ORGANISATION.value, None))

    def _load_screens(self) -> None:
        self.screen_box.blockSignals(True)
        self.screen_box.clear()
        for screen in QGuiApplication.screens():
            size = screen.geometry()
            label = screen.name() or screen.model() or f"Screen {self.screen_box.count() + 1}"
            self.screen_box.addItem(f"{label} ({size.width()}×{size.height()})", screen.name())
        chosen = pick_screen(saved_screen_name())
        if chosen is not None:
            self.screen_box.setCurrentIndex(max(0, self.screen_box.findData(chosen.name())))
        self.screen_box.blockSignals(False)

    def on_changes(self, changes: OpChanges) -> None:
        if changes.touches(Area.AGENDA):
            self._load_items()
        if changes.touches(Area.PARTICIPANTS):
            self._load_candidates()
        self.controller.on_changes(changes)

    def on_shown(self) -> None:
        self.ticker.start()
        self.refresh_stats()

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)  # type: ignore[arg-type]
        self.ticker.start()
        self._enable_page_keys(True)

    def hideEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        self.ticker.stop()
        self._enable_page_keys(False)
        super().hideEvent(event)  # type: ignore[arg-type]

    def _enable_page_keys(self, enabled: bool) -> None:
        """F5-F8 run the floor from anywhere in the window while this page shows (focus may
        still be in the sidebar); while it is hidden they are off, so the Agenda page's own
        F5-F8 are not ambiguous."""
        for name in PAGE_WIDE_KEYS:
            if name in self.actions_by_name:
                self.actions_by_name[name].setEnabled(enabled)

    # -- showing the snapshot -------------------------------------------------------------------

    @property
    def snapshot(self) -> ListSnapshot | None:
        return self.controller.snapshot

    def _on_snapshot(self, snap: ListSnapshot | None) -> None:
        selected = self.selected_id()
        self._show_item_chosen(snap.item_id if snap else None)
        if snap is None:
            self.queue.set_rows([], [])
            self.history.set_rows([])
            self.now_name.setText("No agenda item")
            self.now_detail.clear()
            return
        self.queue.set_rows(snap.waiting, snap.held)
        self.history.set_rows(snap.history, self.controller.zone)
        current = snap.current
        if current is None:
            self.now_name.setText("Nobody has the floor")
            self.now_detail.setText(
                "F5 gives the floor to the next speaker."
                if snap.waiting
                else "Add speakers below (Ctrl+L)."
            )
        else:
            self.now_name.setText(current.title)
            detail = [
                current.delegation if current.name else "",
                current.capacity_text,
                current.speech_label,
                f"limit {limit_text(current.limit_s)}",
            ]
            if current.status == "paused":
                detail.insert(0, "PAUSED")
            self.now_detail.setText(" · ".join(d for d in detail if d))
        self.state_label.setText(
            "List closed (points of order and replies only)" if snap.closed else "List open"
        )
        self.close_button.setText("Reopen list" if snap.closed else "Close list")
        self.limit_spin.blockSignals(True)
        self.limit_spin.setSpecialValueText(
            f"Seminar default ({format_duration(snap.seminar_limit_s)})"
        )
        self.limit_spin.setValue(-1 if snap.item_limit_s is None else snap.item_limit_s)
        self.limit_spin.blockSignals(False)
        held = f", {len(snap.held)} right(s) of reply held" if snap.held else ""
        self.waiting_label.setText(f"{len(snap.waiting)} waiting{held}")
        if selected is not None:
            self.select(selected)
        if self.tabs.currentIndex() == 2:
            self.refresh_stats()

    def _style_countdown(self, phase: str) -> None:
        colour = PHASE_COLOURS.get(phase, "#FFFFFF")
        self.countdown.setStyleSheet(
            f"QLabel {{ background: #111; color: {colour}; border-radius: 8px; padding: 6px; }}"
        )

    def _on_countdown(self, text: str, phase: str) -> None:
        if phase != self.phase:
            self.phase = phase
            self._style_countdown(phase)
        self.countdown.setText(text or "–")

    def refresh_stats(self) -> None:
        if self.tabs.currentIndex() != 2 or self.snapshot is None:
            return
        scope = self.stats_scope.currentIndex()
        desk = self.ctx.desk
        if scope == 0:
            result = speaker_stats.item_stats(desk, self.snapshot.item_id)
        elif scope == 1:
            result = speaker_stats.day_stats(desk, self.snapshot.day_id)
        else:
            result = speaker_stats.seminar_stats(desk)
        self.stats_total.setText(
            f"{result.title}: {result.speeches} speeches, {format_duration(result.seconds)}"
        )
        for key, model in self.stats_models.items():
            model.set_lines(getattr(result, key))

    # -- selection ------------------------------------------------------------------------------

    def selected_id(self) -> str | None:
        index = self.list_view.currentIndex()
        if not index.isValid() or not self.list_view.selectionModel().isSelected(index):
            return None
        return index.data(ENTRY_ID_ROLE)

    def select(self, entry_id: str) -> None:
        row = self.queue.row_of(entry_id)
        if row >= 0:
            self.list_view.setCurrentIndex(self.queue.index(row))

    def _item_chosen(self, _index: int) -> None:
        self.controller.set_item(self.item_box.currentData())

    def _show_item_chosen(self, item_id: str | None) -> None:
        """The chooser shows the item on show (it may have followed the agenda)."""
        index = self.item_box.findData(item_id) if item_id else -1
        if index >= 0 and index != self.item_box.currentIndex():
            self.item_box.blockSignals(True)
            self.item_box.setCurrentIndex(index)
            self.item_box.blockSignals(False)

    # -- operations -----------------------------------------------------------------------------

    def show_error(self, message: str) -> None:
        """A refusal found by the page itself, shown like the services' refusals."""
        runner.show_refusal(self, message)

    def _run(self, op: object, *args: object) -> bool:
        """Run a service operation through the GUI runner (refusals are shown there)."""
        if self.controller.item_id is None:
            self.show_error("Choose an agenda item first.")
            return False
        return runner.call(self, op, *args, origin=self) is not None  # type: ignore[arg-type]

    def start_floor(self) -> None:
        """F5: the floor to the next speaker, or a paused speech resumed; never ends a speech."""
        current = self.snapshot.current if self.snapshot is not None else None
        if current is None:
            self.next_speaker()
        elif current.status == "paused":
            self.toggle_pause()
        else:
            self.show_error(
                f"{current.title} has the floor: F6 ends the speech, F7 gives the floor to the "
                "next speaker."
            )

    def replan(self) -> None:
        """F8, as on the Agenda: the rest of this item's day follows the actual times."""
        from seminar_desk.services.agenda import AgendaService

        item_id = self.controller.item_id
        if item_id is None:
            self.show_error("Choose an agenda item first.")
            return
        result = runner.call(self, AgendaService(self.ctx.desk).replan_day_of, item_id, self)
        window = self.window()
        if result is not None and isinstance(window, QMainWindow):
            window.statusBar().showMessage(f"Re-planned: {result.summary}", 8000)

    def next_speaker(self) -> None:
        self._run(self.service.next_speaker, self.controller.item_id)

    def toggle_pause(self) -> None:
        self._run(self.service.toggle_pause, self.controller.item_id)

    def finish(self) -> None:
        self._run(self.service.finish, self.controller.item_id)

    def put_back(self) -> None:
        self._run(self.service.put_back, self.controller.item_id)

    def clear(self) -> None:
        """Say how many requests the list loses, and clear it only if the chair agrees."""
        snap = self.snapshot
        count = len(snap.waiting) + len(snap.held) if snap else 0
        if snap is not None and count:
            parts = [counted(len(snap.waiting), "speaker waiting", "speakers waiting")]
            if snap.held:
                parts.append(counted(len(snap.held), "right of reply held", "rights of reply held"))
            question = (
                f"Take {' and '.join(parts)} off the list of “{snap.item_title}”?\n\n"
                "Speeches already held stay on record. Ctrl+Z puts the list back."
            )
            if not ask.confirm(self, question, yes="Clear the list"):
                return
        self._run(self.service.clear, self.controller.item_id)

    def call_replies(self) -> None:
        self._run(self.service.call_replies, self.controller.item_id)

    def toggle_closed(self) -> None:
        snap = self.snapshot
        if snap is not None:
            self._run(self.service.set_closed, snap.item_id, not snap.closed)

    def withdraw(self) -> None:
        entry = self.selected_id()
        if entry is None:
            self.show_error("Select a speaker in the list first.")
            return
        row = self.list_view.currentIndex().row()
        if self._run(self.service.withdraw, entry) and self.queue.rowCount():
            self.list_view.setCurrentIndex(self.queue.index(min(row, self.queue.rowCount() - 1)))

    def give_floor(self) -> None:
        entry = self.selected_id()
        if entry is None:
            self.show_error("Select a speaker in the list first.")
            return
        self._run(self.service.give_floor, entry)

    def move_selected(self, step: int) -> None:
        entry = self.selected_id()
        if entry is None:
            return
        row = self.queue.row_of(entry)
        if row >= self.queue.waiting_count:  # a held reply: into the list, at the end
            target = self.queue.waiting_count
        else:
            target = row + step
            if not 0 <= target < self.queue.waiting_count:
                return
        self._move_to(entry, target)

    def _move_to(self, entry_id: str, index: int) -> None:
        if self._run(self.service.move, entry_id, index):
            self.select(entry_id)

    def set_speaker_limit(self) -> None:
        entry = self.selected_id()
        snap = self.snapshot
        if entry is None or snap is None:
            entry = snap.current.id if snap and snap.current else None
        if entry is None:
            self.show_error("Select a speaker in the list first.")
            return
        text, ok = QInputDialog.getText(
            self,
            "Speaking time",
            "Minutes:seconds for this speaker (0 = no limit; empty = the usual rules):",
        )
        if not ok:
            return
        try:
            limit = parse_limit(text)
        except ValueError:
            self.show_error(f"Not a time: {text!r}")
            return
        self._run(self.service.set_speaker_limit, entry, limit)

    def _save_item_limit(self) -> None:
        snap = self.snapshot
        if snap is None:
            return
        value = self.limit_spin.value()
        limit = None if value < 0 else value
        if limit != snap.item_limit_s:
            self._run(self.service.set_item_limit, snap.item_id, limit)

    # -- adding ---------------------------------------------------------------------------------

    def focus_add(self) -> None:
        self.add_edit.setFocus()
        self.add_edit.selectAll()

    def _typed(self, text: str) -> None:
        self.typed_since_add = True
        self.candidate_filter.set_text(text)
        if text.strip():
            self.completer.complete()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if (
            watched is self.add_edit
            and event.type() == QEvent.Type.ShortcutOverride
            and is_undo_or_redo(event)  # type: ignore[arg-type]
            and not (self.typed_since_add and self.add_edit.text())
        ):
            # Ctrl+Z/Ctrl+Y belong to the Desk's undo unless they would undo typing in the field.
            event.ignore()
            return True
        popup = self.completer.popup()
        if (
            watched is popup and event.type() == QEvent.Type.KeyPress and event.key() in RETURN_KEYS  # type: ignore[attr-defined]
        ):
            self._enter_in_popup()
            return True  # neither the completer nor the field sees this Enter again
        return super().eventFilter(watched, event)

    def _enter_in_popup(self) -> None:
        """Enter with the completer open: the highlighted candidate, else the best match."""
        popup = self.completer.popup()
        index = popup.currentIndex()
        chosen = index.isValid() and popup.selectionModel().isSelected(index)
        candidate = index.data(CANDIDATE_ROLE) if chosen else None
        popup.hide()
        if isinstance(candidate, Candidate):
            self.add_candidate(candidate)
        else:
            self._enter_in_add()

    def _picked(self, index: QModelIndex) -> None:
        """A click in the completer's popup."""
        candidate = index.data(CANDIDATE_ROLE)
        if isinstance(candidate, Candidate) and self.add_candidate(candidate):
            # The completer puts the chosen text in the field after this slot.
            QTimer.singleShot(0, lambda: self.add_edit.setText(""))

    def _enter_in_add(self) -> None:
        text = self.add_edit.text().strip()
        if not text:
            return
        exact = [
            c for c in self.candidates.candidates if text in (c.text, f"{c.text} — delegation")
        ]
        if exact:
            self.add_candidate(exact[0])
            return
        self.candidate_filter.set_text(text)
        if self.candidate_filter.rowCount() == 0:
            self._reset_add_choices()
            self.show_error(f"No participant or delegation matches “{text}”.")
            return
        first = self.candidate_filter.index(0, 0).data(CANDIDATE_ROLE)
        self.add_candidate(first)

    def add_candidate(self, candidate: Candidate) -> bool:
        """Add the person or delegation with the capacity and speech type chosen beside.

        Whatever happens, the speech type and capacity go back to the usual (a statement in
        national capacity) before any question or refusal shows, so a refused right of reply
        is not silently reused next time.
        """
        speech_type = self.type_box.currentData()
        capacity, group_id = self.capacity_box.currentData() or (Capacity.NATIONAL.value, None)
        self._reset_add_choices()
        if capacity == Capacity.NATIONAL and candidate.org_kind and not candidate.is_state:
            capacity = Capacity.ORGANISATION.value
        added = self._add(candidate, speech_type, capacity, group_id)
        if added:
            # setText (not clear) also empties the field's own undo: Ctrl+Z is the Desk's now.
            self.add_edit.setText("")
            self.typed_since_add = False
            self.candidate_filter.set_text("")
        return added

    def _add(
        self, candidate: Candidate, speech_type: str, capacity: str, group_id: str | None
    ) -> bool:
        item_id = self.controller.item_id
        if item_id is None:
            self.show_error("Choose an agenda item first.")
            return False
        waiting = self.service.already_waiting(
            item_id,
            participant_id=candidate.participant_id,
            organisation_id=candidate.organisation_id,
            speech_type=speech_type,
        )
        if waiting and not ask.confirm(
            self,
            f"Already waiting on this list of speakers: {', '.join(waiting)}.\n\n"
            f"Add {candidate.text} as another request for the floor (a second intervention)?",
            yes="Add again",
        ):
            return False
        return self._run(
            lambda **kw: self.service.add(
                item_id,
                participant_id=candidate.participant_id,
                organisation_id=candidate.organisation_id,
                capacity=capacity,
                speech_type=speech_type,
                on_behalf_of_id=group_id,
                **kw,
            )
        )

    def _reset_add_choices(self) -> None:
        self.type_box.setCurrentIndex(0)
        self.capacity_box.setCurrentIndex(0)

    # -- projector ------------------------------------------------------------------------------

    def open_projector(self, *, full_screen: bool = True) -> ProjectorWindow:
        if self.projector is None:
            parent = self.ctx.window if isinstance(self.ctx.window, QWidget) else None
            self.projector = ProjectorWindow(self.controller, parent)
            self.destroyed.connect(self.projector.deleteLater)
        screen = pick_screen(str(self.screen_box.currentData() or saved_screen_name()))
        self.projector.show_on(screen, full_screen=full_screen)
        self._update_projector_state()
        return self.projector

    def close_projector(self) -> None:
        if self.projector is not None:
            self.projector.close()
        self._update_projector_state()

    def toggle_projector(self) -> None:
        if self.projector is not None and self.projector.isVisible():
            self.close_projector()
        else:
            self.open_projector()

    def _screen_chosen(self, _index: int) -> None:
        if self.projector is not None and self.projector.isVisible():
            self.open_projector()

    def show_message(self) -> None:
        self.controller.set_projector(ProjectorMode.MESSAGE, self.message_edit.text().strip())

    def toggle_clock(self) -> None:
        mode = (
            ProjectorMode.SPEAKERS
            if self.controller.mode == ProjectorMode.CLOCK
            else ProjectorMode.CLOCK
        )
        self.controller.set_projector(mode)

    def show_speakers(self) -> None:
        self.controller.set_projector(ProjectorMode.SPEAKERS)

    def _update_projector_state(self) -> None:
        shown = self.projector is not None and self.projector.isVisible()
        what = {
            ProjectorMode.SPEAKERS: "speakers and countdown",
            ProjectorMode.MESSAGE: f"message “{self.controller.message}”",
            ProjectorMode.CLOCK: "the clock",
        }[self.controller.mode]
        self.projector_state.setText(f"{'Showing' if shown else 'Closed; shows'} {what}")
        self.projector_state.setToolTip(self.projector_state.text())

    def show_help(self) -> None:
        ShortcutsDialog(self).exec()


SPEC = PageSpec(order=30, title="Speakers", factory=SpeakersPage)
