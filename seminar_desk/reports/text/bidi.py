"""Right-to-left text (Arabic, Hebrew) laid out right to left, inside left-to-right lines too.

harfbuzz already shapes each word right to left (its glyphs come out in visual order); what
remains is the order of the words and the spaces between them on each line. Lines are broken in
logical order (so a paragraph splits across pages as typed) and put in visual order only when
drawn (`visual_line`), by the Unicode bidirectional algorithm's resolution at the level of
words: a run of right-to-left words (with the spaces, digits and punctuation between them) is
reversed; a paragraph whose first strong word is right-to-left is right-to-left as a whole, its
left-to-right runs keeping their order inside.

Extractors (pdftotext, pypdf) read right-to-left text drawn in visual order back in logical
order, so the text layer stays exactly as typed.
"""

import unicodedata
from typing import Any

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.ttfonts import ShapedStr

from seminar_desk.reports.text.fonts import FACES

RTL_FAMILIES = frozenset(("NotoSansArabic", "NotoSansHebrew"))
_RTL_FACES: set[str] = set()


def is_rtl_face(face: str) -> bool:
    if not _RTL_FACES:
        _RTL_FACES.update(f for f, (family, _b, _i) in FACES.items() if family in RTL_FAMILIES)
    return face in _RTL_FACES


def _direction(frag: Any, text: str) -> str:
    """'R', 'L' or 'N' (neutral: spaces, digits, punctuation) for one word of a line."""
    if not text.strip():
        return "N"
    if is_rtl_face(frag.fontName):
        if isinstance(text, ShapedStr) or any(unicodedata.bidirectional(c) in "RAL" for c in text):
            return "R"
        return "N"
    if any(unicodedata.bidirectional(c) == "L" for c in text):
        return "L"
    if any(unicodedata.bidirectional(c) in ("R", "AL") for c in text):
        return "R"
    return "N"


def _atoms(words: list[Any]) -> list[tuple[Any, str]]:
    """The line's fragments cut at spaces: (fragment, word or spaces)."""
    out: list[tuple[Any, str]] = []
    for frag in words:
        text = getattr(frag, "text", None)
        if not isinstance(text, str) or not text or hasattr(frag, "cbDefn"):
            out.append((frag, text))
            continue
        start = 0
        for i in range(1, len(text) + 1):
            if i == len(text) or (text[i] == " ") != (text[start] == " "):
                out.append((frag, text[start:i]))
                start = i
    return out


def line_has_rtl(line: Any) -> bool:
    return any(is_rtl_face(getattr(w, "fontName", "")) for w in getattr(line, "words", ()))


def base_direction(lines: list[Any]) -> str:
    """'R' when the paragraph's first strong word is right-to-left, else 'L'."""
    for line in lines:
        for frag, text in _atoms(list(getattr(line, "words", ()))):
            if isinstance(text, str):
                d = _direction(frag, text)
                if d != "N":
                    return d
    return "L"


def visual_line(line: Any, base: str = "L") -> Any:
    """A copy of a reportlab FragLine with its words in visual order (see the docstring)."""
    atoms = _atoms(list(line.words))
    dirs = [_direction(f, t) if isinstance(t, str) else "N" for f, t in atoms]
    if "R" not in dirs and base == "L":
        return line
    strong = [(i, d) for i, d in enumerate(dirs) if d != "N"]
    levels: list[int] = []
    for i, d in enumerate(dirs):
        if d == "N":
            before = next((s for j, s in reversed(strong) if j < i), base)
            after = next((s for j, s in strong if j > i), base)
            d = before if before == after else base
        if base == "L":
            levels.append(1 if d == "R" else 0)
        else:
            levels.append(1 if d == "R" else 2)
    order = list(range(len(atoms)))
    for level in range(max(levels), 0, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    words = []
    for k in order:
        frag, text = atoms[k]
        if words and words[-1][0] is frag:
            words[-1] = (frag, words[-1][1] + text)
        else:
            words.append((frag, text))
    new = line.clone() if hasattr(line, "clone") else line
    new.words = [f.clone(text=t) if isinstance(t, str) else f for f, t in words]
    return new


_START: dict[int, tuple[ParagraphStyle, ParagraphStyle]] = {}


def start_aligned(style: ParagraphStyle) -> ParagraphStyle:
    """The style for a right-to-left paragraph: a left-aligned (start-aligned) style becomes
    right-aligned; centred and right-aligned ones stay as they are (made once per style)."""
    if style.alignment != TA_LEFT:
        return style
    cached = _START.get(id(style))
    if cached is None or cached[0] is not style:
        cached = (style, ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT))
        _START[id(style)] = cached
    return cached[1]


def text_direction(text: str) -> str:
    """'R' when the first strong character of `text` is right-to-left, else 'L' (the
    paragraph direction of the Unicode bidirectional algorithm, rules P2-P3)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return "L"
        if kind in ("R", "AL"):
            return "R"
    return "L"
