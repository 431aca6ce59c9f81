"""A report's story (what the builders add: text, headings, contents, tables) and its build.

User text is escaped here, once. The contents are known before the build (the builders add
every heading themselves), so their lines take their final size at once; the page furniture
(footer, page numbers, bookmarks) is in `page_layout`, the flowables in `flowables`.
"""

import gc
import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.paragraph import ParagraphStyle

from seminar_desk.reports.chrome import Chrome
from seminar_desk.reports.flowables import (
    Bookmark,
    Heading,
    PageGroup,
    Para,
    RunningMark,
    TocLine,
    fragment_templates,
    toc_text,
)
from seminar_desk.reports.page_layout import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAPER,
    BuildStats,
    ReportDoc,
    ReportMeta,
)
from seminar_desk.reports.request import CancelFn, ProgressFn, ReportOptions
from seminar_desk.reports.styles import make_styles, table_style
from seminar_desk.reports.text.fonts import FAMILY, markup, needs_script_font, plain

LIST_MARK = re.compile(r"^\s*(?:[-*\u2022\u2013]|\([a-z]{1,2}\))\s+")
TYPED_NUMBER = re.compile(r"^\s*\d{1,3}\.\s+")


def letters(n: int) -> str:
    """0 -> 'a', 25 -> 'z', 26 -> 'aa' (UN subparagraphs run on as (aa), (bb)...)."""
    return chr(ord("a") + n % 26) * (n // 26 + 1)


# Build plain-text paragraphs from cloned fragments (False: always parse, for comparison).
FAST_TEXT = True
CELL_PAD = 4  # left and right padding of table cells (styles.table_style)


class FlowTable(Table):
    """A table that splits by row, but never leaves its last row alone at the top of the
    next page (under the repeated header, it reads as a stray line): one more row goes with
    it while at least two stay behind."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        parts = super().split(availWidth, availHeight)
        head = self.repeatRows if isinstance(self.repeatRows, int) else 0
        if len(parts) != 2:
            return parts
        kept, moved = len(parts[0]._rowHeights), len(parts[1]._rowHeights) - head
        by_row = kept + moved == len(self._rowHeights)
        if by_row and moved == 1 and kept - head >= 3:
            return self._splitRows(sum(self._rowHeights[: kept - 1]) + 0.001)
        return parts


class Story:
    """Collects flowables, headings (for bookmarks and contents) and escapes all user text."""

    def __init__(self, options: ReportOptions | None = None, language: str = "en") -> None:
        options = options or ReportOptions()
        self.options = options
        self.tr = Chrome(language)
        self.para_no = 0  # numbered paragraphs run on through the chapters (UN style)
        self.s = make_styles()
        paper = PAPER.get(options.paper.lower(), A4)
        self.width = paper[0] - 2 * MARGIN_X
        self.height = paper[1] - MARGIN_TOP - MARGIN_BOTTOM
        self.flow: list[Flowable] = []
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
        plain_frag, break_frag = fragment_templates(style)
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
        return Para(xml, style or self.s.body)  # Para picks the fonts and shapes (fallback)

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

    def numbered(self, text: str, *, xml: bool = False) -> Paragraph:
        """The next numbered body paragraph ("12."), of user text or of program markup."""
        self.para_no += 1
        para = self.m(text, self.s.para) if xml else self.p(text, self.s.para)
        para.bulletText = f"{self.para_no}."  # type: ignore[attr-defined]
        self.flow.append(para)
        return para

    def subparas(self, items: Sequence[str], *, xml: bool = False) -> None:
        """Subparagraphs (a), (b)... of the paragraph before them: the lead-in never ends a
        page alone, nor does the last subparagraph start one alone."""
        if items and self.flow and getattr(self.flow[-1], "bulletText", None):
            self.flow[-1].keepWithNext = 1  # type: ignore[attr-defined]
        for n, text in enumerate(items):
            para = self.m(text, self.s.subpara) if xml else self.p(text, self.s.subpara)
            para.bulletText = f"({letters(n)})"  # type: ignore[attr-defined]
            if n == len(items) - 2:
                para.keepWithNext = 1  # type: ignore[attr-defined]
            self.flow.append(para)

    def numbered_text(self, text: str, lead_in: str = "") -> None:
        """Typed prose as numbered paragraphs: one per blank-line-separated block; lines
        that start with "-", "*" or "•" become subparagraphs (a), (b) of the paragraph
        before them (`lead_in`, program text, when the list comes first); a number the
        person typed ("3. The...") gives way to the report's own."""
        numbered_any = False
        for block in text.replace("\r\n", "\n").split("\n\n"):
            lead: list[str] = []
            points: list[str] = []
            for line in block.split("\n"):
                if not line.strip():
                    continue
                point = LIST_MARK.match(line)
                if point:
                    points.append(line[point.end() :].strip())
                elif points:
                    points[-1] += "\n" + line.strip()
                else:
                    lead.append(line)
            if lead:
                self.numbered(TYPED_NUMBER.sub("", "\n".join(lead), count=1))
            elif points and not numbered_any:
                if lead_in:
                    self.numbered(lead_in)
                else:
                    self.numbered(points.pop(0))
            numbered_any = numbered_any or bool(lead or points)
            self.subparas(points)

    def muted(self, text: str) -> None:
        self.flow.append(self.p(text, self.s.muted))

    def spacer(self, height: float = 6) -> None:
        self.flow.append(Spacer(1, height))

    def page_break(self) -> None:
        self.flow.append(PageBreak())

    # -- structure --------------------------------------------------------------------------

    def heading(
        self,
        level: int,
        text: str,
        *,
        toc: bool = True,
        style: ParagraphStyle | None = None,
        running: bool = False,
    ) -> None:
        """A heading that becomes a bookmark; levels never jump (the PDF outline forbids it, and
        Word's navigation pane and accessibility check want the same).

        A `running` heading (a day, a section of a list) heads the pages that continue it:
        "Day 2, Sunday, 20 December 2026 (continued)".
        """
        level = max(0, min(level, self._level + 1))
        self._level = level
        self._keys += 1
        key = f"h{self._keys}"
        self._place_heading(level, text, key, style, running)
        if toc and level < max(self._toc_levels, 1) and self._toc_at is not None:
            self.toc_entries.append((level, text, key))

    def _place_heading(
        self, level: int, text: str, key: str, style: ParagraphStyle | None, running: bool
    ) -> None:
        """The heading's paragraph, carrying its bookmark, kept off the foot of a page."""
        title = plain(text) or "(untitled)"
        style = style or (self.s.h1, self.s.h2, self.s.h3)[min(level, 2)]
        heading = self.p(text, style, cls=Heading)
        heading.outline = (level, title, key)
        heading.running = running
        follows_heading = bool(self.flow) and isinstance(self.flow[-1], Heading)
        if not follows_heading:
            # No heading (with its "Chair:" line) alone at the foot of a page: it goes over
            # unless a few lines of what it heads fit under it.
            self.flow.append(CondPageBreak(90 if style.fontSize >= self.s.h2.fontSize else 72))
        self.flow.append(heading)

    def page_group(self, key: str, label: str) -> None:
        """From here on, pages are numbered within `label` ("Day 1 — Page 2 of 3")."""
        self.flow.append(PageGroup(key, label))

    def running_head(self, title: str) -> None:
        """From here on, the pages that go on are headed "`title` (continued)" (as after a
        running heading one level below the last one, but with nothing shown here)."""
        self.flow.append(RunningMark(self._level + 1, plain(title)))

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
        if self.flow and isinstance(self.flow[-1], Heading):
            # A heading keeps with the table's first rows only (the CondPageBreak before it
            # leaves room for them): kept with the whole table, a long one jumped to the next
            # page and left most of this one blank.
            self.flow[-1].keepWithNext = 0  # type: ignore[attr-defined]
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
        table = FlowTable(
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
                ("FONTNAME", (0, 0), (-1, -1), FAMILY),  # never reportlab's Helvetica
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
            ]
        )
        self.flow.append(table)

    def masthead(self, left: str, symbol: str, right: Sequence[str]) -> None:
        """A UN document's first lines: the issuer at the left, the symbol at the right and
        under it distribution, date of issue and original language; a rule below."""
        s = self.s
        w = self.width
        table = Table(
            [
                [self.p(left, s.masthead_left), self.p(symbol, s.masthead_symbol)],
                ["", self.p("\n".join(right), s.masthead_right)],
            ],
            colWidths=[w * 0.6, w * 0.4],
            hAlign="LEFT",
        )
        table.setStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), FAMILY),  # never reportlab's Helvetica
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 0), (-1, 0), 1.2, s.h1.textColor),
                ("TOPPADDING", (0, 1), (-1, 1), 6),
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
                lines.append(TocLine(markup(toc_text(text)), key, style))
            flow[self._toc_at : self._toc_at] = lines
        return flow


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
