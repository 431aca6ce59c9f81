"""Breakouts & notes: the rapporteurs' workspace.

Left: every agenda item by day, with the breakout groups under their item, and the search box
whose results open the right page. Right: the notes of the chosen item or group (autosaved),
the groups of a breakout item, and the consolidated register of recommendations and actions.
"""

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from seminar_desk.domain.changes import Area, OpChanges
from seminar_desk.domain.kinds import PAUSE_KINDS, ItemKind
from seminar_desk.gui import runner
from seminar_desk.gui.agenda.model import plain_tooltip
from seminar_desk.gui.context import DeskContext
from seminar_desk.gui.notes.editor import NotesEditor
from seminar_desk.gui.notes.groups import GroupsPanel
from seminar_desk.gui.notes.models import HIT_ROLE, HitsModel
from seminar_desk.gui.notes.register import RegisterPanel
from seminar_desk.gui.notes.unsaved import CloseWatcher
from seminar_desk.gui.pages.base import Page, PageSpec
from seminar_desk.services.notes.breakouts import BreakoutService
from seminar_desk.services.notes.register import RegisterEntry, RegisterService
from seminar_desk.services.notes.search import SearchHit, SearchService
from seminar_desk.services.notes.service import NotesService, NoteTarget

SEARCH_DELAY_MS = 150
SEARCH_REFRESH_MS = 400
INDEX_STEP = 150  # rows folded and indexed per event-loop turn (a few tens of ms)
TARGET_ROLE = Qt.ItemDataRole.UserRole + 1  # ("item" | "group", id, item_id)
NOTES_TAB, GROUPS_TAB, REGISTER_TAB = range(3)


class BreakoutsPage(Page):
    def __init__(self, ctx: DeskContext) -> None:
        super().__init__(ctx)
        desk = ctx.desk
        self.breakouts = BreakoutService(desk)
        self.notes = NotesService(desk)
        self.search_service = SearchService(desk)
        self.register_service = RegisterService(desk)

        self.search = QLineEdit()
        self.search.setObjectName("notes_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText("Search every note, recommendation and action item")
        self.search.textChanged.connect(self._search_typed)
        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.run_search)
        # Results on show follow later writes, without saving the open note early.
        self.refresh_timer = QTimer(self, singleShot=True, interval=SEARCH_REFRESH_MS)
        self.refresh_timer.timeout.connect(lambda: self.run_search(flush=False))
        self.index_timer = QTimer(self, singleShot=True, interval=0)
        self.index_timer.timeout.connect(self.index_step)
        self.hits = HitsModel(self)
        self.results = QListView()
        self.results.setObjectName("search_results")
        self.results.setModel(self.hits)
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.results.activated.connect(lambda index: self.open_hit(index.data(HIT_ROLE)))
        self.results.clicked.connect(lambda index: self.open_hit(index.data(HIT_ROLE)))
        self.results_label = QLabel("")
        self.results_label.setObjectName("search_count")
        self.tree = QTreeWidget()
        self.tree.setObjectName("notes_tree")
        self.tree.setHeaderHidden(True)
        self.tree.currentItemChanged.connect(self._tree_changed)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.results_label)
        left_layout.addWidget(self.results, 1)
        left_layout.addWidget(self.tree, 2)
        self.results.hide()
        self.results_label.hide()

        self.editor = NotesEditor(self.notes, self.breakouts.people)
        self.groups = GroupsPanel(self.breakouts)
        self.groups.open_group.connect(self.open_group)
        self.register = RegisterPanel(self.register_service)
        self.register.open_entry.connect(self.open_entry)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("breakout_tabs")
        self.tabs.addTab(self.editor, "Notes")
        self.tabs.addTab(self.groups, "Breakout groups")
        self.tabs.addTab(self.register, "Register of recommendations and actions")

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([330, 950])
        QVBoxLayout(self).addWidget(split)
        if ctx.window is not None:
            ctx.window.installEventFilter(CloseWatcher(self.editor))
        self.fill_tree()

    # -- navigation ---------------------------------------------------------------------------

    def fill_tree(self) -> None:
        current = self.current_target()
        shown = self.tree.currentItem()
        shown_data = shown.data(0, TARGET_ROLE) if shown is not None else None
        self.tree.blockSignals(True)
        self.tree.clear()
        groups_by_item: dict[str, list[Any]] = {}
        for g in self.breakouts.groups():
            groups_by_item.setdefault(g.item_id, []).append(g)
        days: dict[int, QTreeWidgetItem] = {}
        for item in self.breakouts.items():
            if item.kind in PAUSE_KINDS and item.id not in groups_by_item:
                continue
            if item.day_number not in days:
                day = QTreeWidgetItem([f"Day {item.day_number}"])
                day.setFlags(day.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                self.tree.addTopLevelItem(day)
                day.setExpanded(True)
                days[item.day_number] = day
            node = QTreeWidgetItem([item.title])
            node.setData(0, TARGET_ROLE, ("item", item.id, item.id, item.kind))
            node.setToolTip(0, plain_tooltip(item.title))
            days[item.day_number].addChild(node)
            for g in groups_by_item.get(item.id, []):
                child = QTreeWidgetItem([g.name])
                child.setData(0, TARGET_ROLE, ("group", g.id, item.id, item.kind))
                child.setToolTip(0, plain_tooltip(g.name))
                node.addChild(child)
            node.setExpanded(True)
        if current is None:
            self.tree.blockSignals(False)
            return
        node = self._find_node(*current)
        if node is not None:  # the same page stays open: only its title may have changed
            self.tree.setCurrentItem(node)
            self.editor.title.setText(self._title(node))
        self.tree.blockSignals(False)
        if node is None:
            self._tree_changed(None, None)  # what was open is gone (deleted, or undone)
            item_id = shown_data[2] if shown_data and shown_data[0] == "group" else None
            if item_id is not None and self._find_node("item", item_id) is not None:
                # A group went: its breakout item's other groups stay in front of the user.
                self.groups.open_item(item_id)

    def current_target(self) -> tuple[str, str] | None:
        node = self.tree.currentItem()
        data = node.data(0, TARGET_ROLE) if node is not None else None
        return (data[0], data[1]) if data else None

    def _find_node(self, kind: str, ref_id: str) -> QTreeWidgetItem | None:
        for top in range(self.tree.topLevelItemCount()):
            day = self.tree.topLevelItem(top)
            for i in range(day.childCount()):
                node = day.child(i)
                if (kind, ref_id) == tuple(node.data(0, TARGET_ROLE)[:2]):
                    return node
                for j in range(node.childCount()):
                    child = node.child(j)
                    if (kind, ref_id) == tuple(child.data(0, TARGET_ROLE)[:2]):
                        return child
        return None

    def select(self, kind: str, ref_id: str) -> bool:
        node = self._find_node(kind, ref_id)
        if node is None:
            return False
        if self.tree.currentItem() is node:
            self._tree_changed(node, None)
        else:
            self.tree.setCurrentItem(node)
        return True

    def open_group(self, group_id: str) -> None:
        if self.select("group", group_id):
            self.tabs.setCurrentIndex(NOTES_TAB)

    @staticmethod
    def _title(node: QTreeWidgetItem | None) -> str:
        if node is None:
            return ""
        data = node.data(0, TARGET_ROLE)
        if data and data[0] == "group" and node.parent() is not None:
            return f"{node.text(0)} — {node.parent().text(0)}"
        return node.text(0)

    def _tree_changed(self, node: QTreeWidgetItem | None, _previous: Any) -> None:
        data = node.data(0, TARGET_ROLE) if node is not None else None
        if not data:
            self.editor.open(None)
            self.groups.open_item(None)
            return
        kind, ref_id, item_id, item_kind = data
        target = NoteTarget(group_id=ref_id) if kind == "group" else NoteTarget(item_id=ref_id)
        self.editor.open(target, self._title(node))
        breakout = item_kind == ItemKind.BREAKOUT or (
            node is not None and (node.childCount() > 0 or kind == "group")
        )
        self.tabs.setTabEnabled(GROUPS_TAB, breakout)
        self.groups.open_item(item_id if breakout else None, ref_id if kind == "group" else None)

    # -- search -------------------------------------------------------------------------------

    def _search_typed(self, text: str) -> None:
        if not text.strip():
            self.search_timer.stop()
            self.hits.set_rows([])
            self.results.hide()
            self.results_label.hide()
            return
        self.search_timer.start()

    def run_search(self, flush: bool = True) -> None:
        """Search now (the timer calls this as the rapporteur types)."""
        self.search_timer.stop()
        self.refresh_timer.stop()
        if flush:
            self.editor.flush()  # what was just typed is findable too
        query = self.search.text()
        hits = runner.live(self, self.search_service.search, query) if query.strip() else []
        if hits is None:  # refused (said in the message bar, the typing goes on) or failed
            return
        self.hits.set_rows(hits)
        visible = bool(query.strip())
        self.results.setVisible(visible)
        self.results_label.setVisible(visible)
        count = "No result" if not hits else f"{len(hits)} result{'s' * (len(hits) > 1)}"
        self.results_label.setText(f"{count} for “{query.strip()}”")

    def open_hit(self, hit: SearchHit | None) -> None:
        if hit is None:
            return
        kind, ref = ("group", hit.group_id) if hit.group_id else ("item", hit.item_id)
        if ref is not None and self.select(kind, ref):
            self.tabs.setCurrentIndex(NOTES_TAB)
            words = self.search.text().split()
            self.editor.show_section(hit.section, words[0] if words else "")

    def open_entry(self, entry: RegisterEntry | None) -> None:
        if entry is None:
            return
        kind, ref = ("group", entry.group_id) if entry.group_id else ("item", entry.item_id)
        if self.select(kind, ref):
            self.tabs.setCurrentIndex(NOTES_TAB)
            self.editor.show_section(
                "recommendations" if entry.kind == "recommendation" else "action_items"
            )

    # -- life cycle ---------------------------------------------------------------------------

    def hideEvent(self, event: Any) -> None:  # noqa: N802 (Qt API)
        self.editor.flush()
        self.groups.flush()
        super().hideEvent(event)

    def flush(self) -> None:
        self.editor.flush()
        self.groups.flush()

    def may_close(self) -> bool:
        return self.editor.settle_unsaved()

    def on_shown(self) -> None:
        self.index_step()

    def index_step(self) -> None:
        """Index rows written elsewhere (demo, imports, undo) a little at a time.

        The index is kept in the file: one open read-only is searched as it is. A refusal (a
        full disk) is said in the message bar through the runner (no box: the rapporteur keeps
        the keyboard) and indexing waits for the next time the page shows."""
        if self.search_service.desk.db.read_only:
            return
        done = runner.live(self, self.search_service.catch_up, limit=INDEX_STEP)
        if done is not None and done >= INDEX_STEP:
            self.index_timer.start()

    def on_changes(self, changes: OpChanges) -> None:
        if changes.origin is self:
            return
        if changes.touches(Area.AGENDA, Area.BREAKOUTS) and changes.origin is not self.editor:
            self.fill_tree()
        self.editor.on_changes(changes)
        self.groups.on_changes(changes)
        self.register.on_changes(changes)
        if (
            changes.touches(Area.NOTES, Area.AGENDA, Area.BREAKOUTS)
            and self.search.text().strip()
            and not self.search_timer.isActive()
        ):
            # Results on show follow the text: a note typed, a row deleted, an undo.
            self.refresh_timer.start()


SPEC = PageSpec(order=40, title="Breakouts & notes", factory=BreakoutsPage)
