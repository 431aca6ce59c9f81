"""The reports as Word documents: real heading styles, numbered paragraphs, tables, scripts."""

import io

from docx import Document
from docx.oxml.ns import qn

from seminar_desk.reports import ReportOptions, ReportRequest
from seminar_desk.reports.build import build_word


def read(data: bytes):
    return Document(io.BytesIO(data))


def test_seminar_report_has_heading_styles_and_numbered_paragraphs(snap) -> None:
    data, title = build_word(snap, ReportRequest("seminar"))
    assert title == "Seminar report"
    doc = read(data)
    styles = [(p.style.name, p.text) for p in doc.paragraphs]
    headings = [t for s, t in styles if s == "Heading 1"]
    assert headings[:3] == [
        "I. Introduction",
        "II. Objectives of the seminar",
        "III. Organization of the seminar",
    ]
    assert ("Heading 2", "A. Attendance") in styles
    numbered = [t for s, t in styles if s == "List Number"]
    assert numbered[0] == "Intro R&D" and "Objective x<y" in numbered
    assert any(t.startswith("3 participants attended the seminar") for t in numbered)
    assert ("Title", "Seminar on x<y & R&D <b>") in styles
    assert any(t.startswith("(a)\tfirst point") for _, t in styles)  # subparagraphs
    assert doc.core_properties.language == "vi"
    footer = doc.sections[0].footer.paragraphs[0]
    assert "Short <b> & title" in footer.text
    assert "PAGE" in footer._p.xml and "NUMPAGES" in footer._p.xml


def test_day_report_tables_repeat_their_header(snap) -> None:
    doc = read(build_word(snap, ReportRequest("day", day=1))[0])
    programme = doc.tables[0]
    assert [c.text for c in programme.rows[0].cells][:3] == ["No.", "Planned", "Actual"]
    assert programme.rows[0]._tr.xpath("./w:trPr/w:tblHeader")
    assert "Opening x<y & R&D <b>" in [c.text for c in programme.rows[1].cells]


def test_every_script_gets_its_font_in_every_slot(snap) -> None:
    from dataclasses import replace

    item = snap.days[0].items[0]
    item = replace(item, title="Khmer ការជួញដូរ Thai การค้า Lao ການຄ້າ Myanmar ကုန်သွယ်")
    snap = replace(snap, days=(replace(snap.days[0], items=(item,)), *snap.days[1:]))
    doc = read(build_word(snap, ReportRequest("session", item_id="i1"))[0])
    fonts = {}
    for p in doc.paragraphs:
        for run in p.runs:
            rfonts = run._r.find(qn("w:rPr") + "/" + qn("w:rFonts"))
            if rfonts is not None:
                slots = {rfonts.get(qn(f"w:{s}")) for s in ("ascii", "hAnsi", "eastAsia", "cs")}
                assert len(slots) == 1
                fonts[run.text.strip()] = slots.pop()
    assert fonts["ការជួញដូរ"] == "Noto Sans Khmer"
    assert fonts["การค้า"] == "Noto Sans Thai"
    assert fonts["ການຄ້າ"] == "Noto Sans Lao"
    assert fonts["ကုန်သွယ်"] == "Noto Sans Myanmar"


def test_french_word_report(snap) -> None:
    from dataclasses import replace

    snap = replace(snap, details=replace(snap.details, language="fr"))
    doc = read(build_word(snap, ReportRequest("seminar"), ReportOptions(internal=True))[0])
    texts = [p.text for p in doc.paragraphs]
    assert "I. Introduction" in texts and "III. Organisation du séminaire" in texts
    assert "Page " in doc.sections[0].footer.paragraphs[0].text
    assert " sur " in doc.sections[0].footer.paragraphs[0].text


def test_table_text_is_set_like_the_pdfs_so_narrow_columns_do_not_wrap(snap) -> None:
    """Word's defaults (10 pt text, 5.4 pt cell margins) wrapped "09:00–09:45" and "D1" in
    columns sized for the PDF: cells take the PDF's 8.5 pt and 4 pt margins."""
    doc = read(build_word(snap, ReportRequest("day", day=1))[0])
    table = doc.tables[0]._tbl
    margins = table.xpath("./w:tblPr/w:tblCellMar/*")
    assert {(m.tag.split("}")[1], m.get(qn("w:w"))) for m in margins} == {
        ("left", "80"),
        ("right", "80"),
    }
    sizes = {sz.get(qn("w:val")) for sz in table.xpath(".//w:r/w:rPr/w:sz")}
    assert sizes and sizes <= {"17", "15"}  # 8.5 pt, and the 7.5 pt chair/speaker lines
    runs = table.xpath(".//w:r")
    assert all(r.xpath("./w:rPr/w:sz") for r in runs)  # no cell text left at Word's 10 pt


def test_word_heading_levels_never_jump_like_the_pdf_bookmarks(demo_desk) -> None:
    """A chapter that holds one breakout item heads its groups one level down, not two: Word's
    navigation pane (and its accessibility check) nests them as the PDF's bookmarks do."""
    from seminar_desk.services.reporting.report_data import load_snapshot

    doc = read(build_word(load_snapshot(demo_desk), ReportRequest("seminar"))[0])
    levels = [int(p.style.name[-1]) for p in doc.paragraphs if p.style.name[:-1] == "Heading "]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))
    groups = [p.style.name for p in doc.paragraphs if p.text.startswith("Group ")]
    assert groups == ["Heading 2"] * 3  # each group under the chapter, none under another
