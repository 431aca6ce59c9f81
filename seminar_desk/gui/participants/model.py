"""Table model of the list of participants, with one checkable attendance column per day, and
the filter that sits on it (typed text, present or missing on a day).

Columns: who (name, delegation, kind, role, gender), then the days (so attendance stays in
view on a small screen), then function and e-mail. Text fields are edited in their cells;
delegation, role and gender offer their choices (`CHOICES_ROLE`) to a combo box delegate.
"""

import unicodedata
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from seminar_desk.domain.kinds import Gender, OrgKind, ParticipantRole, label_of
from seminar_desk.domain.text import fold
from seminar_desk.gui import runner
from seminar_desk.gui.widgets.list_model import PlainTableModel
from seminar_desk.services.participants.names import resorted
from seminar_desk.services.participants.service import (
    DayRow,
    OrganisationRow,
    ParticipantRow,
    ParticipantService,
)

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
DAYS_ROLE = Qt.ItemDataRole.UserRole + 4  # frozenset of the ids of the days present
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 5  # [(label, value)] for a combo box editor

LEAD = (
    ("Name", "name"),
    ("Delegation / organisation", "organisation_id"),
    ("Kind", "organisation_kind"),
    ("Role", "role"),
    ("Gender", "gender"),
)
TRAIL = (("Function", "function"), ("E-mail", "email"))
COLUMNS = LEAD + TRAIL
TEXT_FIELDS = {"name", "function", "email"}
CHOICE_FIELDS = {"organisation_id", "role", "gender"}
NO_DELEGATION = "(no delegation)"


@dataclass(frozen=True)
class Column:
    title: str
    field: str = ""
    day: DayRow | None = None


class ParticipantTableModel(PlainTableModel[ParticipantRow]):
    def __init__(self, service: ParticipantService) -> None:
        super().__init__()
        self.service = service
        self.days: list[DayRow] = []
        self.organisations: list[OrganisationRow] = []
        self.columns: list[Column] = []
        self._titles: tuple[str, ...] = ()
        self.search_keys: list[str] = []  # per row, see `search_words`
        self._order: tuple[int, Qt.SortOrder] | None = None
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = self.service.participants()
        self.days = self.service.days()
        self.organisations = self.service.organisations()
        self.columns = [
            *(Column(t, f) for t, f in LEAD),
            *(Column(f"Day {d.number}", day=d) for d in self.days),
            *(Column(t, f) for t, f in TRAIL),
        ]
        self._titles = tuple(c.title for c in self.columns)
        self.search_keys = [search_words(r.search_key) for r in self.rows]
        if self._order is not None and self._order[0] < len(self.columns):
            self._arrange(*self._order)
        self.endResetModel()

    def titles(self) -> tuple[str, ...]:
        return self._titles

    def column_of(self, field: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.field == field)

    def day_column(self, day_id: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.day and c.day.id == day_id)

    def row_of(self, participant_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == participant_id), -1)

    def header(self, section: int, role: int) -> Any:
        column = self.columns[section]
        if role == Qt.ItemDataRole.ToolTipRole and column.day is not None:
            return f"{column.day.label}: tick who is present"
        return super().header(section, role)

    def cell(self, at: int, column_at: int, role: int) -> Any:
        row = self.rows[at]
        column = self.columns[column_at]
        if role == ID_ROLE:
            return row.id
        if role == SEARCH_ROLE:
            return self.search_keys[at]
        if role == DAYS_ROLE:
            return row.days_present
        if column.day is not None:
            present = column.day.id in row.days_present
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if present else Qt.CheckState.Unchecked
            if role == SORT_ROLE:
                return int(present)
            return None
        if role == CHOICES_ROLE:
            return self._choices(column.field)
        if role == Qt.ItemDataRole.EditRole:
            return getattr(row, column.field)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column.field)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column.field in {"function", "organisation_id"}:
            return self._display(row, column.field) or None
        return None

    @staticmethod
    def _display(row: ParticipantRow, field: str) -> str:
        if field == "name":
            return f"{row.honorific} {row.name}" if row.honorific else row.name
        if field == "organisation_id":
            return row.organisation
        if field == "organisation_kind":
            return label_of(OrgKind, row.organisation_kind) if row.organisation_kind else ""
        if field == "role":
            return label_of(ParticipantRole, row.role) if row.role else ""
        if field == "gender":
            return label_of(Gender, row.gender) if row.gender else ""
        return str(getattr(row, field))

    def _sort_key(self, row: ParticipantRow, column: Column) -> Any:
        if column.day is not None:
            return int(column.day.id in row.days_present)
        if column.field == "name":  # family name first when known, as lists sort
            return row.sort_name or fold(row.name)
        return fold(self._display(row, column.field))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows here, each key computed once (a proxy sorting 1,000 rows asks for
        two keys per comparison: too slow to refilter on every keystroke)."""
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        before = [r.id for r in self.rows]
        self._arrange(column, order)
        moved = {pid: at for at, pid in enumerate(r.id for r in self.rows)}
        old = self.persistentIndexList()
        new = [self.index(moved[before[i.row()]], i.column()) for i in old]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _arrange(self, column: int, order: Qt.SortOrder) -> None:
        spec = self.columns[column]
        keys = [(self._sort_key(r, spec), r.sort_name or fold(r.name)) for r in self.rows]
        ranked = sorted(
            range(len(self.rows)),
            key=keys.__getitem__,
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self.rows = [self.rows[i] for i in ranked]
        self.search_keys = [self.search_keys[i] for i in ranked]
        self._order = (column, order)

    def _choices(self, field: str) -> list[tuple[str, Any]] | None:
        if field == "organisation_id":
            return [(NO_DELEGATION, None)] + [(o.name, o.id) for o in self.organisations]
        if field == "role":
            return [(r.label, r.value) for r in ParticipantRole]
        if field == "gender":
            return [(g.label, g.value) for g in Gender]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.columns[index.column()]
        if column.day is not None:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if column.field in TEXT_FIELDS | CHOICE_FIELDS:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if column.day is not None and role == Qt.ItemDataRole.CheckStateRole:
            present = Qt.CheckState(value) == Qt.CheckState.Checked
            return self.mark(row.id, column.day.id, present)
        if column.day is None and role == Qt.ItemDataRole.EditRole:
            field = column.field
            if field in TEXT_FIELDS:
                value = str(value).strip()
            if field not in TEXT_FIELDS | CHOICE_FIELDS or value == getattr(row, field):
                return False
            if (
                runner.call(None, self.service.update, row.id, origin=self, **{field: value})
                is None
            ):
                return False  # refused, and shown by the runner
            self._replace(index.row(), self._edited(row, field, value))
            return True
        return False

    def mark(self, participant_id: str, day_id: str, present: bool) -> bool:
        """Mark someone present or absent on a day (one undo step); False if refused."""
        at = self.row_of(participant_id)
        if at < 0:
            return False
        if (
            runner.call(None, self.service.set_present, participant_id, day_id, present, self)
            is None
        ):
            return False
        row = self.rows[at]
        days = row.days_present | {day_id} if present else row.days_present - {day_id}
        self._replace(at, replace(row, days_present=days))
        return True

    def _edited(self, row: ParticipantRow, field: str, value: Any) -> ParticipantRow:
        if field == "name":  # the family name stays first in the sort name (as the service)
            return replace(row, name=value, sort_name=resorted(row.name, row.sort_name, value))
        if field != "organisation_id":
            return replace(row, **{field: value})
        org = next((o for o in self.organisations if o.id == value), None)
        return replace(
            row,
            organisation_id=value,
            organisation=org.name if org else "",
            organisation_kind=org.kind if org else "",
            organisation_code=org.code if org else "",
        )

    def _replace(self, at: int, row: ParticipantRow) -> None:
        self.rows[at] = row
        self.search_keys[at] = search_words(row.search_key)
        self.dataChanged.emit(self.index(at, 0), self.index(at, len(self.columns) - 1))

    def present_count(self, day_id: str) -> int:
        return sum(day_id in r.days_present for r in self.rows)


class ParticipantFilter(QSortFilterProxyModel):
    """Matches typed text (every word, accents and case folded, at the start of a word of the
    name, delegation and its code, kind, function, role, gender or e-mail) and, optionally,
    who is present or missing on one day. Sorting is the base model's (`sort` hands it on)."""

    def __init__(self) -> None:
        super().__init__()
        self._parts: list[str] = []
        self._day: str | None = None
        self._present = False
        self._base: ParticipantTableModel | None = None

    def setSourceModel(self, model: QAbstractItemModel) -> None:  # noqa: N802
        assert isinstance(model, ParticipantTableModel)
        self._base = model
        super().setSourceModel(model)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._base is not None:
            self._base.sort(column, order)

    def set_text(self, text: str) -> None:
        parts = [" " + p for p in fold(text).split()]
        if parts == self._parts:
            return
        self.beginFilterChange()
        self._parts = parts
        self.endFilterChange()

    def set_day(self, day_id: str | None, present: bool = False) -> None:
        """Show only who is present (or missing, `present=False`) on a day; None: everyone."""
        self.beginFilterChange()
        self._day, self._present = day_id, present
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        base = self._base
        if base is None:
            return True
        if self._day is not None and (self._day in base.rows[source_row].days_present) != (
            self._present
        ):
            return False
        key = base.search_keys[source_row]
        return all(part in key for part in self._parts)


def search_words(key: str) -> str:
    """The folded key with punctuation as spaces and a leading space, so " sophal" finds
    "chea.sophal@…" and " leste" "Timor-Leste" (marks stay: Thai and Khmer vowels)."""
    return " " + "".join(
        ch if ch.isalnum() or unicodedata.category(ch).startswith("M") else " " for ch in key
    )
