"""User text becomes Paragraph markup that shows exactly what was typed, in the right font."""

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from seminar_desk.reports.fonts import (
    FAMILY,
    fonts_dir,
    markup,
    needs_shaping,
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


def test_script_words_get_their_font() -> None:
    xml = markup("Khmer (ការជួញដូរ) and Thai การค้า")
    assert '<font name="NotoSansKhmer">(ការជួញដូរ)</font>' in xml
    assert '<font name="NotoSansThai">การค้า</font>' in xml
    assert xml.startswith("Khmer ")
    assert script_font("a") is None
    assert script_font("ກ") == "NotoSansLao"
    assert script_font("မ") == "NotoSansMyanmar"


def test_shaping_only_for_words_one_font_covers() -> None:
    assert needs_shaping("ការជួញដូរ (ការ)")
    assert not needs_shaping("plain latin Nguyễn")
    # Noto Sans Thai has no parentheses: shaping would garble the word, so it stays unshaped
    assert not needs_shaping("(การค้า)")


def test_plain_titles_for_outline() -> None:
    assert plain("Line one\nline <two>") == "Line one line <two>"


def test_fonts_and_licence_are_shipped() -> None:
    folder = fonts_dir()
    for name in ("NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic", "NotoSans-BoldItalic"):
        assert (folder / f"{name}.ttf").exists()
    for script in ("Thai", "Khmer", "Lao", "Myanmar"):
        assert (folder / f"NotoSans{script}-Regular.ttf").exists()
    licence = (folder / "OFL.txt").read_text()
    assert "SIL Open Font License" in licence and "Khmer" in licence
