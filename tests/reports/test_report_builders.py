"""Each report, built from plain snapshots: content, order, escaping, bookmarks."""

import pytest

from seminar_desk.domain.refusal import NotFound
from seminar_desk.reports import ReportOptions, ReportRequest, build_report, describe
from seminar_desk.reports.documents.seminar import classify


def build(snap, kind: str, **kw):
    options = {k: kw.pop(k) for k in ("sign_in", "emails", "internal") if k in kw}
    return build_report(snap, ReportRequest(kind, **kw), ReportOptions(**options))


def in_order(text: str, *parts: str) -> None:
    """Each part occurs after the previous one."""
    at = 0
    for part in parts:
        found = text.find(part, at)
        assert found >= 0, f"{part!r} not found after {text[max(0, at - 80) : at]!r}"
        at = found + len(part)


def test_session_report(snap, pdf_reader) -> None:
    result = build(snap, "session", item_id="i1")
    pdf = pdf_reader(result.pdf)
    flat = pdf.flat
    in_order(
        flat,
        "Opening x<y & R&D <b>",
        "Planned 09:00–09:45 (45 min)",
        "Actual 09:04–09:52 (48 min; start +4 min)",
        "Chair Ms. Nguyễn Thị Hương (Viet Nam)",
        "Line one Line two <i>",
        "Speaker log",
        "09:05",
        "Ms. Nguyễn Thị Hương",
        "3:05",
        "09:09",
        "Ms. Tom <tom@example.org>",
        "On behalf of ASEAN",
        "Right of reply",
        "1:01",
        "Total 2 speeches",
        "4:06",
        "Summary",
        "Summary: x<y Tom <tom@example.org> R&D <b> </para>",
        "Key points",
        "- first point - second <point>",
        "Recommendations",
        "Adopt <b>R&D</b> plan",
        "Action items",
        "Send <report> to Tom <tom@example.org>",
        "UNRCPD & co",
        "31 Jan 2027",
    )
    assert result.title == "Session report: 1.1 Opening x<y & R&D <b>"
    # line breaks typed in a note stay line breaks
    assert "Summary: x<y\nTom <tom@example.org>\nR&D <b> </para>" in pdf.text
    assert pdf.reader.metadata.title.startswith("Session report: 1.1 Opening x<y & R&D <b>")


def test_breakout_report_one_group_and_all(snap, pdf_reader) -> None:
    one = pdf_reader(build(snap, "breakout", group_id="g1").pdf).flat
    in_order(
        one,
        "Group <A> & B",
        "Facilitator Ms. Nguyễn Thị Hương",
        "Rapporteur Ms. Tom <tom@example.org>",
        "Guiding questions",
        "1. Why x<y? 2. How?",
        "Members (3)",
        "Sok Chanthy",
        "Group summary <unbalanced",
    )
    every = pdf_reader(build(snap, "breakout", item_id="i2").pdf)
    assert "Group <A> & B" in [t for _, t, _ in every.outline()]


def test_end_of_day_report(snap, pdf_reader) -> None:
    pdf = pdf_reader(build(snap, "day", day=1).pdf)
    flat = pdf.flat
    in_order(
        flat,
        "End-of-day report",
        "Day 1, Saturday, 19 December 2026: First <day>",
        "Programme: planned and actual times",
        "09:00–09:45 09:04–09:52 +4 min Opening x<y & R&D <b>",
        "Proceedings",
        "Summary: x<y",
        "Recommendations of the day",
        "Adopt <b>R&D</b> plan",
        "Action items of the day",
        "Send <report>",
        "Attendance",
        "2 of 3 registered participants",
    )
    assert "Sok Chanthy" not in flat.split("Attendance")[-1]  # absent on day 1


def test_seminar_report_shape(snap, pdf_reader, footers) -> None:
    result = build(snap, "seminar")
    pdf = pdf_reader(result.pdf)
    flat = pdf.flat
    in_order(
        flat,
        "Report of the",
        "Seminar on x<y & R&D <b>",
        "Organized by UNRCPD & partners Ministry <MFA>",
        "With the support of Donor <D>",
        "Contents",
    )
    chapters = [t for depth, t, _ in pdf.outline() if depth == 0]
    assert chapters == [
        "Title page",
        "I. Introduction",
        "II. Objectives of the seminar",
        "III. Organization of the seminar",
        "IV. Opening x<y & R&D <b>",  # the one session folds into its chapter
        "V. Breakout groups",
        "VI. Conclusions and recommendations",
        "VII. Closing ceremony",
        "Annex I. Programme",
        "Annex II. List of participants",
    ]
    outline = pdf.outline()
    for depth, title, page in outline[1:]:
        if depth == 0:
            assert title.split(". ", 1)[1] in " ".join(pdf.pages[page - 1].split())
    contents = " ".join(pdf.pages[0].split() + pdf.pages[1].split())
    assert "Annex II. List of participants" in contents
    assert "Annex III" not in contents  # action items: the internal variant only
    total = len(pdf.pages)
    assert footers(pdf) == [(n, total) for n in range(1, total + 1)]
    assert all("Short <b> & title" in page for page in pdf.pages)


def test_seminar_report_sorts_items_into_chapters(snap) -> None:
    parts = classify(snap)
    assert [i.id for i in parts["opening"]] == ["i1"] or [i.id for i in parts["sessions"]] == ["i1"]
    assert [i.id for i in parts["breakout"]] == ["i2"]
    assert [i.id for i in parts["closing"]] == ["i3"]


def test_agenda(snap, pdf_reader) -> None:
    flat = pdf_reader(build(snap, "agenda").pdf).flat
    in_order(
        flat,
        "Programme",
        "Day 1, Saturday, 19 December 2026: First <day>",
        "09:00–09:45 Opening x<y & R&D <b> Line one Line two <i>",
        "Chair: Ms. Nguyễn Thị Hương",
        "Hall <A>",
        "Day 2",
        "Breakout groups",
        "Group <A> & B",
        "Closing ceremony",
    )
    only = pdf_reader(build(snap, "agenda", day=2).pdf).flat
    assert "Opening x<y" not in only and "Closing ceremony" in only


def test_participants_by_delegation_with_days(snap, pdf_reader) -> None:
    pdf = pdf_reader(build(snap, "participants").pdf)
    flat = pdf.flat
    in_order(
        flat,
        "States",
        "Cambodia",
        "Sok Chanthy",
        "Thailand",
        "Tom <tom@example.org>",
        "Viet Nam",
        "Nguyễn Thị Hương",
    )
    assert "D1 D2" in flat
    # personal e-mail addresses only when asked for: the list is handed out
    assert "p1@example.org" not in flat and "Function D1" in flat
    with_emails = pdf_reader(build(snap, "participants", emails=True).pdf).flat
    assert "Officer, R&D <lab> p1@example.org" in with_emails
    assert "Ms. Tom <tom@example.org> Officer, R&D <lab> p2@example.org •" in with_emails


def test_sign_in_sheet(snap, pdf_reader) -> None:
    result = build(snap, "participants", day=2, sign_in=True)
    flat = pdf_reader(result.pdf).flat
    assert result.title == "Sign-in sheet: Day 2, 20 December 2026"
    in_order(
        flat,
        "Sign-in sheet",
        "Day 2",
        "No. Name Delegation or organization Signature",
        "1 Ms. Sok Chanthy",
    )
    both = pdf_reader(build(snap, "participants", sign_in=True).pdf)
    assert both.flat.count("Signature") == 2


def test_unknown_targets_raise(snap) -> None:
    with pytest.raises(NotFound, match="no agenda item nope"):
        build(snap, "session", item_id="nope")
    with pytest.raises(NotFound, match="The seminar has no day 9."):
        build(snap, "day", day=9)
    with pytest.raises(ValueError):
        ReportRequest("minutes")
    assert describe(snap, ReportRequest("seminar"), ReportOptions()) == "Seminar report"


def test_empty_seminar_still_prints(pdf_reader) -> None:
    from datetime import UTC, datetime

    from seminar_desk.reports.snapshot import SeminarInfo, SeminarSnapshot

    empty = SeminarSnapshot(SeminarInfo(), (), (), (), datetime.now(UTC))
    for kind in ("seminar", "agenda", "participants"):
        assert build_report(empty, ReportRequest(kind)).pages >= 1


def test_extreme_text_wraps_and_splits(snap, pdf_reader) -> None:
    """A 6,000-letter title, 700-letter names and huge cells never stop a report."""
    from dataclasses import replace

    day = snap.days[0]
    item = replace(day.items[0], title="Ä" * 6000 + " end", kind="plenary")
    huge = replace(
        snap,
        days=(replace(day, items=(item,)), *snap.days[1:]),
        participants=tuple(
            replace(p, name=p.name + "Z" * 700, function="f " * 3000) for p in snap.participants
        ),
    )
    for kind, kw in (("seminar", {}), ("agenda", {}), ("participants", {}), ("day", {"day": 1})):
        result = build_report(huge, ReportRequest(kind, **kw))
        assert result.pages > 2, kind
    contents = pdf_reader(build_report(huge, ReportRequest("seminar")).pdf).pages[0]
    assert "…" in contents  # the contents line is cut short, the heading itself is whole


def test_day_heading_drops_a_repeated_day_number(snap) -> None:
    from dataclasses import replace

    from seminar_desk.reports.common import day_heading

    day = replace(snap.days[0], title="Day 1: Threats <and> trends")
    assert day_heading(day) == "Day 1, Saturday, 19 December 2026: Threats <and> trends"
    assert day_heading(replace(day, title="")) == "Day 1, Saturday, 19 December 2026"
    assert day_heading(replace(day, title="Day 12 trip")).endswith(": Day 12 trip")
    assert day_heading(replace(day, title="Day 1")) == "Day 1, Saturday, 19 December 2026"
    assert day_heading(replace(day, title="day 1.")) == "Day 1, Saturday, 19 December 2026"


def long_seminar(snap, days: int):
    """The small seminar stretched to `days` days; people present on some of them."""
    from dataclasses import replace
    from datetime import timedelta

    first = snap.days[0]
    stretched = tuple(
        replace(first, id=f"d{n}", number=n, date=first.date + timedelta(days=n - 1))
        for n in range(1, days + 1)
    )
    present = [frozenset(range(1, days + 1)), frozenset({1, 2, 3, days}), frozenset({2})]
    people = tuple(replace(p, days_present=present[i % 3]) for i, p in enumerate(snap.participants))
    return replace(snap, days=stretched, participants=people)


@pytest.mark.parametrize("days", [1, 5, 13, 30])
def test_participants_and_seminar_reports_for_any_length(snap, pdf_reader, days) -> None:
    """13 days and more crashed (a negative column width); 12 was unreadable."""
    from seminar_desk.reports.documents.lists import days_present_text

    long = long_seminar(snap, days)
    for kind in ("participants", "seminar"):
        result = build(long, kind)
        assert result.pages >= 1
    flat = pdf_reader(build(long, "participants").pdf).flat
    if days <= 5:
        assert " ".join(f"D{n}" for n in range(1, days + 1)) in flat
    else:
        assert "Days present" in flat and f"D{days}" not in flat
        assert (
            f"all {days}" not in flat
            and days_present_text(frozenset({1, 2, 3, days}), list(range(1, days + 1))) in flat
        )
    assert days_present_text(frozenset({1, 2, 3, 5, 6, 9}), list(range(1, 10))) == "1–3, 5, 6, 9"
    assert days_present_text(frozenset(), [1, 2]) == "none"
    assert days_present_text(frozenset({1, 2}), [1, 2]) == "all"
