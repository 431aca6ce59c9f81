"""The one table of report kinds: every kind has a builder, and a kind refuses a request that
lacks what it needs, in the same words wherever it is asked."""

import pytest

from seminar_desk.domain.refusal import Refusal
from seminar_desk.reports.build import BUILDERS, CardKind, build_report
from seminar_desk.reports.request import (
    KINDS,
    REPORT_KINDS,
    ReportRequest,
    missing,
    with_first_day,
)


def test_every_kind_has_one_builder() -> None:
    assert list(BUILDERS) == list(REPORT_KINDS) == list(KINDS)


def test_the_table_says_each_kinds_file_name_and_whether_it_is_cards() -> None:
    """A new kind is one row of REPORT_KINDS and its builder: no other table to extend."""
    assert all(kind.file_stem for kind in REPORT_KINDS.values())
    cards = {name for name, builder in BUILDERS.items() if isinstance(builder, CardKind)}
    assert cards == {name for name, kind in REPORT_KINDS.items() if kind.cards}


@pytest.mark.parametrize(
    ("request_", "window", "command"),
    [
        (ReportRequest("session"), "Session report needs an agenda item.", "--item"),
        (
            ReportRequest("breakout"),
            "Breakout report needs an agenda item or a breakout group.",
            "--item or --group",
        ),
        (ReportRequest("day"), "End-of-day report needs a day.", "--day"),
    ],
)
def test_a_missing_choice_is_named(request_: ReportRequest, window: str, command: str) -> None:
    assert missing(request_) == window
    assert missing(request_, flags=True).endswith(f"needs {command}.")


@pytest.mark.parametrize(
    "request_",
    [
        ReportRequest("session", item_id="i"),
        ReportRequest("breakout", group_id="g"),
        ReportRequest("breakout", item_id="i"),
        ReportRequest("day", day=2),
        ReportRequest("seminar"),
        ReportRequest("agenda"),
        ReportRequest("participants"),
    ],
)
def test_a_complete_request_is_not_refused(request_: ReportRequest) -> None:
    assert missing(request_) == ""


def test_a_day_report_is_about_the_first_day_when_none_is_chosen() -> None:
    assert with_first_day(ReportRequest("day"), 1).day == 1
    assert with_first_day(ReportRequest("day", day=2), 1).day == 2
    assert with_first_day(ReportRequest("agenda"), 1).day is None  # all days
    assert missing(with_first_day(ReportRequest("day"), None))  # a seminar without days


def test_the_builder_refuses_with_the_tables_words(snap) -> None:
    with pytest.raises(Refusal, match="Session report needs an agenda item"):
        build_report(snap, ReportRequest("session"))
