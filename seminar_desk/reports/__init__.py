"""PDF reports built with reportlab from plain snapshots (no SQLAlchemy, no Qt here).

`build_report(snapshot, request, options)` returns the PDF bytes; it runs happily on a worker
thread, reports progress and stops with `Cancelled` when asked to.
"""

from seminar_desk.reports.build import ReportResult, build_report, describe
from seminar_desk.reports.common import KIND_TITLES, KINDS, ReportRequest
from seminar_desk.reports.document import Cancelled, ReportOptions

__all__ = [
    "KINDS",
    "KIND_TITLES",
    "Cancelled",
    "ReportOptions",
    "ReportRequest",
    "ReportResult",
    "build_report",
    "describe",
]
