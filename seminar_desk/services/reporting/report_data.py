"""Read a seminar into plain frozen snapshots for the report builders, in one read session.

Reports are built on a worker thread from these snapshots only: no ORM object crosses the
thread, and the database is read once per export (a few bulk queries, no lazy loading, so the
large generated seminar loads in a fraction of a second). Times are converted to the
seminar's own time zone here, so the builders never deal with zones.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, time
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from seminar_desk.domain.kinds import NoteSection, SpeakerStatus
from seminar_desk.domain.speakers import queue as queue_rules
from seminar_desk.domain.speakers.queue import QueueEntry
from seminar_desk.domain.speakers.speaking_time import net_elapsed
from seminar_desk.domain.text import fold
from seminar_desk.domain.zone import seminar_zone
from seminar_desk.reports.snapshot import (
    ActionSnap,
    DaySnap,
    GroupSnap,
    ItemSnap,
    NoteSnap,
    OrgSnap,
    PersonSnap,
    QueuedSnap,
    RecommendationSnap,
    SeminarInfo,
    SeminarSnapshot,
    SpeechSnap,
)
from seminar_desk.services.desk import Desk
from seminar_desk.services.rows import record_from
from seminar_desk.services.seminar.service import details_of
from seminar_desk.services.speakers.snapshot import seminar_limits
from seminar_desk.store.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    BreakoutGroup,
    BreakoutMember,
    Day,
    ItemSpeaker,
    Note,
    Organisation,
    OrgGroup,
    OrgGroupMember,
    Outcome,
    Participant,
    Recommendation,
    Seminar,
    SpeakerEntry,
    SpeechPause,
)

T = TypeVar("T")


_ON_THE_LIST = (
    SpeakerStatus.WAITING.value,
    SpeakerStatus.SPEAKING.value,
    SpeakerStatus.PAUSED.value,
)
SECTION_ORDER = {s.value: i for i, s in enumerate(NoteSection)}


def load_snapshot(desk: Desk) -> SeminarSnapshot:
    """The whole seminar as plain data (one read session); builders pick what they need."""
    with desk.read() as session:
        snap = _load(session, desk.clock.now())
    return SeminarSnapshot(
        details=snap.details,
        days=snap.days,
        participants=snap.participants,
        organisations=snap.organisations,
        taken_at=snap.taken_at,
        file_name=desk.db.name,
    )


def snapshot_of_file(path: Path | str, now: datetime) -> SeminarSnapshot:
    """Read a snapshot through a read-only connection of its own, for a worker thread.

    The window's Desk stays on the GUI thread; the worker opens the file read-only (no lock,
    WAL lets it read while the window writes), so even the first query is off the GUI thread.
    Nothing is created or changed (services.files.read_file): no -wal/-shm, no upgrade.
    """
    from seminar_desk.services.files import read_file

    def load(desk: Desk) -> SeminarSnapshot:
        with desk.read() as session:
            return _load(session, now)

    return replace(read_file(path, load), file_name=Path(path).name)


@dataclass(frozen=True)
class Choice:
    """One agenda item ("1.8 Title") or breakout group (with its item) as the Reports page
    lists it."""

    id: str
    label: str
    item_id: str = ""


@dataclass(frozen=True)
class ReportChoices:
    days: tuple[tuple[int, str], ...]
    items: tuple[Choice, ...]
    groups: tuple[Choice, ...]


def report_choices(desk: Desk) -> ReportChoices:
    """Days, items ('1.8 Title') and groups for the Reports page's lists: a few light queries."""
    with desk.read() as s:
        days = list(s.execute(select(Day.id, Day.number, Day.date, Day.title).order_by(Day.number)))
        rows = list(
            s.execute(
                select(
                    AgendaItem.id,
                    AgendaItem.day_id,
                    AgendaItem.position,
                    AgendaItem.title,
                ).order_by(AgendaItem.position)
            )
        )
        groups = list(
            s.execute(
                select(BreakoutGroup.id, BreakoutGroup.item_id, BreakoutGroup.name).order_by(
                    BreakoutGroup.position
                )
            )
        )
    items: list[Choice] = []
    for d in days:
        for pos, r in enumerate(x for x in rows if x.day_id == d.id):
            items.append(Choice(r.id, f"{d.number}.{pos + 1} {r.title}"))
    listed = {i.id for i in items}
    return ReportChoices(
        days=tuple((d.number, f"Day {d.number} – {d.date:%d %b %Y}") for d in days),
        items=tuple(items),
        groups=tuple(Choice(g.id, g.name, g.item_id) for g in groups if g.item_id in listed),
    )


def _load(s: Session, now: datetime) -> SeminarSnapshot:
    row = s.scalars(select(Seminar)).first()
    details = details_of(row) if row else SeminarInfo()
    zone = seminar_zone(details.timezone)

    def local(value: datetime | None) -> datetime | None:
        return None if value is None else value.astimezone(zone)

    groups_by_id = {g.id: g for g in s.scalars(select(OrgGroup))}
    org_groups: dict[str, list[str]] = defaultdict(list)
    for m in s.scalars(select(OrgGroupMember)):
        if m.group_id in groups_by_id:
            org_groups[m.organisation_id].append(groups_by_id[m.group_id].code)
    orgs = {
        o.id: OrgSnap(o.id, o.code, o.name, o.kind, tuple(sorted(org_groups.get(o.id, ()))))
        for o in s.scalars(select(Organisation))
    }
    days_rows = list(s.scalars(select(Day).order_by(Day.number)))
    day_number = {d.id: d.number for d in days_rows}
    present: dict[str, set[int]] = defaultdict(set)
    for a in s.scalars(select(Attendance).where(Attendance.present.is_(True))):
        if a.day_id in day_number:
            present[a.participant_id].add(day_number[a.day_id])
    people: dict[str, PersonSnap] = {}
    for p in s.scalars(select(Participant)):
        org = orgs.get(p.organisation_id or "")
        people[p.id] = record_from(
            PersonSnap,
            p,
            org_code=org.code if org else "",
            org_name=org.name if org else "",
            sort_key=p.sort_name or fold(p.name),
            days_present=frozenset(present.get(p.id, ())),
            gender=p.gender or "",
        )

    items_rows = list(s.scalars(select(AgendaItem)))
    item_day = {i.id: day_number.get(i.day_id, 0) for i in items_rows}
    item_title = {i.id: i.title for i in items_rows}

    scheduled: dict[str, list[ItemSpeaker]] = defaultdict(list)
    for sp in s.scalars(select(ItemSpeaker).order_by(ItemSpeaker.position)):
        scheduled[sp.item_id].append(sp)

    pauses: dict[str, list[SpeechPause]] = defaultdict(list)
    for pause in s.scalars(select(SpeechPause)):
        pauses[pause.entry_id].append(pause)
    speeches: dict[str, list[tuple[tuple[object, ...], SpeechSnap]]] = defaultdict(list)

    def who(e: SpeakerEntry) -> tuple[str, str, str]:
        """The speaker's name, the delegation and the group spoken for."""
        person = people.get(e.participant_id or "")
        org = orgs.get(e.organisation_id or "")
        delegation = org.name if org else (person.org_name if person else "")
        group = groups_by_id.get(e.on_behalf_of_id or "")
        return person.display if person else "", delegation, group.code if group else ""

    for e in s.scalars(select(SpeakerEntry).where(SpeakerEntry.started_at.is_not(None))):
        speaker, delegation, on_behalf_of = who(e)
        speeches[e.item_id].append(
            (
                (e.started_at, e.position),
                record_from(
                    SpeechSnap,
                    e,
                    started=local(e.started_at),
                    speaker=speaker,
                    delegation=delegation,
                    on_behalf_of=on_behalf_of,
                    duration_s=_duration(e, pauses.get(e.id, []), now),
                ),
            )
        )

    limits = seminar_limits(row)
    item_limit = {i.id: i.speaking_limit_s for i in items_rows}
    waiting: dict[str, list[SpeakerEntry]] = defaultdict(list)
    for e in s.scalars(select(SpeakerEntry).where(SpeakerEntry.status.in_(_ON_THE_LIST))):
        waiting[e.item_id].append(e)

    def queue_of(item_id: str) -> tuple[QueuedSnap, ...]:
        """The list as the chair reads it: the speaker on the floor, the queue in speaking
        order (the one rule in domain/speakers/queue.py), then rights of reply held back."""
        entries = {e.id: e for e in waiting.get(item_id, [])}
        order = [QueueEntry(e.id, e.speech_type, e.status, e.position) for e in entries.values()]
        held = {q.id for q in queue_rules.held(order)}
        ids = [e.id for e in entries.values() if e.status != SpeakerStatus.WAITING]
        ids += [q.id for q in queue_rules.queue(order)] + [q.id for q in queue_rules.held(order)]
        out = []
        for entry_id in ids:
            e = entries[entry_id]
            speaker, delegation, on_behalf_of = who(e)
            limit = limits.on_item(item_limit.get(item_id)).of(
                e.speech_type, e.capacity, e.time_limit_s
            )
            out.append(
                record_from(
                    QueuedSnap,
                    e,
                    speaker=speaker,
                    delegation=delegation,
                    on_behalf_of=on_behalf_of,
                    limit_s=limit,
                    held=entry_id in held,
                )
            )
        return tuple(out)

    group_rows = list(s.scalars(select(BreakoutGroup).order_by(BreakoutGroup.position)))
    group_item = {g.id: g.item_id for g in group_rows}
    group_name = {g.id: g.name for g in group_rows}

    def source_of(row: Outcome) -> tuple[str, int]:
        """Where a recommendation or action item came from in words, and its day's number."""
        if row.group_id:
            iid = group_item.get(row.group_id, "")
            title = f"{item_title.get(iid, '')} / {group_name.get(row.group_id, '')}"
            return title, item_day.get(iid, 0)
        return item_title.get(row.item_id or "", ""), item_day.get(row.item_id or "", 0)

    notes_i: dict[str, list[tuple[tuple[object, ...], NoteSnap]]] = defaultdict(list)
    notes_g: dict[str, list[tuple[tuple[object, ...], NoteSnap]]] = defaultdict(list)
    for n in s.scalars(select(Note)):
        if not n.body.strip():
            continue
        key = (SECTION_ORDER.get(n.section, 99), n.created_at, n.id)
        snap_n = NoteSnap(n.section, n.body, n.author_name)
        if n.group_id:
            notes_g[n.group_id].append((key, snap_n))
        elif n.item_id:
            notes_i[n.item_id].append((key, snap_n))

    recs_i, recs_g = _outcomes(
        s,
        Recommendation,
        lambda r: RecommendationSnap(r.text, r.addressee, r.status, *source_of(r)),
    )
    acts_i, acts_g = _outcomes(
        s,
        ActionItem,
        lambda a: ActionSnap(a.text, a.owner, a.due_date, a.status, *source_of(a)),
    )

    members: dict[str, list[PersonSnap]] = defaultdict(list)
    for m in s.scalars(select(BreakoutMember)):
        if m.participant_id in people:
            members[m.group_id].append(people[m.participant_id])

    groups_of: dict[str, list[GroupSnap]] = defaultdict(list)
    for g in group_rows:
        groups_of[g.item_id].append(
            record_from(
                GroupSnap,
                g,
                facilitator=people.get(g.facilitator_id or ""),
                rapporteur=people.get(g.rapporteur_id or ""),
                members=tuple(sorted(members.get(g.id, []), key=_person_order)),
                notes=_sorted(notes_g.get(g.id, [])),
                recommendations=_sorted(recs_g.get(g.id, [])),
                actions=_sorted(acts_g.get(g.id, [])),
            )
        )

    items_by_day: dict[str, list[ItemSnap]] = defaultdict(list)
    for i in sorted(items_rows, key=lambda r: (r.position, r.start_time or time(0))):
        names = tuple(
            (people[sp.participant_id].display if sp.participant_id in people else sp.name)
            for sp in scheduled.get(i.id, [])
        )
        items_by_day[i.day_id].append(
            record_from(
                ItemSnap,
                i,
                day_number=item_day[i.id],
                planned_start=i.start_time,
                adopted_start=i.adopted_start_time,
                actual_start=local(i.actual_start),
                actual_end=local(i.actual_end),
                chair=people.get(i.chair_id or ""),
                speakers=tuple(n for n in names if n),
                speeches=_sorted(speeches.get(i.id, [])),
                notes=_sorted(notes_i.get(i.id, [])),
                recommendations=_sorted(recs_i.get(i.id, [])),
                actions=_sorted(acts_i.get(i.id, [])),
                groups=tuple(groups_of.get(i.id, [])),
                queue=queue_of(i.id),
                speakers_closed=bool(i.speakers_closed),
                speaking_limit_s=limits.seminar
                if i.speaking_limit_s is None
                else max(0, i.speaking_limit_s),
            )
        )
    days = tuple(
        record_from(
            DaySnap,
            d,
            items=tuple(
                # positions may have gaps after edits; renumber so "2.5" means the fifth item
                _renumber(item, pos)
                for pos, item in enumerate(items_by_day.get(d.id, []))
            ),
        )
        for d in days_rows
    )
    return SeminarSnapshot(
        details=details,
        days=days,
        participants=tuple(sorted(people.values(), key=_person_order)),
        organisations=tuple(sorted(orgs.values(), key=lambda o: fold(o.name))),
        taken_at=now.astimezone(zone),
    )


R = TypeVar("R", bound=Outcome)
Placed = dict[str, list[tuple[int, T]]]


def _outcomes(s: Session, model: type[R], snap: Callable[[R], T]) -> tuple[Placed[T], Placed[T]]:
    """The recommendations or action items that have text and were not merged away, as
    snapshots by item and by group, each with its position to sort by."""
    by_item: Placed[T] = defaultdict(list)
    by_group: Placed[T] = defaultdict(list)
    for row in s.scalars(select(model).where(model.merged_into_id.is_(None))):
        if row.text.strip():
            place = by_group[row.group_id] if row.group_id else by_item[row.item_id or ""]
            place.append((row.position, snap(row)))
    return by_item, by_group


def _renumber(item: ItemSnap, position: int) -> ItemSnap:
    return item if item.position == position else replace(item, position=position)


def _sorted(pairs: list[tuple[Any, T]]) -> tuple[T, ...]:
    return tuple(v for _, v in sorted(pairs, key=lambda kv: kv[0]))


def _person_order(p: PersonSnap) -> tuple[str, str]:
    return (p.sort_key, p.name)


def _duration(entry: SpeakerEntry, pauses: list[SpeechPause], now: datetime) -> int | None:
    """Seconds spoken: end (or now, while speaking) minus start, minus every pause."""
    if entry.started_at is None:
        return None
    spans = [(p.started_at, p.ended_at) for p in pauses]
    return round(net_elapsed(entry.started_at, entry.ended_at, spans, now))
