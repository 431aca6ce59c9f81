"""Seminar report of the large generated seminar, against plain reportlab on the same text.

Usage: python benchmarks/bench_reports.py [RUNS] [--keep PATH.pdf]
Times are wall-clock seconds and, in brackets, this process's CPU seconds: on a shared
machine the CPU time is the steadier measure of the cost per page (both are printed).
Targets: the seminar report (about 300 pages) in under 15 s, and a cost per page no more
than 1.5 x that of a plain reportlab document of the same text built in the same run:
SimpleDocTemplate, the same Noto Sans font at 10 pt, one Paragraph per paragraph, contents
line or table row of the report (a row's cells joined by spaces), escaped the same way, each
run of another script in its shipped font (`<font name=...>`, unshaped) so that it shows.
"""

import gc
import re
import statistics
import sys
import time
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from seminar_desk.reports import ReportOptions, ReportRequest  # noqa: E402
from seminar_desk.reports.build import build_report  # noqa: E402
from seminar_desk.reports.document import Story  # noqa: E402
from seminar_desk.reports.documents.seminar import build_seminar  # noqa: E402
from seminar_desk.reports.flowables import TocLine  # noqa: E402
from seminar_desk.reports.text.fallback import runs  # noqa: E402
from seminar_desk.reports.text.fonts import FAMILY, register_fonts  # noqa: E402
from seminar_desk.services.desk import Desk  # noqa: E402
from seminar_desk.services.reporting.report_data import load_snapshot  # noqa: E402
from seminar_desk.store.database import Database  # noqa: E402

LARGE = HERE / "out" / "large.sqlite"


def large_file() -> Path:
    try:
        from benchmarks.generate_large import generate
    except ImportError:  # run as a script from elsewhere
        sys.path.insert(0, str(HERE))
        from generate_large import generate  # type: ignore[no-redef]
    if not LARGE.exists():
        LARGE.parent.mkdir(parents=True, exist_ok=True)
        generate(LARGE)
    return LARGE


def texts(flowables: list[object]) -> list[str]:
    """The text of every Paragraph, table cell (plain or not) and contents line, in order."""
    out: list[str] = []
    for f in flowables:
        if isinstance(f, str):
            if f.strip():
                out.append(escape(f))
        elif isinstance(f, Paragraph):
            out.append(f.text)
        elif isinstance(f, TocLine):
            out.append(f.para.text)
        elif isinstance(f, Table):
            # a table row reads as one line of text: the cells joined by spaces
            for row in f._cellvalues:  # noqa: SLF001
                cells = [
                    t for cell in row for t in texts(cell if isinstance(cell, list) else [cell])
                ]
                if cells:
                    out.append(" ".join(cells))
    return out


_MARKUP = re.compile(r"(<[^>]*>|&[^;]*;)")


def fonted(xml: str) -> str:
    """The markup with each run of a script in its shipped font (`<font name=...>`), which a
    plain reportlab document needs to show Khmer, Thai, Arabic, Chinese... at all (unshaped)."""
    out = []
    for part in _MARKUP.split(xml):
        if not part or _MARKUP.fullmatch(part):
            out.append(part)
            continue
        for face, run in runs(part, FAMILY):
            out.append(run if face == FAMILY else f'<font name="{face}">{run}</font>')
    return "".join(out)


def plain_pdf(paragraphs: list[str], out: Path) -> int:
    register_fonts()
    style = ParagraphStyle("plain", fontName=FAMILY, fontSize=10, leading=13.5, spaceAfter=6)
    doc = SimpleDocTemplate(str(out))
    doc.build([Paragraph(fonted(t), style) for t in paragraphs])
    return doc.page - 1 if doc.page > 1 else doc.page


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 3
    keep = Path(sys.argv[sys.argv.index("--keep") + 1]) if "--keep" in sys.argv else None
    path = large_file()
    desk = Desk(Database.open(path))
    t0 = time.perf_counter()
    snap = load_snapshot(desk)
    desk.close()
    load_s = time.perf_counter() - t0
    story = Story(ReportOptions())
    build_seminar(story, snap)
    paragraphs = texts(story.finish())
    del story
    out_dir = HERE / "out"
    ours: list[tuple[float, float]] = []
    plain: list[tuple[float, float]] = []
    pages = plain_pages = 0
    for _ in range(runs):
        gc.collect()  # each build starts from the same heap
        t, c = time.perf_counter(), time.process_time()
        result = build_report(snap, ReportRequest("seminar"), ReportOptions())
        ours.append((time.perf_counter() - t, time.process_time() - c))
        pages = result.pages
        gc.collect()
        t, c = time.perf_counter(), time.process_time()
        plain_pages = plain_pdf(paragraphs, out_dir / "plain.pdf")
        plain.append((time.perf_counter() - t, time.process_time() - c))
        if keep:
            keep.write_bytes(result.pdf)
    ours_s, plain_s = (
        statistics.median(w for w, _ in ours),
        statistics.median(w for w, _ in plain),
    )
    ours_c, plain_c = (
        statistics.median(c for _, c in ours),
        statistics.median(c for _, c in plain),
    )
    ratio = (ours_s / pages) / (plain_s / plain_pages)
    ratio_c = (ours_c / pages) / (plain_c / plain_pages)
    print(f"runs                     {runs} (medians)")
    print(f"snapshot load            {load_s:6.2f} s")
    print(
        f"seminar report           {ours_s:6.2f} s [{ours_c:6.2f}]  {pages} pages  "
        f"{ours_s / pages * 1000:.1f} ms/page [{ours_c / pages * 1000:.1f}]"
    )
    print(
        f"plain reportlab          {plain_s:6.2f} s [{plain_c:6.2f}]  {plain_pages} pages  "
        f"{plain_s / plain_pages * 1000:.1f} ms/page [{plain_c / plain_pages * 1000:.1f}]"
        f"  ({len(paragraphs)} paragraphs)"
    )
    print(f"cost per page ratio      {ratio:6.2f} [{ratio_c:.2f}]  (target <= 1.5)")
    print(f"within 15 s (with load)  {'yes' if ours_s + load_s < 15 else 'NO'}")


if __name__ == "__main__":
    main()
