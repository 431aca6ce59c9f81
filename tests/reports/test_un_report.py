"""The seminar report in UN shape: masthead, numbered paragraphs, no filler, variants, chrome."""

import io
import re
from dataclasses import replace

import pytest
from pypdf import PdfReader

from seminar_desk.domain.refusal import Refusal
from seminar_desk.reports import ReportOptions, ReportRequest, build_report
from seminar_desk.reports.chrome import Chrome
from seminar_desk.reports.request import KINDS
from seminar_desk.services.reporting.report_data import load_snapshot

FILLER = (
    "No summary was recorded",
    "Nothing was recorded",
    "No recommendations were recorded",
    "No action items were recorded",
    "No notes recorded",
    "No speeches were recorded",
    "No members recorded",
    "No introduction or objectives",
    "Not recorded",
)


def seminar(snap, **details):
    return replace(snap, details=replace(snap.details, **details))


def text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def flat(data: bytes) -> str:
    return " ".join(text(data).split())


def fonts_of(data: bytes) -> dict[str, bool]:
    """Every font a page uses (also inside forms): its name and whether it is embedded."""
    reader = PdfReader(io.BytesIO(data))
    found: dict[str, bool] = {}

    def walk(resources) -> None:
        if resources is None:
            return
        resources = resources.get_object()
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            embedded = descriptor is not None and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found[str(font.get("/BaseFont"))] = embedded
        for xobject in (resources.get("/XObject") or {}).values():
            walk(xobject.get_object().get("/Resources"))

    for page in reader.pages:
        walk(page.get("/Resources"))
    return found


def test_masthead_symbol_distribution_date_and_original(snap) -> None:
    snap = seminar(snap, document_symbol="UNODA/RCPD/2026/3", distribution="limited")
    options = ReportOptions(issue_date=snap.taken_at.date().replace(day=22))
    first = text(build_report(snap, ReportRequest("seminar"), options).pdf).split("Contents")[0]
    first = " ".join(first.split())
    for field in (
        "UNODA/RCPD/2026/3",
        "Distr.: Limited",
        "22 December 2026",
        "Original: English",
    ):
        assert field in first
    general = seminar(snap, distribution="general")
    assert "Distr.: General" in flat(build_report(general, ReportRequest("seminar")).pdf)


def test_body_paragraphs_are_numbered_through_the_chapters(snap) -> None:
    snap = seminar(
        snap,
        introduction="1. First typed paragraph.\n\nSecond paragraph.",
        conclusions="The chair concluded x<y.\n- point one\n- point two",
    )
    result = build_report(snap, ReportRequest("seminar"))
    body = text(result.pdf)
    numbers = [int(n) for n in re.findall(r"^(\d+)\.\s", body, re.MULTILINE)]
    assert numbers[:3] == [1, 2, 3]
    assert numbers == list(range(1, len(numbers) + 1))  # never restarts in a chapter
    lines = " ".join(body.split())
    assert "1. First typed paragraph. 2. Second paragraph." in lines  # typed "1." gives way
    assert "The chair concluded x<y. (a) point one (b) point two" in lines
    assert "(a) first point (b) second <point>" in lines  # key points: subparagraphs
    titles = [title for _, title, _ in result.stats.outline]
    assert "A. Attendance" in titles and "B. Programme of work" in titles


def test_attendance_counts_women_and_men_and_names_the_states(snap) -> None:
    people = tuple(
        replace(p, gender=g) for p, g in zip(snap.participants, ("female", "male", ""), strict=True)
    )
    body = flat(build_report(replace(snap, participants=people), ReportRequest("seminar")).pdf)
    assert "3 participants (1 woman, 1 man, 1 not recorded) attended the seminar" in body
    assert "The following States were represented: Cambodia, Thailand and Viet Nam." in body


def test_attendance_counts_another_gender_apart_from_not_recorded(snap) -> None:
    people = tuple(
        replace(p, gender=g)
        for p, g in zip(snap.participants, ("female", "other", ""), strict=True)
    )
    body = flat(build_report(replace(snap, participants=people), ReportRequest("seminar")).pdf)
    assert "3 participants (1 woman, 1 other, 1 not recorded) attended" in body


def test_distributed_report_has_adopted_recommendations_only_internal_has_all(snap) -> None:
    item = snap.days[0].items[0]
    proposed = replace(item.recommendations[0], text="Only proposed <x>", status="proposed")
    item = replace(item, recommendations=(*item.recommendations, proposed))
    snap = replace(snap, days=(replace(snap.days[0], items=(item,)), *snap.days[1:]))
    out = flat(build_report(snap, ReportRequest("seminar")).pdf)
    assert (
        "The participants adopted the following recommendations: (a) Adopt <b>R&D</b> plan" in out
    )
    assert "Only proposed <x>" not in out and "Agreed" not in out
    assert "Annex III" not in out and "Send <report>" not in out
    internal = flat(build_report(snap, ReportRequest("seminar"), ReportOptions(internal=True)).pdf)
    assert "Adopt <b>R&D</b> plan (addressed to States; Agreed; Opening)" in internal
    assert "Only proposed <x> (addressed to States; Proposed; Opening)" in internal
    assert "Annex III. List of action items" in internal and "Send <report>" in internal
    assert "Internal working copy" in internal


@pytest.mark.parametrize("kind", ["seminar", "day", "session", "breakout"])
def test_no_filler_lines(snap, kind) -> None:
    empty = tuple(
        replace(i, notes=(), recommendations=(), actions=(), speeches=(), groups=())
        for i in snap.days[0].items
    )
    bare = replace(
        seminar(snap, introduction="", objectives=""),
        days=(replace(snap.days[0], items=empty), *snap.days[1:]),
    )
    request = {
        "seminar": ReportRequest("seminar"),
        "day": ReportRequest("day", day=1),
        "session": ReportRequest("session", item_id="i1"),
        "breakout": ReportRequest("breakout", item_id="i2"),
    }[kind]
    out = flat(build_report(bare, request).pdf)
    for filler in FILLER:
        assert filler not in out, filler


def test_french_chrome_and_document_language(snap) -> None:
    snap = seminar(snap, language="fr")
    data = build_report(snap, ReportRequest("seminar")).pdf
    out = flat(data)
    for word in ("Distr. : Générale", "Original : français", "Table des matières", "décembre"):
        assert word in out
    assert "Page 1 sur" in out and "Page 1 of" not in out
    assert "Organisation du séminaire" in out and "Participation" in out
    assert PdfReader(io.BytesIO(data)).trailer["/Root"]["/Lang"] == "fr"
    day = flat(build_report(snap, ReportRequest("day", day=1)).pdf)
    assert "Jour 1, samedi 19 décembre 2026" in day and "Président(e) :" not in day
    assert "2 interventions" in flat(build_report(snap, ReportRequest("session", item_id="i1")).pdf)
    english = build_report(seminar(snap, language="en"), ReportRequest("seminar")).pdf
    assert PdfReader(io.BytesIO(english)).trailer["/Root"]["/Lang"] == "en"


def test_plural_forms() -> None:
    en, fr = Chrome("en"), Chrome("fr")
    assert en.plural(1, "{n} speech|{n} speeches") == "1 speech"
    assert en.plural(2, "{n} speech|{n} speeches") == "2 speeches"
    assert en.plural(0, "{n} speech|{n} speeches") == "0 speeches"
    assert fr.plural(0, "{n} speech|{n} speeches") == "0 intervention"
    assert fr.plural(3, "{n} speech|{n} speeches") == "3 interventions"
    assert en.dates(None, None) == "" and fr.date_short(snap_date()) == "19 déc. 2026"


def snap_date():
    from datetime import date

    return date(2026, 12, 19)


def test_one_speech_is_singular(snap) -> None:
    item = snap.days[0].items[0]
    one = replace(item, speeches=item.speeches[:1])
    snap = replace(snap, days=(replace(snap.days[0], items=(one,)), *snap.days[1:]))
    out = flat(build_report(snap, ReportRequest("session", item_id="i1")).pdf)
    assert "Total 1 speech " in out and "1 speeches" not in out


def test_every_glyph_of_every_report_is_in_an_embedded_font(demo_desk) -> None:
    snap = load_snapshot(demo_desk)
    item = next(i for i in snap.items() if i.recommendations or i.speeches)
    group = next(g for i in snap.items() for g in i.groups)
    for kind in KINDS:
        request = ReportRequest(kind, item_id=item.id if kind in ("session", "speakers") else None)
        if kind == "breakout":
            request = ReportRequest(kind, group_id=group.id)
        for options in (ReportOptions(), ReportOptions(internal=True, sign_in=True)):
            fonts = fonts_of(build_report(snap, request, options).pdf)
            assert fonts and all(fonts.values()), (kind, fonts)
            assert not any("Helvetica" in name for name in fonts), kind


def test_day_reports_without_days_are_refused_with_a_sentence(snap) -> None:
    no_days = replace(snap, days=())
    with pytest.raises(Refusal, match="no days yet"):
        build_report(no_days, ReportRequest("day"))
    with pytest.raises(Refusal, match="Sign-in sheets"):
        build_report(no_days, ReportRequest("participants"), ReportOptions(sign_in=True))


def test_a_long_list_of_recommendations_is_numbered_paragraphs_not_aaa(snap) -> None:
    item = snap.days[0].items[0]
    many = tuple(
        replace(item.recommendations[0], text=f"Recommendation number {n}") for n in range(30)
    )
    item = replace(item, recommendations=many)
    snap = replace(snap, days=(replace(snap.days[0], items=(item,)), *snap.days[1:]))
    body = text(build_report(snap, ReportRequest("seminar")).pdf)
    assert "(aa)" not in body
    numbers = [int(n) for n in re.findall(r"^(\d+)\.\s", body, re.MULTILINE)]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) > 30


def test_french_session_report_labels(snap) -> None:
    snap = seminar(snap, language="fr")
    out = flat(build_report(snap, ReportRequest("session", item_id="i1")).pdf)
    for word in ("Rapport de séance", "Jour Jour 1", "Salle", "Prévu", "Journal des interventions"):
        assert word in out, word


def test_continued_heads_and_a_long_title_shortened_in_the_footer(snap) -> None:
    long_title = "Regional seminar on a very long subject " * 12 + "END"
    people = tuple(
        replace(p, id=f"{p.id}-{n}", name=f"{p.name} {n}")
        for n in range(40)
        for p in snap.participants
    )
    snap = replace(seminar(snap, title=long_title, short_title=""), participants=people)
    reader = PdfReader(io.BytesIO(build_report(snap, ReportRequest("participants")).pdf))
    pages = [" ".join((p.extract_text() or "").split()) for p in reader.pages]
    assert len(pages) > 2
    assert "END" not in pages[1] and "\u2026" in pages[1]  # cut short, with an ellipsis
    assert any("(continued)" in page for page in pages[1:])
    assert "(continued)" not in pages[0]


def test_sign_in_sheets_number_their_pages_per_day(snap) -> None:
    people = tuple(
        replace(p, id=f"{p.id}-{n}", name=f"{p.name} {n}")
        for n in range(12)
        for p in snap.participants
    )
    data = build_report(
        replace(snap, participants=people),
        ReportRequest("participants"),
        ReportOptions(sign_in=True),
    ).pdf
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages]
    found = [re.search(r"(Day \d), [^—]*— Page (\d+) of (\d+)", page).groups() for page in pages]
    per_day = {day: int(total) for day, _, total in found}
    assert set(per_day) == {"Day 1", "Day 2"} and sum(per_day.values()) == len(pages)
    assert [int(n) for day, n, _ in found if day == "Day 2"] == list(range(1, per_day["Day 2"] + 1))


def test_breakout_groups_are_bookmarked_side_by_side_under_their_chapter(demo_desk) -> None:
    """A chapter that is one breakout item: its groups are its sub-bookmarks, all at one level
    (the first once took the level below the chapter, the others one further down, under it)."""
    pdf = build_report(load_snapshot(demo_desk), ReportRequest("seminar")).pdf
    outline = PdfReader(io.BytesIO(pdf)).outline
    at = next(n for n, e in enumerate(outline) if getattr(e, "title", "").startswith("VI. "))
    below = outline[at + 1]
    assert [e.title[:7] for e in below] == ["Group A", "Group B", "Group C"]
