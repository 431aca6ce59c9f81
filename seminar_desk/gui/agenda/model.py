"""Table model of one agenda day: times, kinds with colours, warnings and the running item."""

import html
from collections.abc import Callable
from datetime import time
from functools import cache
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont

from seminar_desk.domain.agenda.kinds import kind_label
from seminar_desk.domain.agenda.parse import parse_clock
from seminar_desk.domain.agenda.timing import format_minutes, wall_time
from seminar_desk.gui.widgets.list_model import DragMoves, PlainTableModel
from seminar_desk.services.agenda import DayView, ItemView

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ITEM_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ROLE = Qt.ItemDataRole.UserRole + 3
START_ROLE = Qt.ItemDataRole.UserRole + 4
WARNINGS_ROLE = Qt.ItemDataRole.UserRole + 5
RUNNING_ROLE = Qt.ItemDataRole.UserRole + 6
MIME_TYPE = "application/x-seminar-desk-agenda-item"

COLUMNS = ("Time", "Min", "Kind", "Title", "Room", "Chair", "Speakers", "Actual")
TIME, DURATION, KIND, TITLE, ROOM, CHAIR, SPEAKERS, ACTUAL = range(len(COLUMNS))

KIND_COLOURS: dict[str, str] = {
    "ceremony": "#8e44ad",
    "plenary": "#2e86c1",
    "panel": "#17a589",
    "tour_de_table": "#d68910",
    "breakout": "#28b463",
    "break": "#909497",
    "meal": "#cb4335",
    "side_event": "#a04000",
    "field_visit": "#1e8449",
    "qa": "#5b2c6f",
}
RUNNING_BACKGROUND = QColor("#fff2b3")
DONE_FOREGROUND = QColor("#7b7d7d")
WARNING_FOREGROUND = QColor("#b03a2e")

# `cell` runs for every cell and role at each paint (~1,400 calls for 25 rows): the roles as
# plain ints and the brushes, fonts and kind names made once, instead of reading Qt's enums
# and building a QFont per cell (which took most of its time).
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ROLES = {
    int(ID_ROLE): lambda item: item.id,
    int(ITEM_ROLE): lambda item: item,
    int(KIND_ROLE): lambda item: item.kind,
    int(START_ROLE): lambda item: item.start,
    int(WARNINGS_ROLE): lambda item: list(item.warnings),
    int(RUNNING_ROLE): lambda item: item.running,
}
RUNNING_BRUSH = QBrush(RUNNING_BACKGROUND)
DONE_BRUSH = QBrush(DONE_FOREGROUND)
WARNING_BRUSH = QBrush(WARNING_FOREGROUND)

# (item id, target day id, target index) -> performed later, once the drag has finished.
MoveHandler = Callable[[str, str, int], None]


def kind_colour(kind: str) -> QColor:
    return QColor(KIND_COLOURS.get(kind, "#5d6d7e"))


_kind_label = cache(kind_label)  # words that never change, asked for at every paint


@cache
def _kind_brush(kind: str) -> QBrush:
    """The kind's colour, faint, behind its cell."""
    colour = kind_colour(kind)
    colour.setAlpha(40)
    return QBrush(colour)


@cache
def _font(*, bold: bool, italic: bool) -> QFont:
    font = QFont()  # only what differs is set: the rest follows the view's font
    if bold:
        font.setBold(True)
    if italic:
        font.setItalic(True)
    return font


class AgendaDayModel(DragMoves, PlainTableModel[ItemView]):
    """Rows are the items of one `DayView`, numbered; edits go through the callbacks (the
    service), and so do rows dragged to another place or onto a day's tab."""

    numbered = True
    mime_type = MIME_TYPE

    def __init__(self) -> None:
        super().__init__()
        self.day: DayView | None = None
        self.on_edit: Callable[[str, str, object], None] | None = None
        self.on_move: MoveHandler | None = None
        self._cell_flags: dict[int, Qt.ItemFlag] = {}

    def set_day(self, day: DayView | None) -> None:
        """Show `day`. The same day again (after an edit, which re-times it) changes its rows
        in place: a reset closed the cell Tab had just opened, and the words typed next (the
        room after the title) were lost."""
        same = day is not None and self.day is not None and day.id == self.day.id
        rows = list(day.items) if day else []
        if same:
            self.day = day
            self.keep_rows(rows, key=lambda item: item.id, all_changed=True)
            return
        self.beginResetModel()
        self.day = day
        self.rows = rows
        self.endResetModel()

    @property
    def items(self) -> list[ItemView]:
        return self.rows

    def row_of(self, item_id: str) -> int:
        for row, item in enumerate(self.rows):
            if item.id == item_id:
                return row
        return -1

    # -- reading ------------------------------------------------------------------------------

    def titles(self) -> tuple[str, ...]:
        return COLUMNS

    def cell(self, at: int, column: int, role: int) -> Any:
        item = self.rows[at]
        role = int(role)
        if role in (_DISPLAY, _EDIT):
            return self._text(item, column, role == _EDIT)
        if role == _FONT:
            return _font(
                bold=item.running or (column == TIME and item.start_locked),
                italic=item.done and column == TITLE,
            )
        if role == _BACKGROUND:
            if item.running:
                return RUNNING_BRUSH
            return _kind_brush(item.kind) if column == KIND else None
        if role == _FOREGROUND:
            if item.warnings and column in (TIME, TITLE):
                return WARNING_BRUSH
            return DONE_BRUSH if item.done else None
        if role == _ALIGNMENT:
            return _RIGHT if column in (TIME, DURATION, ACTUAL) else None
        if role == _DECORATION:
            return kind_colour(item.kind) if column == KIND else None
        if role == _TOOLTIP:
            return plain_tooltip(self._tooltip(item))
        own = _ROLES.get(role)
        return own(item) if own is not None else None

    def _text(self, item: ItemView, column: int, edit: bool) -> object:
        if column == TIME:
            if edit:
                return f"{wall_time(item.start):%H:%M}" if item.start_locked else ""
            text = format_minutes(item.start)
            if item.planned_start is not None and item.planned_start != item.start:
                text += f" ({format_minutes(item.planned_start)})"  # the adopted programme
            if item.start_locked:
                text = "\u2691 " + text  # a flag marks a locked start
            if item.warnings:
                text = "\u26a0 " + text
            return text
        if column == DURATION:
            return item.duration_min if edit else f"{item.duration_min}"
        if column == KIND:
            label = _kind_label(item.kind)
            return f"{label} \u2225" if item.parallel_key else label
        if column == TITLE:
            if edit:
                return item.title
            if item.running:
                return f"\u25b6 {item.title}"
            return f"\u2713 {item.title}" if item.done else item.title
        if column == ROOM:
            return item.room
        if column == CHAIR:
            return item.chair_name
        if column == SPEAKERS:
            return item.speaker_names
        if column == ACTUAL:
            if item.actual_start_min is None:
                return ""
            end = "…" if item.actual_end_min is None else format_minutes(item.actual_end_min)
            return f"{format_minutes(item.actual_start_min)}–{end}"
        return None

    def _tooltip(self, item: ItemView) -> str:
        lines = [item.title, f"{format_minutes(item.start)}–{format_minutes(item.end)}"]
        if item.start_locked:
            lines.append("Start locked")
        if item.planned_start is not None and (
            item.planned_start != item.start or item.planned_duration_min != item.duration_min
        ):
            minutes = item.planned_duration_min or item.duration_min
            lines.append(f"Adopted programme: {format_minutes(item.planned_start)}, {minutes} min")
        if item.actual_start_min is not None:
            end = format_minutes(item.actual_end_min) if item.actual_end_min is not None else "…"
            lines.append(f"Actual {format_minutes(item.actual_start_min)}–{end}")
        if item.parallel_key:
            lines.append(f"Runs in parallel ({item.parallel_key})")
        lines.extend(f"\u26a0 {w}" for w in item.warnings)
        if item.description:
            lines.append(item.description[:400])
        return "\n".join(lines)

    # -- editing in place ---------------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return super().flags(index)  # dropped on (DragMoves)
        column = index.column()
        flags = self._cell_flags.get(column)  # the same for every row: asked at every paint
        if flags is None:
            flags = super().flags(index)  # dragged (DragMoves)
            if column in (TIME, DURATION, TITLE, ROOM):
                flags |= Qt.ItemFlag.ItemIsEditable
            self._cell_flags[column] = flags
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.on_edit is None:
            return False
        item = self.rows[index.row()]
        column = index.column()
        if column == TIME:
            text = str(value or "").strip()
            if not text:
                if not item.start_locked:
                    return False
                self._edit(item.id, "start_locked", False)
                return True
            minutes = parse_clock(text)
            if minutes is None:
                return False
            self._edit(item.id, "start_time", time(minutes // 60, minutes % 60))
            return True
        if column == DURATION:
            try:
                minutes = int(str(value).strip())
            except ValueError:
                return False
            if minutes == item.duration_min:
                return False
            self._edit(item.id, "duration_min", minutes)
        elif column == TITLE:
            if str(value) == item.title:
                return False
            self._edit(item.id, "title", str(value))
        elif column == ROOM:
            if str(value) == item.room:
                return False
            self._edit(item.id, "room", str(value))
        else:
            return False
        return True

    def _edit(self, item_id: str, name: str, value: object) -> None:
        """Hand the edit to the service once the view has closed its editor.

        The service's change reloads the whole day (one edit re-times it); doing that while the
        view is still committing the editor's data would pull the rows from under it.
        """
        handler = self.on_edit
        if handler is not None:
            QTimer.singleShot(0, lambda: handler(item_id, name, value))

    # -- drag and drop ------------------------------------------------------------------------

    def takes_drops(self) -> bool:
        return self.day is not None

    def dropped(self, row_id: str, row: int) -> Callable[[], None] | None:
        current = self.row_of(row_id)  # -1: an item of another day
        target = row - 1 if 0 <= current < row else row
        if current == target or self.day is None or self.on_move is None:
            return None
        day_id, handler = self.day.id, self.on_move
        return lambda: handler(row_id, day_id, target)


def plain_tooltip(text: str) -> str:
    """User text as a tooltip that Qt cannot take for markup ("<b>", "<i>" in a title would
    be rendered, and every line break lost); line breaks kept."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>" if text else ""
