"""Paragraph and table styles of every report: sober, like a UN secretariat document."""

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from seminar_desk.reports.text.fonts import BOLD, FAMILY, ITALIC, register_fonts

RULE = colors.HexColor("#1f3b5c")
HEAD_BG = colors.HexColor("#dde5ef")
ZEBRA = colors.HexColor("#f4f6f9")
GRID = colors.HexColor("#9aa7b5")
MUTED = colors.HexColor("#555555")
CELL_PT = 8.5  # table text, in the PDF and in Word
CELL_PADDING = 4  # points left and right of a table cell's text


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    symbol: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    numbered: ParagraphStyle
    para: ParagraphStyle
    masthead_left: ParagraphStyle
    masthead_symbol: ParagraphStyle
    masthead_right: ParagraphStyle
    subpara: ParagraphStyle
    bullet: ParagraphStyle
    small: ParagraphStyle
    small_center: ParagraphStyle
    muted: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    cell_muted: ParagraphStyle
    cell_small: ParagraphStyle
    toc: tuple[ParagraphStyle, ...]
    footer: ParagraphStyle

    def shaped(self, style: ParagraphStyle) -> ParagraphStyle:
        """The same style with harfbuzz shaping (for Khmer, Thai, Lao, Myanmar text)."""
        cached = _SHAPED.get(id(style))
        if cached is None or cached[0] is not style:
            cached = (style, ParagraphStyle(f"{style.name}-shaped", parent=style, shaping=1))
            _SHAPED[id(style)] = cached
        return cached[1]


_SHAPED: dict[int, tuple[ParagraphStyle, ParagraphStyle]] = {}


def make_styles() -> Styles:
    register_fonts()
    base = ParagraphStyle(
        "body",
        fontName=FAMILY,
        fontSize=10,
        leading=13.5,
        spaceAfter=6,
        alignment=TA_LEFT,
        splitLongWords=1,
        wordWrap=None,
        # Numbers and bullets in the embedded font (reportlab's default is Helvetica, which
        # is never embedded: print preflight and PDF/A refuse it).
        bulletFontName=FAMILY,
        # No single line of a paragraph left alone at the foot or head of a page.
        allowWidows=0,
        allowOrphans=0,
    )
    h1 = ParagraphStyle(
        "h1",
        parent=base,
        fontName=BOLD,
        fontSize=13.5,
        leading=17,
        spaceBefore=14,
        spaceAfter=8,
        textColor=RULE,
        keepWithNext=1,
    )
    h2 = ParagraphStyle(
        "h2",
        parent=h1,
        fontSize=11.5,
        leading=14.5,
        spaceBefore=10,
        spaceAfter=5,
    )
    h3 = ParagraphStyle(
        "h3",
        parent=h1,
        fontSize=10,
        leading=13,
        spaceBefore=8,
        spaceAfter=3,
        textColor=colors.black,
    )
    cell = ParagraphStyle("cell", parent=base, fontSize=CELL_PT, leading=10.5, spaceAfter=0)
    toc = tuple(
        ParagraphStyle(
            f"toc{level}",
            parent=base,
            fontName=BOLD if level == 0 else FAMILY,
            fontSize=10 if level == 0 else 9.5,
            leading=13,
            leftIndent=14 * level,
            spaceBefore=4 if level == 0 else 0,
            spaceAfter=0,
        )
        for level in range(3)
    )
    return Styles(
        title=ParagraphStyle(
            "title",
            parent=base,
            fontName=BOLD,
            fontSize=16,
            leading=21,
            alignment=TA_CENTER,
            spaceAfter=10,
            textColor=RULE,
        ),
        subtitle=ParagraphStyle(
            "subtitle", parent=base, fontSize=11, leading=15, alignment=TA_CENTER, spaceAfter=4
        ),
        symbol=ParagraphStyle("symbol", parent=base, fontSize=8.5, leading=11, spaceAfter=0),
        h1=h1,
        h2=h2,
        h3=h3,
        body=base,
        numbered=ParagraphStyle("numbered", parent=base, leftIndent=18, firstLineIndent=0),
        # UN body paragraph: its number at the margin, the first line after a tab, the
        # following lines back at the margin; subparagraphs (a), (b) one step in.
        para=ParagraphStyle("para", parent=base, firstLineIndent=28, bulletIndent=0),
        subpara=ParagraphStyle(
            "subpara",
            parent=base,
            leftIndent=28,
            firstLineIndent=28,
            bulletIndent=28,
            spaceAfter=4,
        ),
        masthead_left=ParagraphStyle(
            "masthead_left", parent=base, fontName=BOLD, fontSize=11, leading=14, spaceAfter=4
        ),
        masthead_symbol=ParagraphStyle(
            "masthead_symbol",
            parent=base,
            fontName=BOLD,
            fontSize=14,
            leading=18,
            alignment=TA_RIGHT,
            spaceAfter=4,
        ),
        masthead_right=ParagraphStyle(
            "masthead_right", parent=base, fontSize=9.5, leading=12, spaceAfter=0
        ),
        bullet=ParagraphStyle("bullet", parent=base, leftIndent=16, bulletIndent=4, spaceAfter=3),
        small=ParagraphStyle("small", parent=base, fontSize=8.5, leading=11, spaceAfter=2),
        small_center=ParagraphStyle(
            "small_center", parent=base, fontSize=8.5, leading=11, alignment=TA_CENTER
        ),
        muted=ParagraphStyle(
            "muted", parent=base, fontName=ITALIC, fontSize=9, leading=12, textColor=MUTED
        ),
        label=ParagraphStyle("label", parent=base, fontName=BOLD, spaceAfter=2),
        cell=cell,
        cell_head=ParagraphStyle("cell_head", parent=cell, fontName=BOLD),
        cell_muted=ParagraphStyle("cell_muted", parent=cell, textColor=MUTED),
        cell_small=ParagraphStyle("cell_small", parent=cell, fontSize=7.5, leading=9.5),
        toc=toc,
        footer=ParagraphStyle(
            "footer", parent=base, fontSize=7.5, leading=9, textColor=MUTED, spaceAfter=0
        ),
    )


def table_style(*, header_rows: int = 1, zebra: bool = True) -> TableStyle:
    """Thin grid, shaded header, light zebra stripes; cells align to the top."""
    cmds: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        cmds.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_BG))
    if zebra:
        cmds.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [colors.white, ZEBRA]))
    return TableStyle(cmds)
