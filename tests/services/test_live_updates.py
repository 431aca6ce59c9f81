"""What one laptop changes on a server seminar reaches the others' views, and a lost
connection is said and recovered from (the listener, and the saves)."""

import queue
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event, select

from seminar_desk.domain.changes import Area, OpChanges
from seminar_desk.domain.kinds import NoteSection
from seminar_desk.services.desk import ELSEWHERE, Desk
from seminar_desk.services.notes.service import NotesService, NoteTarget
from seminar_desk.services.speakers.service import SpeakersService
from seminar_desk.store.database import Database
from seminar_desk.store.models import AgendaItem
from seminar_desk.store.notify import LISTENER_NAME

WAIT_S = 10  # an upper bound for a loaded test machine; the benchmark measures the real delay


@pytest.fixture
def laptops(pg_demo_url: str) -> Iterator[tuple[Desk, Desk]]:
    a, b = Desk(Database.open(pg_demo_url)), Desk(Database.open(pg_demo_url))
    yield a, b
    a.close()
    b.close()


def _target(desk: Desk) -> NoteTarget:
    with desk.read() as s:
        return NoteTarget(item_id=s.scalars(select(AgendaItem.id)).first())


@contextmanager
def _listening(desk: Desk) -> Iterator[tuple["queue.Queue[str]", "queue.Queue[bool]"]]:
    """`desk` follows the others: what it hears and the connection's states, once connected."""
    heard: queue.Queue[str] = queue.Queue()
    states: queue.Queue[bool] = queue.Queue()
    stop = desk.follow_others(heard.put, states.put)
    assert stop is not None
    try:
        assert states.get(timeout=WAIT_S) is True
        yield heard, states
    finally:
        stop()


def _terminate(desk: Desk, application: str) -> None:
    with desk.db.engine.connect() as conn:
        conn.exec_driver_sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE application_name = %(name)s AND pid <> pg_backend_pid() "
            "AND datname = current_database()",  # not other tests' or benchmarks' databases
            {"name": application},
        )


def test_a_note_typed_on_one_laptop_reaches_the_others_views(laptops) -> None:
    here, there = laptops
    with _listening(here) as (heard, states):
        seen: list[OpChanges] = []
        here.subscribe(seen.append)
        NotesService(here).save_note(_target(here), NoteSection.SUMMARY.value, "Mine")
        NotesService(there).save_note(_target(there), NoteSection.SUMMARY.value, "Theirs")
        for _ in range(2):
            here.receive(heard.get(timeout=WAIT_S))
        remote = [c for c in seen if c.origin == ELSEWHERE]
        assert len(remote) == 1 and remote[0].touches(Area.NOTES)  # our own echo is skipped


def test_the_listener_says_the_connection_was_lost_and_hears_again_once_back(laptops) -> None:
    here, there = laptops
    with _listening(here) as (heard, states):
        _terminate(there, LISTENER_NAME)  # as a server restart or a dropped network would
        assert states.get(timeout=WAIT_S) is False
        assert states.get(timeout=WAIT_S) is True
        NotesService(there).save_note(_target(there), NoteSection.SUMMARY.value, "After")
        assert here.receive(heard.get(timeout=WAIT_S)).touches(Area.NOTES)


def test_saves_go_on_after_the_server_dropped_every_connection(laptops) -> None:
    here, there = laptops
    notes = NotesService(here)
    notes.save_note(_target(here), NoteSection.SUMMARY.value, "Before")
    _terminate(there, "seminar-desk")  # every pooled connection of both laptops is gone
    notes.save_note(_target(here), NoteSection.SUMMARY.value, "After the drop")
    assert NotesService(there).note_text(_target(there), NoteSection.SUMMARY.value) == (
        "After the drop"
    )
    item_id = _target(here).item_id
    _terminate(here, "seminar-desk")  # again, then a chair's key: the list takes it
    SpeakersService(there).set_closed(item_id, True)
    with here.read() as s:
        assert s.get(AgendaItem, item_id).speakers_closed


def test_an_action_checks_its_connection_with_its_begin_and_announces_with_its_commit(
    laptops,
) -> None:
    """The check of a pooled connection is the transaction's BEGIN (psycopg sends none of its
    own: every statement finds the transaction open), NOTIFY has no statement of its own; each
    change is heard once, in order."""
    from psycopg import pq

    here, there = laptops
    with _listening(here) as (heard, states):
        notes = NotesService(there)
        notes.save_note(_target(there), NoteSection.SUMMARY.value, "Warm")  # a pooled connection
        here.receive(heard.get(timeout=WAIT_S))
        checks: list[object] = []
        sent: list[tuple[str, pq.TransactionStatus]] = []
        dialect = there.db.engine.dialect
        real = dialect.do_ping
        dialect.do_ping = lambda conn: checks.append(conn) or real(conn)

        def note(conn, _cursor, statement: str, *_: object) -> None:
            sent.append((statement, conn.connection.dbapi_connection.pgconn.transaction_status))

        event.listen(there.db.engine, "before_cursor_execute", note)
        notes.save_note(_target(there), NoteSection.SUMMARY.value, "Once")
        SpeakersService(there).set_closed(_target(there).item_id, True)
        assert len(checks) == 4  # two reads of the target, two actions
        assert sent and {status for _, status in sent} == {pq.TransactionStatus.INTRANS}
        assert not [q for q, _ in sent if "notify" in q.lower()]
        first = here.receive(heard.get(timeout=WAIT_S))
        second = here.receive(heard.get(timeout=WAIT_S))
        assert first.touches(Area.NOTES) and first.label != second.label
        assert second.label == "Close list of speakers" and not second.touches(Area.NOTES)


def test_a_rolled_back_transaction_announces_nothing(laptops) -> None:
    here, there = laptops
    with _listening(here) as (heard, states):
        with there.db.engine.connect() as conn, conn.begin() as transaction:
            there.db.kind.announce(conn, "rolled back")
            transaction.rollback()
        # the same pooled connection commits next
        with there.db.engine.connect() as conn, conn.begin():
            there.db.kind.announce(conn, "committed")
        assert heard.get(timeout=WAIT_S) == "committed"
        assert heard.empty()


@pytest.mark.file_only
def test_a_file_has_no_other_laptops(desk: Desk) -> None:
    assert desk.follow_others(lambda _m: None, lambda _s: None) is None


def test_after_a_reconnection_every_view_reads_again(desk: Desk) -> None:
    """Announcements sent while the listener was away are lost: all areas refresh."""
    seen: list[OpChanges] = []
    desk.subscribe(seen.append)
    desk.resync()
    assert seen[-1].origin == ELSEWHERE and seen[-1].areas == frozenset(Area)
