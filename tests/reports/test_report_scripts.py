"""Every script of the region and every UN language: on the page, in the text layer, reported
when no font has it. The PDF's text must give back exactly the words typed (pdftotext, pypdf)."""

import io
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics

from seminar_desk.reports.document import ReportMeta, Story, build_pdf
from seminar_desk.reports.request import ReportOptions
from seminar_desk.reports.text import shaping
from seminar_desk.reports.text.fallback import collect_missing, families
from seminar_desk.reports.text.fonts import FAMILY, MISSING, register_fonts

LINES = {
    "Khmer": "ការជួញដូរអាវុធខុសច្បាប់ និង ក្រសួងការបរទេស",
    "Thai": "กี่ เถื่อน การค้าอาวุธ",
    "Lao": "ການຄ້າອາວຸດເຖື່ອນ ສປປ ລາວ",
    "Myanmar": "မြန်မာနိုင်ငံ လက်နက် ကုန်သွယ်မှု",
    "Arabic": "الاتجار غير المشروع بالأسلحة",
    "Hebrew": "סחר בלתי חוקי בנשק",
    "Devanagari": "अवैध हथियार व्यापार",
    "Chinese": "武器贸易条约 联合国",
    "Japanese": "日本語のテキスト カタカナ",
    "Korean": "대한민국 외교부",
    "Vietnamese": "Nguyễn Thị Minh Khai",
}
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e"))


def words(text: str) -> list[str]:
    """The typed words, without the punctuation around them."""
    return [w.strip("“”()\"'.,:;") for w in text.split() if w.strip("“”()\"'.,:;")]


def test_document() -> bytes:
    """Each script bare, in quotes and parentheses, in headings (with contents), in a table,
    on the title page and in the footer."""
    options = ReportOptions()
    story = Story(options)
    story.para("Scripts test document " + LINES["Khmer"], story.s.title)
    story.contents_here(levels=2)
    for name, line in LINES.items():
        story.heading(0, f"{name}: {line}")
        story.para(line)
        story.para(f"In quotes “{line}” and in parentheses ({line}).")
        story.para(f"Bold <b>{name}</b>", story.s.label)
    story.table(
        [[name, line] for name, line in LINES.items()], [90, 300], header=["Script", "Text"]
    )
    footer = f"{LINES['Khmer']} {LINES['Thai']} {LINES['Arabic']} {LINES['Chinese']}"
    meta = ReportMeta("Scripts", "Scripts", footer=footer, language="km")
    data, _ = build_pdf(story, meta, options)
    return data


test_document.__test__ = False  # type: ignore[attr-defined]  (a helper, not a test)


@pytest.fixture(scope="module")
def document() -> bytes:
    return test_document()


def _check_every_word(text: str) -> None:
    text = unicodedata.normalize("NFC", text).translate(_BIDI_CONTROLS)
    found = set(words(text))
    for name, line in LINES.items():
        missing = [w for w in words(line) if w not in found]
        assert not missing, f"{name}: {missing} not in the text layer"


def test_pypdf_gives_back_every_word(document: bytes) -> None:
    reader = PdfReader(io.BytesIO(document))
    pages = [page.extract_text() for page in reader.pages]
    _check_every_word("\n".join(pages))
    assert "\ue000" not in "".join(pages)
    # the footer, every page: the Khmer short title whole
    for page in pages:
        assert "ការជួញដូរអាវុធខុសច្បាប់" in page


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_pdftotext_gives_back_every_word(document: bytes, tmp_path: Path) -> None:
    pdf = tmp_path / "scripts.pdf"
    pdf.write_bytes(document)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    _check_every_word(text)
    assert "ការជួញដូរអាវុធខុសច្បាប់" in text


def test_contents_and_bookmarks_keep_the_text(document: bytes) -> None:
    reader = PdfReader(io.BytesIO(document))
    titles = [e.title for e in reader.outline if not isinstance(e, list)]
    for name, line in LINES.items():
        assert f"{name}: {line}" in titles
    contents = reader.pages[0].extract_text()
    for line in ("ការជួញដូរអាវុធខុសច្បាប់", "กี่ เถื่อน", "武器贸易条约", "대한민국"):
        assert line in contents


def test_every_font_is_embedded(document: bytes) -> None:
    reader = PdfReader(io.BytesIO(document))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]).split("+")[-1])
            assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]
    assert {
        "NotoSansKhmer-Regular",
        "NotoSansKhmer-Bold",
        "NotoSansThai-Bold",
        "NotoSansArabic-Regular",
        "NotoSansHebrew-Regular",
        "NotoSansDevanagari-Regular",
        "DroidSansFallback",
    } <= names


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils is not installed")
def test_pdffonts_shows_every_font_embedded(document: bytes, tmp_path: Path) -> None:
    pdf = tmp_path / "scripts.pdf"
    pdf.write_bytes(document)
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, check=True, text=True)
    rows = out.stdout.splitlines()[2:]
    assert len(rows) >= 10
    for row in rows:
        assert re.search(r"\s+yes\s+yes\s+yes\s+", row), row


def test_covered_text_draws_no_notdef(document: bytes) -> None:
    """Every character typed above has a font; shaping never produced glyph 0 for it."""
    for line in LINES.values():
        assert MISSING not in families(line)
    # glyph 0 (the .notdef box) only ever stands for characters no font has
    notdef = [key for key in shaping._code_of if key[1] == 0 and MISSING not in families(key[2])]
    assert notdef == []


def test_uncovered_characters_are_drawn_as_boxes_and_reported() -> None:
    options = ReportOptions()
    with collect_missing() as found:
        story = Story(options)
        story.para("Cuneiform 𒀀𒀁 and private \U0010fffd in a line")
        data, _ = build_pdf(story, ReportMeta("t", "t"), options)
    assert [(m.char, m.script) for m in found] == [
        ("𒀀", "Cuneiform"),
        ("𒀁", "Cuneiform"),
        ("\U0010fffd", "private use character"),
    ]
    assert "Cuneiform 𒀀𒀁 and private" in found[0].text
    assert "U+12000 (Cuneiform)" in found[0].describe()
    # drawn (the .notdef box of Noto Sans), never dropped: the text layer keeps them
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "𒀀𒀁" in text and "\U0010fffd" in text


def test_to_unicode_spells_clusters_and_astral_characters() -> None:
    """reportlab writes <%04X> of the code point: wrong past U+FFFF and for shaped glyphs."""
    register_fonts()
    font = pdfmetrics.getFont("NotoSansKhmer")
    code = shaping._code(font, 5, "ក្រ", 600.0)
    cmap = shaping.make_to_unicode_cmap("X", [0, 0x20000, code])
    assert "<01> <D840DC00>" in cmap
    assert "<02> <" + "ក្រ".encode("utf-16-be").hex().upper() + ">" in cmap
    from reportlab.pdfbase import ttfonts

    assert ttfonts.makeToUnicodeCMap is shaping.make_to_unicode_cmap


def test_a_word_in_two_fonts_is_shaped_run_by_run() -> None:
    """reportlab shapes a whole word with its first piece's font: "(" in Noto Sans then Khmer
    letters came out as Noto Sans glyph ids (boxes or wrong letters)."""
    register_fonts()
    from reportlab.platypus import paragraph
    from reportlab.platypus.paraparser import ParaFrag

    base = ParagraphStyle("t", fontName=FAMILY, fontSize=10)
    latin = ParaFrag(fontName=FAMILY, fontSize=10, text="(", style=base)
    khmer = ParaFrag(fontName="NotoSansKhmer", fontSize=10, text="ក្រ", style=base)
    shaped = paragraph.shapeFragWord([20.0, (latin, "("), (khmer, "ក្រ")])
    assert paragraph.shapeFragWord is shaping.shape_frag_word
    face = pdfmetrics.getFont("NotoSansKhmer").face
    runs = {frag.fontName: text for frag, text in shaped[1:]}
    assert runs["NotoSans"] == "("
    gids = [face.charToGlyph[ord(c)] for c in runs["NotoSansKhmer"]]
    assert 0 not in gids and len(gids) == 2  # ក and the subscript ro
    assert "".join(shaping._text_of.get(ord(c), c) for c in runs["NotoSansKhmer"]) == "ក្រ"


def _bidi_pdf() -> bytes:
    options = ReportOptions()
    story = Story(options)
    story.para("English then الاتجار غير المشروع then more English")
    story.para("סחר בלתי חוקי בנשק")
    data, _ = build_pdf(story, ReportMeta("t", "t"), options)
    return data


def test_right_to_left_words_are_drawn_right_to_left() -> None:
    """Within a left-to-right line, a run of Arabic words is reversed; a Hebrew paragraph is
    right-to-left as a whole."""
    from seminar_desk.reports.flowables import Para
    from seminar_desk.reports.styles import make_styles
    from seminar_desk.reports.text.bidi import base_direction, visual_line

    para = Para("English الاتجار غير المشروع end", make_styles().body)
    para.wrap(400, 100)
    (line,) = para.blPara.lines
    visual = "".join(w.text for w in visual_line(line, base_direction([line])).words)
    logical = "".join(w.text for w in line.words)
    assert visual.startswith("English ") and visual.endswith(" end")
    # the three Arabic words in reverse order (each word's glyphs are shaped right to left)
    arabic = [w for w in visual.split() if w not in ("English", "end")]
    assert arabic == [w for w in logical.split() if w not in ("English", "end")][::-1]


def test_extractors_read_right_to_left_phrases_in_typed_order(tmp_path: Path) -> None:
    data = _bidi_pdf()
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "الاتجار غير المشروع" in text
    assert "סחר בלתי חוקי בנשק" in text
    if shutil.which("pdftotext"):
        pdf = tmp_path / "bidi.pdf"
        pdf.write_bytes(data)
        out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True)
        text = out.stdout.translate(_BIDI_CONTROLS)
        assert "الاتجار غير المشروع" in text
        assert "סחר בלתי חוקי בנשק" in text
