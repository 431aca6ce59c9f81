"""The Delegations tab: States and organisations, their codes, kinds and groups.

Each button is one service call and one undo step. Removing a delegation that participants or
speeches still point at offers to move them to another one instead (a merge).
"""

from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from seminar_desk.gui import runner
from seminar_desk.gui.participants.delegation_dialogs import DelegationDialog, MoveDialog
from seminar_desk.gui.participants.delegations_model import DelegationFilter, DelegationTableModel
from seminar_desk.gui.participants.model import ID_ROLE
from seminar_desk.gui.widgets import ask
from seminar_desk.gui.widgets.record_table import OneDialog, RecordTable, search_field
from seminar_desk.services.participants.delegations import DelegationRow, DelegationService


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


class DelegationsTab(QWidget, OneDialog):
    def __init__(self, service: DelegationService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.model = DelegationTableModel(service)
        self.proxy = DelegationFilter()
        self.proxy.setSourceModel(self.model)

        self.search = search_field("Find a delegation: name, code, kind, group…", self._filter)
        self.count = QLabel()
        self.add_button = QPushButton("Add delegation…")
        self.add_button.clicked.connect(self.add_delegation)
        self.edit_button = QPushButton("Edit…")
        self.edit_button.clicked.connect(self.edit_selected)
        self.merge_button = QPushButton("Merge into…")
        self.merge_button.setToolTip("Move its participants and speeches to another delegation")
        self.merge_button.clicked.connect(self.merge_selected)
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(self.remove_selected)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        for button in (self.add_button, self.edit_button, self.merge_button, self.remove_button):
            top.addWidget(button)

        self.table = RecordTable(self.model, self.proxy, ID_ROLE, single=True)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self._update_count()

    def reload(self) -> None:
        chosen = self.selected()
        self.model.reload()
        self._update_count()
        if chosen is not None:
            self.select(chosen.id)

    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        word = _plural(total, "delegation")
        self.count.setText(word if shown == total else f"{shown} of {word}")

    def selected(self) -> DelegationRow | None:
        ids = self.table.selected_ids()
        at = self.model.row_of(ids[0]) if ids else -1
        return self.model.rows[at] if at >= 0 else None

    def select(self, org_id: str) -> None:
        self.table.select(org_id)

    # -- actions --------------------------------------------------------------------------------

    def add_delegation(self) -> None:
        self.open_dialog(DelegationDialog(self.service.groups(), None, self), self._added)

    def _added(self, dialog: DelegationDialog) -> None:
        added = runner.call(self, self.service.add, **dialog.values())
        if added is not None:
            self.select(added.id)

    def edit_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.open_dialog(DelegationDialog(self.service.groups(), row, self), self._edited)

    def _edited(self, dialog: DelegationDialog) -> None:
        changes = dialog.changes()
        if changes and dialog.row is not None:
            runner.call(self, self.service.update, dialog.row.id, **changes)

    def merge_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        text = (
            f"Merge {row.name} ({row.code}) into another delegation: its {self._uses(row)} "
            f"move there and {row.name} is removed. Edit › Undo (Ctrl+Z) takes it back."
        )
        self._ask_move(row, text, "Merge")

    def remove_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        if row.in_use:
            text = (
                f"{row.name} ({row.code}) still has {self._uses(row)}. Move them to another "
                f"delegation and remove {row.name}?"
            )
            self._ask_move(row, text, "Move and remove")
            return
        if ask.confirm(
            self,
            f"Remove {row.name} ({row.code})? Edit › Undo (Ctrl+Z) brings it back.",
            yes="Remove",
        ):
            runner.call(self, self.service.remove, row.id)

    @staticmethod
    def _uses(row: DelegationRow) -> str:
        parts = [
            _plural(n, word)
            for n, word in ((row.participants, "participant"), (row.speeches, "speech"))
            if n
        ]
        return " and ".join(parts) or "nothing (no participants, no speeches)"

    def _ask_move(self, row: DelegationRow, text: str, ok: str) -> None:
        others = [r for r in self.model.rows if r.id != row.id]
        self.open_dialog(MoveDialog(row, others, text, ok, self), self._moved)

    def _moved(self, dialog: MoveDialog) -> None:
        target = dialog.target_id()
        if (
            target is not None
            and runner.call(self, self.service.merge, dialog.source.id, target) is not None
        ):
            self.select(target)
