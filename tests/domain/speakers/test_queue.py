"""Order rules of the list of speakers, on plain records."""

import pytest

from seminar_desk.domain.speakers import queue as q


def entry(id_: str, pos: float, kind: str = "statement", status: str = "waiting") -> q.QueueEntry:
    return q.QueueEntry(id_, kind, status, pos)


def add(entries: list[q.QueueEntry], id_: str, kind: str = "statement") -> list[q.QueueEntry]:
    """Add a request the way the service does."""
    position, spread = q.new_position(entries, kind)
    entries[:] = [e._replace(position=spread.get(e.id, e.position)) for e in entries]
    entries.append(entry(id_, position, kind))
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
    called = [e._replace(position=moves.get(e.id, e.position)) for e in entries]
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


def test_closed_list_takes_only_points_of_order_and_rights_of_reply() -> None:
    q.check_can_add(False, "statement")
    q.check_can_add(True, "point_of_order")
    q.check_can_add(True, "right_of_reply")  # UN practice: closed for statements, not replies
    for kind in ("statement", "question", "report_back"):
        with pytest.raises(q.ListClosed):
            q.check_can_add(True, kind)


def test_moving_between_neighbours() -> None:
    order = q.queue([entry("a", 1), entry("b", 2), entry("c", 3)])
    assert q.place(order, 0, moving="c")[0] < 1
    assert 1 < q.place(order, 1, moving="c")[0] < 2
    assert q.place(order, 3, moving="a")[0] > 3
    assert q.place([], 0) == (1.0, {})


def test_crowded_positions_are_spread_out_locally() -> None:
    """Moving the last speaker to third place over and over never loses the order."""
    entries = [entry(f"s{i:03d}", float(i)) for i in range(200)]
    rewritten = 0
    for _ in range(200):
        order = q.queue(entries)
        last = order[-1]
        position, spread = q.place(order, 2, moving=last.id)
        rewritten += len(spread)
        assert len(spread) < 20
        entries = [
            e._replace(position=position if e.id == last.id else spread.get(e.id, e.position))
            for e in entries
        ]
        assert q.queue(entries)[2].id == last.id
        positions = [e.position for e in q.queue(entries)]
        assert positions == sorted(positions) and len(set(positions)) == len(positions)
    assert rewritten < 200  # a handful of spreads, not a renumbering per move


def test_points_of_order_keep_their_order_when_crowded() -> None:
    entries: list[q.QueueEntry] = [entry("a", 1.0), entry("b", 1.0 + 1e-10)]
    for i in range(40):
        add(entries, f"poo{i}", "point_of_order")
    assert ids(entries)[:40] == [f"poo{i}" for i in range(40)]
    assert ids(entries)[40:] == ["a", "b"]


def test_head_position_is_ahead_of_everyone() -> None:
    order = q.queue([entry("a", 5), entry("b", 7)])
    assert q.head_position(order) < 5
    assert q.head_position([]) == 1.0
