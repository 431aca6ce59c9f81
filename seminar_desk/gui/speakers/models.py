"""Qt models over plain snapshots: the waiting list (with drag and drop), speeches held,
statistics lines, and people and delegations for the completer.

A new snapshot never resets a model: rows that stay are updated in place, rows that come and
go are inserted and removed (the base's `keep_rows`, gui/widgets/list_model.py), so selections,
the completer's open popup and a view's scroll position survive every refresh.
"""

from collections.abc import Callable, Sequence
from functools import lru_cache

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from seminar_desk.domain.speakers.speaking_time import format_duration
from seminar_desk.domain.text import fold
from seminar_desk.gui.widgets.list_model import DragMoves, PlainListModel, PlainTableModel
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


class QueueModel(DragMoves, PlainListModel[SpeakerRow]):
    """Speakers waiting, in speaking order, then rights of reply held for the chair.

    Drag and drop moves a request; the move goes through `on_move(entry_id, index)`, and the
    list comes back from the service, so the model only ever shows what was saved.
    """

    mime_type = MIME

    def __init__(
        self, on_move: Callable[[str, int], None] | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.waiting_count = 0
        self.on_move = on_move

    def set_rows(self, waiting: Sequence[SpeakerRow], held: Sequence[SpeakerRow]) -> None:  # type: ignore[override]
        self.waiting_count = len(waiting)
        self.keep_rows([*waiting, *held], _row_id)

    def row_of(self, entry_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == entry_id), -1)

    def row_data_at(self, at: int, role: int) -> object:
        row = self.rows[at]
        if role == Qt.ItemDataRole.DisplayRole:
            if row.held:
                return f"Right of reply (held) · {describe(row)}"
            return f"{at + 1}. {describe(row)}"
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

    def dropped(self, row_id: str, row: int) -> Callable[[], None] | None:
        source = self.row_of(row_id)
        if source < 0 or self.on_move is None:
            return None
        index, on_move = self.target_index(source, row), self.on_move
        return lambda: on_move(row_id, index)

    def target_index(self, source: int, drop_row: int) -> int:
        """Index among the other waiting speakers for a drop before `drop_row`."""
        waiting = self.waiting_count
        moving_in_queue = source < waiting
        index = min(drop_row, waiting)
        if moving_in_queue and drop_row > source:
            index -= 1
        return max(0, index)


HISTORY_COLUMNS = ("Started", "Speaker", "Delegation", "Capacity", "Speech", "Spoke", "Limit")


class HistoryModel(PlainTableModel[SpeakerRow]):
    """Speeches held on the item: the speaker log, with start time and net duration."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.zone: object | None = None

    def set_rows(self, rows: Sequence[SpeakerRow], zone: object | None = None) -> None:  # type: ignore[override]
        zone_changed = zone != self.zone
        self.zone = zone
        self.keep_rows(rows, _row_id, all_changed=zone_changed)

    def titles(self) -> Sequence[str]:
        return HISTORY_COLUMNS

    def cell(self, at: int, column: int, role: int) -> object:
        row, col = self.rows[at], column
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


class StatsModel(PlainTableModel[StatLine]):
    """One breakdown of speaking statistics (by delegation, kind, gender or speech type)."""

    def __init__(self, heading: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.heading = heading
        self.total = 0.0

    def set_lines(self, lines: Sequence[StatLine]) -> None:
        total = sum(line.seconds for line in lines)
        shares_changed = total != self.total
        self.total = total
        self.keep_rows(lines, lambda line: line.key, all_changed=shares_changed)

    def titles(self) -> Sequence[str]:
        return (self.heading, *STAT_COLUMNS[1:])

    def cell(self, at: int, column: int, role: int) -> object:
        line, col = self.rows[at], column
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


class CandidateModel(PlainListModel[Candidate]):
    """Participants and delegations that can be added to a list (the completer's source)."""

    def set_candidates(self, candidates: Sequence[Candidate]) -> None:
        self.keep_rows(candidates, lambda c: (c.participant_id, c.organisation_id))

    @property
    def candidates(self) -> list[Candidate]:
        return self.rows

    def row_data(self, row: Candidate, role: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row.text if row.participant_id else f"{row.text} — delegation"
        return {CANDIDATE_ROLE: row, SEARCH_ROLE: row.search}.get(role)


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
