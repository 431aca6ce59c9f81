"""PDF reports built with reportlab from plain snapshots (no SQLAlchemy, no Qt here).

`build_report(snapshot, request, options)` returns the PDF bytes; it runs happily on a worker
thread, reports progress and stops with `Cancelled` when asked to. Importing this package
does not load reportlab (the window imports pages lazily); `build_report` does.
"""

from typing import Any

from seminar_desk.reports.request import (
    KIND_TITLES,
    KINDS,
    Cancelled,
    ReportOptions,
    ReportRequest,
)

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


def __getattr__(name: str) -> Any:
    if name in ("ReportResult", "build_report", "describe"):
        from seminar_desk.reports import build

        return getattr(build, name)
    raise AttributeError(name)
