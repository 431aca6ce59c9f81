"""Scheduling arithmetic on minutes since midnight: durations drive start times."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import time


def to_minutes(t: time) -> int:
    return t.hour * 60 + t.minute


def from_minutes(minutes: int) -> time:
    """Clamp into one day: a programme that runs past midnight shows 23:59, never wraps."""
    minutes = max(0, min(minutes, 23 * 60 + 59))
    return time(minutes // 60, minutes % 60)


@dataclass(frozen=True)
class Slot:
    """What retiming needs of an item: its length, and its start if locked."""

    duration_min: int
    locked_start: int | None = None


def retime(day_start: int, slots: Sequence[Slot]) -> list[int]:
    """Start minute of each slot: each starts where the previous ended, unless locked."""
    starts: list[int] = []
    cursor = day_start
    for slot in slots:
        start = slot.locked_start if slot.locked_start is not None else cursor
        starts.append(start)
        cursor = start + max(0, slot.duration_min)
    return starts
