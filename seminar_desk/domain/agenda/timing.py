"""Scheduling arithmetic on minutes since midnight: durations drive start times.

A day is a sequence of items; consecutive items that share a parallel key form one block that
runs at the same time in several rooms. Each block starts where the previous one ended unless its
start is locked (lunch at 12:30). Once the day is live, items that have started are anchored at
their actual times and the rest follow. Minutes may exceed 1440 for items after midnight; a
locked start earlier than the day's start means "the next morning".

One engine, `plan_day`, computes every start: plain re-timing when durations change (`retime` is
its starts for durations and locked starts alone), planning the day in the service, and live
re-planning, which passes the actual times and `now`.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import time

DAY_MINUTES = 24 * 60


def to_minutes(t: time) -> int:
    return t.hour * 60 + t.minute


def from_minutes(minutes: int) -> time:
    """Clamp into one day: a programme that runs past midnight shows 23:59, never wraps."""
    minutes = max(0, min(minutes, 23 * 60 + 59))
    return time(minutes // 60, minutes % 60)


def wall_time(minutes: int) -> time:
    """The clock time of a minute of the day, wrapping past midnight (01:30 for 1530)."""
    minutes %= DAY_MINUTES
    return time(minutes // 60, minutes % 60)


def day_minutes(t: time, day_start: int) -> int:
    """Minutes of `t` within a day starting at `day_start`; earlier times are after midnight."""
    m = to_minutes(t)
    return m + DAY_MINUTES if m < day_start else m


def format_minutes(minutes: int) -> str:
    """Like "09:30", or "01:30 (+1)" past midnight."""
    t = wall_time(minutes)
    suffix = f" (+{minutes // DAY_MINUTES})" if minutes >= DAY_MINUTES else ""
    return f"{t:%H:%M}{suffix}"


def format_delay(minutes: int) -> str:
    """Ahead/behind as people say it: "+12 min" late, "−5 min" early, "on time"."""
    if minutes == 0:
        return "on time"
    sign = "+" if minutes > 0 else "\u2212"
    return f"{sign}{abs(minutes)} min"


@dataclass(frozen=True)
class PlanSlot:
    """One item as the planner sees it; minutes are within the day (may pass 1440).

    `actual_start`/`actual_end` anchor items that have run; `people` are the ids of the chair and
    speakers, for double-booking warnings.
    """

    duration_min: int
    locked_start: int | None = None
    parallel_key: str = ""
    actual_start: int | None = None
    actual_end: int | None = None
    people: frozenset[str] = field(default_factory=frozenset)

    @property
    def started(self) -> bool:
        return self.actual_start is not None


@dataclass(frozen=True)
class PlanWarning:
    """Something a person should see on an item: `kind` is collision, overrun or double_booked."""

    index: int
    kind: str
    message: str
    # For double bookings: the other item, and who is in both.
    other: int | None = None
    people: frozenset[str] = frozenset()


@dataclass(frozen=True)
class DayPlan:
    starts: list[int]
    ends: list[int]
    warnings: list[PlanWarning]
    end: int

    def warnings_for(self, index: int) -> list[PlanWarning]:
        return [w for w in self.warnings if w.index == index]


def blocks(slots: Sequence[PlanSlot]) -> list[list[int]]:
    """Indices grouped into blocks: a run of consecutive slots with the same non-empty key."""
    out: list[list[int]] = []
    for i, slot in enumerate(slots):
        if out and slot.parallel_key and slots[out[-1][0]].parallel_key == slot.parallel_key:
            out[-1].append(i)
        else:
            out.append([i])
    return out


def plan_day(
    day_start: int,
    slots: Sequence[PlanSlot],
    *,
    day_end: int | None = None,
    now: int | None = None,
    resume_at: int | None = None,
) -> DayPlan:
    """Start and end of every slot, and the warnings a person should see.

    Started items sit at their actual times. Before the day goes live, the rest follow
    durations. Once live, the first block after the last started item keeps its working start
    `resume_at` (what the last re-plan decided), so starting and ending items moves nothing on
    its own. With `now` (live re-planning) that block follows the actual times instead, never
    earlier than `now`; an item still running is assumed to go on until at least `now`.
    """
    n = len(slots)
    starts = [0] * n
    ends = [0] * n
    warnings: list[PlanWarning] = []
    # Items before the last one that started were skipped or are still to come back to; only
    # the items after it are pushed to "not before now".
    live_from = max((i + 1 for i, s in enumerate(slots) if s.started), default=0)
    cursor = day_start
    for block in blocks(slots):
        locked = [slots[i].locked_start for i in block if slots[i].locked_start is not None]
        block_start = min(_after(m, day_start) for m in locked) if locked else cursor
        if not locked and block[0] >= live_from and not slots[block[0]].started:
            if now is not None:
                block_start = max(block_start, now)
            elif resume_at is not None and block[0] == live_from:
                block_start = resume_at
        block_end = block_start
        for i in block:
            slot = slots[i]
            if slot.actual_start is not None:
                start = slot.actual_start
                if slot.actual_end is not None:
                    end = slot.actual_end
                else:
                    end = start + max(0, slot.duration_min)
                    if now is not None:
                        end = max(end, now)
            else:
                start = block_start
                if slot.locked_start is not None:
                    start = _after(slot.locked_start, day_start)
                    if cursor > start:
                        warnings.append(
                            PlanWarning(
                                i,
                                "collision",
                                f"The previous item runs until {format_minutes(cursor)}, past "
                                f"this item's locked start at {format_minutes(start)}.",
                            )
                        )
                end = start + max(0, slot.duration_min)
            starts[i], ends[i] = start, end
            block_end = max(block_end, end)
        cursor = max(cursor, block_end)
    last_end = max(ends, default=day_start)
    if day_end is not None:
        end_limit = _after(day_end, day_start) if day_end != day_start else day_start
        if n and last_end > end_limit:
            warnings.append(
                PlanWarning(
                    n - 1,
                    "overrun",
                    f"The day runs until {format_minutes(last_end)}, past its planned end at "
                    f"{format_minutes(end_limit)}.",
                )
            )
    warnings.extend(_double_bookings(slots, starts, ends))
    warnings.sort(key=lambda w: w.index)
    return DayPlan(starts, ends, warnings, last_end)


# Plain re-timing needs only a length and a locked start: the planner's slot with the rest unset.
Slot = PlanSlot


def retime(day_start: int, slots: Sequence[PlanSlot]) -> list[int]:
    """Start minute of each slot from durations and locked starts alone: the planner's starts."""
    return plan_day(day_start, slots).starts


def _after(minutes: int, day_start: int) -> int:
    return minutes + DAY_MINUTES if minutes < day_start else minutes


def _double_bookings(
    slots: Sequence[PlanSlot], starts: Sequence[int], ends: Sequence[int]
) -> list[PlanWarning]:
    """A person in two items of one parallel block whose times overlap."""
    out: list[PlanWarning] = []
    for block in blocks(slots):
        if len(block) < 2:
            continue
        for a_pos, a in enumerate(block):
            for b in block[a_pos + 1 :]:
                shared = slots[a].people & slots[b].people
                overlap = starts[a] < ends[b] and starts[b] < ends[a]
                if shared and overlap:
                    for i, other in ((a, b), (b, a)):
                        out.append(
                            PlanWarning(
                                i,
                                "double_booked",
                                f"{len(shared)} person(s) also booked in parallel item "
                                f"#{other + 1}.",
                                other,
                                frozenset(shared),
                            )
                        )
    return out


def delay_minutes(
    planned_starts: Sequence[int | None],
    planned_durations: Sequence[int],
    actual_starts: Sequence[int | None],
    actual_ends: Sequence[int | None],
    now: int,
) -> int | None:
    """How late the day runs (negative: ahead), judged on the latest item that started.

    A running item is late by how much later it started than planned, or by how far it has
    overrun its planned end; an ended item by how much later it ended than planned.
    """
    started = [
        (actual, i)
        for i, actual in enumerate(actual_starts)
        if actual is not None and planned_starts[i] is not None
    ]
    if not started:
        return None
    latest = max(started)[1]
    planned = planned_starts[latest]
    assert planned is not None
    planned_end = planned + planned_durations[latest]
    actual_start = actual_starts[latest]
    assert actual_start is not None
    actual_end = actual_ends[latest]
    if actual_end is not None:
        return actual_end - planned_end
    return max(actual_start - planned, now - planned_end)
