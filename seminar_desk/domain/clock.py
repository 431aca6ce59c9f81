"""Injectable time sources, so timers and live mode are tested by moving a clock, not sleeping.

`now()` is wall-clock time (aware, UTC) for what goes on record; `monotonic()` is for measuring
durations, which must never jump when the laptop's clock is corrected.
"""

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...

    def monotonic(self) -> float: ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock that only moves when told to; for tests and benchmarks."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = start or datetime(2026, 12, 19, 2, 0, tzinfo=UTC)
        self._mono = 1000.0

    def now(self) -> datetime:
        return self._now

    def monotonic(self) -> float:
        return self._mono

    def advance(self, seconds: float) -> None:
        self._now += timedelta(seconds=seconds)
        self._mono += seconds

    def set(self, when: datetime) -> None:
        """Jump wall time (and monotonic time by the same amount, if forward)."""
        delta = (when - self._now).total_seconds()
        self._now = when
        if delta > 0:
            self._mono += delta
