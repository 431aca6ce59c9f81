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

from seminar_desk.reports.chrome import Chrome
from seminar_desk.reports.flowables import FixedPara, Para, draw_text, text_width
from seminar_desk.reports.request import CancelFn, Cancelled, ProgressFn, ReportOptions
from seminar_desk.reports.styles import MUTED, RULE, make_styles
from seminar_desk.reports.text.fonts import FAMILY, markup, plain

PAPER = {"a4": A4, "letter": LETTER}
MARGIN_X = 22 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 22 * mm


HEAD_TITLE_CHARS = 90


def short(title: str) -> str:
    """A title on one line, cut short for a "(continued)" head (it stays in the top margin)."""
    line = " ".join(title.split())
    return line if len(line) <= HEAD_TITLE_CHARS else line[: HEAD_TITLE_CHARS - 1] + "\u2026"


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
        self.tr = Chrome(meta.language)
        self._footer_cache: dict[float, Paragraph] = {}
        # "(continued)" heads: the running headings in force (outermost first, each with its
        # level), those in force when this page began, and whether the page opened anew.
        self._running: list[tuple[int, str]] = []
        self._page_context: list[tuple[int, str]] = []
        self._first_on_page: Flowable | None = None
        self._opened_anew = False
        # Pages numbered per group (a sign-in sheet per day): key -> (label, first page).
        self._groups: dict[str, tuple[str, int]] = {}
        self._group: str | None = None
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
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=self._page_end)])
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

    def handle_pageBegin(self) -> None:  # noqa: N802 (reportlab API)
        self._first_on_page = None
        self._opened_anew = False
        self._page_context = list(self._running)
        super().handle_pageBegin()

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab API)
        changes = self._follow_running(flowable)
        # the first thing on the page: a mark, or what moved the frame down (not a
        # CondPageBreak that found room, nor anything else that takes no space)
        if self._first_on_page is None and (changes or not self.frame._atTop):
            self._first_on_page = flowable
            # A page that opens with what ends the context it began in (the next day, the
            # next delegation, an annex) continues nothing.
            context = self._page_context
            self._opened_anew = self._running[: len(context)] != context
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

    def _follow_running(self, flowable: Flowable) -> bool:
        """Keep the running headings in force up to date; True when `flowable` changed them.

        A heading ends the running headings of its level and deeper (and starts one when it
        is `running`); a `RunningMark` does the same without a visible heading; a new page
        group (a sign-in sheet for the next day) ends them all.
        """
        group = getattr(flowable, "page_group", None)
        if group is not None:
            self._groups[group[0]] = (group[1], self.canv.getPageNumber())
            self._group = group[0]
            self._running = []
            return True
        mark = getattr(flowable, "running_mark", None)
        outline = getattr(flowable, "outline", None)
        if mark is not None:
            level, title = mark
        elif outline is not None:
            level, title = outline[0], outline[1]
        else:
            return False
        while self._running and self._running[-1][0] >= level:
            self._running.pop()
        if mark is not None or getattr(flowable, "running", False):
            self._running.append((level, title))
        return True

    # -- footer -------------------------------------------------------------------------------

    def _page_end(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self._footer(canv)
        if self._page_context and not self._opened_anew:
            titles = [short(title) for _, title in self._page_context]
            self._continued(canv, " \u2014 ".join(titles))

    def _continued(self, canv: Canvas, title: str) -> None:
        """'Day 2, Sunday, 20 December 2026 (continued)' above a page that goes on with it;
        'States — Cambodia (continued)' over the rest of a delegation's table."""
        text = self.tr("{title} (continued)", title=title)
        para = Para(markup(text), self.styles.footer)
        _, h = para.wrap(self.pagesize[0] - 2 * MARGIN_X, 30)
        para.drawOn(canv, MARGIN_X, self.pagesize[1] - MARGIN_TOP + 4 * mm)

    def _footer(self, canv: Canvas) -> None:
        canv.saveState()
        width = self.pagesize[0]
        y = MARGIN_BOTTOM - 9 * mm
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_X, y + 11, width - MARGIN_X, y + 11)
        page = canv.getPageNumber()
        form = "total-pages"
        if self._group is not None:
            label, start = self._groups[self._group]
            label = f"{label} \u2014 " + self.tr("Page {n} of ", n=page - start + 1)
            form = f"total-{self._group}"
        else:
            label = self.tr("Page {n} of ", n=page)
        right = width - MARGIN_X - 14
        room = right - text_width(label, 7.5) - 24 - MARGIN_X
        para = self._footer_title(room)
        if para is not None:
            _, h = para.wrap(room, 40)
            para.drawOn(canv, MARGIN_X, y + 9 - h)
        draw_text(canv, right, y, label, 7.5, color=MUTED, align="right")
        canv.translate(right, y)
        canv.doForm(form)
        canv.restoreState()

    def _footer_title(self, room: float) -> Paragraph | None:
        """The seminar's (short) title in at most two lines; a longer one ends in '…'."""
        if not self.meta.footer:
            return None
        cached = self._footer_cache.get(room)
        if cached is not None:
            return cached
        text = " ".join(self.meta.footer.split())
        para = FixedPara(markup(text), self.styles.footer)
        para.wrap(room, 40)
        if len(para.blPara.lines) > 2:
            low, high = 0, len(text)
            while low < high:  # the longest beginning that fits in two lines
                mid = (low + high + 1) // 2
                trial = FixedPara(markup(text[:mid].rstrip() + "\u2026"), self.styles.footer)
                trial.wrap(room, 40)
                if len(trial.blPara.lines) <= 2:
                    low = mid
                else:
                    high = mid - 1
            para = FixedPara(markup(text[:low].rstrip() + "\u2026"), self.styles.footer)
        self._footer_cache[room] = para
        return para

    def _endBuild(self) -> None:  # noqa: N802 (reportlab API)
        """Lay out the last page, then fill the forms with the totals, then save."""
        self._doSave = 0
        super()._endBuild()
        canv = self.canv
        total = canv.getPageNumber() - 1
        self.stats.pages = total
        self._form("total-pages", str(total), 7.5, right=False)
        starts = sorted((first, key) for key, (_, first) in self._groups.items())
        for n, (first, key) in enumerate(starts):
            last = starts[n + 1][0] - 1 if n + 1 < len(starts) else total
            self._form(f"total-{key}", str(last - first + 1), 7.5, right=False)
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
        color = MUTED if not right else RULE
        draw_text(canv, 0, 0, text, size, color=color, align="right" if right else "left")
        canv.endForm()
