"""A chair's key costs few trips to a server: the list is locked by the statement that loads
its item, the speech in progress comes with its pauses and the item's last end order in one
statement, reads come before changes so each action flushes once, and nothing is read twice.
On a network, or a busy laptop, each statement waits for an answer; these counts are the
budget. On a server each action adds only BEGIN (which is also the pool's check of the
connection) and the COMMIT (which carries the NOTIFY to other laptops): see
tests/services/test_live_updates.py. Round trips on a server, before -> now: add 7 -> 5,
next speaker 11 -> 8, finish 9 -> 6, resume 12 -> 8, put back 13 -> 8."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest
from sqlalchemy import event, select

from seminar_desk.domain.clock import FakeClock
from seminar_desk.services.desk import Desk
from seminar_desk.services.speakers.service import SpeakersService
from seminar_desk.store.models import Organisation

TOUR = "Tour de table: national experiences and priorities"


@contextmanager
def statements(desk: Desk) -> Iterator[list[str]]:
    seen: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        verb = statement.split(None, 1)[0].upper()
        if verb != "BEGIN":  # a file's BEGIN IMMEDIATE; the server's is not a cursor's
            seen.append(verb)

    event.listen(desk.db.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(desk.db.engine, "before_cursor_execute", note)


def counted(desk: Desk, op: Callable[[], object]) -> list[str]:
    with statements(desk) as seen:
        op()
    return seen


def test_list_operations_send_few_statements(demo_desk: Desk, clock: FakeClock) -> None:
    clock.set(datetime(2026, 12, 19, 9, 30, tzinfo=UTC))
    service = SpeakersService(demo_desk)
    tour = next(i.id for i in service.items() if i.title == TOUR)
    with demo_desk.read() as s:
        orgs = s.scalars(select(Organisation.id).limit(4)).all()
    for org in orgs[:3]:
        service.add(tour, organisation_id=org)
    service.next_speaker(tour)
    # the locked item with its row, the waiting list, the new row
    added = counted(demo_desk, lambda: service.add(tour, organisation_id=orgs[3]))
    assert added == ["SELECT", "SELECT", "INSERT"], added
    # the locked item, the waiting list, the floor (head, current, last end order), the merge
    # records; one flush: the speech that ends and the one that starts, a new merge record
    nexts = counted(demo_desk, lambda: service.next_speaker(tour))
    assert nexts.count("SELECT") == 4 and nexts.count("UPDATE") == 2, nexts
    assert len(nexts) <= 7, nexts
    # The merge history of a record already edited: a server desk asks each time, a file desk
    # knows it from its earlier actions (services/bundles/tracking.py KnownHistories).
    history = 1 if demo_desk.db.kind.server else 0
    paused = counted(demo_desk, lambda: service.pause(tour))
    assert paused.count("SELECT") == 2 + history and len(paused) <= 5, paused
    # the pauses came with the speech: no statement loads them
    resumed = counted(demo_desk, lambda: service.resume(tour))
    # one look at the merge records of both tables (speeches and pauses)
    assert resumed.count("SELECT") <= 3 and len(resumed) <= 6, resumed
    put_back = counted(demo_desk, lambda: service.put_back(tour))
    # the pause deleted is not read again for its merge record
    assert put_back.count("SELECT") <= 4 and len(put_back) <= 6, put_back
    service.next_speaker(tour)
    finished = counted(demo_desk, lambda: service.finish(tour))
    assert finished == ["SELECT"] * (2 + history) + ["UPDATE"], finished
    # the locked item is the one changed: not read again
    closed = counted(demo_desk, lambda: service.set_closed(tour, True))
    assert closed.count("SELECT") == 2 and len(closed) <= 4, closed


def test_making_room_reads_and_writes_the_neighbours_together(
    demo_desk: Desk, clock: FakeClock
) -> None:
    """Moving a speaker between two crowded positions moves its neighbours: one statement
    reads them all and one writes them all (the like UPDATEs leave as one batch)."""
    clock.set(datetime(2026, 12, 19, 9, 30, tzinfo=UTC))
    service = SpeakersService(demo_desk)
    tour = next(i.id for i in service.items() if i.title == TOUR)
    with demo_desk.read() as s:
        orgs = s.scalars(select(Organisation.id).limit(4)).all()
    for i in range(60):
        service.add(tour, organisation_id=orgs[i % 4])
    moved: list[str] = []
    for _ in range(60):  # the last one to third place, until positions are crowded
        before = {row.id: row.position for row in service.snapshot(tour).waiting}
        last = list(before)[-1]
        moved = counted(demo_desk, lambda last=last: service.move(last, 2))
        after = {row.id: row.position for row in service.snapshot(tour).waiting}
        if sum(after[k] != before[k] for k in before) > 2:  # neighbours moved too
            break
    else:
        pytest.fail("the positions never got crowded")
    order = [row.id for row in service.snapshot(tour).waiting]
    assert len(order) == 60 and len(set(order)) == 60 and order[2] == last
    assert moved.count("UPDATE") == 1 and len(moved) <= 7, " ".join(moved)
