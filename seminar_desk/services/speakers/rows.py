"""What the Speakers views get: plain, frozen rows (items, candidates, requests, a list's
snapshot), never ORM objects, so the page and the projector redraw without a session."""

from dataclasses import dataclass
from datetime import datetime

from seminar_desk.domain.delegations import is_state
from seminar_desk.domain.kinds import Capacity, SpeechType
from seminar_desk.domain.speakers.speaking_time import SpeechTimer


@dataclass(frozen=True)
class Candidate:
    """Someone who can ask for the floor: a participant, or a delegation without a named person."""

    text: str
    participant_id: str | None
    organisation_id: str | None
    search: str
    groups: tuple[str, ...] = ()
    org_kind: str = ""

    @property
    def is_state(self) -> bool:
        """A government delegation (speaks in national capacity by default)."""
        return is_state(self.org_kind)


@dataclass(frozen=True)
class SpeakerRow:
    """One request for the floor, as views and the projector show it."""

    id: str
    name: str
    delegation: str
    delegation_code: str
    capacity: str
    on_behalf_of: str
    speech_type: str
    status: str
    position: float
    requested_at: datetime
    started_at: datetime | None
    ended_at: datetime | None
    time_limit_s: int | None
    limit_s: int
    elapsed_s: float
    held: bool = False

    @property
    def title(self) -> str:
        """The speaker's name, or the delegation's when it takes the floor without a name."""
        return self.name or self.delegation

    @property
    def capacity_text(self) -> str:
        if self.capacity == Capacity.GROUP:
            return f"On behalf of {self.on_behalf_of}" if self.on_behalf_of else "For a group"
        if self.capacity == Capacity.ORGANISATION:
            return "For an organisation"
        return "National capacity"

    @property
    def speech_label(self) -> str:
        return SpeechType(self.speech_type).label if self.speech_type in _TYPES else ""


_TYPES = {t.value for t in SpeechType}


@dataclass(frozen=True)
class ListSnapshot:
    """An item's list of speakers at one moment, with the timer of the speech in progress."""

    item_id: str
    item_title: str
    day_id: str
    day_number: int
    closed: bool
    item_limit_s: int | None
    default_limit_s: int
    current: SpeakerRow | None
    waiting: tuple[SpeakerRow, ...]
    held: tuple[SpeakerRow, ...]
    history: tuple[SpeakerRow, ...]
    timer: SpeechTimer | None
    seminar_title: str = ""
    seminar_limit_s: int = 180
