"""Table model of the delegations (States and organisations) and its filter."""

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from seminar_desk.domain.kinds import OrgKind, label_of
from seminar_desk.domain.text import fold
from seminar_desk.gui.participants.model import ID_ROLE, SEARCH_ROLE, SORT_ROLE, search_words
from seminar_desk.gui.widgets.list_model import PlainTableModel
from seminar_desk.services.participants.delegations import DelegationRow, DelegationService

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Code", "UN short name", "Kind", "Country", "Groups", "Participants", "Speeches")
NUMBERS = {5, 6}


class DelegationTableModel(PlainTableModel[DelegationRow]):
    def __init__(self, service: DelegationService) -> None:
        super().__init__()
        self.service = service
        self._keys: list[str] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = self.service.delegations()
        self._keys = [search_words(fold(" ".join(self._texts(r)[:5]))) for r in self.rows]
        self.endResetModel()

    def row_of(self, org_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == org_id), -1)

    @staticmethod
    def _texts(row: DelegationRow) -> tuple[str, ...]:
        return (
            row.code,
            row.name,
            label_of(OrgKind, row.kind),
            row.country,
            ", ".join(row.groups),
            str(row.participants),
            str(row.speeches),
        )

    def titles(self) -> tuple[str, ...]:
        return COLUMNS

    def cell(self, at: int, column: int, role: int) -> Any:
        row = self.rows[at]
        if role == ID_ROLE:
            return row.id
        if role == SEARCH_ROLE:
            return self._keys[at]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts(row)[column]
        if role == SORT_ROLE:
            if column in NUMBERS:
                return row.participants if column == 5 else row.speeches
            return fold(self._texts(row)[column])
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return row.name
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class DelegationFilter(QSortFilterProxyModel):
    """Every typed word at the start of a word of the code, name, kind, country or groups."""

    def __init__(self) -> None:
        super().__init__()
        self._parts: list[str] = []
        self.setSortRole(SORT_ROLE)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._parts = [" " + p for p in fold(text).split()]
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        if not self._parts:
            return True
        model = self.sourceModel()
        key = model.data(model.index(source_row, 0, source_parent), SEARCH_ROLE) or ""
        return all(part in key for part in self._parts)
