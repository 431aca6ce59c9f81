"""Qt models of the rapporteurs' workspace: people to drag, rows to edit, the register, hits."""

import dataclasses
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QDate,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from seminar_desk.domain.kinds import ActionStatus, RecommendationStatus, label_of
from seminar_desk.domain.text import fold
from seminar_desk.gui.agenda.model import plain_tooltip
from seminar_desk.gui.widgets.list_model import PlainListModel, PlainTableModel
from seminar_desk.services.notes.breakouts import Person
from seminar_desk.services.notes.register import RegisterEntry
from seminar_desk.services.notes.register_export import RegisterFilter
from seminar_desk.services.notes.search import SearchHit
from seminar_desk.services.notes.service import ActionRow, RecommendationRow

PEOPLE_MIME = "application/x-seminar-desk-participants"
Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
HIT_ROLE = Qt.ItemDataRole.UserRole + 2
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 3


class PeopleModel(PlainListModel[Person]):
    """Participants, draggable onto a group's member list (their ids travel as text)."""

    def row_data(self, person: Person, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return person.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(
                f"{person.name}\n{person.organisation}" if person.organisation else person.name
            )
        if role == ID_ROLE:
            return person.id
        if role == Qt.ItemDataRole.UserRole:
            return fold(f"{person.name} {person.org_code} {person.organisation}")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [PEOPLE_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        mime = QMimeData()
        ids = [self.rows[i.row()].id for i in indexes if i.isValid()]
        mime.setData(PEOPLE_MIME, "\n".join(dict.fromkeys(ids)).encode())
        return mime

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.CopyAction


def ids_from_mime(mime: QMimeData) -> list[str]:
    if not mime.hasFormat(PEOPLE_MIME):
        return []
    raw = bytes(mime.data(PEOPLE_MIME).data()).decode()
    return [line for line in raw.splitlines() if line]


class RowsModel(PlainTableModel):
    """Recommendations or action items of one page, edited in place (each edit undoable)."""

    def __init__(
        self,
        kind: str,
        save: Callable[[str, dict[str, Any]], bool],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.save = save
        self.rows: list[Any] = []
        if kind == "recommendation":
            self.columns = [
                ("text", "Recommendation"),
                ("addressee", "Addressed to"),
                ("status", "Status"),
            ]
            self.statuses: type[Any] = RecommendationStatus
        else:
            self.columns = [
                ("text", "Action"),
                ("owner", "Owner"),
                ("due_date", "Due"),
                ("status", "Status"),
            ]
            self.statuses = ActionStatus

    def set_rows(self, rows: Sequence[RecommendationRow] | Sequence[ActionRow]) -> None:
        """Show `rows`, changing only what differs: rows gone are removed, new ones inserted,
        moved ones moved and changed ones updated in place. Never a reset: a reset closes the
        cell being typed in, and Tab then opened another row's text (issue 9, defect 1)."""
        new = list(rows)
        wanted = {r.id for r in new}
        for at in range(len(self.rows) - 1, -1, -1):
            if self.rows[at].id not in wanted:
                self.beginRemoveRows(QModelIndex(), at, at)
                del self.rows[at]
                self.endRemoveRows()
        for at, row in enumerate(new):
            ids = [r.id for r in self.rows]
            if at < len(ids) and ids[at] == row.id:
                if self.rows[at] != row:
                    self.rows[at] = row
                    self._row_changed(at)
            elif row.id in ids:
                was = ids.index(row.id)  # further down: bring it up to `at`
                self.beginMoveRows(QModelIndex(), was, was, QModelIndex(), at)
                self.rows.insert(at, self.rows.pop(was))
                self.endMoveRows()
                if self.rows[at] != row:
                    self.rows[at] = row
                    self._row_changed(at)
            else:
                self.beginInsertRows(QModelIndex(), at, at)
                self.rows.insert(at, row)
                self.endInsertRows()

    def _row_changed(self, at: int) -> None:
        """One row, every column: a range, so the view leaves an open cell's text alone."""
        self.dataChanged.emit(self.index(at, 0), self.index(at, len(self.columns) - 1))

    def row_stored(self, row_id: str, values: dict[str, Any]) -> None:
        """What a cell stored is now the row's value (the echo of its own edit, in place)."""
        at = next((i for i, r in enumerate(self.rows) if r.id == row_id), None)
        if at is None:
            return
        updated = dataclasses.replace(self.rows[at], **values)
        if updated != self.rows[at]:
            self.rows[at] = updated
            self._row_changed(at)

    def row_total(self) -> int:
        return len(self.rows)

    def titles(self) -> list[str]:
        return [title for _name, title in self.columns]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        name = self.columns[index.column()][0]
        value = getattr(row, name)
        if role == Qt.ItemDataRole.DisplayRole:
            if name == "status":
                return label_of(self.statuses, value)
            if name == "due_date":
                return value.strftime("%d %b %Y") if value else ""
            if name == "text" and row.merged_into_id:
                return f"{value} (merged)"
            return value
        if role == Qt.ItemDataRole.EditRole:
            if name == "due_date":
                return QDate(value.year, value.month, value.day) if value else QDate()
            return value
        if role == Qt.ItemDataRole.ToolTipRole and name == "text":
            return plain_tooltip(str(value or ""))
        if role == ID_ROLE:
            return row.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if not 0 <= index.row() < len(self.rows):
            return False
        name = self.columns[index.column()][0]
        if name == "due_date":
            value = value.toPython() if isinstance(value, QDate) and value.isValid() else None
            if value is not None and not isinstance(value, date):
                return False
        elif name == "status":
            try:
                value = self.statuses(value).value
            except ValueError:
                return False
        else:
            value = str(value)
        row_id = self.rows[index.row()].id
        if getattr(self.rows[index.row()], name) == value:
            return False
        if not self.save(row_id, {name: value}):
            return False  # refused (shown by the runner): the row keeps what is stored
        self.row_stored(row_id, {name: value})
        return True


class RegisterModel(PlainTableModel):
    """Every recommendation and action item; roles carry what the filters need."""

    COLUMNS = ("Day", "Source", "Kind", "Text", "Addressee / owner", "Status", "Due")
    TEXT_COLUMN, SOURCE_COLUMN, WHO_COLUMN = 3, 1, 4

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.entries: list[RegisterEntry] = []
        self._shown: list[tuple[str, ...]] = []

    def set_entries(self, entries: Sequence[RegisterEntry]) -> None:
        """Texts are computed once here: views ask for them thousands of times."""
        self.beginResetModel()
        self.entries = list(entries)
        self._shown = [self._display(e) for e in self.entries]
        self.endResetModel()

    @staticmethod
    def _display(e: RegisterEntry) -> tuple[str, ...]:
        statuses: type[Any] = RecommendationStatus if e.kind == "recommendation" else ActionStatus
        status = label_of(statuses, e.status)
        if e.merged_into_id:
            status += " · merged"
        elif len(e.sources) > 1:
            status += f" · {len(e.sources) - 1} merged in"
        return (
            f"Day {e.day_number}",
            "; ".join(e.sources) if len(e.sources) > 1 else e.place,
            "Rec." if e.kind == "recommendation" else "Action",
            e.text,
            e.who,
            status,
            e.due_date.strftime("%d %b %Y") if e.due_date else "",
        )

    def row_total(self) -> int:
        return len(self.entries)

    def titles(self) -> tuple[str, ...]:
        return self.COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        e = self.entries[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown[index.row()][col]
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.TEXT_COLUMN, self.SOURCE_COLUMN):
            return plain_tooltip(e.text if col == self.TEXT_COLUMN else "\n".join(e.sources))
        if role == ID_ROLE:
            return e.id
        if role == ENTRY_ROLE:
            return e
        return None


def refilter(proxy: QSortFilterProxyModel, change: Callable[[], object]) -> None:
    """Apply `change` to a proxy's filter (Qt 6.9+ API, with the older call as fallback)."""
    if hasattr(proxy, "beginFilterChange"):
        proxy.beginFilterChange()
        change()
        proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
    else:  # pragma: no cover - Qt before 6.9
        change()
        proxy.invalidateFilter()


class RegisterProxy(QSortFilterProxyModel):
    """The rows of the register its filters let through: the export's own rule
    (`RegisterFilter.matches`), so the file holds what the view shows."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.keep = RegisterFilter()

    def set_filter(self, keep: RegisterFilter) -> None:
        refilter(self, lambda: setattr(self, "keep", keep))

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        return self.keep.matches(model.index(source_row, 0, source_parent).data(ENTRY_ROLE))


class HitsModel(PlainListModel[SearchHit]):
    """Search results: where, what kind, and the line that matched."""

    def row_data(self, hit: SearchHit, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit.place} · {hit.kind_label}\n{hit.snippet}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(hit.snippet)
        if role == HIT_ROLE:
            return hit
        if role == ID_ROLE:
            return hit.ref_id
        return None
