"""Report exports: read a snapshot, build the PDF, write it atomically.

The GUI reads the snapshot on its own thread (short, one read session), then hands the plain
snapshot to a worker thread for `render` and `write_output` (services.files); the command line calls
`export` which does all three.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from seminar_desk.domain.refusal import NotFound
from seminar_desk.domain.text import fold
from seminar_desk.reports.chrome import LANGUAGES as REPORT_LANGUAGES
from seminar_desk.reports.chrome import chrome_name as report_language_name
from seminar_desk.reports.request import (
    KIND_TITLES,
    KINDS,
    REPORT_KINDS,
    CancelFn,
    Cancelled,
    ProgressFn,
    ReportKind,
    ReportOptions,
    ReportRequest,
    missing,
    missing_days,
    with_first_day,
)
from seminar_desk.reports.snapshot import GroupSnap, ItemSnap, SeminarSnapshot
from seminar_desk.services.desk import Desk
from seminar_desk.services.files import write_output
from seminar_desk.services.reporting.report_data import load_snapshot, snapshot_of_file
from seminar_desk.store.address import missing as no_such_file
from seminar_desk.store.errors import StoreError

if TYPE_CHECKING:
    from seminar_desk.reports.build import ReportResult

R = TypeVar("R")

__all__ = [
    "KINDS",
    "KIND_TITLES",
    "REPORT_KINDS",
    "REPORT_LANGUAGES",
    "report_language_name",
    "Cancelled",
    "ReportKind",
    "ReportOptions",
    "ReportRequest",
    "file_snapshot",
    "ExportResult",
    "export",
    "find_group",
    "find_item",
    "missing",
    "missing_days",
    "render",
    "render_word",
    "file_name",
    "with_first_day",
    "write_output",
]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    pages: int
    title: str


def render(
    snap: SeminarSnapshot,
    request: ReportRequest,
    options: ReportOptions | None = None,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> "ReportResult":
    """Build the PDF in memory (safe on a worker thread: it touches only `snap`).

    reportlab is imported here, on first use, not when the window or the command starts.
    """
    from seminar_desk.reports.build import build_report

    return build_report(snap, request, options, progress=progress, cancel=cancel)


def file_name(
    request: ReportRequest, options: ReportOptions, item_number: str = "", fmt: str = "pdf"
) -> str:
    """A file name that reads well: 'day-1-report.pdf', 'seminar-report-internal.docx',
    'sign-in-day-2.pdf', 'list-of-speakers-1.8.pdf'."""
    stem = REPORT_KINDS[request.kind].file_stem or request.kind
    if request.kind == "participants" and options.sign_in:
        stem = "sign-in"
    parts = [stem]
    if request.day is not None:
        if request.kind == "day":
            parts = [f"day-{request.day}", stem]
        else:
            parts.append(f"day-{request.day}")
    if request.item_id and item_number:
        parts.append(item_number)
    if request.kind == "seminar" and options.internal:
        parts.append("internal")
    return "-".join(parts) + f".{fmt}"


def render_word(
    snap: SeminarSnapshot, request: ReportRequest, options: ReportOptions | None = None
) -> tuple[bytes, str]:
    """The report as a Word document (DOCX) and its title, for the secretariat to edit."""
    from seminar_desk.reports.build import build_word

    return build_word(snap, request, options)


def export(
    desk: Desk,
    request: ReportRequest,
    path: Path,
    options: ReportOptions | None = None,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> ExportResult:
    snap = load_snapshot(desk)
    result = render(snap, request, options, progress=progress, cancel=cancel)
    write_output(path, result.pdf, database=desk.db.path)
    return ExportResult(Path(path), result.pages, result.title)


def file_snapshot(path: Path | str) -> SeminarSnapshot:
    """A snapshot of a seminar file for the command line.

    Read-only, without the writer's lock, so a report can be printed while the window has
    the file open; a missing file is a StoreError like any other unusable file.
    """
    if no_such_file(path):
        raise StoreError(f"{path} does not exist.")
    return snapshot_of_file(path, datetime.now(UTC))


def find_item(snap: SeminarSnapshot, ref: str) -> ItemSnap:
    """An agenda item by id, by 'day.position' (1-based, e.g. '2.5') or by a unique title part.

    Raises NotFound (a refusal, and a LookupError) with a message a person can act on.
    """
    ref = ref.strip()
    items = snap.items()
    for item in items:
        if item.id == ref:
            return item
    for item in items:
        if item.number == ref:
            return item
    return _only_match(
        ref, items, lambda i: i.title, ("agenda item", "items"), lambda i: f"{i.number} {i.title}"
    )


def find_group(snap: SeminarSnapshot, ref: str, item: ItemSnap | None = None) -> GroupSnap:
    """A breakout group by id, by 1-based number within `item`, or by a unique name part."""
    ref = ref.strip()
    groups = list(item.groups) if item else [g for i in snap.items() for g in i.groups]
    for g in groups:
        if g.id == ref:
            return g
    if item is not None and ref.isdigit() and 1 <= int(ref) <= len(groups):
        return groups[int(ref) - 1]
    return _only_match(
        ref, groups, lambda g: g.name, ("breakout group", "groups"), lambda g: g.name
    )


def _only_match(
    ref: str,
    rows: Sequence[R],
    name: Callable[[R], str],
    what: tuple[str, str],
    listed: Callable[[R], str],
) -> R:
    """The one row whose name holds `ref` (folded: accents and case do not matter)."""
    needle = fold(ref)
    matches = [r for r in rows if needle and needle in fold(name(r))]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NotFound(f"no {what[0]} matches {ref!r}")
    shown = "; ".join(listed(r) for r in matches[:8])
    raise NotFound(f"{ref!r} matches {len(matches)} {what[1]}: {shown}")
