"""Plain snapshots of the agenda that views and reports read (no ORM rows escape)."""

from dataclasses import dataclass, field
from datetime import date, datetime

from seminar_desk.domain.changes import OpChanges
from seminar_desk.domain.text import counted


@dataclass(frozen=True)
class SpeakerRef:
    """A scheduled speaker: a participant of the file, or a free-text name (imports)."""

    participant_id: str | None
    name: str


@dataclass(frozen=True)
class PersonRef:
    id: str
    name: str
    organisation: str = ""

    @property
    def display(self) -> str:
        return f"{self.name} ({self.organisation})" if self.organisation else self.name


@dataclass(frozen=True)
class ItemRef:
    """An agenda item as lists name it (the speakers' item choice, the notes' tree): its day
    and place, its kind, whether its list of speakers is closed and whether it runs now."""

    id: str
    title: str
    day_number: int
    position: int
    kind: str
    closed: bool = False
    live: bool = False  # started on the agenda and not ended

    @property
    def label(self) -> str:
        return f"Day {self.day_number} · {self.title}"


@dataclass(frozen=True)
class ItemView:
    """One agenda item as the agenda shows it; times are minutes of its day (may pass 1440)."""

    id: str
    day_id: str
    position: int
    kind: str
    title: str
    description: str
    duration_min: int
    start: int
    end: int
    start_locked: bool
    # The adopted programme (None: added on the day); `start`/`duration_min` are the current plan.
    planned_start: int | None
    planned_duration_min: int | None
    parallel_key: str
    room: str
    chair_id: str | None
    chair_name: str
    speakers: tuple[SpeakerRef, ...]
    actual_start: datetime | None
    actual_end: datetime | None
    actual_start_min: int | None
    actual_end_min: int | None
    warnings: tuple[str, ...] = ()

    @property
    def running(self) -> bool:
        return self.actual_start is not None and self.actual_end is None

    @property
    def done(self) -> bool:
        return self.actual_end is not None

    @property
    def speaker_names(self) -> str:
        return ", ".join(s.name for s in self.speakers)


@dataclass(frozen=True)
class DayInfo:
    id: str
    number: int
    date: date
    title: str

    @property
    def label(self) -> str:
        return f"Day {self.number} · {self.date:%a %d %b}"


@dataclass(frozen=True)
class DayView(DayInfo):
    """A day as the agenda shows it: the day, its times (minutes of the day) and its items."""

    start: int
    planned_end: int
    end: int
    items: tuple[ItemView, ...]
    warnings: tuple[str, ...]
    delay_min: int | None
    timezone: str

    @property
    def current(self) -> ItemView | None:
        running = [i for i in self.items if i.running]
        return running[-1] if running else None

    def index_of(self, item_id: str) -> int:
        for i, item in enumerate(self.items):
            if item.id == item_id:
                return i
        raise KeyError(item_id)


@dataclass(frozen=True)
class ReplanResult:
    changes: OpChanges
    moved: tuple[str, ...] = ()
    collisions: tuple[str, ...] = field(default_factory=tuple)

    @property
    def summary(self) -> str:
        parts = [f"{len(self.moved)} item(s) moved"]
        if self.collisions:
            parts.append("locked items that now collide: " + "; ".join(self.collisions))
        else:
            parts.append("no locked item collides")
        return ", ".join(parts) + "."


@dataclass(frozen=True)
class Removal:
    """What deleting items (or a day) takes with it, for the question asked first."""

    items: int = 0
    speeches: int = 0
    waiting: int = 0
    notes: int = 0
    groups: int = 0
    recommendations: int = 0
    actions: int = 0

    @property
    def holds_work(self) -> bool:
        """Anything recorded for the meeting beyond the programme itself."""
        recorded = (self.speeches, self.waiting, self.notes, self.groups)
        return any((*recorded, self.recommendations, self.actions))

    def describe(self, *, with_items: bool = False) -> str:
        """Like "3 speeches, 2 notes, 1 breakout group" (only what there is)."""
        parts = [
            (self.items if with_items else 0, "agenda item", "agenda items"),
            (self.speeches, "speech", "speeches"),
            (self.waiting, "speaker waiting on a list", "speakers waiting on lists"),
            (self.notes, "note", "notes"),
            (self.groups, "breakout group", "breakout groups"),
            (self.recommendations, "recommendation", "recommendations"),
            (self.actions, "action item", "action items"),
        ]
        return ", ".join(counted(n, one, many) for n, one, many in parts if n)
