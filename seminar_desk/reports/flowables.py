"""The flowables reports are made of, beyond reportlab's own: paragraphs that remember their
line breaks, headings that become bookmarks, contents lines whose page numbers are filled in
once the last page is known (see `page_layout`), and invisible bookmarks; and text drawn
straight on the canvas with the paragraphs' fonts and shaping (`draw_text`)."""

from typing import Any, Literal

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, paragraph
from reportlab.platypus.paragraph import ParagraphStyle, _processed_frags

from seminar_desk.reports.styles import MUTED
from seminar_desk.reports.text.bidi import (
    base_direction,
    line_has_rtl,
    start_aligned,
    visual_line,
)
from seminar_desk.reports.text.fallback import apply_fonts, is_tall, with_shaping
from seminar_desk.reports.text.fonts import FAMILY, markup, needs_script_font
from seminar_desk.reports.text.linebreak import install as install_line_breaks
from seminar_desk.reports.text.linebreak import remaining_frags
from seminar_desk.reports.text.shaping import install as install_shaping

install_shaping()  # harfbuzz shaping that keeps the text layer (idempotent)
install_line_breaks()  # breaks inside Thai, Khmer, Lao, Myanmar and CJK words (idempotent)

TOC_NUMBER_W = 28.0
TOC_MAX_CHARS = 240
TOC_MAX_LINES = 4


class Para(Paragraph):
    """A Paragraph that remembers its line breaks for the last width it was wrapped at.

    Tables wrap each cell to measure rows and again to draw them, and the frame wraps a
    paragraph again before splitting it; breaking lines is most of reportlab's work, so a
    second wrap at the same width reuses the first one's result.
    """

    _cached_width: float = -1.0

    def _setup(self, text: Any, style: Any, bulletText: Any, frags: Any, cleaner: Any) -> None:  # noqa: N803
        """Parse as reportlab does, then give each run of text the font of its script."""
        super()._setup(text, style, bulletText, frags, cleaner)
        if self.frags and not _processed_frags(self.frags):
            self.frags, shaped = apply_fonts(self.frags)
            if shaped:
                self.style = with_shaping(self.style, tall=is_tall(self.frags))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if availWidth == self._cached_width:
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        if availWidth >= 1:
            self._cached_width = availWidth
        return width, height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self._cached_width = -1.0
        return super().split(availWidth, availHeight)

    def _get_split_blParaFunc(self) -> Any:  # noqa: N802 (reportlab's name)
        """The second part of a split paragraph gets its typed text back (linebreak)."""
        func = super()._get_split_blParaFunc()
        if func is paragraph._split_blParaHard:
            return lambda bl, start, stop: remaining_frags(self, bl, start, stop)
        return func

    # A paragraph whose base direction is right-to-left starts at the right: left-aligned
    # styles are drawn right-aligned (False: the alignment stays as styled).
    rtl_start = True

    def draw(self) -> None:
        """Lines are broken in logical order; right-to-left words are drawn in visual order."""
        bl = getattr(self, "blPara", None)
        if bl is None or bl.kind != 1 or not any(line_has_rtl(line) for line in bl.lines):
            super().draw()
            return
        logical = bl.lines
        base = base_direction(logical)
        bl.lines = [visual_line(line, base) for line in logical]
        style = self.style
        if base == "R" and self.rtl_start:
            self.style = start_aligned(style)
        try:
            super().draw()
        finally:
            bl.lines = logical
            self.style = style


class FixedPara(Para):
    """A Para whose alignment stays as styled in right-to-left text too: its place is fixed
    by what is drawn around it (contents lines and their leaders, footers, canvas text)."""

    rtl_start = False


# -- text drawn straight on the canvas ----------------------------------------------------
# Page numbers, footers, dot leaders, fold marks: `canvas.drawString` draws every character in
# the one font it is given, so a page label in Khmer, Thai or Arabic came out as empty boxes.
# Text that Noto Sans draws entirely (English, French, digits) still goes straight to the
# canvas, at no extra cost; any other is laid out as a one-line FixedPara (font per script,
# shaping, right-to-left order, as paragraphs) and drawn where the string would have been.

Align = Literal["left", "right", "centre"]
_ROOM = 5000.0  # wider than any page: the text stays on one line
_ALIGN = {"left": TA_LEFT, "right": TA_RIGHT, "centre": TA_CENTER}
_canvas_paras: dict[tuple[str, str, float, str, str], Any] = {}


def _para(text: str, face: str, size: float, color: Any, align: Align) -> Any:
    key = (text, face, size, str(color), align)
    para = _canvas_paras.get(key)
    if para is None:
        style = ParagraphStyle(
            f"canvas-{face}-{size}-{align}",
            fontName=face,
            fontSize=size,
            leading=size * 1.2,
            textColor=color if color is not None else "#000000",
            alignment=_ALIGN[align],
        )
        para = FixedPara(markup(" ".join(text.split())), style)
        para.wrap(_ROOM, size * 10)
        if len(_canvas_paras) > 512:
            _canvas_paras.clear()
        _canvas_paras[key] = para
    return para


def _width(para: Any) -> float:
    line = para.blPara.lines[0] if para.blPara.lines else None
    if line is None:
        return 0.0
    extra = getattr(line, "extraSpace", None)
    if extra is None:
        extra = line[0]
    return _ROOM - float(extra)


def _spaces(text: str, face: str, size: float) -> tuple[str, float, float]:
    """The text without its spaces at either end (a paragraph drops them), and their widths."""
    core = text.strip(" ")
    lead = len(text) - len(text.lstrip(" "))
    trail = len(text) - len(text.rstrip(" ")) if core else 0
    space = float(stringWidth(" ", face, size))
    return core, lead * space, trail * space


def text_width(text: str, size: float, face: str = FAMILY) -> float:
    """The width `draw_text` gives `text` (script fonts and shaping included)."""
    if not needs_script_font(text):
        return float(stringWidth(text, face, size))
    core, lead, trail = _spaces(text, face, size)
    return lead + _width(_para(core, face, size, None, "left")) + trail


def draw_text(
    canv: Any,
    x: float,
    y: float,
    text: str,
    size: float,
    *,
    face: str = FAMILY,
    color: Any = None,
    align: Align = "left",
) -> None:
    """`text` with its baseline at `y`, starting (left), ending (right) or centred at `x`."""
    if not needs_script_font(text):
        canv.setFont(face, size)
        if color is not None:
            canv.setFillColor(color)
        draw = {
            "left": canv.drawString,
            "right": canv.drawRightString,
            "centre": canv.drawCentredString,
        }[align]
        draw(x, y, text)
        return
    core, lead, trail = _spaces(text, face, size)
    para = _para(core, face, size, color, align)
    left = {
        "left": x + lead,
        "right": x - trail - _ROOM,
        "centre": x + (lead - trail) / 2 - _ROOM / 2,
    }[align]
    # reportlab puts a paragraph's first baseline one font size below its top
    para.drawOn(canv, left, y - (para.height - size))


_TEMPLATES: dict[int, tuple[ParagraphStyle, Any, Any]] = {}


def fragment_templates(style: ParagraphStyle) -> tuple[Any, Any]:
    """The parser's fragments for plain text and for a line break in `style`, made once."""
    cached = _TEMPLATES.get(id(style))
    if cached is None or cached[0] is not style:
        text, brk, _ = Paragraph("x<br/>x", style).frags
        cached = (style, text, brk)
        _TEMPLATES[id(style)] = cached
    return cached[1], cached[2]


class Heading(Para):
    """A heading that becomes a bookmark (and a contents line when `toc` is set)."""

    outline: tuple[int, str, str] | None = None  # (level, plain title, key)
    running = False  # heads the pages that continue it (page_layout)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        parts = super().split(availWidth, availHeight)
        if parts:
            parts[0].outline = self.outline  # type: ignore[attr-defined]
        return parts


class TocLine(Flowable):
    """One line of the contents: wrapped title, dot leader, page number filled in at the end."""

    def __init__(self, text: str, key: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.key = key
        self.style = style
        self.para = FixedPara(text, ParagraphStyle("tocline", parent=style, rightIndent=34))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        _, self.height = self.para.wrap(availWidth, availHeight)
        return self.width, self.height

    def getSpaceBefore(self) -> float:  # noqa: N802 (reportlab API)
        return float(self.style.spaceBefore)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        return []

    def draw(self) -> None:
        canv = self.canv
        self.para.drawOn(canv, 0, 0)
        lines = self.para.blPara.lines
        size = self.style.fontSize
        baseline = self.height - size - (len(lines) - 1) * self.style.leading
        last = lines[-1]
        extra = getattr(last, "extraSpace", None)
        if extra is None:
            extra = last[0]
        text_w = self.width - self.style.leftIndent - 34
        end = self.style.leftIndent + text_w - extra + 4
        stop = self.width - TOC_NUMBER_W
        if stop - end > 6:
            canv.saveState()
            step = text_width(" .", size)
            leader = " ." * int((stop - end) / step)
            draw_text(canv, stop, baseline, leader, size, color=MUTED, align="right")
            canv.restoreState()
        canv.saveState()
        canv.translate(self.width, baseline)
        canv.doForm(f"toc-{self.key}")
        canv.restoreState()
        canv.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)


class Mark(Flowable):
    """A zero-size flowable: it only tells the page layout something where it stands."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        pass


class PageGroup(Mark):
    """A zero-size mark: the pages from here on are numbered on their own (page_layout)."""

    def __init__(self, key: str, label: str) -> None:
        super().__init__()
        self.page_group = (key, label)


class RunningMark(Mark):
    """A zero-size mark: the pages that go on from here are headed "`title` (continued)",
    as after a running heading of `level` (page_layout), without a visible heading."""

    def __init__(self, level: int, title: str) -> None:
        super().__init__()
        self.running_mark = (level, title)


class Bookmark(Mark):
    """A zero-size anchor: a bookmark without a visible heading (e.g. the title page)."""

    def __init__(self, level: int, title: str, key: str) -> None:
        super().__init__()
        self.outline = (level, title, key)


TOC_MAX_CHARS = 240
TOC_MAX_LINES = 4


def toc_text(text: str) -> str:
    """A title as typed, cut short for the contents only (a contents line cannot split)."""
    lines = text.splitlines() or [""]
    short = "\n".join(lines[:TOC_MAX_LINES])
    if len(short) > TOC_MAX_CHARS:
        short = short[: TOC_MAX_CHARS - 1]
    return short + "\u2026" if short != text else text
