"""Text drawn on the canvas (footers, page numbers, leaders, fold marks) in the font of its
script, shaped, its text given back; never Noto Sans' empty boxes."""

import io
from dataclasses import replace

from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from seminar_desk.reports import ReportOptions, ReportRequest
from seminar_desk.reports.build import build_report
from seminar_desk.reports.chrome import CATALOGUES
from seminar_desk.reports.flowables import draw_text, text_width
from seminar_desk.reports.text.fonts import register_fonts, script_family

KHMER_TITLE = "សិក្ខាសាលាស្តីពីការជួញដូរ"


def drawn(data: bytes) -> list[list[tuple[str, str, float, float]]]:
    """Per page: (text, font name, x, y) of every piece of text as drawn."""
    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        found: list[tuple[str, str, float, float]] = []

        def visit(text, cm, tm, font, size, found=found) -> None:  # noqa: ANN001
            if text.strip() and font is not None:
                x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
                name = str(font.get("/BaseFont", "")).split("+")[-1].split("-")[0]
                found.append((text, name, x, y))

        page.extract_text(visitor_text=visit)
        pages.append(found)
    return pages


def fonts_of_script_text(pages: list[list[tuple[str, str, float, float]]]) -> dict[str, set[str]]:
    """For each script family, the PDF fonts its characters were drawn with."""
    out: dict[str, set[str]] = {}
    for page in pages:
        for text, font, _, _ in page:
            for ch in text:
                family = script_family(ch)
                if family:
                    out.setdefault(family, set()).add(font)
    return out


def test_khmer_short_title_in_every_footer_in_the_khmer_font(snap) -> None:
    snap = replace(snap, details=replace(snap.details, short_title=KHMER_TITLE))
    result = build_report(snap, ReportRequest("seminar"), ReportOptions())
    assert result.missing == ()
    pages = drawn(result.pdf)
    for number, page in enumerate(pages, start=1):
        assert KHMER_TITLE in "".join(t for t, *_ in page), f"page {number}"
    assert fonts_of_script_text(pages) == {"NotoSansKhmer": {"NotoSansKhmer"}}


def test_page_label_in_another_script_is_drawn_in_its_font(snap, monkeypatch) -> None:
    """A report language whose "Page x of y" is in Thai: the label at the foot of every page
    is drawn with Noto Sans Thai (drawString in Noto Sans drew boxes) and reads back."""
    monkeypatch.setitem(CATALOGUES["fr"], "Page {n} of ", "หน้า {n} จาก ")
    snap = replace(snap, details=replace(snap.details, language="fr", short_title="Short"))
    result = build_report(snap, ReportRequest("seminar"), ReportOptions())
    pages = drawn(result.pdf)
    assert fonts_of_script_text(pages).get("NotoSansThai") == {"NotoSansThai"}
    text = PdfReader(io.BytesIO(result.pdf)).pages[1].extract_text()
    assert f"หน้า 2 จาก {result.pages}" in " ".join(text.split())  # the space before the total


def test_draw_text_aligns_script_text_like_a_string() -> None:
    """Right-aligned text ends at x, left-aligned starts there, whatever its script."""
    register_fonts()
    out = io.BytesIO()
    canv = Canvas(out)
    width = text_width("ការជួញដូរ", 10)
    assert 30 < width < 80
    # a trailing space keeps its room (the total of "Page 3 of " follows it)
    assert abs(text_width("ការជួញដូរ ", 10) - width - text_width(" ", 10)) < 0.01
    draw_text(canv, 300, 700, "ការជួញដូរ", 10, align="right")
    draw_text(canv, 100, 600, "ការជួញដូរ", 10)
    draw_text(canv, 300, 500, "Page 3 of ", 10, align="right")
    canv.showPage()
    canv.save()
    (page,) = drawn(out.getvalue())

    def start(y: float) -> float:
        return min(x for _, font, x, at in page if abs(at - y) < 1 and font == "NotoSansKhmer")

    assert abs(start(600) - 100) < 0.01
    assert abs(start(700) - (300 - width)) < 0.5
    latin = [x for text, _, x, at in page if abs(at - 500) < 1]
    assert abs(min(latin) - (300 - text_width("Page 3 of ", 10))) < 0.5
    reader = PdfReader(io.BytesIO(out.getvalue()))
    assert reader.pages[0].extract_text().count("ការជួញដូរ") == 2


def test_word_footer_label_in_another_script_gets_its_font(snap, monkeypatch) -> None:
    from docx import Document
    from docx.oxml.ns import qn

    from seminar_desk.reports.build import build_word

    monkeypatch.setitem(CATALOGUES["fr"], "Page {n} of ", "หน้า {n} จาก ")
    snap = replace(snap, details=replace(snap.details, language="fr", short_title=KHMER_TITLE))
    doc = Document(io.BytesIO(build_word(snap, ReportRequest("seminar"))[0]))
    footer = doc.sections[0].footer.paragraphs[0]
    fonts = {}
    for run in footer.runs:
        rfonts = run._r.find(qn("w:rPr") + "/" + qn("w:rFonts"))
        if run.text.strip():
            fonts[run.text.strip()] = rfonts.get(qn("w:cs")) if rfonts is not None else None
    assert fonts[KHMER_TITLE] == "Noto Sans Khmer"
    assert fonts["หน้า"] == "Noto Sans Thai" and fonts["จาก"] == "Noto Sans Thai"
    assert "PAGE" in footer._p.xml and "NUMPAGES" in footer._p.xml
