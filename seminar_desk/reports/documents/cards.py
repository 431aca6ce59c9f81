"""Name tents for delegations and badges for participants: large type, fold and cut lines.

A tent is one landscape page folded along its middle: the name reads from both sides (the
upper half is turned upside down). Badges come eight to a page with dashed cut lines. Names
are Paragraphs of the reports' own kind (`flowables.Para`), so every script gets its font and
its shaping as in the reports; the type shrinks until the name fits in two lines.
"""

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from seminar_desk.domain.refusal import Refusal
from seminar_desk.domain.text import fold
from seminar_desk.reports.chrome import Chrome
from seminar_desk.reports.documents.lists import by_delegation
from seminar_desk.reports.flowables import Para, draw_text
from seminar_desk.reports.request import ReportOptions
from seminar_desk.reports.snapshot import PersonSnap, SeminarSnapshot
from seminar_desk.reports.styles import GRID, MUTED, RULE
from seminar_desk.reports.text.fonts import BOLD, FAMILY, markup, plain, register_fonts

PAPER = {"a4": A4, "letter": LETTER}
BADGE_W, BADGE_H = 90 * mm, 60 * mm


@dataclass(frozen=True)
class Line:
    """One centred line (or two) of a tent or badge: text, largest size, font, colour."""

    text: str
    size: float
    font: str = BOLD
    color: object = None
    max_lines: int = 2


def fitted(line: Line, width: float, height: float) -> tuple[Para, float]:
    """The line as a Paragraph in the largest size (down to a third) that fits the box."""
    size = line.size
    while True:
        style = ParagraphStyle(
            "card",
            fontName=line.font,
            fontSize=size,
            leading=size * 1.18,
            alignment=TA_CENTER,
            textColor=line.color or "#000000",
            splitLongWords=1,
            bulletFontName=FAMILY,
        )
        para = Para(markup(line.text), style)
        _, h = para.wrap(width, height)
        lines = len(getattr(para.blPara, "lines", ()))
        if (h <= height and lines <= line.max_lines) or size <= line.size / 3:
            return para, h
        size *= 0.92


def draw_lines(canv: Canvas, lines: Sequence[Line], x: float, y: float, w: float, h: float) -> None:
    """`lines` centred as a block in the box (x, y, w, h); empty ones are left out."""
    shown = [line for line in lines if line.text.strip()]
    paras = []
    for line in shown:
        para, height = fitted(line, w, h / max(len(shown), 1) * (1.6 if line is shown[0] else 1))
        paras.append((para, height))
    gap = 4
    total = sum(height for _, height in paras) + gap * (len(paras) - 1)
    top = y + (h + total) / 2
    for para, height in paras:
        top -= height
        para.drawOn(canv, x, top)
        top -= gap


def _canvas(out: io.BytesIO, pagesize: tuple[float, float], title: str, lang: str) -> Canvas:
    register_fonts()
    canv = Canvas(out, pagesize=pagesize, initialFontName=FAMILY, lang=lang or "en")
    canv.setTitle(plain(title))
    canv.setCreator("Seminar Desk")
    return canv


@dataclass(frozen=True)
class Cards:
    """A printed set of cards: the PDF, its pages, and what the person should know of it."""

    pdf: bytes
    pages: int
    note: str = ""


def tent_names(snap: SeminarSnapshot) -> tuple[list[str], list[str]]:
    """The delegations that get a tent (those with at least one participant, States first,
    as the lists order them) and those left out (no participant: nobody sits behind it)."""
    seated = [p for p in snap.participants if p.org_name.strip()]  # a tent names a delegation
    names = [name for _, group in by_delegation(seated, snap) for name, _ in group]
    known = {fold(n) for n in names}
    empty = sorted((o.name for o in snap.organisations if fold(o.name) not in known), key=fold)
    return names, empty


def tents_note(made: int, skipped: list[str]) -> str:
    """'23 name tents; 2 delegations without participants left out: A, B.'"""
    text = "1 name tent" if made == 1 else f"{made} name tents"
    if skipped:
        shown = ", ".join(skipped[:5]) + (", …" if len(skipped) > 5 else "")
        count = (
            "1 delegation without participants"
            if len(skipped) == 1
            else f"{len(skipped)} delegations without participants"
        )
        text += f"; {count} left out: {shown}"
    return text + "."


def tents_pdf(snap: SeminarSnapshot, options: ReportOptions) -> Cards:
    """One tent per delegation or organization with participants."""
    tr = Chrome(snap.details.language)
    names, skipped = tent_names(snap)
    if not names:
        raise Refusal(
            "No delegation has participants yet: name tents are made for the delegations "
            "and organizations people come from. Add participants first."
        )
    size = landscape(PAPER.get(options.paper.lower(), A4))
    width, height = size
    out = io.BytesIO()
    canv = _canvas(out, size, tr("Name tents"), snap.details.language)
    margin = 18 * mm
    for name in names:
        half = height / 2
        lines = [Line(name, 96)]
        # lower half upright, upper half turned over: it reads from the other side
        draw_lines(canv, lines, margin, margin / 2, width - 2 * margin, half - margin)
        canv.saveState()
        canv.translate(width, height)
        canv.rotate(180)
        draw_lines(canv, lines, margin, margin / 2, width - 2 * margin, half - margin)
        canv.restoreState()
        _fold_line(canv, width, half, tr("fold"))
        canv.showPage()
    canv.save()
    return Cards(out.getvalue(), len(names), tents_note(len(names), skipped))


def _fold_line(canv: Canvas, width: float, y: float, label: str) -> None:
    canv.saveState()
    canv.setStrokeColor(GRID)
    canv.setDash(4, 4)
    canv.setLineWidth(0.5)
    canv.line(0, y, width, y)
    draw_text(canv, 6 * mm, y + 2, label, 7, color=MUTED)
    canv.restoreState()


def badges_pdf(snap: SeminarSnapshot, options: ReportOptions) -> Cards:
    """Eight badges to a page (90 x 60 mm), with dashed cut lines: the seminar, the name in
    large type, the delegation, the function."""
    tr = Chrome(snap.details.language)
    size = PAPER.get(options.paper.lower(), A4)
    width, height = size
    cols, rows = int(width // BADGE_W), int(height // BADGE_H)
    per_page = cols * rows
    left = (width - cols * BADGE_W) / 2
    bottom = (height - rows * BADGE_H) / 2
    people: list[PersonSnap] = [
        p for _, group in by_delegation(snap.participants, snap, tr) for _, ps in group for p in ps
    ]
    out = io.BytesIO()
    canv = _canvas(out, size, tr("Badges"), snap.details.language)
    d = snap.details
    pages = 0
    for start in range(0, max(len(people), 1), per_page):
        pages += 1
        _cut_lines(canv, left, bottom, cols, rows)
        for n, p in enumerate(people[start : start + per_page]):
            col, row = n % cols, n // cols
            x = left + col * BADGE_W
            y = height - bottom - (row + 1) * BADGE_H
            pad = 5 * mm
            canv.saveState()
            canv.setFillColor(RULE)
            canv.rect(x, y + BADGE_H - 11 * mm, BADGE_W, 11 * mm, stroke=0, fill=1)
            canv.restoreState()
            draw_lines(
                canv,
                [Line(d.short_title or d.title, 9, FAMILY, "#ffffff", 2)],
                x + pad,
                y + BADGE_H - 11 * mm,
                BADGE_W - 2 * pad,
                11 * mm,
            )
            draw_lines(
                canv,
                [
                    Line(p.display, 22),
                    Line(p.org_name, 12, BOLD, RULE),
                    Line(p.function, 8, FAMILY, MUTED),
                ],
                x + pad,
                y + pad,
                BADGE_W - 2 * pad,
                BADGE_H - 11 * mm - 2 * pad,
            )
        canv.showPage()
    canv.save()
    return Cards(
        out.getvalue(), pages, "1 badge." if len(people) == 1 else f"{len(people)} badges."
    )


def _cut_lines(canv: Canvas, left: float, bottom: float, cols: int, rows: int) -> None:
    canv.saveState()
    canv.setStrokeColor(GRID)
    canv.setDash(3, 3)
    canv.setLineWidth(0.4)
    for c in range(cols + 1):
        x = left + c * BADGE_W
        canv.line(x, bottom, x, bottom + rows * BADGE_H)
    for r in range(rows + 1):
        y = bottom + r * BADGE_H
        canv.line(left, y, left + cols * BADGE_W, y)
    canv.restoreState()
