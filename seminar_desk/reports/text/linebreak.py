"""Line breaks inside Thai, Khmer, Lao, Myanmar and CJK text, where a dictionary says words end.

These scripts write no spaces between words; reportlab breaks only at spaces, then cuts an
overlong "word" anywhere (Khmer "និង" came out as "និ|ង", lines began with a bare subscript).
ICU's dictionary-based line BreakIterator (icu4py) finds the break opportunities; each
space-separated word of such text is cut there into pieces that reportlab joins without a
space and may break between (`split_words`, put in place of reportlab's `_getFragWords`).
Breaks never fall inside a grapheme cluster.

A paragraph split across pages gives its second part the text of its remaining lines; reportlab
rebuilds it from the drawn (shaped) lines and puts a space at every line end. `remaining_frags`
instead gives back the typed text of shaped runs (so they are shaped and broken again) and a
space only where the paragraph had one.
"""

import functools
import re
from typing import Any

from icu4py.breakers import LineBreaker
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import ShapedStr
from reportlab.platypus import paragraph

from seminar_desk.reports.text.bidi import is_rtl_face
from seminar_desk.reports.text.shaping import typed_text

# scripts written without spaces between words
_RANGES = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x19E0, 0x19FF),  # Khmer symbols
    (0x3000, 0x9FFF),  # CJK punctuation, kana, ideographs
    (0xAA60, 0xAA7F),  # Myanmar extended
    (0xF900, 0xFAFF),
    (0xFF00, 0xFFEF),
)
_ORIGINAL = paragraph._getFragWords
_UNSPACED = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in _RANGES) + "]")


def _unspaced(text: str) -> bool:
    return _UNSPACED.search(text) is not None


@functools.lru_cache(maxsize=8192)
def break_points(text: str) -> tuple[int, ...]:
    """Offsets (in characters) inside `text` where a line may break."""
    units: list[int] = []  # UTF-16 offset -> character offset
    for i, c in enumerate(text):
        units.extend([i] * (2 if ord(c) > 0xFFFF else 1))
    units.append(len(text))
    return tuple(units[start] for start, _end in LineBreaker(text, "en").segments() if start)


def _pieces(word: list[Any], cuts: tuple[int, ...]) -> list[list[Any]]:
    """`word` ([width, (frag, text), ...]) cut at character offsets `cuts`."""
    out: list[list[Any]] = []
    current: list[tuple[Any, str]] = []
    pos = 0
    cut_iter = iter(cuts)
    cut = next(cut_iter, None)
    for frag, text in word[1:]:
        start = 0
        while cut is not None and cut < pos + len(text):
            if cut - pos > start:
                current.append((frag, text[start : cut - pos]))
            if current:
                out.append(current)
            current = []
            start = cut - pos
            cut = next(cut_iter, None)
        if start < len(text) or not text:
            current.append((frag, text[start:]))
        pos += len(text)
    if current:
        out.append(current)
    return [[sum(stringWidth(t, f.fontName, f.fontSize) for f, t in p), *p] for p in out]


def split_words(frags: Any, maxWidth: Any = None) -> list[Any]:  # noqa: N803 (reportlab's name)
    """reportlab's frag words, with words of unspaced scripts cut at ICU's break points."""
    words = _ORIGINAL(frags, maxWidth)
    if not any(isinstance(t := getattr(f, "text", None), str) and _unspaced(t) for f in frags):
        return words  # nothing to cut (most paragraphs): reportlab's words as they are
    out: list[Any] = []
    for word in words:
        pieces = word[1:]
        text = (
            pieces[0][1]
            if len(pieces) == 1
            else "".join(t for _, t in pieces if isinstance(t, str))
        )
        if (
            not isinstance(text, str)
            or len(text) < 2
            or _UNSPACED.search(text) is None
            or (type(word) is not list and type(word) is not paragraph._HSFrag)
            or any(hasattr(f, "cbDefn") or isinstance(t, ShapedStr) for f, t in pieces)
        ):
            out.append(word)
            continue
        kind = type(word)
        cuts = break_points(text)
        if not cuts:
            out.append(word)
            continue
        parts = _pieces(word, cuts)
        out.extend(parts[:-1])  # plain lists: joined to the next piece without a space
        out.append(kind(parts[-1]))  # the last keeps the space that followed the word
    return out


def remaining_frags(para: Any, blPara: Any, start: int, stop: int) -> list[Any]:
    """The fragments of lines start..stop of a paragraph split across frames (see docstring)."""
    source = "".join(
        typed_text(t) if isinstance(t, ShapedStr) else t
        for f in para.frags
        if isinstance(t := getattr(f, "text", None), str)
    )
    spaced: list[bool] = []  # did line i end at a space of the paragraph?
    pos = 0
    for line in blPara.lines[:stop]:
        while pos < len(source) and source[pos].isspace():
            pos += 1
        for w in line.words:
            text = getattr(w, "text", None)
            if not isinstance(text, str):
                continue
            for ch in typed_text(text) if isinstance(text, ShapedStr) else text:
                if ch.isspace():
                    while pos < len(source) and source[pos].isspace():
                        pos += 1
                else:
                    pos += 1
        spaced.append(pos < len(source) and source[pos].isspace())
    out: list[Any] = []
    for i in range(start, stop):
        for w in blPara.lines[i].words:
            text = getattr(w, "text", None)
            if isinstance(text, ShapedStr) and not is_rtl_face(w.fontName):
                w = w.clone(text=typed_text(text))
            else:
                w = w.clone()
            out.append(w)
        if i != stop - 1 and spaced[i]:
            last = next((w for w in reversed(out) if not hasattr(w, "cbDefn")), None)
            if last is not None and not last.text.endswith(" "):
                last.text += " "
    return out


def install() -> None:
    """Put `split_words` in place of reportlab's `_getFragWords` (idempotent)."""
    paragraph._getFragWords = split_words
