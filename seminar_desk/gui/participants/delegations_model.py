"""Table model of the delegations (States and organisations) and its filter."""

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from seminar_desk.domain.kinds import OrgKind, label_of
from seminar_desk.domain.text import fold
from seminar_desk.gui.participants.model import ID_ROLE, SEARCH_ROLE, SORT_ROLE, search_words
from seminar_desk.services.participants.delegations import DelegationRow, DelegationService

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Code", "UN short name", "Kind", "Country", "Groups", "Participants", "Speeches")
NUMBERS = {5, 6}


class DelegationTableModel(QAbstractTableModel):
    def __init__(self, service: DelegationService) -> None:
        super().__init__()
        self.service = service
        self.rows: list[DelegationRow] = []
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

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == ID_ROLE:
            return row.id
        if role == SEARCH_ROLE:
            return self._keys[index.row()]
        column = index.column()
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
