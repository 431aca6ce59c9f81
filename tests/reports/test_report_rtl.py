"""Right-to-left paragraphs (Arabic, Hebrew) start at the right, in the PDF and in Word."""

import io

from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from seminar_desk.reports.document import ReportMeta, Story, build_pdf
from seminar_desk.reports.page_layout import MARGIN_X
from seminar_desk.reports.request import ReportOptions
from seminar_desk.reports.word import WordStory
from seminar_desk.reports.word_writer import write_docx

ARABIC = "مكافحة الاتجار غير المشروع بالأسلحة"
HEBREW = "מניעת סחר בנשק קל"
MIXED = f"The Arms Trade Treaty ({ARABIC}) entered into force."
ARABIC_FIRST = f"{ARABIC} (Arms Trade Treaty)"


def fill(story: Story) -> None:
    story.para(ARABIC)
    story.para(HEBREW)
    story.para(MIXED)
    story.para(ARABIC_FIRST)
    story.heading(0, HEBREW)
    story.para("Plain English paragraph.")


def spans(data: bytes) -> list[tuple[str, float, float]]:
    """(text, leftmost x, y) of each line of text on the first page."""
    lines: dict[float, list[tuple[str, float]]] = {}

    def visit(text, cm, tm, font, size) -> None:  # noqa: ANN001
        if text.strip():
            y = round(tm[5] * cm[3] + cm[5], 1)
            lines.setdefault(y, []).append((text, tm[4] * cm[0] + cm[4]))

    PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=visit)
    return [("".join(t for t, _ in v), min(x for _, x in v), y) for y, v in lines.items()]


def left_edge(data: bytes, needle: str) -> float:
    for text, x, _ in spans(data):
        if needle in text:
            return x
    raise AssertionError(f"{needle!r} not drawn")


def test_rtl_paragraphs_are_right_aligned_in_the_pdf() -> None:
    story = Story(ReportOptions())
    fill(story)
    data, _ = build_pdf(story, ReportMeta("RTL", "RTL"), ReportOptions())
    width = 595.27 - 2 * MARGIN_X
    english = left_edge(data, "Plain English")
    assert abs(english - MARGIN_X) < 1
    # a right-to-left paragraph starts at the right: its text is pushed to the right margin
    assert left_edge(data, "מניעת") > MARGIN_X + width / 2
    assert left_edge(data, "مكافحة") > MARGIN_X + width / 3
    # a left-to-right paragraph quoting Arabic stays at the left
    assert abs(left_edge(data, "The Arms Trade") - MARGIN_X) < 1


def test_rtl_paragraphs_carry_bidi_in_word() -> None:
    story = WordStory()
    fill(story)
    data = write_docx(story, title="t", subject="", author="", language="ar", footer="")
    doc = Document(io.BytesIO(data))
    bidi = {}
    for p in doc.paragraphs:
        if p.text:
            ppr = p._p.pPr
            bidi[p.text] = ppr is not None and ppr.find(qn("w:bidi")) is not None
    assert bidi[ARABIC] and bidi[HEBREW] and bidi[ARABIC_FIRST]
    assert not bidi[MIXED] and not bidi["Plain English paragraph."]
    runs = [r for p in doc.paragraphs for r in p.runs]
    rtl = {r.text: r._r.find(qn("w:rPr") + "/" + qn("w:rtl")) is not None for r in runs}
    assert rtl[HEBREW] and rtl[ARABIC]
    assert not rtl["Plain English paragraph."]
