"""Speaking statistics for the app and for reports: who spoke how often and how long.

Plain dataclasses out, so report builders never touch ORM rows. Only speeches that were held
and finished count; the net duration leaves out pauses.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from seminar_desk.domain.kinds import Gender, OrgKind, SpeakerStatus, SpeechType
from seminar_desk.domain.speakers.speaking_time import net_elapsed
from seminar_desk.services.desk import Desk
from seminar_desk.store.models import AgendaItem, Day, Participant, SpeakerEntry

NO_DELEGATION = "(no delegation)"


@dataclass(frozen=True)
class SpeechRecord:
    """One speech held: the speaker log line (start and net duration) reports print."""

    entry_id: str
    item_id: str
    item_title: str
    day_number: int
    speaker: str
    delegation: str
    delegation_code: str
    org_kind: str
    gender: str
    capacity: str
    on_behalf_of: str
    speech_type: str
    started_at: datetime
    ended_at: datetime
    seconds: float


@dataclass(frozen=True)
class StatLine:
    """Speeches and total net speaking time of one delegation, kind or gender."""

    key: str
    label: str
    speeches: int
    seconds: float


@dataclass(frozen=True)
class SpeakingStats:
    """Totals for an item, a day or the whole seminar, broken down three ways."""

    scope: str
    title: str
    speeches: int
    seconds: float
    by_delegation: tuple[StatLine, ...]
    by_kind: tuple[StatLine, ...]
    by_gender: tuple[StatLine, ...]
    by_type: tuple[StatLine, ...]


def speech_log(
    desk: Desk, *, item_id: str | None = None, day_id: str | None = None
) -> list[SpeechRecord]:
    """Speeches held on an item, a day, or (neither given) the whole seminar, in time order."""
    query = (
        select(SpeakerEntry)
        .join(AgendaItem, SpeakerEntry.item_id == AgendaItem.id)
        .join(Day, AgendaItem.day_id == Day.id)
        .where(
            SpeakerEntry.status == SpeakerStatus.DONE,
            SpeakerEntry.started_at.is_not(None),
            SpeakerEntry.ended_at.is_not(None),
        )
        .options(
            selectinload(SpeakerEntry.participant).selectinload(Participant.organisation),
            selectinload(SpeakerEntry.organisation),
            selectinload(SpeakerEntry.on_behalf_of),
            selectinload(SpeakerEntry.pauses),
            selectinload(SpeakerEntry.item).selectinload(AgendaItem.day),
        )
        .order_by(SpeakerEntry.started_at, SpeakerEntry.id)
    )
    if item_id is not None:
        query = query.where(SpeakerEntry.item_id == item_id)
    if day_id is not None:
        query = query.where(AgendaItem.day_id == day_id)
    out: list[SpeechRecord] = []
    with desk.read() as s:
        for e in s.scalars(query):
            assert e.started_at is not None and e.ended_at is not None
            person = e.participant
            org = e.organisation or (person.organisation if person is not None else None)
            seconds = net_elapsed(
                e.started_at, e.ended_at, [(p.started_at, p.ended_at) for p in e.pauses], e.ended_at
            )
            out.append(
                SpeechRecord(
                    entry_id=e.id,
                    item_id=e.item_id,
                    item_title=e.item.title,
                    day_number=e.item.day.number,
                    speaker=person.name if person is not None else "",
                    delegation=org.name if org is not None else "",
                    delegation_code=org.code if org is not None else "",
                    org_kind=org.kind if org is not None else "",
                    gender=person.gender if person is not None else "",
                    capacity=e.capacity,
                    on_behalf_of=e.on_behalf_of.code if e.on_behalf_of is not None else "",
                    speech_type=e.speech_type,
                    started_at=e.started_at,
                    ended_at=e.ended_at,
                    seconds=seconds,
                )
            )
    return out


def _label(enum: type[StrEnum], value: str, empty: str) -> str:
    try:
        return str(enum(value).label) if value else empty  # type: ignore[attr-defined]
    except ValueError:
        return value


def _group(
    records: Iterable[SpeechRecord],
    key_of: Callable[[SpeechRecord], str],
    label_of: Callable[[SpeechRecord], str],
) -> tuple[StatLine, ...]:
    totals: dict[str, tuple[str, int, float]] = {}
    for r in records:
        key = key_of(r)
        label, count, seconds = totals.get(key, (label_of(r), 0, 0.0))
        totals[key] = (label, count + 1, seconds + r.seconds)
    lines = [StatLine(k, v[0], v[1], v[2]) for k, v in totals.items()]
    # Longest total first; ties by name so the order is stable between runs.
    return tuple(sorted(lines, key=lambda line: (-line.seconds, line.label.casefold())))


def summarise(
    records: list[SpeechRecord], scope: str = "seminar", title: str = ""
) -> SpeakingStats:
    """Totals and breakdowns of a list of speeches (from `speech_log`)."""
    return SpeakingStats(
        scope=scope,
        title=title,
        speeches=len(records),
        seconds=sum(r.seconds for r in records),
        by_delegation=_group(
            records,
            lambda r: r.delegation_code or NO_DELEGATION,
            lambda r: r.delegation or NO_DELEGATION,
        ),
        by_kind=_group(
            records, lambda r: r.org_kind, lambda r: _label(OrgKind, r.org_kind, NO_DELEGATION)
        ),
        by_gender=_group(
            records, lambda r: r.gender, lambda r: _label(Gender, r.gender, "Not recorded")
        ),
        by_type=_group(
            records, lambda r: r.speech_type, lambda r: _label(SpeechType, r.speech_type, "")
        ),
    )


def item_stats(desk: Desk, item_id: str) -> SpeakingStats:
    with desk.read() as s:
        item = s.get(AgendaItem, item_id)
        title = item.title if item is not None else ""
    return summarise(speech_log(desk, item_id=item_id), "item", title)


def day_stats(desk: Desk, day_id: str) -> SpeakingStats:
    with desk.read() as s:
        day = s.get(Day, day_id)
        title = f"Day {day.number}" + (f": {day.title}" if day and day.title else "") if day else ""
    return summarise(speech_log(desk, day_id=day_id), "day", title)


def seminar_stats(desk: Desk) -> SpeakingStats:
    return summarise(speech_log(desk), "seminar", "Whole seminar")
