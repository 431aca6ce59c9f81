"""User text becomes Paragraph markup that shows exactly what was typed, in the right font."""

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from seminar_desk.reports.flowables import Para
from seminar_desk.reports.text.fonts import (
    BOLD,
    FAMILY,
    MISSING,
    fonts_dir,
    markup,
    plain,
    register_fonts,
    script_font,
)


@pytest.fixture(autouse=True)
def _fonts() -> None:
    register_fonts()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("x<y", "x&lt;y"),
        ("Tom <tom@example.org>", "Tom &lt;tom@example.org&gt;"),
        ("R&D", "R&amp;D"),
        ("<b>", "&lt;b&gt;"),
        ("a\nb", "a<br/>b"),
        ("a\r\nb", "a<br/>b"),
        ("&amp;", "&amp;amp;"),
    ],
)
def test_markup_escapes(typed: str, expected: str) -> None:
    assert markup(typed) == expected


@pytest.mark.parametrize(
    "typed", ["x<y", "<i>never closed", "</para>", "<b>bold?</b>", "a & b", "<br/>", "&#65;"]
)
def test_paragraph_text_round_trips(typed: str) -> None:
    """What reportlab's parser makes of the markup is the typed text itself."""
    style = ParagraphStyle("t", fontName=FAMILY)
    para = Paragraph(markup(typed), style)
    assert "".join(f.text for f in para.frags) == typed


def test_each_script_run_gets_its_font() -> None:
    """Runs by script; punctuation the script's font has stays in the script's run."""
    style = ParagraphStyle("t", fontName=FAMILY)
    para = Para(markup("Khmer (ការជួញដូរ) and Thai “การค้า” العربية 中文 한국어"), style)
    runs = [(f.fontName, f.text) for f in para.frags]
    assert ("NotoSansKhmer", "(ការជួញដូរ) ") in runs
    assert ("NotoSansThai", "การค้า") in runs  # Noto Sans Thai has no quotes: they stay Noto Sans
    assert ("NotoSansArabic", "العربية ") in runs
    assert ("DroidSansFallbackFull", "中文 ") in runs
    assert ("NanumSquare", "한국어") in runs
    assert runs[0] == (FAMILY, "Khmer ")
    assert para.style.shaping
    assert script_font("a") is None
    assert script_font("ກ") == "NotoSansLao"
    assert script_font("မ") == "NotoSansMyanmar"
    assert script_font("\U00012000") == MISSING


def test_bold_stays_bold_in_every_script() -> None:
    style = ParagraphStyle("h", fontName=BOLD)
    para = Para(markup("Heading ការជួញដូរ การค้า العربية עברית हिन्दी"), style)
    faces = {f.fontName for f in para.frags}
    assert faces == {
        BOLD,
        "NotoSansKhmer-Bold",
        "NotoSansThai-Bold",
        "NotoSansArabic-Bold",
        "NotoSansHebrew-Bold",
        "NotoSansDevanagari-Bold",
    }
    inline = Para("plain <b>" + markup("ការ") + "</b>", ParagraphStyle("b", fontName=FAMILY))
    assert [f.fontName for f in inline.frags] == [FAMILY, "NotoSansKhmer-Bold"]


def test_latin_only_text_is_left_alone() -> None:
    style = ParagraphStyle("t", fontName=FAMILY)
    para = Para(markup("plain latin Nguyễn"), style)
    assert [f.fontName for f in para.frags] == [FAMILY]
    assert not getattr(para.style, "shaping", 0)


def test_plain_titles_for_outline() -> None:
    assert plain("Line one\nline <two>") == "Line one line <two>"


def test_fonts_and_licence_are_shipped() -> None:
    folder = fonts_dir()
    for name in ("NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic", "NotoSans-BoldItalic"):
        assert (folder / f"{name}.ttf").exists()
    for script in ("Thai", "Khmer", "Lao", "Myanmar", "Arabic", "Hebrew", "Devanagari"):
        assert (folder / f"NotoSans{script}-Regular.ttf").exists()
        assert (folder / f"NotoSans{script}-Bold.ttf").exists()
    assert (folder / "NanumSquare-Regular.ttf").exists()
    assert (folder / "DroidSansFallbackFull.ttf").exists()
    licence = (folder / "OFL.txt").read_text()
    assert "SIL Open Font License" in licence and "Khmer" in licence and "Arabic" in licence
    assert "NanumSquare" in (folder / "LICENSE-NanumSquare-OFL-1.1.txt").read_text()
    apache = (folder / "LICENSE-DroidSansFallback-Apache-2.0.txt").read_text()
    assert "Apache License" in apache and "Droid" in apache


def test_shipped_fonts_are_truetype_outlines() -> None:
    """reportlab embeds only TrueType (glyf) outlines, not CFF."""
    for path in fonts_dir().glob("*.ttf"):
        data = path.read_bytes()
        assert data[:4] in (b"\x00\x01\x00\x00", b"true"), path.name
        assert b"glyf" in data[:1024] and b"CFF " not in data[:1024], path.name


def test_myanmar_paragraphs_get_room_for_their_marks() -> None:
    """Myanmar medials and vowel signs touched the next line at the usual leading."""
    style = ParagraphStyle("cell", fontName=FAMILY, fontSize=8.5, leading=10.5)
    para = Para(markup("Lunch မြန်မာနိုင်ငံ"), style)
    assert para.style.leading >= 1.6 * 8.5
    assert Para(markup("Lunch ការជួញដូរ"), style).style.leading == 10.5
