"""Text drawn straight on the canvas (page numbers, footers, dot leaders, fold marks), with the
same font per script, shaping and right-to-left order as paragraphs.

`canvas.drawString` draws every character in the one font it is given: a page label or title
in Khmer, Thai or Arabic would come out as empty boxes. Text that Noto Sans draws entirely (all
of it in English and French, digits) still goes straight to the canvas, which costs nothing
extra; any other is laid out as a one-line `Para` and drawn where the string would have been.
"""

from typing import Any, Literal

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.paragraph import ParagraphStyle

from seminar_desk.reports.text.fonts import FAMILY, markup, needs_script_font

Align = Literal["left", "right", "centre"]
_ROOM = 5000.0  # wider than any page: the text stays on one line
_ALIGN = {"left": TA_LEFT, "right": TA_RIGHT, "centre": TA_CENTER}
_cache: dict[tuple[str, str, float, str, str], Any] = {}


def _para(text: str, face: str, size: float, color: Any, align: Align) -> Any:
    from seminar_desk.reports.flowables import FixedPara  # (flowables draws with this module)

    key = (text, face, size, str(color), align)
    para = _cache.get(key)
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
        if len(_cache) > 512:
            _cache.clear()
        _cache[key] = para
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
