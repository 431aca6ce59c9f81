"""Table model of the list of participants, with one checkable attendance column per day."""

from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from seminar_desk.domain.kinds import OrgKind, ParticipantRole, label_of
from seminar_desk.domain.text import fold
from seminar_desk.gui import runner
from seminar_desk.services.participants.service import DayRow, ParticipantRow, ParticipantService

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMNS = (
    ("Name", "name"),
    ("Delegation / organisation", "organisation"),
    ("Kind", "organisation_kind"),
    ("Function", "function"),
    ("Role", "role"),
    ("E-mail", "email"),
)
EDITABLE = {"name", "function", "email"}


class ParticipantTableModel(QAbstractTableModel):
    def __init__(self, service: ParticipantService) -> None:
        super().__init__()
        self.service = service
        self.rows: list[ParticipantRow] = []
        self.days: list[DayRow] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = self.service.participants()
        self.days = self.service.days()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS) + len(self.days)

    def _day(self, column: int) -> DayRow | None:
        offset = column - len(COLUMNS)
        return self.days[offset] if 0 <= offset < len(self.days) else None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section < len(COLUMNS):
            return COLUMNS[section][0]
        day = self._day(section)
        return f"Day {day.number}" if day else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        day = self._day(index.column())
        if role == ID_ROLE:
            return row.id
        if role == SEARCH_ROLE:
            return row.search_key
        if day is not None:
            if role == Qt.ItemDataRole.CheckStateRole:
                present = day.id in row.days_present
                return Qt.CheckState.Checked if present else Qt.CheckState.Unchecked
            return None
        field = COLUMNS[index.column()][1]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = getattr(row, field)
            if field == "name" and role == Qt.ItemDataRole.DisplayRole and row.honorific:
                return f"{row.honorific} {value}"
            if field == "organisation_kind" and value:
                return label_of(OrgKind, value)
            if field == "role" and value:
                return label_of(ParticipantRole, value)
            return value
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._day(index.column()) is not None:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if COLUMNS[index.column()][1] in EDITABLE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        row = self.rows[index.row()]
        day = self._day(index.column())
        if day is not None and role == Qt.ItemDataRole.CheckStateRole:
            present = Qt.CheckState(value) == Qt.CheckState.Checked
            if runner.call(None, self.service.set_present, row.id, day.id, present, self) is None:
                return False
            days = row.days_present | {day.id} if present else row.days_present - {day.id}
            self.rows[index.row()] = replace(row, days_present=days)
        elif day is None and role == Qt.ItemDataRole.EditRole:
            field = COLUMNS[index.column()][1]
            if field not in EDITABLE or str(value) == getattr(row, field):
                return False
            text = str(value)
            if runner.call(None, self.service.update, row.id, origin=self, **{field: text}) is None:
                return False  # refused, and shown by the runner
            self.rows[index.row()] = replace(row, **{field: str(value)})
        else:
            return False
        self.dataChanged.emit(index, index, [role])
        return True


class ParticipantFilter(QSortFilterProxyModel):
    """Matches typed text against names, delegations, functions and e-mails, accents folded."""

    def __init__(self) -> None:
        super().__init__()
        self._needle = ""

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = fold(text.strip())
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        if not self._needle:
            return True
        model = self.sourceModel()
        key = model.data(model.index(source_row, 0, source_parent), SEARCH_ROLE) or ""
        return all(part in key for part in self._needle.split())
