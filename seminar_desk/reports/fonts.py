"""Embedded fonts and safe markup for user text.

reportlab's base fonts cannot show Vietnamese, so every report uses Noto Sans (TTF, embedded
and subset). Noto Sans has no Thai, Khmer, Lao or Myanmar glyphs: `markup()` wraps runs of
those scripts in `<font name=...>` so they come out in the matching Noto font instead of as
empty boxes. Everything a person typed goes through `markup()` (or `plain()` for PDF outline
titles): reportlab's Paragraph parses markup, so unescaped `x<y` or `R&D` would crash or
silently change the text.
"""

import functools
import re
import threading
from pathlib import Path
from typing import Any
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
_CLASS = "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b, _ in _RANGES)
_SCRIPT_CHAR = re.compile(f"[{_CLASS}]")
_SCRIPT_WORD = re.compile(f"\\S*[{_CLASS}]\\S*")
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
        _token_font.cache_clear()
        return FAMILY


def _shape_script_words_only() -> None:
    """Shape only words set in a script font, and each distinct word only once.

    reportlab shapes every word of a paragraph whose style has shaping=1 (about 60 us a
    word), although only Khmer, Thai, Lao and Myanmar words need it: Noto Sans words are
    left exactly as an unshaped paragraph has them. Shaped words repeat a lot (names,
    "ការជួញដូរអាវុធ"...), so the glyph runs are cached by (font, size, text) and re-attached
    to each word's own fragments. Patched once, on this module's import.
    """
    from reportlab.platypus import paragraph

    original = paragraph.shapeFragWord
    if getattr(original, "_seminar_desk", False):
        return
    cache: dict[tuple[object, ...], tuple[type, float, tuple[tuple[int, Any], ...]] | None] = {}

    def shape_script_words(w: Any, *args: Any, **kwargs: Any) -> Any:
        frags = w[1:]
        script = False
        for frag, _text in frags:
            if hasattr(frag, "cbDefn") or not isinstance(_text, str):
                return original(w, *args, **kwargs)
            if getattr(frag, "fontName", "") in _SCRIPT_FACES:
                script = True
        if not script:
            return w
        if args or kwargs:
            return original(w, *args, **kwargs)
        key = (type(w), *((f.fontName, f.fontSize, t) for f, t in frags))
        if key not in cache:
            if len(cache) > 20000:
                cache.clear()
            shaped = original(w)
            if shaped is w:
                cache[key] = None
            else:
                where = {id(f): i for i, (f, _t) in enumerate(frags)}
                runs = tuple((where[id(f)], text) for f, text in shaped[1:])
                cache[key] = (type(shaped), shaped[0], runs)
            return shaped
        hit = cache[key]
        if hit is None:
            return w
        cls, width, runs = hit
        return cls([width, *((frags[i][0], text) for i, text in runs)])

    shape_script_words._seminar_desk = True  # type: ignore[attr-defined]
    paragraph.shapeFragWord = shape_script_words


_SCRIPT_FACES = frozenset(name for base in SCRIPT_FONTS for name in (base, f"{base}-Bold"))
_shape_script_words_only()


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


@functools.lru_cache(maxsize=4096)
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


def needs_script_font(text: str) -> bool:
    """True when some character of `text` is drawn from a script font, not Noto Sans."""
    return _SCRIPT_CHAR.search(text) is not None


def needs_shaping(text: str) -> bool:
    """True for text with complex-script words that can be shaped safely.

    A word that mixes fonts (Thai letters in parentheses that Noto Sans Thai lacks) comes out
    as boxes once shaped, so such paragraphs stay unshaped: the glyphs are all there, only
    some marks sit less well.
    """
    if _SCRIPT_CHAR.search(text) is None:
        return False
    return all(_token_font(token) is not False for token in _SCRIPT_WORD.findall(text))


def _escape(text: str) -> str:
    return escape(text).replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br/>")


def markup(text: object) -> str:
    """Paragraph markup showing `text` exactly as typed (escaped, newlines kept, scripts fonted)."""
    s = "" if text is None else str(text)
    s = s.replace("\t", "    ")
    if _SCRIPT_CHAR.search(s) is None:
        return _escape(s)
    out: list[str] = []
    pos = 0
    for match in _SCRIPT_WORD.finditer(s):
        out.append(_escape(s[pos : match.start()]))
        token = match.group()
        font = _token_font(token)
        if font is False:  # a word mixing scripts or punctuation the script font lacks
            for ch_font, run in _char_runs(token):
                out.append(_fonted(ch_font, run))
        else:
            out.append(_fonted(font, token))  # type: ignore[arg-type]
        pos = match.end()
    out.append(_escape(s[pos:]))
    return "".join(out)


def _fonted(font: str | None, run: str) -> str:
    return _escape(run) if font is None else f'<font name="{font}">{_escape(run)}</font>'


def _char_runs(token: str) -> list[tuple[str | None, str]]:
    runs: list[tuple[str | None, str]] = []
    for ch in token:
        font = script_font(ch)
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + ch)
        else:
            runs.append((font, ch))
    return runs


def plain(text: object) -> str:
    """One-line plain text (PDF outline titles, metadata): no markup, newlines as spaces."""
    s = "" if text is None else str(text)
    return " ".join(s.split())
