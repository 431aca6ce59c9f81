"""The Speakers page: the list of speakers of an item, the speech in progress, the projector.

Keyboard first: every operation has a shortcut (see `gui.speakers.help`), the add field
completes names and delegations as you type, and the list reorders with Alt+arrows or by drag
and drop. Each operation is one undoable service action; the page redraws from the saved list.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QMainWindow,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from seminar_desk.domain.changes import Area, OpChanges
from seminar_desk.domain.speakers.speaking_time import format_duration
from seminar_desk.domain.text import counted
from seminar_desk.gui import runner
from seminar_desk.gui.context import DeskContext
from seminar_desk.gui.pages.base import Page, PageSpec, page_menu
from seminar_desk.gui.speakers.add_field import AddSpeakerBar
from seminar_desk.gui.speakers.controller import SpeakersController
from seminar_desk.gui.speakers.floor import FloorPanel
from seminar_desk.gui.speakers.help import ShortcutsDialog
from seminar_desk.gui.speakers.models import ENTRY_ID_ROLE, HistoryModel, QueueModel
from seminar_desk.gui.speakers.preview import ProjectorPreview
from seminar_desk.gui.speakers.projector import ProjectorWindow
from seminar_desk.gui.speakers.projector_panel import ProjectorPanel
from seminar_desk.gui.speakers.shortcuts import PageKeys
from seminar_desk.gui.speakers.stats_tab import StatsTab, sortable_table
from seminar_desk.gui.widgets import ask
from seminar_desk.services.speakers.rows import ListSnapshot


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


LIVE_MARK = "▶ "


class SpeakersPage(Page):
    def __init__(self, ctx: DeskContext) -> None:
        super().__init__(ctx)
        self.controller = SpeakersController(ctx.desk, self, bus=ctx.bus)
        self.service = self.controller.service
        self.keys = PageKeys(self)
        self.actions_by_name = self.keys.actions
        self._button = self.keys.button

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
        self.floor = FloorPanel(
            self._button,
            (
                ("start", "Start / resume", self.start_floor),
                ("next", "Next speaker", self.next_speaker),
                ("pause", "Pause / resume", self.toggle_pause),
                ("finish", "End speech", self.finish),
                ("put_back", "Put back last", self.put_back),
            ),
        )
        self.now_name, self.now_detail = self.floor.now_name, self.floor.now_detail
        self.countdown = self.floor.countdown

        # -- adding --
        self.adder = AddSpeakerBar(self.controller, self._run, self.show_error, self._button)
        self.add_edit, self.type_box = self.adder.add_edit, self.adder.type_box
        self.capacity_box, self.completer = self.adder.capacity_box, self.adder.completer
        self.candidates = self.adder.candidates
        self.candidate_filter = self.adder.candidate_filter
        self.add_candidate = self.adder.add_candidate
        self.focus_add = self.adder.focus_add

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
        list_layout.addWidget(self.adder)
        list_layout.addWidget(self.waiting_label)
        list_layout.addWidget(self.list_view, 1)
        list_layout.addLayout(list_buttons)
        list_layout.addLayout(list_buttons2)

        # -- speeches held --
        self.history = HistoryModel(self)
        self.history_view = sortable_table(self.history, self, stretch=1)
        # -- statistics --
        self.stats = StatsTab(self)
        self.stats_scope, self.stats_total = self.stats.stats_scope, self.stats.stats_total
        self.stats_models = self.stats.stats_models
        self.stats_scope.currentIndexChanged.connect(lambda _i: self.refresh_stats())

        self.tabs = QTabWidget()
        self.tabs.addTab(list_tab, "List of speakers")
        self.tabs.addTab(self.history_view, "Speeches held")
        self.tabs.addTab(self.stats, "Statistics")
        self.tabs.currentChanged.connect(lambda _i: self.refresh_stats())

        # -- projector --
        window = ctx.window if isinstance(ctx.window, QWidget) else None
        self.projector_panel = ProjectorPanel(self.controller, window, self._button, self.show_help)
        self.screen_box = self.projector_panel.screen_box
        self.message_edit = self.projector_panel.message_edit
        self.projector_state = self.projector_panel.state
        side = QVBoxLayout()
        side.addWidget(self.projector_panel)
        side.addStretch(1)
        main = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.floor)
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

        self.keys.speech_type_keys(self.type_box)
        self.keys.action("replan", "Re-plan the rest of the day", self.replan)
        self._build_menu()
        self.ticker = self.controller.ticker  # the one ticker: page, preview and projector
        self.ticker.countdown_changed.connect(self.floor.show_countdown)
        self.preview = ProjectorPreview(self.controller)
        side.insertWidget(1, self.preview)
        self.controller.snapshot_changed.connect(self._on_snapshot)
        self._load_items()
        self.adder.load_candidates()
        self.projector_panel.load_screens()
        self._on_snapshot(self.controller.snapshot)
        self.projector_panel.update_state()

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

    def on_changes(self, changes: OpChanges) -> None:
        if changes.touches(Area.AGENDA):
            self._load_items()
        if changes.touches(Area.PARTICIPANTS):
            self.adder.load_candidates()

    def on_shown(self) -> None:
        self.ticker.hold(self)
        self.refresh_stats()

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)  # type: ignore[arg-type]
        self.ticker.hold(self)
        self.keys.enable_page_keys(True)

    def hideEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        self.ticker.release(self)
        self.keys.enable_page_keys(False)
        super().hideEvent(event)  # type: ignore[arg-type]

    # -- showing the snapshot -------------------------------------------------------------------

    @property
    def snapshot(self) -> ListSnapshot | None:
        return self.controller.snapshot

    def _on_snapshot(self, snap: ListSnapshot | None) -> None:
        selected = self.selected_id()
        self._show_item_chosen(snap.item_id if snap else None)
        self.floor.show_snapshot(snap)
        if snap is None:
            self.queue.set_rows([], [])
            self.history.set_rows([])
            return
        self.queue.set_rows(snap.waiting, snap.held)
        self.history.set_rows(snap.history, self.controller.zone)
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

    def refresh_stats(self) -> None:
        if self.tabs.currentIndex() != 2 or self.snapshot is None:
            return
        self.stats.refresh(self.ctx.desk, self.snapshot)

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
        runner.show_refusal(self, message, live=True)

    def _run(self, op: object, *args: object) -> bool:
        """Run a service operation through the GUI runner. This page runs the meeting: its
        refusals are said in the window's message bar, the chair keeps the keyboard."""
        if self.controller.item_id is None:
            self.show_error("Choose an agenda item first.")
            return False
        return runner.live(self, op, *args, origin=self) is not None  # type: ignore[arg-type]

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
        result = runner.live(self, AgendaService(self.ctx.desk).replan_day_of, item_id, self)
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

    # -- projector ------------------------------------------------------------------------------

    @property
    def projector(self) -> ProjectorWindow | None:
        return self.projector_panel.projector

    def open_projector(self, *, full_screen: bool = True) -> ProjectorWindow:
        return self.projector_panel.open_projector(full_screen=full_screen)

    def close_projector(self) -> None:
        self.projector_panel.close_projector()

    def toggle_projector(self) -> None:
        self.projector_panel.toggle_projector()

    def show_message(self) -> None:
        self.projector_panel.show_message()

    def toggle_clock(self) -> None:
        self.projector_panel.toggle_clock()

    def show_speakers(self) -> None:
        self.projector_panel.show_speakers()

    def show_help(self) -> None:
        ShortcutsDialog(self).exec()


SPEC = PageSpec(order=30, title="Speakers", factory=SpeakersPage)
