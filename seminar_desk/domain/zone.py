"""The seminar's time zone: the one place that turns a zone name into a zone and says whether
the system knows a name.

A stored name the system does not know (a file made on another machine, an old tz database)
reads as UTC, so the agenda, the reports and the clock still work; names a person types are
checked with `zone_problem` / `is_known_zone` before they are stored or used for a new seminar.
"""

from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

DEFAULT_ZONE = "UTC"
"""The zone of a seminar that has none set (and of a name the system does not know)."""


def zone_named(name: str | None) -> ZoneInfo | None:
    """The zone of that name, or None when the name is empty or unknown here."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def seminar_zone(name: str | None) -> ZoneInfo:
    """The zone a seminar's times are in: its own, else UTC (never fails)."""
    return zone_named(name) or ZoneInfo(DEFAULT_ZONE)


def is_known_zone(name: str) -> bool:
    return zone_named(name) is not None


def zone_problem(name: str) -> str | None:
    """What is wrong with a typed zone name for an import, or None when the system knows it."""
    if is_known_zone(name):
        return None
    return f"unknown time zone {name!r}; expected e.g. Asia/Bangkok."


@cache
def zone_names() -> tuple[str, ...]:
    """Every IANA zone this system knows, sorted, for a list to choose from (without the
    posix/ and right/ copies and the "Factory" placeholder)."""
    names = {DEFAULT_ZONE, *available_timezones()}
    return tuple(
        sorted(n for n in names if not n.startswith(("posix/", "right/")) and n != "Factory")
    )


def zones_matching(text: str) -> list[str]:
    """Zones whose name holds the typed text, as a person types a city: "phnom", "Phnom Penh",
    "new york" (case and spaces or underscores do not matter). An exact name comes first."""
    key = "_".join(text.strip().split()).casefold()
    if not key:
        return []
    exact = [n for n in zone_names() if n.casefold() == key]
    return exact + [n for n in zone_names() if key in n.casefold() and n not in exact]


def in_zone(value: datetime, zone: ZoneInfo) -> datetime:
    """Aware times are converted; floating (naive) times are taken as the zone's own."""
    if value.tzinfo is None:
        return value.replace(tzinfo=zone)
    return value.astimezone(zone)
