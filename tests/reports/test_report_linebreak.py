"""Line breaks in Thai, Khmer, Lao, Myanmar and Chinese text fall where words end (ICU's
dictionary), never inside a cluster; a paragraph split across pages keeps its typed text."""

import io
import re

import pytest
from pypdf import PdfReader
from reportlab.platypus import paragraph

from seminar_desk.reports.document import ReportMeta, Story, build_pdf
from seminar_desk.reports.flowables import Para
from seminar_desk.reports.request import ReportOptions
from seminar_desk.reports.styles import make_styles
from seminar_desk.reports.text import linebreak
from seminar_desk.reports.text.fonts import markup
from seminar_desk.reports.text.shaping import typed_text

KHMER = "ការជួញដូរអាវុធខុសច្បាប់និងការប្រើប្រាស់អាវុធដោយខុសច្បាប់គឺជាបញ្ហាប្រឈមធំមួយសម្រាប់តំបន់អាស៊ាន"
THAI = "การค้าอาวุธเถื่อนเป็นปัญหาสำคัญของภูมิภาคอาเซียนและต้องการความร่วมมือระหว่างประเทศ"
LAO = "ການຄ້າອາວຸດເຖື່ອນແມ່ນບັນຫາສຳຄັນຂອງພາກພື້ນອາຊຽນ"
MYANMAR = "မြန်မာနိုင်ငံတွင်လက်နက်ကုန်သွယ်မှုတရားမဝင်ပြဿနာကိုဖြေရှင်းရန်"
CHINESE = "武器贸易条约是联合国通过的一项国际条约，旨在规范常规武器的国际贸易。"


def line_texts(text: str, width: float) -> list[str]:
    para = Para(markup(text), make_styles().body)
    para.wrap(width, 10_000)
    return [
        "".join(typed_text(w.text) for w in line.words if isinstance(w.text, str))
        for line in para.blPara.lines
    ]


@pytest.mark.parametrize("text", [KHMER, THAI, LAO, MYANMAR, CHINESE])
@pytest.mark.parametrize("width", [90, 140, 230])
def test_lines_break_only_where_words_end(text: str, width: float) -> None:
    text = text * 2
    lines = line_texts(text, width)
    assert len(lines) > 1
    assert "".join(lines) == text
    allowed = set(linebreak.break_points(text))
    at = 0
    for line in lines[:-1]:
        at += len(line)
        assert at in allowed, f"break inside a word: {line[-3:]}|{text[at : at + 3]}"


def test_khmer_and_is_never_split() -> None:
    """ "និង" came out as "និ|ង" (reportlab cut overlong words anywhere)."""
    text = "និង".join(["ការជួញដូរអាវុធ", "ការប្រើប្រាស់", "ខុសច្បាប់", "អាវុធ"] * 4)
    for width in range(60, 260, 7):
        for line in line_texts(text, width):
            assert not line.endswith("និ") and not line.startswith("ង")
            assert not line.startswith("្")  # no line begins with a bare subscript


def test_reportlab_fragment_words_are_ours() -> None:
    assert paragraph._getFragWords is linebreak.split_words


def test_a_paragraph_split_across_pages_keeps_its_typed_text() -> None:
    options = ReportOptions()
    story = Story(options)
    text = "Split: " + " ".join([KHMER, THAI] * 60)
    story.para(text)
    data, _ = build_pdf(story, ReportMeta("t", "t"), options)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]
    assert len(pages) >= 2 and "Split:" in pages[0]
    got = re.sub(r"Page\s*\d+\s*of\s*\d+", "", "".join(pages))
    # lines end at spaces or at break points: only whitespace may differ
    assert "".join(got.split()) == "".join(text.split())
    # no space is added where a line ended inside a run of Khmer or Thai words
    spaced = set(text.split())
    for word in got.split():
        assert word in spaced or word in text, word
