"""What to print and how: plain values shared by the window, the command line and builders.

Kept free of reportlab so the Reports page can import it without loading the PDF library.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date


@dataclass(frozen=True)
class ReportKind:
    """One kind of report and what it asks for: THE table the Reports page, the `report`
    command and the builder all read (its choices, its refusals, its dispatch).

    `uses`: the choices that apply to it ("day", "item", "group"); `needs_one_of`: at least
    one of these must be given, else it is refused; `options`: its own switches ("sign_in");
    `first_day`: with no day chosen, it is about the first day (not all days); `file_stem`:
    its suggested file name's stem ("list-of-speakers"); `cards`: cut-out cards (name tents,
    badges), PDF only.
    """

    name: str
    title: str
    uses: tuple[str, ...] = ()
    needs_one_of: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    first_day: bool = False
    file_stem: str = ""
    cards: bool = False


REPORT_KINDS: dict[str, ReportKind] = {
    k.name: k
    for k in (
        ReportKind(
            "session",
            "Session report",
            uses=("item",),
            needs_one_of=("item",),
            file_stem="session-report",
        ),
        ReportKind(
            "breakout",
            "Breakout report",
            uses=("item", "group"),
            needs_one_of=("item", "group"),
            file_stem="breakout-report",
        ),
        ReportKind(
            "day",
            "End-of-day report",
            uses=("day",),
            needs_one_of=("day",),
            first_day=True,
            file_stem="report",
        ),
        ReportKind("seminar", "Seminar report", options=("internal",), file_stem="seminar-report"),
        ReportKind("agenda", "Programme", uses=("day",), file_stem="programme"),
        ReportKind(
            "participants",
            "List of participants",
            uses=("day",),
            options=("sign_in", "emails"),
            file_stem="participants",
        ),
        ReportKind(
            "speakers",
            "List of speakers",
            uses=("item",),
            needs_one_of=("item",),
            file_stem="list-of-speakers",
        ),
        ReportKind("tents", "Name tents", file_stem="name-tents", cards=True),
        ReportKind("badges", "Badges", file_stem="badges", cards=True),
    )
}
KINDS = tuple(REPORT_KINDS)
KIND_TITLES = {name: kind.title for name, kind in REPORT_KINDS.items()}
_NOUNS = {"day": "a day", "item": "an agenda item", "group": "a breakout group"}

ProgressFn = Callable[[float, str], None]
CancelFn = Callable[[], bool]


class Cancelled(Exception):  # noqa: N818 (reads better at the call site than CancelledError)
    """The person cancelled the export; nothing was written."""


@dataclass(frozen=True)
class ReportRequest:
    """What to print: the kind and, depending on it, a day, an item or a breakout group."""

    kind: str
    day: int | None = None
    item_id: str | None = None
    group_id: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown report kind {self.kind!r}; one of {', '.join(KINDS)}")


@dataclass(frozen=True)
class ReportOptions:
    """Choices that do not depend on the data: paper, the sign-in variant... (Khmer, Thai,
    Lao and Myanmar text is always shaped: the PDF keeps its real text, so nothing is gained
    by turning shaping off; the old switch is gone.)"""

    paper: str = "a4"
    sign_in: bool = False
    # The seminar report for the secretariat itself: every recommendation with its status
    # and the action items (annex III). The distributed one lists adopted recommendations.
    internal: bool = False
    # Personal e-mail addresses in lists of participants (off in anything distributed).
    emails: bool = False
    # The masthead's date of issue (default: the day the report is made).
    issue_date: date | None = None


def missing(request: ReportRequest, *, flags: bool = False) -> str:
    """Why `request` cannot be printed ('' when it can): a choice its kind needs is not given.

    Said the same way everywhere; `flags` names the command line's options instead of the
    window's fields ("--item" for "an agenda item").
    """
    kind = REPORT_KINDS[request.kind]
    given = {
        "day": request.day is not None,
        "item": bool(request.item_id),
        "group": bool(request.group_id),
    }
    if not kind.needs_one_of or any(given[n] for n in kind.needs_one_of):
        return ""
    what = " or ".join(f"--{n}" if flags else _NOUNS[n] for n in kind.needs_one_of)
    return f"{kind.title} needs {what}."


def missing_days(request: ReportRequest, options: ReportOptions, day_count: int) -> str:
    """Why a report about days cannot be printed from a seminar without any ('' if it can)."""
    if day_count:
        return ""
    kind = REPORT_KINDS[request.kind]
    add = "this seminar has no days yet: add them on the Agenda page."
    if kind.needs_one_of == ("day",):
        return f"{kind.title} is about one day, and {add}"
    if options.sign_in and "sign_in" in kind.options:
        return f"Sign-in sheets are printed one per day, and {add}"
    return ""


def with_first_day(request: ReportRequest, first_day: int | None) -> ReportRequest:
    """`request` with `first_day` filled in when its kind is about one day and none is chosen."""
    if REPORT_KINDS[request.kind].first_day and request.day is None and first_day is not None:
        return replace(request, day=first_day)
    return request
