"""A table split over pages never leaves its last row alone under the repeated header."""

from reportlab.platypus import Table

from seminar_desk.reports import ReportOptions
from seminar_desk.reports.document import FlowTable, Story


def rows_of(part: Table) -> int:
    return len(part._rowHeights) - 1  # less the header


def test_the_last_row_never_goes_over_alone() -> None:
    story = Story(ReportOptions())
    table = story.table(
        [[f"Person {n}", "Officer"] for n in range(10)], [200, 200], header=["A", "B"]
    )
    assert isinstance(table, FlowTable)
    table.wrap(400, 10_000)
    heights = table._rowHeights
    room = sum(heights[:10]) + 0.5  # the header and nine rows fit: one would go over alone
    plain = Table.split(table, 400, room)
    assert [rows_of(p) for p in plain] == [9, 1]
    first, rest = table.split(400, room)
    assert (rows_of(first), rows_of(rest)) == (8, 2)
    room = sum(heights[:8]) + 0.5  # seven fit, three go over: left as it is
    assert [rows_of(p) for p in table.split(400, room)] == [7, 3]


def test_a_short_table_is_not_held_back() -> None:
    """Three rows of which two fit: the one going over stays alone rather than leaving a
    single row behind under its heading."""
    story = Story(ReportOptions())
    table = story.table([[f"Person {n}", "x"] for n in range(3)], [200, 200], header=["A", "B"])
    table.wrap(400, 10_000)
    room = sum(table._rowHeights[:3]) + 0.5
    assert [rows_of(p) for p in table.split(400, room)] == [2, 1]
