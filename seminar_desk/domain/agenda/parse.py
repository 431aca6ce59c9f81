"""Dates, times of day and durations as people type them in spreadsheets and schedules."""

import re
from datetime import date, datetime, time, timedelta

from seminar_desk.domain.agenda.timing import DAY_MINUTES, to_minutes

_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d %b %Y", "%d %B %Y", "%Y/%m/%d", "%d-%m-%Y")


def parse_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


_CLOCK = re.compile(r"^(\d{1,2})(?:[:.h](\d{2}))?(?::\d{2})?\s*(am|pm|a\.m\.|p\.m\.)?$", re.I)


def parse_clock(value: object) -> int | None:
    """Minutes since midnight from "09:30", "9.30", "9h30", "2:15 pm" or a spreadsheet time."""
    if isinstance(value, datetime):
        return value.hour * 60 + value.minute
    if isinstance(value, time):
        return to_minutes(value)
    if isinstance(value, float) and 0 <= value < 1:  # a spreadsheet day fraction
        return round(value * DAY_MINUTES)
    match = _CLOCK.match(str(value or "").strip())
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    suffix = (match.group(3) or "").lower().replace(".", "")
    if suffix:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    elif match.group(2) is None:
        return None  # a bare number is not a time
    if hour > 23 or minute > 59:
        return None
    return hour * 60 + minute


_DURATION = re.compile(r"^(?:(\d{1,6})\s*h\s*)?(?:(\d{1,9})\s*(?:min|mins|minutes|m)?)?$", re.I)


def parse_duration(value: object) -> int | None:
    """Minutes from 45, "45 min", "1:30", "1h30", "2h" or a spreadsheet time/timedelta.

    This only reads what was written; whether an item may last that long is the rule in
    agenda.limits, the same for typed and imported items.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, timedelta):
        return int(value.total_seconds() // 60)
    if isinstance(value, time):
        return to_minutes(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = str(value or "").strip()
    if re.fullmatch(r"\d{1,2}:\d{2}", text):
        hours, minutes = text.split(":")
        return int(hours) * 60 + int(minutes) if int(minutes) < 60 else None
    match = _DURATION.match(text)
    if not match or not text:
        return None
    return int(match.group(1) or 0) * 60 + int(match.group(2) or 0)


_MONTH_NAMES = ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%d %B, %Y", "%B %d, %Y")
_NUMERIC = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
TYPED_DATE_EXAMPLES = "3 March 2027, 3/3/2027 or 2027-03-03"


def parse_typed_date(text: str, *, day_first: bool = True) -> date | None:
    """A date as a person types it: "2027-03-03", "3 March 2027", "March 3, 2027", "3 Mar 2027"
    or numbers in the order of their locale ("3/3/2027"; `day_first` False for month/day/year).

    A numeric date that can only be read one way ("14/3/2027") is read that way whatever the
    locale; None when the text is not a date.
    """
    text = " ".join(text.replace(",", ", ").split()).replace(" ,", ",").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    numeric = _NUMERIC.match(text)
    if numeric:
        a, b, year = (int(g) for g in numeric.groups())
        orders = ((a, b), (b, a)) if day_first else ((b, a), (a, b))
        for day, month in orders:
            try:
                return date(year, month, day)
            except ValueError:
                continue
        return None
    for fmt in _MONTH_NAMES:
        try:
            return datetime.strptime(text.replace(".", ""), fmt).date()
        except ValueError:
            continue
    return None
