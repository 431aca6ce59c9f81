"""What the Reports page hands its worker thread, and the work done there: read the snapshot
from the file, lay out the report, write it or picture its first pages."""

import threading
from dataclasses import dataclass
from pathlib import Path

from seminar_desk.services.reporting.reports import Cancelled, ReportOptions, ReportRequest
from seminar_desk.services.reporting.thumbnails import Thumbnail


@dataclass(frozen=True)
class Job:
    """Everything the worker needs, as plain values."""

    path: Path | str  # the seminar: a file, or a server's URL (`Database.target`)
    request: ReportRequest
    options: ReportOptions
    output: Path | None
    fmt: str = "pdf"


@dataclass(frozen=True)
class JobResult:
    """What the worker made: pages and title, the file written (None for a preview), the
    characters no font has (described), pictures of the first pages (previews only) and
    what the person should know ("23 name tents; 2 ... left out")."""

    pages: int
    title: str
    path: Path | None
    gaps: tuple[str, ...] = ()
    pictures: tuple[Thumbnail, ...] = ()
    note: str = ""


def run_job(job: Job, progress: object, cancel: threading.Event, now: object) -> JobResult:
    """On the worker thread: read the snapshot, lay out, write (or picture the first pages)."""
    from seminar_desk.services.files import write_output
    from seminar_desk.services.reporting.report_data import snapshot_of_file
    from seminar_desk.services.reporting.reports import render, render_word
    from seminar_desk.services.reporting.thumbnails import thumbnails

    if cancel.is_set():
        raise Cancelled()
    snap = snapshot_of_file(job.path, now)  # type: ignore[arg-type]
    if job.fmt == "docx" and job.output is not None:
        data, title = render_word(snap, job.request, job.options)
        write_output(job.output, data, database=job.path)
        return JobResult(0, title, job.output)
    result = render(
        snap,
        job.request,
        job.options,
        progress=progress,  # type: ignore[arg-type]
        cancel=cancel.is_set,
    )
    if cancel.is_set():
        raise Cancelled()
    if job.output is not None:
        write_output(job.output, result.pdf, database=job.path)
    pictures = thumbnails(result.pdf) if job.output is None else []
    gaps = tuple(m.describe() for m in result.missing)
    return JobResult(result.pages, result.title, job.output, gaps, tuple(pictures), result.note)
