"""The fonts shipped for reports, which characters each covers, and safe markup for user text.

Noto Sans (Latin, Greek, Cyrillic, Vietnamese) is the body font; a character it lacks is drawn
from the shipped font of its script (`FALLBACKS`: Thai, Lao, Khmer, Myanmar, Arabic, Hebrew,
Devanagari, NanumSquare for Korean and Droid Sans Fallback for Chinese and Japanese: TrueType
fonts, which reportlab can embed; Noto Sans CJK is CFF). Choosing the font of each run of text
happens after reportlab has parsed a paragraph (`fallback`), so every report part gets it and
bold or italic is kept.

Everything a person typed goes through `markup()` (or `plain()` for PDF outline titles):
reportlab's Paragraph parses markup, so unescaped `x<y` or `R&D` would crash or silently
change the text.
"""

import functools
import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from seminar_desk.paths import resources_dir

FAMILY = "NotoSans"
BOLD = "NotoSans-Bold"
ITALIC = "NotoSans-Italic"
BOLD_ITALIC = "NotoSans-BoldItalic"
# Characters no shipped font has are drawn with this face: Noto Sans' .notdef box, never
# nothing (reportlab maps it to the Noto Sans font object: same file, same face).
MISSING = "NotoSans-Missing"


@dataclass(frozen=True)
class Fallback:
    """A shipped font for one script: its code point ranges and whether it needs shaping."""

    name: str
    script: str
    ranges: tuple[tuple[int, int], ...]
    shaped: bool = True
    bold: bool = True  # ships a Bold file


FALLBACKS: tuple[Fallback, ...] = (
    Fallback("NotoSansThai", "Thai", ((0x0E00, 0x0E7F),)),
    Fallback("NotoSansLao", "Lao", ((0x0E80, 0x0EFF),)),
    Fallback("NotoSansKhmer", "Khmer", ((0x1780, 0x17FF), (0x19E0, 0x19FF))),
    Fallback("NotoSansMyanmar", "Myanmar", ((0x1000, 0x109F), (0xA9E0, 0xA9FF), (0xAA60, 0xAA7F))),
    Fallback(
        "NotoSansArabic",
        "Arabic",
        ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
    ),
    Fallback("NotoSansHebrew", "Hebrew", ((0x0590, 0x05FF), (0xFB1D, 0xFB4F))),
    Fallback("NotoSansDevanagari", "Devanagari", ((0x0900, 0x097F), (0xA8E0, 0xA8FF))),
    Fallback(
        "NanumSquare",
        "Korean",
        ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF)),
        shaped=False,
    ),
    Fallback(
        "DroidSansFallbackFull",
        "CJK",
        (
            (0x2E80, 0x2FDF),
            (0x3000, 0x9FFF),
            (0xF900, 0xFAFF),
            (0xFE30, 0xFE4F),
            (0xFF00, 0xFFEF),
            (0x20000, 0x2FA1F),
        ),
        shaped=False,
        bold=False,
    ),
)
SCRIPT_FONTS = tuple(f.name for f in FALLBACKS)
_BY_NAME = {f.name: f for f in FALLBACKS}

_lock = threading.Lock()
_registered: set[str] = set()
# face name -> the code points its file maps (taken at registration: shaping adds more)
_cmaps: dict[str, frozenset[int]] = {}
# face name -> (family, bold, italic)
FACES: dict[str, tuple[str, bool, bool]] = {}
# (family, bold, italic) -> face name
_FACE_OF: dict[tuple[str, bool, bool], str] = {}


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def _register(face: str, path: Path, family: str, bold: bool, italic: bool) -> None:
    font = TTFont(face, str(path))
    pdfmetrics.registerFont(font)
    _cmaps[face] = frozenset(font.face.charToGlyph)
    FACES[face] = (family, bold, italic)


def font_files(family: str) -> tuple[Path | None, Path | None]:
    """The shipped (regular, bold) files of a script font family; None where there is none."""
    folder = fonts_dir()
    regular = folder / f"{family}-Regular.ttf"
    if not regular.exists():
        regular = folder / f"{family}.ttf"
    bold = folder / f"{family}-Bold.ttf"
    fb = _BY_NAME.get(family)
    return (
        regular if regular.exists() else None,
        bold if fb is not None and fb.bold and bold.exists() else None,
    )


def register_fonts() -> str:
    """Register the shipped fonts once per process (thread-safe); returns the body font name."""
    with _lock:
        if FAMILY in _registered:
            return FAMILY
        folder = fonts_dir()
        for face, file, b, i in (
            (FAMILY, "NotoSans-Regular.ttf", False, False),
            (BOLD, "NotoSans-Bold.ttf", True, False),
            (ITALIC, "NotoSans-Italic.ttf", False, True),
            (BOLD_ITALIC, "NotoSans-BoldItalic.ttf", True, True),
        ):
            _register(face, folder / file, FAMILY, b, i)
        pdfmetrics.registerFontFamily(
            FAMILY, normal=FAMILY, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        _register(MISSING, folder / "NotoSans-Regular.ttf", MISSING, False, False)
        for fb in FALLBACKS:
            base = fb.name
            regular, bold = font_files(base)
            if regular is None:
                continue  # a trimmed install: the text shows as boxes and is reported
            _register(base, regular, base, False, False)
            bold_name = f"{base}-Bold"
            if bold is not None:
                _register(bold_name, bold, base, True, False)
            else:
                bold_name = base
            for b, i, face in ((0, 0, base), (1, 0, bold_name), (0, 1, base), (1, 1, bold_name)):
                addMapping(base, b, i, face)
            _registered.add(base)
        for face, (family, b, i) in FACES.items():
            _FACE_OF.setdefault((family, b, i), face)
        _registered.add(FAMILY)
        return FAMILY


def face_of(family: str, bold: bool, italic: bool) -> str:
    """The registered face of `family` nearest to the weight and slant asked for."""
    for key in ((family, bold, italic), (family, bold, False), (family, False, False)):
        face = _FACE_OF.get(key)
        if face is not None:
            return face
    return family


def style_of(face: str) -> tuple[bool, bool]:
    """(bold, italic) of a face name; unknown faces count as regular."""
    _, bold, italic = FACES.get(face, (face, False, False))
    return bold, italic


def covers(face: str, ch: str) -> bool:
    """True when the font file of `face` has a glyph for `ch`."""
    cmap = _cmaps.get(face)
    return cmap is not None and ord(ch) in cmap


def script_family(ch: str) -> str | None:
    """The shipped font family for the script of `ch` (None: not a script Noto Sans lacks)."""
    code = ord(ch)
    if code < 0x0590:
        return None
    for fb in FALLBACKS:
        for first, last in fb.ranges:
            if first <= code <= last:
                return fb.name if fb.name in _registered else None
    return None


def script_font(ch: str) -> str | None:
    """The font for a character Noto Sans lacks, or None when Noto Sans has it."""
    if FAMILY not in _registered:
        register_fonts()
    family = script_family(ch)
    if family is not None:
        return family
    if covers(FAMILY, ch) or ch in "\n\t":
        return None
    for fb in FALLBACKS:
        if covers(fb.name, ch):
            return fb.name
    return MISSING


def needs_shaping(face: str) -> bool:
    """True for faces whose text harfbuzz must shape (complex scripts, missing-glyph boxes)."""
    known = _SHAPED_FACES.get(face)
    if known is None:
        family = FACES.get(face, (face,))[0]
        fb = _BY_NAME.get(family)
        known = _SHAPED_FACES[face] = family == MISSING or (fb is not None and fb.shaped)
    return known


_SHAPED_FACES: dict[str, bool] = {}


def script_name(ch: str) -> str:
    """A person's name for the script of `ch` (for the report of characters no font has)."""
    family = script_family(ch)
    if family is not None:
        return _BY_NAME[family].script
    name = unicodedata.name(ch, "")
    if not name:
        cat = unicodedata.category(ch)
        kind = {"Co": "private use", "Cn": "unassigned", "Cs": "surrogate"}.get(cat, cat)
        return f"{kind} character"
    for prefix in ("CUNEIFORM", "EGYPTIAN HIEROGLYPH", "LINEAR B", "EMOJI"):
        if name.startswith(prefix):
            return prefix.title()
    word = name.split(" ")[0]
    return word.title()


def needs_script_font(text: str) -> bool:
    """True when some character of `text` is not drawn from Noto Sans itself."""
    if text.isascii():  # Noto Sans has every printable ASCII character
        return False
    if FAMILY not in _registered:
        register_fonts()
    return _not_in_body_font().search(text) is not None


@functools.cache
def _not_in_body_font() -> "re.Pattern[str]":
    """A character class of every code point Noto Sans lacks (but line breaks and tabs)."""
    have = sorted(_cmaps[FAMILY] | {0x09, 0x0A, 0x0D})
    gaps: list[str] = []
    start = 0
    for code in [*have, 0x110000]:
        if code > start:
            last = code - 1
            end = "" if last == start else "-" + re.escape(chr(last))
            gaps.append(re.escape(chr(start)) + end)
        start = code + 1
    return re.compile("[" + "".join(gaps) + "]")


def _escape(text: str) -> str:
    return escape(text).replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br/>")


def markup(text: object) -> str:
    """Paragraph markup showing `text` exactly as typed (escaped, newlines kept).

    Fonts per script are chosen after parsing (`fallback.apply_fonts`), so markup stays plain.
    """
    s = "" if text is None else unicodedata.normalize("NFC", str(text))
    return _escape(s.replace("\t", "    "))


def plain(text: object) -> str:
    """One-line plain text (PDF outline titles, metadata): no markup, newlines as spaces."""
    s = "" if text is None else unicodedata.normalize("NFC", str(text))
    return " ".join(s.split())
