"""Continuation pages say what they continue: the day of a sign-in sheet, the delegation of a
list's rows; a page that opens with something new continues nothing."""

import re
from dataclasses import replace

from seminar_desk.reports import ReportOptions, ReportRequest, build_report
from seminar_desk.services.reporting.report_data import load_snapshot

CONTINUED = re.compile(r"^(.*) \(continued\)$", re.MULTILINE)


def heads(pdf) -> list[str | None]:
    """The '(continued)' head of each page (None where there is none)."""
    found = []
    for page in pdf.pages:
        match = CONTINUED.search(page)
        found.append(" ".join(match.group(1).split()) if match else None)
    return found


def many(snap, copies: int, **changes):
    people = tuple(
        replace(p, id=f"{p.id}-{n}", name=f"{p.name} {n}", **changes)
        for n in range(copies)
        for p in snap.participants
    )
    return replace(snap, participants=people)


def test_sign_in_sheets_say_which_day_they_continue(snap, pdf_reader) -> None:
    snap = many(snap, 12)
    pdf = pdf_reader(
        build_report(snap, ReportRequest("participants"), ReportOptions(sign_in=True)).pdf
    )
    day2 = pdf.page_of("Day 2, Sunday, 20 December 2026 \u2014 Page 1 of")
    found = heads(pdf)
    assert day2 > 2 and len(pdf.pages) > day2  # each day's sheet runs over pages
    assert found[0] is None and found[day2 - 1] is None  # each day's sheet opens anew
    assert set(found[1 : day2 - 1]) == {"Sign-in sheet, Day 1, Saturday, 19 December 2026"}
    assert set(found[day2:]) == {"Sign-in sheet, Day 2, Sunday, 20 December 2026"}


def test_a_delegation_split_over_pages_is_named_on_every_page(snap, pdf_reader) -> None:
    """The head over the rest of a delegation's table names that delegation (it named the
    section, "States", so the rows of a long delegation belonged to no name on the page)."""
    snap = many(snap, 40, org_name="Viet Nam", org_code="VNM")
    pdf = pdf_reader(build_report(snap, ReportRequest("participants")).pdf)
    found = heads(pdf)
    assert len(pdf.pages) > 2 and found[0] is None
    assert set(found[1:]) == {"States \u2014 Viet Nam (continued)".removesuffix(" (continued)")}
    for page in pdf.pages[1:]:
        assert "Name" in page and "Viet Nam" in page


def test_a_page_opening_with_an_annex_continues_no_day(demo_desk, pdf_reader) -> None:
    """The programme's last day ran to the page before annex II: its head no longer applies."""
    snap = load_snapshot(demo_desk)
    pdf = pdf_reader(build_report(snap, ReportRequest("seminar")).pdf)
    annex = pdf.page_of("Annex II. List of participants", after=2)
    found = heads(pdf)
    assert found[annex - 1] is None
    assert any(head and head.startswith("Day ") for head in found)  # the programme's days


def test_the_day_report_names_the_item_a_page_goes_on_with(snap, pdf_reader) -> None:
    """Long notes run over pages: the head says which item they belong to, its title cut
    to one line."""
    item = snap.days[0].items[0]
    long_title = "Opening " + "and a very long title " * 10
    notes = tuple(
        replace(n, body=n.body + "\n\n" + "Words of the summary. " * 600) for n in item.notes
    )
    day = replace(snap.days[0], items=(replace(item, title=long_title, notes=notes),))
    snap = replace(snap, days=(day, *snap.days[1:]))
    pdf = pdf_reader(build_report(snap, ReportRequest("day", day=1)).pdf)
    found = [h for h in heads(pdf) if h and h.startswith("Proceedings")]
    assert found and all(h.startswith("Proceedings \u2014 1.1 Opening and a very") for h in found)
    assert all(h.endswith("\u2026") and len(h) < 120 for h in found)
