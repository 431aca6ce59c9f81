"""Order rules of the list of speakers, on plain records."""

from datetime import UTC, datetime, timedelta

import pytest

from seminar_desk.domain import speaker_queue as q

T0 = datetime(2026, 12, 19, 8, 0, tzinfo=UTC)


def entry(id_: str, pos: float, kind: str = "statement", minute: int = 0, **kw) -> q.QueueEntry:
    return q.QueueEntry(
        id_, kind, kw.pop("status", "waiting"), pos, T0 + timedelta(minutes=minute), **kw
    )


def add(entries: list[q.QueueEntry], id_: str, kind: str = "statement") -> list[q.QueueEntry]:
    """Add a request the way the service does."""
    entries.append(entry(id_, q.new_position(entries, kind), kind, minute=len(entries)))
    return entries


def ids(entries) -> list[str]:
    return [e.id for e in q.queue(entries)]


def test_requests_are_taken_in_order_and_points_of_order_jump_the_queue() -> None:
    entries: list[q.QueueEntry] = []
    for name in ("a", "b", "c"):
        add(entries, name)
    add(entries, "poo1", "point_of_order")
    add(entries, "d")
    add(entries, "poo2", "point_of_order")
    assert ids(entries) == ["poo1", "poo2", "a", "b", "c", "d"]
    assert q.next_speaker(entries).id == "poo1"


def test_rights_of_reply_are_held_until_called_then_go_first_after_points_of_order() -> None:
    entries: list[q.QueueEntry] = []
    add(entries, "a")
    add(entries, "ror1", "right_of_reply")
    add(entries, "b")
    add(entries, "ror2", "right_of_reply")
    add(entries, "poo", "point_of_order")
    assert ids(entries) == ["poo", "a", "b"]
    assert [e.id for e in q.held(entries)] == ["ror1", "ror2"]
    moves = q.reply_positions(entries)
    called = [
        q.QueueEntry(e.id, e.speech_type, e.status, moves.get(e.id, e.position), e.requested_at)
        for e in entries
    ]
    assert ids(called) == ["poo", "ror1", "ror2", "a", "b"]
    assert q.held(called) == []


def test_only_waiting_entries_are_in_the_queue() -> None:
    entries = [
        entry("done", 1, status="done"),
        entry("now", 2, status="speaking"),
        entry("gone", 3, status="withdrawn"),
        entry("next", 4),
    ]
    assert ids(entries) == ["next"]


def test_closed_list_takes_only_points_of_order() -> None:
    q.check_can_add(False, "statement")
    q.check_can_add(True, "point_of_order")
    with pytest.raises(q.ListClosed):
        q.check_can_add(True, "statement")
    with pytest.raises(q.ListClosed):
        q.check_can_add(True, "right_of_reply")


def test_moving_and_renumbering_when_positions_get_too_close() -> None:
    order = q.queue([entry("a", 1), entry("b", 2), entry("c", 3)])
    assert q.position_at(order, 0, moving="c") < 1
    assert 1 < q.position_at(order, 1, moving="c") < 2
    assert q.position_at(order, 3, moving="a") > 3
    tight = q.queue([entry("a", 1.0), entry("b", 1.0 + 1e-7)])
    assert q.position_at(tight, 1) is None
    assert q.renumbered(tight) == {"a": 1.0, "b": 2.0}


def test_head_position_is_ahead_of_everyone() -> None:
    order = q.queue([entry("a", 5), entry("b", 7)])
    assert q.head_position(order) < 5
    assert q.head_position([]) == 1.0
