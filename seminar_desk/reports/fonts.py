"""Embedded fonts and safe markup for user text.

reportlab's base fonts cannot show Vietnamese, so every report uses Noto Sans (TTF, embedded
and subset). Noto Sans has no Thai, Khmer, Lao or Myanmar glyphs: `markup()` wraps runs of
those scripts in `<font name=...>` so they come out in the matching Noto font instead of as
empty boxes. Everything a person typed goes through `markup()` (or `plain()` for PDF outline
titles): reportlab's Paragraph parses markup, so unescaped `x<y` or `R&D` would crash or
silently change the text.
"""

import re
import threading
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

# Script fonts by name; each has Regular and Bold files (italic falls back to upright).
SCRIPT_FONTS = ("NotoSansThai", "NotoSansKhmer", "NotoSansLao", "NotoSansMyanmar")

# (first, last, font) code point ranges of the scripts Noto Sans itself does not cover.
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0E00, 0x0E7F, "NotoSansThai"),
    (0x0E80, 0x0EFF, "NotoSansLao"),
    (0x1000, 0x109F, "NotoSansMyanmar"),
    (0xA9E0, 0xA9FF, "NotoSansMyanmar"),
    (0xAA60, 0xAA7F, "NotoSansMyanmar"),
    (0x1780, 0x17FF, "NotoSansKhmer"),
    (0x19E0, 0x19FF, "NotoSansKhmer"),
)
_LO = min(r[0] for r in _RANGES)
_HI = max(r[1] for r in _RANGES)

_lock = threading.Lock()
_registered: set[str] = set()


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def register_fonts() -> str:
    """Register the Noto families once per process (thread-safe); returns the body font name."""
    with _lock:
        if FAMILY in _registered:
            return FAMILY
        folder = fonts_dir()
        for name, file in (
            (FAMILY, "NotoSans-Regular.ttf"),
            (BOLD, "NotoSans-Bold.ttf"),
            (ITALIC, "NotoSans-Italic.ttf"),
            (BOLD_ITALIC, "NotoSans-BoldItalic.ttf"),
        ):
            pdfmetrics.registerFont(TTFont(name, str(folder / file)))
        pdfmetrics.registerFontFamily(
            FAMILY, normal=FAMILY, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        for base in SCRIPT_FONTS:
            regular, bold = folder / f"{base}-Regular.ttf", folder / f"{base}-Bold.ttf"
            if not regular.exists():
                continue  # a trimmed install: the text still shows, as boxes, never dropped
            pdfmetrics.registerFont(TTFont(base, str(regular)))
            bold_name = f"{base}-Bold"
            if bold.exists():
                pdfmetrics.registerFont(TTFont(bold_name, str(bold)))
            else:
                bold_name = base
            for b, i, face in ((0, 0, base), (1, 0, bold_name), (0, 1, base), (1, 1, bold_name)):
                addMapping(base, b, i, face)
            _registered.add(base)
        _registered.add(FAMILY)
        return FAMILY


def script_font(ch: str) -> str | None:
    """The font for a character Noto Sans lacks, or None when Noto Sans has it."""
    code = ord(ch)
    if code < _LO or code > _HI:
        return None
    for first, last, font in _RANGES:
        if first <= code <= last:
            return font if font in _registered else None
    return None


def _covers(font: str, token: str) -> bool:
    face = pdfmetrics.getFont(font).face  # type: ignore[attr-defined]
    return all(ord(ch) in face.charToGlyph for ch in token)


def _token_font(token: str) -> str | None | bool:
    """The font for a whole word, None for Noto Sans, False when it needs mixing per char.

    Whole words go to one font because reportlab 5.1's harfbuzz shaping garbles a word made
    of pieces in two fonts, e.g. "(" in Noto Sans followed by Khmer letters.
    """
    scripts = {f for f in map(script_font, token) if f is not None}
    if not scripts:
        return None
    if len(scripts) == 1:
        font = scripts.pop()
        return font if _covers(font, token) else False
    return False


def _runs(text: str) -> list[tuple[str | None, str]]:
    """Split text into (font or None, run), word by word; spaces join the run they sit in."""
    runs: list[tuple[str | None, str]] = []

    def push(font: str | None, piece: str) -> None:
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + piece)
        else:
            runs.append((font, piece))

    for token in re.split(r"(\s+)", text):
        if not token:
            continue
        if token.isspace():
            push(runs[-1][0] if runs and "\n" not in token else None, token)
            continue
        font = _token_font(token)
        if font is False:
            for ch in token:
                push(script_font(ch), ch)
        else:
            push(font, token)  # type: ignore[arg-type]
    return runs


def needs_shaping(text: str) -> bool:
    """True for text with complex-script words that can be shaped safely.

    A word that mixes fonts (Thai letters in parentheses that Noto Sans Thai lacks) comes out
    as boxes once shaped, so such paragraphs stay unshaped: the glyphs are all there, only
    some marks sit less well.
    """
    if not any(_LO <= ord(ch) <= _HI for ch in text):
        return False
    return all(_token_font(token) is not False for token in text.split())


def _escape(text: str) -> str:
    return escape(text).replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br/>")


def markup(text: object) -> str:
    """Paragraph markup showing `text` exactly as typed (escaped, newlines kept, scripts fonted)."""
    s = "" if text is None else str(text)
    s = s.replace("\t", "    ")
    if not any(_LO <= ord(ch) <= _HI for ch in s):
        return _escape(s)
    out: list[str] = []
    for font, run in _runs(s):
        if font is None:
            out.append(_escape(run))
        else:
            out.append(f'<font name="{font}">{_escape(run)}</font>')
    return "".join(out)


def plain(text: object) -> str:
    """One-line plain text (PDF outline titles, metadata): no markup, newlines as spaces."""
    s = "" if text is None else str(text)
    return " ".join(s.split())
