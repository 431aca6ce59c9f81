"""The reports as Word documents (DOCX), for the secretariat to edit before issuing.

The builders are the PDF's own: `WordStory` is a Story that collects what they add, and
`word_writer` writes it with python-docx instead of laying out pages. Headings get Word's
heading styles (so the navigation pane and a contents field work), body paragraphs Word's
numbered list style (so the numbers follow when a paragraph is inserted), tables real tables
with a repeated header row; every run of another script gets its shipped font in all four of
Word's slots (ascii, hAnsi, eastAsia, cs), as the PDF draws it.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from reportlab.platypus import Flowable
from reportlab.platypus.paragraph import ParagraphStyle

from seminar_desk.reports.document import Story
from seminar_desk.reports.request import ReportOptions
from seminar_desk.reports.text.fonts import FAMILY

BODY_FONT = "Noto Sans"
_SPACED = re.compile(r"(?<=[a-z])(?=[A-Z])")


def word_font(family: str) -> str:
    """The font's name as Word knows it: 'NotoSansKhmer' -> 'Noto Sans Khmer'."""
    if family == FAMILY:
        return BODY_FONT
    if family.startswith("NotoSans"):
        return _SPACED.sub(" ", family)
    return {"DroidSansFallbackFull": "Droid Sans Fallback"}.get(family, family)


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    size: float | None = None
    color: str | None = None


@dataclass
class WordText:
    """What `p` and `m` give back: runs of text in one paragraph style (a table cell too)."""

    runs: list[Run]
    style: str
    bulletText: str | None = None  # noqa: N815 (the name reportlab's Paragraph uses)
    keepWithNext: int = 0  # noqa: N815

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


class _Markup(HTMLParser):
    """The little markup the builders write (<b>, <i>, <br/>, <font size color>) as runs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.runs: list[Run] = []
        self.state: list[dict[str, Any]] = [{}]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.runs.append(Run("\n"))
            return
        top = dict(self.state[-1])
        if tag == "b":
            top["bold"] = True
        elif tag == "i":
            top["italic"] = True
        elif tag == "font":
            values = dict(attrs)
            if values.get("size"):
                top["size"] = float(values["size"] or 0) or None
            if values.get("color"):
                top["color"] = (values["color"] or "").lstrip("#")
        self.state.append(top)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.runs.append(Run("\n"))

    def handle_endtag(self, tag: str) -> None:
        if len(self.state) > 1 and tag != "br":
            self.state.pop()

    def handle_data(self, data: str) -> None:
        if data:
            self.runs.append(Run(data, **self.state[-1]))


def runs_of(xml: str) -> list[Run]:
    parser = _Markup()
    parser.feed(xml)
    parser.close()
    return parser.runs


@dataclass
class Heading:
    level: int
    text: str
    style: str


@dataclass
class Table:
    rows: list[list[object]]
    widths: list[float]
    header: list[str]
    grid: bool = True


@dataclass
class Masthead:
    left: str
    symbol: str
    right: list[str]


@dataclass
class Contents:
    levels: int
    entries: list[tuple[int, str, str]]


class WordStory(Story):
    """A Story whose flow is written to a Word document (see the module's docstring)."""

    def __init__(self, options: ReportOptions | None = None, language: str = "en") -> None:
        super().__init__(options, language=language)
        self.options = options or ReportOptions()

    # -- text: runs instead of reportlab paragraphs ----------------------------------------

    def p(
        self, text: object, style: ParagraphStyle | None = None, *, cls: type | None = None
    ) -> WordText:  # type: ignore[override]
        raw = "" if text is None else str(text)
        raw = raw.replace("\r\n", "\n").replace("\r", "\n")
        return WordText([Run(raw)], (style or self.s.body).name)

    def m(self, xml: str, style: ParagraphStyle | None = None, *, raw: str = "") -> WordText:  # type: ignore[override]
        return WordText(runs_of(xml), (style or self.s.body).name)

    def _place_heading(
        self, level: int, text: str, key: str, style: ParagraphStyle | None, running: bool
    ) -> None:
        """A Word heading: Word lays out the pages, bookmarks and contents itself."""
        self.flow.append(Heading(level, text, (style.name if style else "")))  # type: ignore[arg-type]

    def bookmark(self, level: int, title: str) -> None:
        pass

    def page_group(self, key: str, label: str) -> None:
        pass

    def contents_here(self, levels: int = 2) -> None:
        self._toc_at = len(self.flow)
        self._toc_levels = levels
        self.flow.append(Contents(levels, self.toc_entries))  # type: ignore[arg-type]

    def masthead(self, left: str, symbol: str, right: Sequence[str]) -> None:
        self.flow.append(Masthead(left, symbol, list(right)))  # type: ignore[arg-type]

    def table(  # type: ignore[override]
        self,
        rows: Sequence[Sequence[object]],
        widths: Sequence[float],
        *,
        header: Sequence[str] = (),
        **pdf_layout: object,
    ) -> None:
        """A Word table; the PDF's layout options (cell style, zebra stripes, extra table
        style commands, plain columns) have no meaning in Word and are ignored."""
        self.flow.append(Table([list(r) for r in rows], list(widths), list(header)))  # type: ignore[arg-type]

    def pairs(self, rows: Sequence[tuple[str, object]], widths: Sequence[float]) -> None:
        data: list[list[object]] = [
            [WordText([Run(label, bold=True)], "label"), value]
            for label, value in rows
            if value not in (None, "")
        ]
        if data:
            self.flow.append(Table(data, list(widths), [], grid=False))  # type: ignore[arg-type]

    def keep(self, *flowables: Flowable) -> None:
        self.flow.extend(flowables)

    def finish(self) -> list[Any]:  # type: ignore[override]
        return list(self.flow)
