"""Order of a list of speakers: who speaks next, and where a new or moved request goes.

Pure rules on small records, so they are tested without a database and stay fast on long lists:

- a point of order goes ahead of everyone waiting, behind earlier points of order;
- a right of reply is held until the chair calls replies, then goes to the head of the list;
- everything else is taken in the order of request;
- the facilitator may reorder by hand: the stored `position` is the order, these rules only
  decide the position a request gets when it is made.

A held right of reply is parked in a reserved band of positions beyond the end of the list
(`HELD_BASE` and up), so "held" needs no column of its own: calling it moves it into the list.
"""

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from seminar_desk.domain.kinds import SpeakerStatus, SpeechType
from seminar_desk.domain.refusal import Refusal

# Closest two positions may get before a few neighbours are spread out again.
MIN_GAP = 1e-9
# Spacing a crowded stretch of the list gets when it is spread out.
SPREAD_GAP = 1e-3
# Positions from here on hold rights of reply until the chair calls them.
HELD_BASE = 1e12


class ListClosed(Refusal, ValueError):
    """The list of speakers is closed: only points of order and rights of reply are taken."""


class QueueEntry(NamedTuple):
    """What the order rules need of a request for the floor (a tuple: lists are long)."""

    id: str
    speech_type: str
    status: str
    position: float

    @property
    def waiting(self) -> bool:
        return self.status == SpeakerStatus.WAITING

    @property
    def held(self) -> bool:
        """A right of reply the chair has not called yet."""
        return self.status == SpeakerStatus.WAITING and self.position >= HELD_BASE

    @property
    def point_of_order(self) -> bool:
        return self.speech_type == SpeechType.POINT_OF_ORDER


Placement = tuple[float, dict[str, float]]


# A closed list is closed for statements; the chair still takes points of order and may accord
# a right of reply (UN practice).
TAKEN_WHEN_CLOSED = frozenset({SpeechType.POINT_OF_ORDER, SpeechType.RIGHT_OF_REPLY})
_KINDS = frozenset(SpeechType)


def check_can_add(closed: bool, speech_type: str) -> None:
    """Raise ListClosed unless the request may be added to the list."""
    if closed and speech_type not in TAKEN_WHEN_CLOSED:
        kind = SpeechType(speech_type).label.lower() if speech_type in _KINDS else speech_type
        raise ListClosed(
            "The list of speakers is closed: only points of order and rights of reply are "
            f"taken. Reopen it (Ctrl+Shift+L) to add a {kind}."
        )


def queue(entries: Iterable[QueueEntry]) -> list[QueueEntry]:
    """Waiting requests that can be called, in speaking order."""
    return sorted(
        (e for e in entries if e.status == SpeakerStatus.WAITING and e.position < HELD_BASE),
        key=lambda e: (e.position, e.id),
    )


def held(entries: Iterable[QueueEntry]) -> list[QueueEntry]:
    """Rights of reply waiting for the chair, in the order they were asked for."""
    return sorted((e for e in entries if e.held), key=lambda e: (e.position, e.id))


def next_speaker(entries: Iterable[QueueEntry]) -> QueueEntry | None:
    order = queue(entries)
    return order[0] if order else None


def _leading_points_of_order(order: Sequence[QueueEntry]) -> int:
    count = 0
    for entry in order:
        if not entry.point_of_order:
            break
        count += 1
    return count


def insertion_index(order: Sequence[QueueEntry], speech_type: str) -> int:
    """Where a new request goes in `order` (the result of `queue`)."""
    if speech_type == SpeechType.POINT_OF_ORDER:
        return _leading_points_of_order(order)
    return len(order)


def new_position(entries: Sequence[QueueEntry], speech_type: str) -> Placement:
    """The position of a new request among `entries`, and any neighbours to move for room."""
    if speech_type == SpeechType.RIGHT_OF_REPLY:
        parked = [e.position for e in entries if e.held]
        return (max(parked) + 1.0 if parked else HELD_BASE), {}
    order = queue(entries)
    return place(order, insertion_index(order, speech_type))


def place(order: Sequence[QueueEntry], index: int, moving: str | None = None) -> Placement:
    """A position that puts an entry at `index` of `order` (read without `moving` itself).

    Usually the midpoint of its neighbours. When they are too close, the smallest stretch
    around `index` that has room is spread out evenly, so a move rewrites a few rows, not the
    whole list.
    """
    rest = [e for e in order if e.id != moving]
    n = len(rest)
    index = max(0, min(index, n))
    if n == 0:
        return 1.0, {}
    before = rest[index - 1].position if index > 0 else rest[0].position - 2.0
    after = rest[index].position if index < n else rest[-1].position + 2.0
    if after - before >= 2 * MIN_GAP:
        return (before + after) / 2, {}
    k = 1
    while True:
        a, b = max(0, index - k), min(n, index + k)
        slots = b - a + 1  # the window's entries and the new one
        left = rest[a - 1].position if a > 0 else rest[0].position - slots * SPREAD_GAP * 2
        right = rest[b].position if b < n else rest[-1].position + slots * SPREAD_GAP * 2
        step = (right - left) / (slots + 1)
        if step >= SPREAD_GAP or (a == 0 and b == n):
            window = [e.id for e in rest[a:b]]
            window.insert(index - a, "")
            spread = {eid: left + step * (i + 1) for i, eid in enumerate(window)}
            return spread.pop(""), spread
        k *= 2


def renumbered(order: Sequence[QueueEntry]) -> dict[str, float]:
    """Positions 1, 2, 3... in the given order."""
    return {entry.id: float(i + 1) for i, entry in enumerate(order)}


def reply_positions(entries: Sequence[QueueEntry]) -> dict[str, float]:
    """Positions for the held rights of reply when the chair calls them.

    They go to the head of the list, behind any points of order, in the order they were asked.
    Returns new positions for the replies (and, when there is no room, for everyone waiting).
    """
    replies = held(entries)
    if not replies:
        return {}
    order = queue(entries)
    index = _leading_points_of_order(order)
    new_order = [*order[:index], *replies, *order[index:]]
    before = order[index - 1].position if index > 0 else None
    after = order[index].position if index < len(order) else None
    lo = before if before is not None else (after - len(replies) - 1 if after is not None else 0.0)
    hi = after if after is not None else lo + len(replies) + 1
    step = (hi - lo) / (len(replies) + 1)
    if step < MIN_GAP:
        return renumbered(new_order)
    return {r.id: lo + step * (i + 1) for i, r in enumerate(replies)}


def head_position(order: Sequence[QueueEntry]) -> float:
    """A position ahead of everyone waiting (for a speaker put back on the list)."""
    return (order[0].position - 1.0) if order else 1.0
