"""The page furniture every report shares: paper and margins, the footer "Page x of y",
bookmarks, metadata, progress and cancel.

Page "x of y" and the page numbers of the table of contents are drawn as PDF form XObjects
that are referenced on each page and filled in once the last page is known. The layout is
therefore done in one pass (a two-pass build would double the cost of a 300-page report), and
bookmarks are made where each heading is drawn, so they point at the right pages (the usual
NumberedCanvas recipe sends them all to page 1).
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from seminar_desk.reports.flowables import Para
from seminar_desk.reports.fonts import FAMILY, markup, plain
from seminar_desk.reports.request import CancelFn, Cancelled, ProgressFn, ReportOptions
from seminar_desk.reports.styles import MUTED, RULE, make_styles

PAPER = {"a4": A4, "letter": LETTER}
MARGIN_X = 22 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 22 * mm


@dataclass(frozen=True)
class ReportMeta:
    title: str
    subject: str
    author: str = ""
    language: str = "en"
    footer: str = ""
    keywords: tuple[str, ...] = ()


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
