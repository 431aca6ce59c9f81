"""A chair's key costs few trips to a server: the list is locked by the statement that loads
its item, reads come before changes so each action flushes once, and nothing is read twice.
On a network, or a busy laptop, each statement waits for an answer; these counts are the
budget (they were 14 for the next speaker and 6 for an addition before)."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

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
    # On a server the announcement to other laptops leaves with the COMMIT (no statement).
    added = counted(demo_desk, lambda: service.add(tour, organisation_id=orgs[3]))
    # the locked item with its row, the waiting list, the new row
    assert len(added) == 3, added
    nexts = counted(demo_desk, lambda: service.next_speaker(tour))
    # one flush: the speech that ends and the one that starts, one look at the merge records
    assert nexts.count("UPDATE") == 2 and nexts.count("SELECT") <= 6, nexts
    assert len(nexts) <= 9, nexts
