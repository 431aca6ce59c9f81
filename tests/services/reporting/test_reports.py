"""Exports end to end on the demo seminar: every report, escaping, atomic writes, lookups."""

import io

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from seminar_desk.reports import ReportOptions, ReportRequest
from seminar_desk.services.files import write_output
from seminar_desk.services.reporting.report_data import load_snapshot
from seminar_desk.services.reporting.reports import export, find_group, find_item
from seminar_desk.store.models import AgendaItem, Note, Participant

TYPED = "x<y, Tom <tom@example.org>, R&D, <b>, <i>unclosed\nsecond line </para>"


def text_of(path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize(
    ("kind", "extra", "expect"),
    [
        ("session", {"item": "1.8"}, "Tour de table: national experiences and priorities"),
        ("breakout", {"item": "2.6"}, "Group C: Stockpile management"),
        ("day", {"day": 2}, "Recommendations of the day"),
        ("seminar", {}, "Annex II. List of participants"),
        ("agenda", {}, "Closing ceremony"),
        ("participants", {}, "Nguyễn"),
    ],
)
def test_every_report_of_the_demo(demo_desk, tmp_path, kind, extra, expect) -> None:
    snap = load_snapshot(demo_desk)
    item_id = find_item(snap, extra["item"]).id if "item" in extra else None
    request = ReportRequest(kind, day=extra.get("day"), item_id=item_id)
    result = export(demo_desk, request, tmp_path / f"{kind}.pdf")
    assert result.pages >= 1
    text = " ".join(text_of(result.path).split())
    assert expect in text
    assert "SALW Regional Seminar, South-East Asia 2026" in text  # footer


def test_typed_text_comes_out_as_typed(demo_desk, tmp_path) -> None:
    with demo_desk.action("tricky", undoable=False) as act:
        item = act.session.scalars(
            select(AgendaItem).where(AgendaItem.title.like("Tour de table%"))
        ).one()
        item.title = "Tour <de> table & R&D"
        act.session.add(Note(item=item, section="summary", body=TYPED, author_name="A <b>"))
        person = act.session.scalars(select(Participant)).first()
        person.name = "Tom <tom@example.org>"
    snap = load_snapshot(demo_desk)
    item = find_item(snap, "Tour <de>")
    for kind, request in (
        ("session", ReportRequest("session", item_id=item.id)),
        ("day", ReportRequest("day", day=1)),
        ("seminar", ReportRequest("seminar")),
    ):
        path = export(demo_desk, request, tmp_path / f"{kind}.pdf").path
        raw = text_of(path)
        assert "x<y, Tom <tom@example.org>, R&D, <b>, <i>unclosed\nsecond line </para>" in raw, kind
        assert "Tour <de> table & R&D" in raw
    reader = PdfReader(str(tmp_path / "seminar.pdf"))
    titles = []

    def walk(entries) -> None:
        for e in entries:
            walk(e) if isinstance(e, list) else titles.append(e.title)

    walk(reader.outline)
    assert "V. Tour <de> table & R&D" in titles  # the chapter's one item folds into it
    participants = export(demo_desk, ReportRequest("participants"), tmp_path / "p.pdf").path
    assert "Tom <tom@example.org>" in text_of(participants)


def test_letter_paper_and_sign_in(demo_desk, tmp_path) -> None:
    result = export(
        demo_desk,
        ReportRequest("participants", day=2),
        tmp_path / "sign.pdf",
        ReportOptions(paper="letter", sign_in=True),
    )
    reader = PdfReader(str(result.path))
    assert round(float(reader.pages[0].mediabox.width)) == 612
    assert "Signature" in reader.pages[0].extract_text()
    assert result.title == "Sign-in sheet: Day 2, 20 December 2026"


def test_find_item_and_group(demo_desk) -> None:
    snap = load_snapshot(demo_desk)
    tour = find_item(snap, "1.8")
    assert find_item(snap, tour.id) is tour
    assert find_item(snap, "TOUR DE TABLE") is tour
    with pytest.raises(LookupError, match="matches 5 items"):
        find_item(snap, "session")
    with pytest.raises(LookupError, match="no agenda item"):
        find_item(snap, "9.9")
    breakout = find_item(snap, "2.6")
    assert find_group(snap, "2", breakout).name.startswith("Group B")
    assert find_group(snap, "stockpile").name.startswith("Group C")
    with pytest.raises(LookupError):
        find_group(snap, "group")


def test_write_is_atomic(tmp_path) -> None:
    target = tmp_path / "out" / "r.pdf"
    write_output(target, b"%PDF-1")
    assert target.read_bytes() == b"%PDF-1"
    assert [p.name for p in target.parent.iterdir()] == ["r.pdf"]


def test_a_new_report_is_private_whatever_the_umask(tmp_path) -> None:
    """Reports name participants: 0600 (item 10 of issue 10), not world-readable."""
    import os
    import stat

    old = os.umask(0o022)
    try:
        target = tmp_path / "shared.pdf"
        write_output(target, b"%PDF-1")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
