"""Qt models over plain snapshots: the waiting list (with drag and drop), speeches held,
statistics lines, and people and delegations for the completer.

A new snapshot never resets a model: rows that stay are updated in place, rows that come and
go are inserted and removed (`replace_rows`), so selections, the completer's open popup and a
view's scroll position survive every refresh.
"""

from collections.abc import Callable, Hashable, Sequence
from functools import lru_cache
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor

from seminar_desk.domain.speakers.speaking_time import format_duration
from seminar_desk.domain.text import fold
from seminar_desk.services.speakers.rows import Candidate, SpeakerRow
from seminar_desk.services.speakers.stats import StatLine

Index = QModelIndex | QPersistentModelIndex
USER = Qt.ItemDataRole.UserRole
ENTRY_ID_ROLE = USER + 1
ROW_ROLE = USER + 2
NAME_ROLE = USER + 3
DELEGATION_ROLE = USER + 4
CAPACITY_ROLE = USER + 5
SPEECH_TYPE_ROLE = USER + 6
HELD_ROLE = USER + 7
LIMIT_ROLE = USER + 8
SORT_ROLE = USER + 9
CANDIDATE_ROLE = USER + 10
SEARCH_ROLE = USER + 11
MIME = "application/x-seminar-desk-speaker"
HELD_COLOUR = QColor("#777777")


def replace_rows(
    model: QAbstractItemModel,
    old: Sequence[Any],
    new: Sequence[Any],
    key: Callable[[Any], Hashable],
    store: Callable[[list[Any]], None],
    *,
    all_changed: bool = False,
) -> None:
    """Make `model` show `new` instead of `old` with the fewest signals.

    The rows both lists start and end with stay; one row that moved is moved; otherwise the
    stretch between is removed and inserted.
    `store` puts a list in the model. Rows whose value changed get `dataChanged` (every row when
    `all_changed`, or when rows moved: a list numbers its rows).
    """
    old_keys, new_keys = [key(r) for r in old], [key(r) for r in new]
    moved = old_keys != new_keys
    if moved:
        shorter = min(len(old), len(new))
        head = 0
        while head < shorter and old_keys[head] == new_keys[head]:
            head += 1
        tail = 0
        while tail < shorter - head and old_keys[-1 - tail] == new_keys[-1 - tail]:
            tail += 1
        gone, come = len(old) - head - tail, len(new) - head - tail
        was, now = old_keys[head : head + gone], new_keys[head : head + come]
        if gone == come >= 2 and (was[1:] == now[:-1] or was[:-1] == now[1:]):
            # One row moved (drag and drop, Alt+arrows): it keeps its selection.
            down = was[1:] == now[:-1]
            source = head if down else head + gone - 1
            target = head + gone if down else head
            model.beginMoveRows(QModelIndex(), source, source, QModelIndex(), target)
            store(list(new))
            model.endMoveRows()
            gone = come = 0
        if gone:
            model.beginRemoveRows(QModelIndex(), head, head + gone - 1)
            store([*old[:head], *old[len(old) - tail :]])
            model.endRemoveRows()
        if come:
            model.beginInsertRows(QModelIndex(), head, head + come - 1)
            store(list(new))
            model.endInsertRows()
    store(list(new))
    if moved or all_changed:
        changed = range(len(new))
    else:
        changed = [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
    if changed:
        # (a list model's columnCount is private in PySide6: it has one column)
        last = 0 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex()) - 1
        model.dataChanged.emit(model.index(min(changed), 0), model.index(max(changed), last))


def limit_text(seconds: int) -> str:
    return "no limit" if seconds <= 0 else format_duration(seconds)


def describe(row: SpeakerRow) -> str:
    """One line about a request: who, for whom, what kind of speech, how long."""
    who = row.name or row.delegation or "?"
    if row.name and row.delegation:
        who += f" — {row.delegation}"
    parts = [who, row.capacity_text, row.speech_label, limit_text(row.limit_s)]
    return " · ".join(p for p in parts if p)


def _row_id(row: SpeakerRow) -> str:
    return row.id


class QueueModel(QAbstractListModel):
    """Speakers waiting, in speaking order, then rights of reply held for the chair.

    Drag and drop moves a request; the move goes through `on_move(entry_id, index)`, and the
    list comes back from the service, so the model only ever shows what was saved.
    """

    def __init__(
        self, on_move: Callable[[str, int], None] | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.rows: list[SpeakerRow] = []
        self.waiting_count = 0
        self.on_move = on_move

    def set_rows(self, waiting: Sequence[SpeakerRow], held: Sequence[SpeakerRow]) -> None:
        self.waiting_count = len(waiting)
        replace_rows(self, self.rows, [*waiting, *held], _row_id, self._store)

    def _store(self, rows: list[SpeakerRow]) -> None:
        self.rows = rows

    def row_of(self, entry_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == entry_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if row.held:
                return f"Right of reply (held) · {describe(row)}"
            return f"{index.row() + 1}. {describe(row)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Held until the chair calls rights of reply" if row.held else describe(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(HELD_COLOUR) if row.held else None
        return {
            ENTRY_ID_ROLE: row.id,
            ROW_ROLE: row,
            NAME_ROLE: row.title,
            DELEGATION_ROLE: row.delegation,
            CAPACITY_ROLE: row.capacity,
            SPEECH_TYPE_ROLE: row.speech_type,
            HELD_ROLE: row.held,
            LIMIT_ROLE: row.limit_s,
        }.get(role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        data = QMimeData()
        ids = [self.rows[i.row()].id for i in indexes if i.isValid()]
        data.setData(MIME, ids[0].encode() if ids else b"")
        return data

    def canDropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return data.hasFormat(MIME) and action == Qt.DropAction.MoveAction

    def dropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        entry_id = bytes(data.data(MIME).data()).decode()
        source = self.row_of(entry_id)
        if source < 0:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.rows)
        self.request_move(entry_id, self.target_index(source, row))
        # The saved order comes back through a refresh; the view must not remove a row itself.
        return False

    def target_index(self, source: int, drop_row: int) -> int:
        """Index among the other waiting speakers for a drop before `drop_row`."""
        waiting = self.waiting_count
        moving_in_queue = source < waiting
        index = min(drop_row, waiting)
        if moving_in_queue and drop_row > source:
            index -= 1
        return max(0, index)

    def request_move(self, entry_id: str, index: int) -> None:
        if self.on_move is not None:
            # After the drag ends: the view is still handling the drop right now.
            QTimer.singleShot(0, lambda: self.on_move(entry_id, index))  # type: ignore[misc]


HISTORY_COLUMNS = ("Started", "Speaker", "Delegation", "Capacity", "Speech", "Spoke", "Limit")


class HistoryModel(QAbstractTableModel):
    """Speeches held on the item: the speaker log, with start time and net duration."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[SpeakerRow] = []
        self.zone: object | None = None

    def set_rows(self, rows: Sequence[SpeakerRow], zone: object | None = None) -> None:
        zone_changed = zone != self.zone
        self.zone = zone
        replace_rows(self, self.rows, rows, _row_id, self._store, all_changed=zone_changed)

    def _store(self, rows: list[SpeakerRow]) -> None:
        self.rows = rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HISTORY_COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HISTORY_COLUMNS[section] if 0 <= section < len(HISTORY_COLUMNS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, col = self.rows[index.row()], index.column()
        if role == ENTRY_ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            values = (
                row.started_at,
                row.title,
                row.delegation,
                row.capacity,
                row.speech_type,
                row.elapsed_s,
                row.limit_s,
            )
            value = values[col] if 0 <= col < len(values) else None
            return value.isoformat() if hasattr(value, "isoformat") else value
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 5, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == 0:
            if row.started_at is None:
                return ""
            when = row.started_at.astimezone(self.zone) if self.zone else row.started_at  # type: ignore[arg-type]
            return when.strftime("%H:%M")
        texts = (
            row.title,
            row.delegation,
            row.capacity_text,
            row.speech_label,
            format_duration(row.elapsed_s),
            limit_text(row.limit_s),
        )
        return texts[col - 1] if 1 <= col <= len(texts) else None


STAT_COLUMNS = ("", "Speeches", "Speaking time", "Share")


class StatsModel(QAbstractTableModel):
    """One breakdown of speaking statistics (by delegation, kind, gender or speech type)."""

    def __init__(self, heading: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.heading = heading
        self.lines: list[StatLine] = []
        self.total = 0.0

    def set_lines(self, lines: Sequence[StatLine]) -> None:
        total = sum(line.seconds for line in lines)
        shares_changed = total != self.total
        self.total = total
        replace_rows(
            self, self.lines, lines, lambda line: line.key, self._store, all_changed=shares_changed
        )

    def _store(self, lines: list[StatLine]) -> None:
        self.lines = lines

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(STAT_COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(STAT_COLUMNS):
            return STAT_COLUMNS[section] or self.heading
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        line, col = self.lines[index.row()], index.column()
        share = line.seconds / self.total if self.total else 0.0
        if role == SORT_ROLE:
            values = (line.label, line.speeches, line.seconds, share)
            return values[col] if 0 <= col < len(values) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        texts = (line.label, str(line.speeches), format_duration(line.seconds), f"{share:.0%}")
        return texts[col] if 0 <= col < len(texts) else None


class CandidateModel(QAbstractListModel):
    """Participants and delegations that can be added to a list (the completer's source)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.candidates: list[Candidate] = []

    def set_candidates(self, candidates: Sequence[Candidate]) -> None:
        replace_rows(
            self,
            self.candidates,
            candidates,
            lambda c: (c.participant_id, c.organisation_id),
            self._store,
        )

    def _store(self, candidates: list[Candidate]) -> None:
        self.candidates = candidates

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.candidates)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.candidates):
            return None
        c = self.candidates[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return c.text if c.participant_id else f"{c.text} — delegation"
        return {CANDIDATE_ROLE: c, SEARCH_ROLE: c.search}.get(role)


@lru_cache(maxsize=8192)
def _folded_name(text: str) -> str:
    """Sorting compares each name many times (n log n); fold each one once."""
    return fold(text)


class CandidateFilter(QSortFilterProxyModel):
    """Keeps candidates whose name or delegation contains every typed word, accents ignored.

    Best matches first: names that start with what was typed, then names with a word that
    does, then the rest (a delegation's country, say); delegations before people on a tie.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []
        self.query = ""
        self.setDynamicSortFilter(True)
        self.sort(0)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.query = " ".join(fold(text).split())
        self.words = self.query.split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self.invalidate()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        if not self.words:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        key = str(index.data(SEARCH_ROLE) or "")
        return all(word in key for word in self.words)

    def _rank(self, index: Index) -> tuple[int, int, int]:
        candidate = index.data(CANDIDATE_ROLE)
        text = _folded_name(candidate.text) if isinstance(candidate, Candidate) else ""
        person = 1 if isinstance(candidate, Candidate) and candidate.participant_id else 0
        if not self.words or text.startswith(self.query):
            score = 0
        elif any(w.startswith(self.words[0]) for w in text.replace("(", " ").split()):
            score = 1
        else:
            score = 2
        return score, person, index.row()

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802
        return self._rank(left) < self._rank(right)
