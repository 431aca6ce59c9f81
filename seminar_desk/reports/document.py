"""The document machinery every report shares: footer, bookmarks, contents, metadata.

Page "x of y" and the page numbers of the table of contents are drawn as PDF form XObjects
that are referenced on each page and filled in once the last page is known. The layout is
therefore done in one pass (a two-pass build would double the cost of a 300-page report), and
bookmarks are made where each heading is drawn, so they point at the right pages (the usual
NumberedCanvas recipe sends them all to page 1). The contents are known before the build
(the builders add every heading themselves), so their lines take their final size at once.
"""

import gc
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.paragraph import ParagraphStyle

from seminar_desk.reports.fonts import FAMILY, markup, needs_script_font, needs_shaping, plain
from seminar_desk.reports.request import CancelFn, Cancelled, ProgressFn, ReportOptions
from seminar_desk.reports.styles import MUTED, RULE, make_styles, table_style

PAPER = {"a4": A4, "letter": LETTER}
MARGIN_X = 22 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 22 * mm
TOC_NUMBER_W = 28.0
# Build plain-text paragraphs from cloned fragments (False: always parse, for comparison).
FAST_TEXT = True
CELL_PAD = 4  # left and right padding of table cells (styles.table_style)


@dataclass(frozen=True)
class ReportMeta:
    title: str
    subject: str
    author: str = ""
    language: str = "en"
    footer: str = ""
    keywords: tuple[str, ...] = ()


class Para(Paragraph):
    """A Paragraph that remembers its line breaks for the last width it was wrapped at.

    Tables wrap each cell to measure rows and again to draw them, and the frame wraps a
    paragraph again before splitting it; breaking lines is most of reportlab's work, so a
    second wrap at the same width reuses the first one's result.
    """

    _cached_width: float = -1.0

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


_TEMPLATES: dict[int, tuple[ParagraphStyle, Any, Any]] = {}


def _templates(style: ParagraphStyle) -> tuple[Any, Any]:
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
        self.para = Paragraph(text, ParagraphStyle("tocline", parent=style, rightIndent=34))

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
            canv.setFont(FAMILY, size)
            canv.setFillColor(MUTED)
            step = stringWidth(" .", FAMILY, size)
            canv.drawRightString(stop, baseline, " ." * int((stop - end) / step))
            canv.restoreState()
        canv.saveState()
        canv.translate(self.width, baseline)
        canv.doForm(f"toc-{self.key}")
        canv.restoreState()
        canv.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)


class Bookmark(Flowable):
    """A zero-size anchor: a bookmark without a visible heading (e.g. the title page)."""

    def __init__(self, level: int, title: str, key: str) -> None:
        super().__init__()
        self.outline = (level, title, key)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        pass


class Story:
    """Collects flowables, headings (for bookmarks and contents) and escapes all user text."""

    def __init__(self, options: ReportOptions | None = None) -> None:
        options = options or ReportOptions()
        self.s = make_styles()
        paper = PAPER.get(options.paper.lower(), A4)
        self.width = paper[0] - 2 * MARGIN_X
        self.height = paper[1] - MARGIN_TOP - MARGIN_BOTTOM
        shaping = options.shaping
        self.flow: list[Flowable] = []
        self.shaping = shaping
        self.toc_entries: list[tuple[int, str, str]] = []
        self._toc_at: int | None = None
        self._toc_levels = 0
        self._keys = 0
        self._level = -1

    # -- text -----------------------------------------------------------------------------

    def p(
        self, text: object, style: ParagraphStyle | None = None, *, cls: type[Para] | None = None
    ) -> Paragraph:
        """A Paragraph of user text, shown exactly as typed.

        Text in Noto Sans alone (most of it) skips reportlab's markup parser: its fragments
        are cloned from the style's own, which is what the parser makes of the escaped text
        (the parser merely cuts "R&amp;D" into three pieces of one line; the tests check the
        pages come out the same), at a fraction of the cost.
        """
        raw = "" if text is None else str(text)
        style = style or self.s.body
        if not FAST_TEXT or needs_script_font(raw):
            para = self.m(markup(raw), style, raw=raw)
            return para if cls is None else cls(para.text, para.style)
        plain_frag, break_frag = _templates(style)
        frags = []
        for n, line in enumerate(raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
            if n:
                frags.append(break_frag.clone())
            if line:
                frags.append(plain_frag.clone(text=line.replace("\t", "    ")))
        if not frags:
            frags.append(plain_frag.clone(text=""))
        para = (cls or Para)(None, style, frags=frags)
        para.text = markup(raw)  # what the parser would have been given
        return para

    def m(self, xml: str, style: ParagraphStyle | None = None, *, raw: str = "") -> Paragraph:
        """A Paragraph of markup the program wrote (user parts already passed through markup)."""
        style = style or self.s.body
        if self.shaping and needs_shaping(raw or xml):
            style = self.s.shaped(style)
        return Para(xml, style)

    def add(self, *flowables: Flowable) -> None:
        self.flow.extend(flowables)

    def para(self, text: object, style: ParagraphStyle | None = None) -> None:
        if str(text or "").strip():
            self.flow.append(self.p(str(text).strip("\n"), style))

    def text_block(self, text: str, style: ParagraphStyle | None = None) -> None:
        """Long typed text: one Paragraph per blank-line-separated block, so it splits well."""
        blocks = [b.strip("\n") for b in text.replace("\r\n", "\n").split("\n\n")]
        for block in blocks:
            if block.strip():
                self.flow.append(self.p(block, style))

    def bullets(self, items: Sequence[str], style: ParagraphStyle | None = None) -> None:
        style = style or self.s.bullet
        for item in items:
            self.flow.append(self.m(markup(item), style, raw=item))
            self.flow[-1].bulletText = "•"  # type: ignore[attr-defined]

    def muted(self, text: str) -> None:
        self.flow.append(self.p(text, self.s.muted))

    def spacer(self, height: float = 6) -> None:
        self.flow.append(Spacer(1, height))

    def page_break(self) -> None:
        self.flow.append(PageBreak())

    # -- structure --------------------------------------------------------------------------

    def heading(
        self, level: int, text: str, *, toc: bool = True, style: ParagraphStyle | None = None
    ) -> None:
        """A heading that becomes a bookmark; levels never jump (the PDF outline forbids it)."""
        level = max(0, min(level, self._level + 1))
        self._level = level
        self._keys += 1
        key = f"h{self._keys}"
        title = plain(text) or "(untitled)"
        style = style or (self.s.h1, self.s.h2, self.s.h3)[min(level, 2)]
        heading = self.p(text, style, cls=Heading)
        heading.outline = (level, title, key)
        follows_heading = bool(self.flow) and isinstance(self.flow[-1], Heading)
        if style.fontSize >= self.s.h2.fontSize and not follows_heading:
            self.flow.append(CondPageBreak(90))  # no heading alone at the foot of a page
        self.flow.append(heading)
        if toc and level < max(self._toc_levels, 1) and self._toc_at is not None:
            self.toc_entries.append((level, text, key))

    def bookmark(self, level: int, title: str) -> None:
        level = max(0, min(level, self._level + 1))
        self._level = level
        self._keys += 1
        self.flow.append(Bookmark(level, plain(title), f"h{self._keys}"))

    def contents_here(self, levels: int = 2) -> None:
        """Reserve the place of the table of contents (filled by `finish`)."""
        self._toc_at = len(self.flow)
        self._toc_levels = levels

    def table(
        self,
        rows: Sequence[Sequence[object]],
        widths: Sequence[float],
        *,
        header: Sequence[str] = (),
        style: ParagraphStyle | None = None,
        extra: Sequence[tuple[object, ...]] = (),
        zebra: bool = True,
        plain_cols: Sequence[int] = (),
    ) -> Table:
        """A table whose cells are Paragraphs (they wrap) that splits by row, header repeated.

        Cells may be strings (user text, escaped here) or ready Flowables. Columns listed in
        `plain_cols` hold short program-made text (numbers, times, marks): drawn as plain
        strings, which are never parsed as markup and cost far less than Paragraphs.
        """
        style = style or self.s.cell
        plain_set = set(plain_cols)
        room = [w - 2 * CELL_PAD - 1 for w in widths]
        data: list[list[object]] = []
        if header:
            data.append([self.m(markup(h), self.s.cell_head) for h in header])
        for row in rows:
            cells: list[object] = []
            for i, c in enumerate(row):
                if isinstance(c, Flowable) or (i in plain_set and isinstance(c, str)):
                    cells.append(c)
                elif self._fits(c, style, room[i]):
                    cells.append(c)  # one line of plain text: drawn as is, never parsed
                else:
                    cells.append(self.p(c if c is not None else "", style))
            data.append(cells)
        table = Table(
            data,
            colWidths=list(widths),
            repeatRows=1 if header else 0,
            splitByRow=1,
            splitInRow=1,
            hAlign="LEFT",
        )
        ts = table_style(header_rows=1 if header else 0, zebra=zebra)
        ts.add("FONTNAME", (0, 0), (-1, -1), FAMILY)
        ts.add("FONTSIZE", (0, 0), (-1, -1), style.fontSize)
        ts.add("LEADING", (0, 0), (-1, -1), style.leading)
        for cmd in extra:
            ts.add(*cmd)
        table.setStyle(ts)
        self.flow.append(table)
        return table

    @staticmethod
    def _fits(text: object, style: ParagraphStyle, room: float) -> bool:
        """True for text that needs no Paragraph: one line, Noto Sans only, narrow enough."""
        if not isinstance(text, str) or "\n" in text or "\r" in text or "\t" in text:
            return False
        if len(text) * style.fontSize * 0.25 > room or needs_script_font(text):
            return False
        return stringWidth(text, style.fontName, style.fontSize) <= room

    def pairs(self, rows: Sequence[tuple[str, object]], widths: Sequence[float]) -> None:
        """Label / value lines (title block, session facts) without a grid."""
        data = [
            [self.m(markup(label), self.s.label), self.p(value if value is not None else "")]
            for label, value in rows
            if value not in (None, "")
        ]
        if not data:
            return
        table = Table(data, colWidths=list(widths), hAlign="LEFT", splitByRow=1, splitInRow=1)
        table.setStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
            ]
        )
        self.flow.append(table)

    def keep(self, *flowables: Flowable) -> None:
        self.flow.append(KeepTogether(list(flowables)))

    def finish(self) -> list[Flowable]:
        """The flowables, with the contents lines in place of `contents_here`."""
        flow = list(self.flow)
        if self._toc_at is not None:
            lines: list[Flowable] = []
            for level, text, key in self.toc_entries:
                style = self.s.toc[min(level, 2)]
                lines.append(TocLine(markup(_toc_text(text)), key, style))
            flow[self._toc_at : self._toc_at] = lines
        return flow


TOC_MAX_CHARS = 240
TOC_MAX_LINES = 4


def _toc_text(text: str) -> str:
    """A title as typed, cut short for the contents only (a contents line cannot split)."""
    lines = text.splitlines() or [""]
    short = "\n".join(lines[:TOC_MAX_LINES])
    if len(short) > TOC_MAX_CHARS:
        short = short[: TOC_MAX_CHARS - 1]
    return short + "\u2026" if short != text else text


@dataclass
class BuildStats:
    pages: int = 0
    heading_pages: dict[str, int] = field(default_factory=dict)
    outline: list[tuple[int, str, int]] = field(default_factory=list)


class ReportDoc(BaseDocTemplate):
    """Page layout, footer "Page x of y", bookmarks, metadata, progress and cancel."""

    def __init__(
        self,
        out: BinaryIO,
        meta: ReportMeta,
        options: ReportOptions,
        *,
        toc_keys: Sequence[str] = (),
        progress: ProgressFn | None = None,
        cancel: CancelFn | None = None,
    ) -> None:
        pagesize = PAPER.get(options.paper.lower(), A4)
        super().__init__(
            out,
            pagesize=pagesize,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=plain(meta.title),
            author=plain(meta.author),
            subject=plain(meta.subject),
            creator="Seminar Desk",
            keywords=list(meta.keywords),
            lang=meta.language or "en",
            initialFontName=FAMILY,  # no stray reference to the unembedded Helvetica
        )
        self.meta = meta
        self.styles = make_styles()
        self.stats = BuildStats()
        self.toc_keys = list(toc_keys)
        self._progress = progress
        self._cancel = cancel
        self._footer_cache: Paragraph | None = None
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._footer)])
        self._total_flowables = 1
        self._last_level = -1

    # -- progress and cancel ----------------------------------------------------------------

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        if self._cancel is not None and self._cancel():
            raise Cancelled()
        super().handle_flowable(flowables)

    def _on_progress(self, kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            self._total_flowables = max(1, value)
        elif kind == "PROGRESS" and self._progress is not None and value % 20 == 0:
            self._progress(min(0.99, value / self._total_flowables), f"Page {self.page}")

    # -- bookmarks ----------------------------------------------------------------------------

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab API)
        outline = getattr(flowable, "outline", None)
        if outline is None:
            return
        level, title, key = outline
        level = min(level, self._last_level + 1)
        self._last_level = level
        canv = self.canv
        top = self.frame._y + flowable.height + 14  # the heading's top, with some air
        canv.bookmarkHorizontal(key, 0, min(top, self.pagesize[1]))
        canv.addOutlineEntry(title, key, level=level, closed=level >= 1)
        page = canv.getPageNumber()
        self.stats.heading_pages[key] = page
        self.stats.outline.append((level, title, page))

    # -- footer -------------------------------------------------------------------------------

    def _footer(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        canv.saveState()
        width = self.pagesize[0]
        y = MARGIN_BOTTOM - 9 * mm
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_X, y + 11, width - MARGIN_X, y + 11)
        if self._footer_cache is None and self.meta.footer:
            self._footer_cache = Para(markup(self.meta.footer), self.styles.footer)
        if self._footer_cache is not None:
            _, h = self._footer_cache.wrap(width - 2 * MARGIN_X - 80, 40)
            self._footer_cache.drawOn(canv, MARGIN_X, y + 9 - h)
        canv.setFont(FAMILY, 7.5)
        canv.setFillColor(MUTED)
        label = f"Page {canv.getPageNumber()} of "
        right = width - MARGIN_X - 14
        canv.drawRightString(right, y, label)
        canv.translate(right, y)
        canv.doForm("total-pages")
        canv.restoreState()

    def _endBuild(self) -> None:  # noqa: N802 (reportlab API)
        """Lay out the last page, then fill the forms with the totals, then save."""
        self._doSave = 0
        super()._endBuild()
        canv = self.canv
        total = canv.getPageNumber() - 1
        self.stats.pages = total
        self._form("total-pages", str(total), 7.5, right=False)
        for key in self.toc_keys:
            page = self.stats.heading_pages.get(key)
            self._form(f"toc-{key}", str(page) if page else "", 9.5, right=True)
        canv.showOutline()
        # Binary (Flate only) streams: smaller files, and no ASCII85 pass over every page and
        # font (a 7-bit transport option reportlab turns on by default, process-wide).
        saved, rl_config.useA85 = rl_config.useA85, 0
        try:
            canv.save()
        finally:
            rl_config.useA85 = saved

    def _form(self, name: str, text: str, size: float, *, right: bool) -> None:
        canv = self.canv
        canv.beginForm(name, lowerx=-60, lowery=-5, upperx=60, uppery=20)
        canv.setFont(FAMILY, size)
        canv.setFillColor(MUTED if not right else RULE)
        if right:
            canv.setFont(FAMILY, size)
            canv.drawRightString(0, 0, text)
        else:
            canv.drawString(0, 0, text)
        canv.endForm()


def build_pdf(
    story: Story,
    meta: ReportMeta,
    options: ReportOptions,
    out: BinaryIO | Path | None = None,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> tuple[bytes, BuildStats]:
    """Lay out `story` and return the PDF bytes (also written to `out` when given)."""
    flow = story.finish()
    buffer = io.BytesIO()
    doc = ReportDoc(
        buffer,
        meta,
        options,
        toc_keys=[key for _, _, key in story.toc_entries],
        progress=progress,
        cancel=cancel,
    )
    doc.setProgressCallBack(doc._on_progress)
    # Everything alive before the build (snapshot, story) is moved out of the collector's
    # sight while reportlab makes its millions of small objects: full collections then
    # scan only the build's own objects (about 15 % of the time of a 300-page report).
    gc.freeze()
    try:
        doc.build(flow)
    finally:
        gc.unfreeze()
    data = buffer.getvalue()
    if isinstance(out, Path):
        out.write_bytes(data)
    elif out is not None:
        out.write(data)
    if progress is not None:
        progress(1.0, f"{doc.stats.pages} pages")
    return data, doc.stats
