"""The shared machinery: page x of y, bookmarks on the right pages, contents, metadata, paper."""

import pytest

from seminar_desk.reports.document import ReportMeta, Story, build_pdf
from seminar_desk.reports.request import Cancelled, ReportOptions

LOREM = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. " * 12


def chaptered(options: ReportOptions, chapters: int = 6, paras: int = 9) -> Story:
    story = Story(options)
    story.para("Front matter")
    story.contents_here(levels=2)
    story.page_break()
    for c in range(chapters):
        story.heading(0, f"Chapter {c} x<y & R&D <b>\nsecond line")
        story.heading(1, f"Section {c}.1 Tom <tom@example.org>")
        for _ in range(paras):
            story.para(LOREM)
    return story


META = ReportMeta("Title <b> & co", "Subject x<y", "Author & Sons", "vi", "Footer <i> title")


def test_footer_counts_pages(pdf_reader, footers) -> None:
    data, stats = build_pdf(chaptered(ReportOptions()), META, ReportOptions())
    pdf = pdf_reader(data)
    total = len(pdf.pages)
    assert total == stats.pages > 5
    assert footers(pdf) == [(n, total) for n in range(1, total + 1)]
    assert all("Footer <i> title" in page for page in pdf.pages)


def test_bookmarks_point_at_their_headings(pdf_reader) -> None:
    data, _ = build_pdf(chaptered(ReportOptions()), META, ReportOptions())
    pdf = pdf_reader(data)
    outline = pdf.outline()
    assert [(d, t) for d, t, _ in outline[:2]] == [
        (0, "Chapter 0 x<y & R&D <b> second line"),
        (1, "Section 0.1 Tom <tom@example.org>"),
    ]
    pages = {page for _, _, page in outline}
    assert len(pages) > 3  # not all on page 1 (the NumberedCanvas pitfall)
    for _, title, page in outline:
        assert " ".join(title.split()[:2]) in " ".join(pdf.pages[page - 1].split())


def test_contents_lines_carry_the_right_page_numbers(pdf_reader) -> None:
    data, stats = build_pdf(chaptered(ReportOptions()), META, ReportOptions())
    pdf = pdf_reader(data)
    contents = " ".join(pdf.pages[0].split())
    for c in range(6):
        page = pdf.page_of(f"Chapter {c} x<y & R&D <b> second line", after=1)
        assert page > 1
        assert f"Chapter {c} x<y & R&D <b> second line" in contents
        assert stats.heading_pages[f"h{2 * c + 1}"] == page


def test_metadata_and_language(pdf_reader) -> None:
    data, _ = build_pdf(chaptered(ReportOptions(), 1, 1), META, ReportOptions())
    pdf = pdf_reader(data)
    info = pdf.reader.metadata
    assert info.title == "Title <b> & co"
    assert info.author == "Author & Sons"
    assert info.subject == "Subject x<y"
    assert pdf.reader.trailer["/Root"]["/Lang"] == "vi"


@pytest.mark.parametrize(("paper", "size"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_paper(pdf_reader, paper: str, size: tuple[int, int]) -> None:
    options = ReportOptions(paper=paper)
    data, _ = build_pdf(chaptered(options, 1, 1), META, options)
    box = pdf_reader(data).reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


def test_fonts_are_embedded(pdf_reader) -> None:
    story = Story(ReportOptions())
    story.para("Nguyễn Văn Đức, Trần Thị Hương, Łódź, Ærø, São Tomé, Ñuñoa, İzmir")
    story.para("ការជួញដូរអាវុធ การค้าอาวุธ ການຄ້າ မြန်မာ")
    data, _ = build_pdf(story, META, ReportOptions())
    pdf = pdf_reader(data)
    fonts = set()
    for page in pdf.reader.pages:
        for font in page["/Resources"]["/Font"].values():
            obj = font.get_object()
            fonts.add(obj["/BaseFont"].split("+")[-1])
            assert "/FontFile2" in obj["/FontDescriptor"]  # embedded TrueType
    assert {"NotoSans-Regular", "NotoSansKhmer-Regular", "NotoSansThai-Regular"} <= fonts
    assert "Nguyễn Văn Đức, Trần Thị Hương, Łódź, Ærø, São Tomé, Ñuñoa, İzmir" in pdf.flat
    # shaped (always), and the real text still comes back on extraction
    story = Story(ReportOptions())
    story.para("ការជួញដូរអាវុធ การค้าอาวุธ ການຄ້າ မြန်မာ")
    data, _ = build_pdf(story, META, ReportOptions())
    assert "ការជួញដូរអាវុធ การค้าอาวุธ ການຄ້າ မြန်မာ" in pdf_reader(data).flat


def test_long_text_and_cells_split_across_pages(pdf_reader, footers) -> None:
    story = Story(ReportOptions())
    story.heading(0, "Long")
    story.text_block("word " * 6000 + "\nEND-OF-NOTE")
    story.table(
        [["1", "cell " * 1500 + "END-OF-CELL", "x<y"], ["2", "short", "R&D"]],
        [30, 300, 100],
        header=["#", "Text", "Other"],
    )
    story.para("A" * 3000)  # one 3,000-letter word wraps too
    data, stats = build_pdf(story, META, ReportOptions())
    pdf = pdf_reader(data)
    assert stats.pages >= 4
    assert "END-OF-NOTE" in pdf.text and "END-OF-CELL" in pdf.text
    assert pdf.text.count("Text") >= 2  # header row repeated on the next page
    assert footers(pdf)[-1] == (stats.pages, stats.pages)


def test_progress_and_cancel() -> None:
    seen: list[float] = []
    build_pdf(
        chaptered(ReportOptions()), META, ReportOptions(), progress=lambda f, _t: seen.append(f)
    )
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] > 5

    with pytest.raises(Cancelled):
        build_pdf(chaptered(ReportOptions()), META, ReportOptions(), cancel=cancel)


def test_fast_plain_text_matches_the_parser(snap, pdf_reader, monkeypatch) -> None:
    """Paragraphs built from cloned fragments lay out exactly like parsed ones."""
    from seminar_desk.reports import ReportRequest, build_report, document

    results = []
    for fast in (True, False):
        monkeypatch.setattr(document, "FAST_TEXT", fast)
        for kind in ("seminar", "participants"):
            pdf = pdf_reader(build_report(snap, ReportRequest(kind)).pdf)
            results.append((fast, kind, pdf.pages))
    assert results[0][2] == results[2][2] and results[1][2] == results[3][2]
