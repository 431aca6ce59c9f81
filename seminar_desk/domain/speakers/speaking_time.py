"""Speaking-time rules: which limit applies, net duration of a speech, and the countdown.

The countdown is computed from a monotonic clock anchored to a known elapsed time, never by
counting timer ticks, so it cannot drift however often (or seldom) the display refreshes.
"""

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from seminar_desk.domain.kinds import Capacity, SpeechType

# The kinds of speech a seminar may give a limit of its own, as the settings list them. A
# statement's limit is the seminar's default speaking time (items may set their own); the
# others replace it when set. Keys of the stored mapping (Seminar.speech_limits).
SPEECH_LIMIT_KINDS: tuple[tuple[str, str], ...] = (
    ("statement", "Statement"),
    ("group_statement", "On behalf of a group"),
    ("point_of_order", "Point of order"),
    ("right_of_reply", "Right of reply"),
    ("question", "Question"),
    ("report_back", "Report-back"),
)
TYPE_LIMIT_KEYS = frozenset(key for key, _ in SPEECH_LIMIT_KINDS) - {"statement"}
MAX_LIMIT_S = 60 * 60
DEFAULT_SPEECH_LIMITS: Mapping[str, int] = {
    "point_of_order": 60,
    "right_of_reply": 120,
    "group_statement": 300,
}
"""What a seminar starts with (and what every seminar had before limits were editable)."""

# Limits that replace the item's default for some kinds of speech (seconds). Keys are a speech
# type, or (speech type, capacity) for a rule that only holds for one capacity. Group statements
# get at least this much, and never less than a national statement on the same item.
_GROUP = (SpeechType.STATEMENT.value, Capacity.GROUP.value)
_AT_LEAST = {_GROUP}


def type_limits(speech_limits: Mapping[str, int] | None) -> dict[str | tuple[str, str], int]:
    """A seminar's stored limits (None: the defaults) as the keys `resolve_limit` looks up."""
    stored = DEFAULT_SPEECH_LIMITS if speech_limits is None else speech_limits
    return {
        (_GROUP if key == "group_statement" else key): int(value)
        for key, value in stored.items()
        if key in TYPE_LIMIT_KEYS and int(value) > 0
    }


TYPE_LIMITS: Mapping[str | tuple[str, str], int] = type_limits(DEFAULT_SPEECH_LIMITS)


def speech_limits_problem(values: Mapping[str, object]) -> str | None:
    """What is wrong with limits a person set, or None (seconds, 1 s to an hour each)."""
    for key, value in values.items():
        if key not in TYPE_LIMIT_KEYS:
            return f"unknown kind of speech {key!r}"
        if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_LIMIT_S:
            label = dict(SPEECH_LIMIT_KINDS)[key]
            return f"{label}: a limit of 1 second to 60 minutes, found {value!r}"
    return None


class TimerPhase(StrEnum):
    """How the countdown should look: the colours follow the phase."""

    STOPWATCH = "stopwatch"
    NORMAL = "normal"
    WARNING = "warning"
    OVERTIME = "overtime"


def resolve_limit(
    *,
    speech_type: str,
    capacity: str,
    item_limit_s: int | None,
    seminar_limit_s: int,
    speaker_limit_s: int | None = None,
    type_limits: Mapping[str | tuple[str, str], int] = TYPE_LIMITS,
) -> int:
    """The limit for one speech: the speaker's own, else the speech type's, else the item's.

    An item whose default is 0 runs every speech as a stopwatch (a keynote, a panel), unless a
    speaker has a limit of their own.
    """
    if speaker_limit_s is not None:
        return max(0, speaker_limit_s)
    base = seminar_limit_s if item_limit_s is None else item_limit_s
    base = max(0, base)
    if base == 0:
        return 0
    for key in ((speech_type, capacity), speech_type):
        if key in type_limits:
            limit = type_limits[key]
            return max(limit, base) if key in _AT_LEAST else limit
    return base


@dataclass(frozen=True)
class ListLimits:
    """What the speeches on one item's list are timed by: the seminar's default speaking time,
    its speech-type limits (`type_limits`) and the item's own default (None: the seminar's)."""

    seminar: int
    types: Mapping[str | tuple[str, str], int]
    item: int | None = None

    def on_item(self, item_limit_s: int | None) -> "ListLimits":
        return replace(self, item=item_limit_s)

    @property
    def default(self) -> int:
        """The item's default: a statement's limit when the speaker has none of their own."""
        return self.seminar if self.item is None else self.item

    def of(self, speech_type: str, capacity: str, speaker_limit_s: int | None = None) -> int:
        """One speech's limit (`resolve_limit`)."""
        return resolve_limit(
            speech_type=speech_type,
            capacity=capacity,
            item_limit_s=self.item,
            seminar_limit_s=self.seminar,
            speaker_limit_s=speaker_limit_s,
            type_limits=self.types,
        )


def warning_threshold(limit_s: int) -> int:
    """Seconds left when the countdown turns amber: 30 s, or a quarter of a short limit."""
    if limit_s <= 0:
        return 0
    return 30 if limit_s >= 120 else max(5, limit_s // 4)


def net_elapsed(
    started: datetime,
    ended: datetime | None,
    pauses: Iterable[tuple[datetime, datetime | None]],
    now: datetime,
) -> float:
    """Seconds spoken from recorded wall times: the span minus the pauses inside it."""
    end = ended or now
    total = (end - started).total_seconds()
    for pause_start, pause_end in pauses:
        lo = max(pause_start, started)
        hi = min(pause_end or end, end)
        if hi > lo:
            total -= (hi - lo).total_seconds()
    return max(0.0, total)


def format_duration(seconds: float) -> str:
    """'4:05' or '1:02:03' (whole seconds, rounded down)."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@dataclass(frozen=True)
class SpeechTimer:
    """A speech's clock: `elapsed_s` had been spoken at monotonic time `anchor`.

    While running, elapsed time grows with the monotonic clock; while paused it stands still.
    """

    limit_s: int
    elapsed_s: float
    anchor: float
    running: bool = True

    @property
    def warning_s(self) -> int:
        return warning_threshold(self.limit_s)

    def elapsed(self, mono: float) -> float:
        if not self.running:
            return self.elapsed_s
        return self.elapsed_s + max(0.0, mono - self.anchor)

    def remaining(self, mono: float) -> float:
        return self.limit_s - self.elapsed(mono)

    def phase(self, mono: float) -> TimerPhase:
        if self.limit_s <= 0:
            return TimerPhase.STOPWATCH
        # Phases change on the displayed second, so colour and digits always agree.
        left = math.ceil(self.remaining(mono))
        if left <= 0:
            return TimerPhase.OVERTIME
        if left <= self.warning_s:
            return TimerPhase.WARNING
        return TimerPhase.NORMAL

    def text(self, mono: float) -> str:
        """What the countdown shows: time left, '+0:42' in overtime, time spoken for a stopwatch."""
        if self.limit_s <= 0:
            return format_duration(self.elapsed(mono))
        left = self.remaining(mono)
        if left > 0:
            return format_duration(math.ceil(left))
        over = -left
        return "+" + format_duration(over) if over >= 1 else "0:00"

    def next_change(self, mono: float) -> float:
        """Seconds until `text` next changes (for scheduling the next repaint); inf if paused."""
        if not self.running:
            return math.inf
        elapsed = self.elapsed(mono)
        if self.limit_s > 0 and elapsed < self.limit_s:
            # Remaining is shown rounded up: it changes when the fractional part crosses 0.
            frac = (self.limit_s - elapsed) % 1.0
            return frac if frac > 1e-6 else 1.0
        frac = elapsed % 1.0
        return 1.0 - frac
