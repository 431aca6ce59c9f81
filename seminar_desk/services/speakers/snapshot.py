"""An item's list of speakers read as one plain snapshot, with the speech in progress's timer.

A speech's start, pauses and end are recorded as wall times, so a speech in progress survives a
restart. While the app runs, the timer is anchored to the monotonic clock at the moment the
speech started or resumed in this process (an `Anchor`, kept by the service), so correcting the
laptop's clock does not make the countdown jump.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import bindparam, select

from seminar_desk.domain.kinds import SpeakerStatus
from seminar_desk.domain.refusal import Gone
from seminar_desk.domain.speakers import queue as rules
from seminar_desk.domain.speakers.speaking_time import (
    ListLimits,
    SpeechTimer,
    net_elapsed,
    type_limits,
)
from seminar_desk.services.desk import Desk
from seminar_desk.services.rows import record_from
from seminar_desk.services.speakers.entries import LIVE
from seminar_desk.services.speakers.rows import ListSnapshot, SpeakerRow
from seminar_desk.store.models import (
    AgendaItem,
    Organisation,
    OrgGroup,
    Participant,
    Seminar,
    SpeakerEntry,
    SpeechPause,
)


@dataclass
class Anchor:
    """Where a running speech's timer stood on the monotonic clock when it (re)started here."""

    resumed_at: datetime
    elapsed_s: float
    mono: float


_T = SpeakerEntry.__table__
_P = Participant.__table__
_O = Organisation.__table__
_PO = Organisation.__table__.alias("person_org")
_G = OrgGroup.__table__
_SNAPSHOT_SQL = (
    select(
        _T.c.id,
        _T.c.capacity,
        _T.c.speech_type,
        _T.c.status,
        _T.c.position,
        _T.c.requested_at,
        _T.c.time_limit_s,
        _T.c.started_at,
        _T.c.ended_at,
        _P.c.name,
        _O.c.name,
        _O.c.code,
        _PO.c.name,
        _PO.c.code,
        _G.c.code,
    )
    .select_from(
        _T.outerjoin(_P, _T.c.participant_id == _P.c.id)
        .outerjoin(_O, _T.c.organisation_id == _O.c.id)
        .outerjoin(_PO, _P.c.organisation_id == _PO.c.id)
        .outerjoin(_G, _T.c.on_behalf_of_id == _G.c.id)
    )
    .where(_T.c.item_id == bindparam("item"), _T.c.status != SpeakerStatus.WITHDRAWN.value)
)
_S = SpeechPause.__table__
_PAUSES_SQL = (
    select(_S.c.entry_id, _S.c.started_at, _S.c.ended_at)
    .join(_T, _S.c.entry_id == _T.c.id)
    .where(_T.c.item_id == bindparam("item"))
    .order_by(_S.c.started_at)
)


def seminar_limits(seminar: Seminar | None) -> ListLimits:
    """The seminar's speaking times (the defaults while a file has no seminar yet)."""
    if seminar is None:
        return ListLimits(180, type_limits(None))
    return ListLimits(seminar.default_speaking_limit_s, type_limits(seminar.speech_limits))


class _Raw(NamedTuple):
    """One row of `_SNAPSHOT_SQL`."""

    id: str
    capacity: str
    speech_type: str
    status: str
    position: float
    requested_at: datetime
    time_limit_s: int | None
    started_at: datetime | None
    ended_at: datetime | None
    person: str | None
    org_name: str | None
    org_code: str | None
    person_org_name: str | None
    person_org_code: str | None
    group_code: str | None


def read_snapshot(desk: Desk, item_id: str, anchors: Mapping[str, Anchor]) -> ListSnapshot:
    """The item's list as plain data; the timer is anchored to the clock's monotonic now.

    Read with two Core queries (entries with their names, then pauses): the page and the
    projector redraw from this after every action, on lists of hundreds of requests.
    """
    clock = desk.clock
    with desk.read() as s:
        item = s.get(AgendaItem, item_id)
        if item is None:
            raise Gone("That agenda item is no longer in the file.")
        seminar = s.scalars(select(Seminar)).first()
        limits = seminar_limits(seminar).on_item(item.speaking_limit_s)
        conn = s.connection()
        entries = [_Raw(*r) for r in conn.execute(_SNAPSHOT_SQL, {"item": item_id})]
        pauses: dict[str, list[tuple[datetime, datetime | None]]] = {}
        for entry_id, started, ended in conn.execute(_PAUSES_SQL, {"item": item_id}):
            pauses.setdefault(entry_id, []).append((started, ended))
        now, mono = clock.now(), clock.monotonic()
        rows = {e.id: _row(e, pauses.get(e.id, []), limits, now, mono, anchors) for e in entries}
        q = [rules.QueueEntry(e.id, e.speech_type, e.status, e.position) for e in entries]
        current = next((e for e in entries if e.status in LIVE), None)
        timer = None
        if current is not None:
            row = rows[current.id]
            timer = SpeechTimer(
                limit_s=row.limit_s,
                elapsed_s=row.elapsed_s,
                anchor=mono,
                running=current.status == SpeakerStatus.SPEAKING,
            )
        history = sorted(
            (r for r in rows.values() if r.status == SpeakerStatus.DONE and r.started_at),
            key=lambda r: (r.started_at, r.id),
        )
        return ListSnapshot(
            item_id=item.id,
            item_title=item.title,
            day_id=item.day_id,
            day_number=item.day.number,
            closed=item.speakers_closed,
            item_limit_s=item.speaking_limit_s,
            default_limit_s=limits.default,
            current=rows[current.id] if current is not None else None,
            waiting=tuple(rows[e.id] for e in rules.queue(q)),
            held=tuple(rows[e.id] for e in rules.held(q)),
            history=tuple(history),
            timer=timer,
            seminar_title=(seminar.short_title or seminar.title) if seminar else "",
            seminar_limit_s=limits.seminar,
        )


def _row(
    e: "_Raw",
    pauses: list[tuple[datetime, datetime | None]],
    limits: ListLimits,
    now: datetime,
    mono: float,
    anchors: Mapping[str, Anchor],
) -> SpeakerRow:
    own_org = e.org_name is not None
    return record_from(
        SpeakerRow,
        e,
        name=e.person or "",
        delegation=(e.org_name if own_org else e.person_org_name) or "",
        delegation_code=(e.org_code if own_org else e.person_org_code) or "",
        on_behalf_of=e.group_code or "",
        limit_s=limits.of(e.speech_type, e.capacity, e.time_limit_s),
        elapsed_s=_elapsed(e, pauses, now, mono, anchors),
        held=rules.QueueEntry(e.id, e.speech_type, e.status, e.position).held,
    )


def _elapsed(
    e: "_Raw",
    pauses: list[tuple[datetime, datetime | None]],
    now: datetime,
    mono: float,
    anchors: Mapping[str, Anchor],
) -> float:
    if e.started_at is None:
        return 0.0
    if e.status == SpeakerStatus.SPEAKING:
        anchor = anchors.get(e.id)
        if anchor is not None and anchor.resumed_at == resumed_at(e.started_at, pauses):
            return anchor.elapsed_s + max(0.0, mono - anchor.mono)
    return net_elapsed(e.started_at, e.ended_at, pauses, now)


def resumed_at(
    started_at: datetime | None, pauses: list[tuple[datetime, datetime | None]]
) -> datetime | None:
    """When the speech last started running: its start, or the end of its last pause."""
    ends = [end for _, end in pauses if end is not None]
    return max(ends) if ends else started_at
