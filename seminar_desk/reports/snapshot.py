"""Plain, frozen snapshots of a seminar: all the report builders ever see.

They live here, below the services layer, so `reports/` needs neither SQLAlchemy nor Qt;
`services/reporting/report_data.py` fills them from the database in one read session.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time

from seminar_desk.domain.kinds import PAUSE_KINDS, Capacity, ItemKind, SpeechType
from seminar_desk.domain.refusal import NotFound
from seminar_desk.domain.speakers.speaking_time import DEFAULT_SPEECH_LIMITS


@dataclass(frozen=True)
class SeminarInfo:
    title: str = ""
    short_title: str = ""
    venue: str = ""
    city: str = ""
    country: str = ""
    timezone: str = "UTC"
    start_date: date | None = None
    end_date: date | None = None
    organisers: str = ""
    donors: str = ""
    objectives: str = ""
    introduction: str = ""
    language: str = "en"
    default_speaking_limit_s: int = 180
    speech_limits: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_SPEECH_LIMITS))
    """Seconds per kind of speech other than a statement (the default speaking time)."""
    conclusions: str = ""
    document_symbol: str = ""
    distribution: str = "general"


@dataclass(frozen=True)
class PersonSnap:
    id: str
    honorific: str
    name: str
    org_code: str
    org_name: str
    function: str
    role: str
    email: str
    sort_key: str
    days_present: frozenset[int] = frozenset()
    gender: str = ""

    @property
    def display(self) -> str:
        return f"{self.honorific} {self.name}".strip()


@dataclass(frozen=True)
class OrgSnap:
    id: str
    code: str
    name: str
    kind: str
    groups: tuple[str, ...] = ()


class _SpeechLabels:
    capacity: str
    on_behalf_of: str
    speech_type: str

    @property
    def capacity_label(self) -> str:
        try:
            label = Capacity(self.capacity).label
        except ValueError:
            label = self.capacity
        if self.capacity == Capacity.GROUP and self.on_behalf_of:
            return f"On behalf of {self.on_behalf_of}"
        return label

    @property
    def speech_type_label(self) -> str:
        try:
            return SpeechType(self.speech_type).label
        except ValueError:
            return self.speech_type


@dataclass(frozen=True)
class SpeechSnap(_SpeechLabels):
    """One held (or running) speech of the speaker log, with pauses taken off its duration."""

    started: datetime | None
    speaker: str
    delegation: str
    capacity: str
    on_behalf_of: str
    speech_type: str
    status: str
    duration_s: int | None


@dataclass(frozen=True)
class QueuedSnap(_SpeechLabels):
    """One request still on an item's list of speakers, in speaking order, with its limit
    (0: a stopwatch); `held` marks a right of reply the chair has not called yet."""

    speaker: str
    delegation: str
    capacity: str
    on_behalf_of: str
    speech_type: str
    limit_s: int
    status: str = "waiting"
    held: bool = False


@dataclass(frozen=True)
class NoteSnap:
    section: str
    body: str
    author: str


@dataclass(frozen=True)
class RecommendationSnap:
    text: str
    addressee: str
    status: str
    source: str
    day_number: int


@dataclass(frozen=True)
class ActionSnap:
    text: str
    owner: str
    due: date | None
    status: str
    source: str
    day_number: int


@dataclass(frozen=True)
class GroupSnap:
    id: str
    item_id: str
    name: str
    room: str
    facilitator: PersonSnap | None
    rapporteur: PersonSnap | None
    members: tuple[PersonSnap, ...]
    guiding_questions: str
    notes: tuple[NoteSnap, ...]
    recommendations: tuple[RecommendationSnap, ...]
    actions: tuple[ActionSnap, ...]


@dataclass(frozen=True)
class ItemSnap:
    id: str
    day_number: int
    position: int
    kind: str
    title: str
    description: str
    room: str
    duration_min: int
    # The current plan (moved by live re-planning)...
    planned_start: time | None
    # ...and the adopted programme that actual times are judged against (None: added on the day).
    adopted_start: time | None
    adopted_duration_min: int | None
    actual_start: datetime | None
    actual_end: datetime | None
    chair: PersonSnap | None
    speakers: tuple[str, ...]
    speeches: tuple[SpeechSnap, ...]
    notes: tuple[NoteSnap, ...]
    recommendations: tuple[RecommendationSnap, ...]
    actions: tuple[ActionSnap, ...]
    groups: tuple[GroupSnap, ...]
    # The list of speakers as it stands: who speaks now, then who waits, in order.
    queue: tuple[QueuedSnap, ...] = ()
    speakers_closed: bool = False
    speaking_limit_s: int = 0  # the item's default limit (0: stopwatch)

    @property
    def number(self) -> str:
        """'day.position', 1-based, as people and the command line name an item."""
        return f"{self.day_number}.{self.position + 1}"

    @property
    def kind_label(self) -> str:
        try:
            return ItemKind(self.kind).label
        except ValueError:
            return self.kind

    @property
    def is_pause(self) -> bool:
        return self.kind in PAUSE_KINDS

    def notes_of(self, section: str) -> tuple[NoteSnap, ...]:
        return tuple(n for n in self.notes if n.section == section)


@dataclass(frozen=True)
class DaySnap:
    id: str
    number: int
    date: date
    title: str
    start_time: time
    end_time: time
    items: tuple[ItemSnap, ...]


@dataclass(frozen=True)
class SeminarSnapshot:
    details: SeminarInfo
    days: tuple[DaySnap, ...]
    participants: tuple[PersonSnap, ...]
    organisations: tuple[OrgSnap, ...]
    taken_at: datetime
    file_name: str = ""
    _items: dict[str, ItemSnap] = field(default_factory=dict, compare=False, repr=False)

    def day(self, number: int) -> DaySnap:
        for d in self.days:
            if d.number == number:
                return d
        raise NotFound(f"The seminar has no day {number}.")

    def items(self) -> list[ItemSnap]:
        return [item for d in self.days for item in d.items]

    def item(self, item_id: str) -> ItemSnap:
        if not self._items:
            self._items.update({i.id: i for i in self.items()})
        if item_id not in self._items:
            raise NotFound(f"The seminar has no agenda item {item_id}.")
        return self._items[item_id]

    def group(self, group_id: str) -> tuple[ItemSnap, GroupSnap]:
        for item in self.items():
            for g in item.groups:
                if g.id == group_id:
                    return item, g
        raise NotFound(f"The seminar has no breakout group {group_id}.")
