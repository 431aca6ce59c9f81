"""Writing a `WordStory` as a DOCX file: paragraphs, runs, tables, the contents field, the footer.

The story side (what the builders add, their markup parsed into runs) is in `word`.
"""

import io
import re
from dataclasses import replace
from typing import Any

from reportlab.platypus import PageBreak

from seminar_desk.reports.styles import CELL_PADDING, CELL_PT
from seminar_desk.reports.text.bidi import RTL_FAMILIES, text_direction
from seminar_desk.reports.text.fallback import MISSING, families
from seminar_desk.reports.text.fonts import FAMILY, needs_script_font
from seminar_desk.reports.word import (
    BODY_FONT,
    Contents,
    Heading,
    Masthead,
    Run,
    Table,
    WordStory,
    WordText,
    word_font,
)
from seminar_desk.reports.word_fonts import embed_fonts

# -- writing the document -------------------------------------------------------------------
# Paragraphs, runs and tables are written as WordprocessingML elements directly: python-docx's
# objects look up styles by name and search for insertion points on every call, which made the
# large seminar's report take half a minute.

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_HEX = re.compile(r"[0-9a-fA-F]{6}")


def _el(parent: Any, tag: str, **attrs: str) -> Any:
    from lxml import etree

    el = etree.SubElement(parent, _W + tag)
    for name, value in attrs.items():
        el.set(_W + name, value)
    return el


def _run(p: Any, text: str, r: Run, family: str) -> None:
    run = _el(p, "r")
    if r.bold or r.italic or r.size or r.color or family != FAMILY:
        rpr = _el(run, "rPr")
        if family != FAMILY:
            name = word_font(family)
            _el(rpr, "rFonts", ascii=name, hAnsi=name, eastAsia=name, cs=name)
        if r.bold:
            _el(rpr, "b")
            _el(rpr, "bCs")
        if r.italic:
            _el(rpr, "i")
            _el(rpr, "iCs")
        if r.color and _HEX.fullmatch(r.color):
            _el(rpr, "color", val=r.color.upper())
        if r.size:
            _el(rpr, "sz", val=str(round(r.size * 2)))
            _el(rpr, "szCs", val=str(round(r.size * 2)))
        if family in RTL_FAMILIES:
            _el(rpr, "rtl")  # Arabic, Hebrew: a right-to-left run
    t = _el(run, "t")
    t.text = text
    t.set(_XML_SPACE, "preserve")


def _add_runs(paragraph: Any, runs: list[Run]) -> None:
    """Runs into a paragraph (an element or python-docx's Paragraph); other scripts get their
    shipped font in all four of Word's slots, so Khmer (cs) or Chinese (eastAsia) use it."""
    p = getattr(paragraph, "_p", paragraph)
    for r in runs:
        for n, line in enumerate(r.text.split("\n")):
            if n:
                _el(_el(p, "r"), "br")
            if not line:
                continue
            for k, part in enumerate(line.split("\t")):
                if k:
                    _el(_el(p, "r"), "tab")
                pieces = _script_runs(part) if needs_script_font(part) else [(FAMILY, part)]
                for family, piece in pieces:
                    if piece:
                        _run(p, piece, r, family)


def _script_runs(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for ch, family in zip(text, families(text), strict=True):
        family = FAMILY if family == MISSING else family
        if out and out[-1][0] == family:
            out[-1] = (family, out[-1][1] + ch)
        else:
            out.append((family, ch))
    return out


class _Body:
    """Where new paragraphs and tables go: before the body's section properties."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        body = doc.element.body
        self.anchor = body.sectPr
        self.styles: dict[str, str] = {}

    def style_id(self, name: str) -> str:
        if name not in self.styles:
            self.styles[name] = self.doc.styles[name].style_id
        return self.styles[name]

    def place(self, el: Any) -> Any:
        self.anchor.addprevious(el)
        return el

    def paragraph(
        self,
        style: str | None = None,
        *,
        align: str = "",
        left: float = 0,
        hanging: float = 0,
        parent: Any = None,
        rtl: bool = False,
    ) -> Any:
        from lxml import etree

        p = etree.Element(_W + "p") if parent is None else _el(parent, "p")
        if style or align or left or rtl:
            ppr = _el(p, "pPr")
            if style:
                _el(ppr, "pStyle", val=self.style_id(style))
            if rtl:  # a right-to-left paragraph: it starts at the right, its number there too
                _el(ppr, "bidi")
            if left:
                _el(ppr, "ind", left=str(round(left * 20)), hanging=str(round(hanging * 20)))
            if align:
                _el(ppr, "jc", val=align)
        return self.place(p) if parent is None else p


_STYLE = {
    "title": "Title",
    "subtitle": "Subtitle",
    "para": "List Number",
}


def _paragraph(body: _Body, text: WordText) -> None:
    name = text.style.split("-")[0]
    runs = list(text.runs)
    left = hanging = 0.0
    if text.bulletText and name != "para":  # (a), 1. and bullets as typed numbers
        runs.insert(0, Run(text.bulletText + "\t"))
        left, hanging = (56.0 if name == "subpara" else 28.0), 28.0
    if name in ("h1", "h2", "h3", "label"):  # a heading that is no section (Contents)
        runs = [
            replace(r, bold=True, size=r.size or {"h1": 13.5, "h2": 11.5}.get(name)) for r in runs
        ]
    if name in ("small", "muted", "cell_small"):
        runs = [replace(r, size=r.size or 8.5) for r in runs]
    if name == "muted":
        runs = [replace(r, italic=True, color=r.color or "555555") for r in runs]
    center = name in ("subtitle", "small_center", "title")
    p = body.paragraph(
        _STYLE.get(name),
        align="center" if center else "",
        left=left,
        hanging=hanging,
        rtl=_rtl(text.runs),
    )
    _add_runs(p, runs)


def _rtl(runs: list[Run]) -> bool:
    """True for a paragraph whose first strong character is right-to-left (Arabic, Hebrew)."""
    return text_direction("".join(r.text for r in runs)) == "R"


def _table(body: _Body, t: Table) -> None:
    """A real table: fixed column widths, a header row that repeats on every page."""
    from lxml import etree

    columns = max([len(t.header)] + [len(r) for r in t.rows] + [1])
    widths = [str(round(w * 20)) for w in (t.widths + [60.0] * columns)[:columns]]
    tbl = etree.Element(_W + "tbl")
    pr = _el(tbl, "tblPr")
    if t.grid:
        _el(pr, "tblStyle", val=body.style_id("Table Grid"))
    _el(pr, "tblW", w="0", type="auto")
    _el(pr, "tblLayout", type="fixed")
    margins = _el(pr, "tblCellMar")  # the PDF's 4 pt each side, not Word's 5.4 pt
    for side in ("left", "right"):
        _el(margins, side, w=str(CELL_PADDING * 20), type="dxa")
    grid = _el(tbl, "tblGrid")
    for w in widths:
        _el(grid, "gridCol", w=w)

    def row(cells: list[object], header: bool = False) -> None:
        tr = _el(tbl, "tr")
        if header:
            _el(_el(tr, "trPr"), "tblHeader")
        for n in range(columns):
            tc = _el(tr, "tc")
            _el(_el(tc, "tcPr"), "tcW", w=widths[n], type="dxa")
            value = cells[n] if n < len(cells) else None
            if isinstance(value, WordText):
                runs = value.runs
            elif value is not None and value != "":
                runs = [Run(str(value), bold=header)]
            else:
                runs = []
            runs = [r if r.size else replace(r, size=CELL_PT) for r in runs]
            _add_runs(body.paragraph(parent=tc, rtl=_rtl(runs)), runs)

    if t.header:
        row(list(t.header), header=True)
    for cells in t.rows:
        row(cells)
    body.place(tbl)
    body.paragraph()


def _masthead(body: _Body, m: Masthead) -> None:
    _table(
        body,
        Table(
            [
                [
                    WordText([Run(m.left, bold=True, size=11)], "body"),
                    WordText([Run(m.symbol, bold=True, size=14)], "body"),
                ],
                ["", WordText([Run("\n".join(m.right), size=9.5)], "body")],
            ],
            [280.0, 190.0],
            [],
            grid=False,
        ),
    )


def _contents(body: _Body, contents: Contents) -> None:
    """A contents field that Word fills in with page numbers (it offers to update fields
    when the file opens); until then, and in other programs, it shows the headings."""

    def mark(paragraph: Any, kind: str, code: str = "") -> None:
        run = _el(paragraph, "r")
        if kind:
            _el(run, "fldChar", fldCharType=kind)
        if code:
            instr = _el(run, "instrText")
            instr.set(_XML_SPACE, "preserve")
            instr.text = code

    entries = contents.entries or [(0, "", "")]
    for n, (level, text, _) in enumerate(entries):
        paragraph = body.paragraph(left=14.0 * level)
        if n == 0:
            mark(paragraph, "begin")
            mark(paragraph, "", f'TOC \\o "1-{contents.levels}" \\h \\z \\u')
            mark(paragraph, "separate")
        _add_runs(paragraph, [Run(text, bold=level == 0)])
        if n == len(entries) - 1:
            mark(paragraph, "end")
    _el(body.doc.settings.element, "updateFields", val="true")


def _footer(doc: Any, story: WordStory, footer: str) -> None:
    """The short title at the left, "Page x of y" (fields) at the right, in the chrome's
    language."""
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Inches, Pt

    section = doc.sections[0]
    paragraph = section.footer.paragraphs[0]
    width = section.page_width - section.left_margin - section.right_margin
    tabs = paragraph.paragraph_format.tab_stops
    for inherited in (Inches(3.25), Inches(6.5)):  # the Footer style's own tab stops
        tabs.add_tab_stop(inherited, WD_TAB_ALIGNMENT.CLEAR)
    tabs.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    before, after = story.tr("Page {n} of ", n="\0").split("\0")

    def field_run(code: str) -> None:
        run = paragraph.add_run()
        for kind, text in (("begin", None), (None, code), ("end", None)):
            if kind:
                el = OxmlElement("w:fldChar")
                el.set(qn("w:fldCharType"), kind)
            else:
                el = OxmlElement("w:instrText")
                el.set(qn("xml:space"), "preserve")
                el.text = text
            run._r.append(el)
        run.font.size = Pt(7.5)

    _add_runs(paragraph, [Run(" ".join(footer.split()) + "\t", size=7.5)])
    _add_runs(paragraph, [Run(before, size=7.5)])  # in the language's script font too
    field_run("PAGE")
    _add_runs(paragraph, [Run(after, size=7.5)])
    field_run("NUMPAGES")


def write_docx(
    story: WordStory, *, title: str, subject: str, author: str, language: str, footer: str
) -> bytes:
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    doc = Document()
    section = doc.sections[0]
    paper = story.options.paper.lower()
    section.page_width, section.page_height = (
        (Mm(210), Mm(297)) if paper == "a4" else (Mm(215.9), Mm(279.4))
    )
    section.left_margin = section.right_margin = Mm(22)
    doc.styles["Title"].font.size = Pt(18)
    doc.styles["Subtitle"].font.size = Pt(11)
    normal = doc.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(10)
    rpr = normal.element.get_or_add_rPr()
    lang = rpr.makeelement(qn("w:lang"), {qn("w:val"): language or "en"})
    rpr.append(lang)
    props = doc.core_properties
    props.title, props.subject, props.author = title, subject, author
    props.language = language or "en"
    body = _Body(doc)
    pending_break = False
    for thing in story.finish():
        if isinstance(thing, PageBreak):
            pending_break = True
            continue
        if pending_break:  # the next block starts a page
            _el(_el(body.paragraph(), "r"), "br", type="page")
        pending_break = False
        if isinstance(thing, Heading):
            if thing.style == "title":
                _paragraph(body, WordText([Run(thing.text)], "title"))
            else:
                runs = [Run(thing.text)]
                heading = body.paragraph(f"Heading {min(thing.level + 1, 9)}", rtl=_rtl(runs))
                _add_runs(heading, runs)
        elif isinstance(thing, WordText):
            _paragraph(body, thing)
        elif isinstance(thing, Table):
            _table(body, thing)
        elif isinstance(thing, Masthead):
            _masthead(body, thing)
        elif isinstance(thing, Contents):
            _contents(body, thing)
        # spacers, rules and conditional page breaks have no place in a Word document
    if footer:
        _footer(doc, story, footer)
    embed_fonts(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
