"""The font of each run of text, chosen after reportlab has parsed a paragraph.

Choosing fonts on the parsed fragments (not in the markup) means every report part gets it,
whatever markup the program wrapped around the user's text, and a bold heading keeps its
weight in Khmer or Arabic (a `<font name=...>` tag would reset it to regular).

Punctuation, digits, spaces and combining marks stay in the run of the script around them
when that run's font has them (a Khmer word in parentheses stays one Khmer run; at a word's start
they go with what follows, elsewhere with what precedes); otherwise they
take the body font, shaped as a run of its own so the script's marks stay in place. A character
no shipped font has becomes a run of `MISSING` (drawn as a box, its text kept in the PDF) and is
recorded for the export's report (`collect_missing`).
"""

import functools
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.ttfonts import ShapedStr

import seminar_desk.reports.text.fonts as fonts
from seminar_desk.reports.text.fonts import FALLBACKS, FAMILY, MISSING, covers, face_of, style_of

_NEUTRAL = frozenset("ZPSNC")  # separators, punctuation, symbols, digits, controls
_MARKS = frozenset(("Mn", "Me"))


@dataclass(frozen=True)
class MissingText:
    """A character no shipped font has, the script it belongs to and the text it was in."""

    char: str
    script: str
    text: str

    def describe(self) -> str:
        return f"U+{ord(self.char):04X} ({self.script}) in “{self.text}”"


_missing: ContextVar[list[MissingText] | None] = ContextVar("missing_glyphs", default=None)


@contextmanager
def collect_missing() -> Iterator[list[MissingText]]:
    """Record the characters no font has while a report is built (one entry per character)."""
    found: list[MissingText] = []
    token = _missing.set(found)
    try:
        yield found
    finally:
        _missing.reset(token)


def _note_missing(ch: str, text: str) -> None:
    found = _missing.get()
    if found is None or any(m.char == ch for m in found):
        return
    short = " ".join(text.split())
    if len(short) > 60:
        at = max(0, short.find(ch) - 25)
        short = ("…" if at else "") + short[at : at + 50] + "…"
    found.append(MissingText(ch, fonts.script_name(ch), short))


def _neutral(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat[0] in _NEUTRAL or cat in _MARKS


def _any_font(ch: str) -> str:
    if covers(FAMILY, ch):
        return FAMILY
    for fb in FALLBACKS:
        if covers(fb.name, ch):
            return fb.name
    return MISSING


_OWN: dict[str, str | None] = {}  # a character's own family (None: neutral), once known


def _own_family(ch: str) -> str | None:
    """The family a character asks for by itself; None for punctuation, digits, spaces and
    marks, which go with the run around them."""
    family = _OWN.get(ch, "")
    if family != "":
        return family
    family = fonts.script_family(ch)
    if family is not None:
        family = family if covers(family, ch) else _any_font(ch)
    elif _neutral(ch):
        family = None
    else:
        family = FAMILY if covers(FAMILY, ch) else _any_font(ch)
    if FAMILY in fonts._registered:  # every font is loaded: the answer holds from now on
        _OWN[ch] = family
    return family


def families(text: str) -> list[str]:
    """The font family of each character of `text` (see the module's docstring)."""
    out = [_own_family(ch) for ch in text]
    # the next character's own family after each position, in one backward pass
    following: list[str | None] = [None] * len(out)
    last: str | None = None
    for i in range(len(out) - 1, -1, -1):
        following[i] = last
        if out[i] is not None:
            last = out[i]
    result: list[str] = []
    for i, ch in enumerate(text):
        family = out[i]
        if family is None:
            before = result[-1] if result else None
            after = following[i]
            # at a word's start (an opening parenthesis or quote) it goes with what follows
            word_start = (i == 0 or text[i - 1].isspace()) and not ch.isspace()
            order = (after, before) if word_start else (before, after)
            usable = [f for f in order if f is not None and f != MISSING and covers(f, ch)]
            if usable:
                family = usable[0]
            elif ch in "\n\t\r":
                family = before or FAMILY
            else:
                family = _any_font(ch)
        result.append(family)
    return result


def runs(text: str, face: str, context: str = "") -> list[tuple[str, str]]:
    """`text` cut into (face, piece) runs, each in a face of `face`'s weight and slant.

    `context`: the whole paragraph's text, to say where a character no font has was found.
    """
    if not fonts.needs_script_font(text):
        return [(face, text)]
    pieces = _runs(text, face)
    for run_face, piece in pieces:
        if run_face == MISSING:
            for ch in piece:
                _note_missing(ch, context or text)
    return list(pieces)


@functools.lru_cache(maxsize=16384)
def _runs(text: str, face: str) -> tuple[tuple[str, str], ...]:
    """`runs` without the note of missing characters (names and titles repeat: cached)."""
    bold, italic = style_of(face)
    out: list[tuple[str, str]] = []
    for ch, family in zip(text, families(text), strict=True):
        if family == MISSING:
            run_face = MISSING
        elif family == FAMILY:
            run_face = face
        else:
            run_face = face_of(family, bold, italic)
        if out and out[-1][0] == run_face:
            out[-1] = (run_face, out[-1][1] + ch)
        else:
            out.append((run_face, ch))
    return tuple(out)


def apply_fonts(frags: Sequence[Any]) -> tuple[list[Any], bool]:
    """Parsed fragments split into runs of one font each; True when some are in a script font
    (the paragraph then needs reportlab's shaping layout)."""
    out: list[Any] = []
    shaping = False
    context = ""
    for frag in frags:
        text = getattr(frag, "text", None)
        if (
            not isinstance(text, str)
            or not text
            or isinstance(text, ShapedStr)
            or hasattr(frag, "cbDefn")
        ):
            out.append(frag)
            continue
        if not context and fonts.needs_script_font(text):
            context = "".join(t for f in frags if isinstance(t := getattr(f, "text", None), str))
        pieces = runs(text, frag.fontName, context)
        if len(pieces) == 1 and pieces[0][0] == frag.fontName:
            out.append(frag)
            shaping = shaping or _shaped_layout(frag.fontName)
            continue
        for face, piece in pieces:
            out.append(frag.clone(text=piece, fontName=face))
            shaping = shaping or _shaped_layout(face)
    return out, shaping


def _shaped_layout(face: str) -> bool:
    """True for text reportlab must lay out word by word (its shaping path): any script font,
    so that complex scripts are shaped and unspaced ones (CJK too) break at word ends."""
    return fonts.FACES.get(face, (FAMILY,))[0] != FAMILY


_SHAPED: dict[tuple[int, bool], tuple[ParagraphStyle, ParagraphStyle]] = {}


# Myanmar stacks medials and vowel signs far above and below the line: at the usual leading
# they touch the next line. Its paragraphs get at least this many times the font size.
TALL_FAMILIES = frozenset(("NotoSansMyanmar",))
TALL_LEADING = 1.6


def is_tall(frags: Sequence[Any]) -> bool:
    return any(
        fonts.FACES.get(getattr(f, "fontName", ""), ("",))[0] in TALL_FAMILIES for f in frags
    )


def with_shaping(style: ParagraphStyle, *, tall: bool = False) -> ParagraphStyle:
    """The same style with harfbuzz shaping on (made once per style), roomier when `tall`."""
    if getattr(style, "shaping", 0) and not tall:
        return style
    key = (id(style), tall)
    cached = _SHAPED.get(key)
    if cached is None or cached[0] is not style:
        extra: dict[str, float] = {}
        if tall:
            extra["leading"] = max(style.leading, TALL_LEADING * style.fontSize)
        name = f"{style.name}-shaped{'-tall' if tall else ''}"
        cached = (style, ParagraphStyle(name, parent=style, shaping=1, **extra))
        _SHAPED[key] = cached
    return cached[1]
