"""The Participants page: the list of participants by delegation, attendance per day."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from seminar_desk.domain.changes import Area, OpChanges
from seminar_desk.gui import runner
from seminar_desk.gui.context import DeskContext
from seminar_desk.gui.pages.base import Page, PageSpec
from seminar_desk.gui.participants.model import (
    ID_ROLE,
    ParticipantFilter,
    ParticipantTableModel,
)
from seminar_desk.gui.widgets import ask
from seminar_desk.services.participants.service import ParticipantService


class ParticipantsPage(Page):
    def __init__(self, ctx: DeskContext) -> None:
        super().__init__(ctx)
        self.service = ParticipantService(ctx.desk)
        self.model = ParticipantTableModel(self.service)
        self.proxy = ParticipantFilter()
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(placeholderText="Find a participant, delegation or e-mail…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.count = QLabel()
        self.add_button = QPushButton("Add participant…")
        self.add_button.clicked.connect(self.add_participant)
        self.delete_button = QPushButton("Delete")
        self.delete_button.clicked.connect(self.delete_selected)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        top.addWidget(self.add_button)
        top.addWidget(self.delete_button)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self._fit_columns()
        self._update_count()

    def _fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        for column, width in ((0, 260), (1, 240), (3, 260), (5, 220)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), width))

    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(f"{shown} of {total}" if shown != total else f"{total} participants")

    def add_participant(self) -> None:
        name, ok = QInputDialog.getText(self, "Add participant", "Full name:")
        if not ok or not name.strip():
            return
        orgs = self.service.organisations()
        labels = ["(none)"] + [f"{o.name} ({o.code})" for o in orgs]
        choice, ok = QInputDialog.getItem(self, "Add participant", "Delegation:", labels, 0, False)
        if not ok:
            return
        org_id = orgs[labels.index(choice) - 1].id if choice != "(none)" else None
        runner.call(self, self.service.add, name, org_id)

    def delete_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        ids = [self.proxy.data(r, ID_ROLE) for r in rows]
        who = "1 participant" if len(ids) == 1 else f"{len(ids)} participants"
        question = f"Delete {who}? Edit › Undo (Ctrl+Z) brings them back."
        if ask.confirm(self, question, yes="Delete"):
            runner.call(self, self.service.delete, ids)

    def on_changes(self, changes: OpChanges) -> None:
        if changes.origin is self.model:
            return
        if changes.touches(Area.PARTICIPANTS, Area.AGENDA):
            self.model.reload()
            self._update_count()


SPEC = PageSpec(order=50, title="Participants", factory=ParticipantsPage)
