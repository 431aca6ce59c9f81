"""The Reports page: choose a report, see how many pages it makes, export it in the background.

The snapshot is read and the PDF laid out on a worker thread (`in_thread`), from the file's
path only: the worker opens its own read-only connection, so the window never waits on the
database or on reportlab. Progress comes back through the event loop; Cancel sets an event
the builder checks between flowables.
"""

import asyncio
import logging
import threading
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from seminar_desk.domain.changes import Area, OpChanges
from seminar_desk.domain.refusal import Refusal
from seminar_desk.domain.text import fold
from seminar_desk.gui import runner
from seminar_desk.gui.context import DeskContext
from seminar_desk.gui.pages.base import Page, PageSpec
from seminar_desk.gui.reporting.jobs import Job, run_job
from seminar_desk.gui.reporting.thumbnails import ThumbnailStrip
from seminar_desk.gui.runner import in_thread
from seminar_desk.gui.tasks import spawn
from seminar_desk.gui.widgets.forms import form_rows
from seminar_desk.gui.widgets.save_place import save_start, saved_to
from seminar_desk.services.reporting.report_data import ReportChoices, report_choices
from seminar_desk.services.reporting.reports import (
    REPORT_KINDS,
    Cancelled,
    ReportOptions,
    ReportRequest,
    file_name,
    missing,
    missing_days,
    with_first_day,
)

log = logging.getLogger(__name__)

PREVIEW_DELAY_MS = 400
PROGRESS_EVERY_S = 0.05


class ReportsPage(Page):
    export_finished = Signal(str, int)
    export_failed = Signal(str)
    preview_finished = Signal(int)

    def __init__(self, ctx: DeskContext) -> None:
        super().__init__(ctx)
        self.open_when_done = False  # "Open" and "Show in folder" are offered instead
        self.last_export: Path | None = None
        self._choices = ReportChoices((), (), ())
        self._export_task: asyncio.Task[object] | None = None
        self._preview_task: asyncio.Task[object] | None = None
        self._export_cancel = threading.Event()
        self._preview_cancel = threading.Event()
        self._last_progress = 0.0

        self.kind = QComboBox(objectName="kind")
        for kind in REPORT_KINDS.values():
            self.kind.addItem(kind.title, kind.name)
        self.day = QComboBox(objectName="day")
        self.item = QComboBox(objectName="item")
        self.item.setMinimumContentsLength(40)
        self.group = QComboBox(objectName="group")
        self.paper = QComboBox(objectName="paper")
        self.paper.addItem("A4", "a4")
        self.paper.addItem("Letter", "letter")
        self.sign_in = QCheckBox("Sign-in sheet (a signature column, one sheet per day)")
        self.sign_in.setObjectName("signIn")
        self.internal = QCheckBox(
            "Internal copy (every recommendation with its status; action items)"
        )
        self.internal.setObjectName("internal")
        self.emails = QCheckBox("Personal e-mail addresses (not for lists handed out)")
        self.emails.setObjectName("emails")
        self.format = QComboBox(objectName="format")
        self.format.addItem("PDF", "pdf")
        self.format.addItem("Word (DOCX, to edit before issuing)", "docx")

        form = form_rows(
            [
                ("Report", self.kind),
                ("Day", self.day),
                ("Agenda item", self.item),
                ("Breakout group", self.group),
                ("Paper", self.paper),
                ("", self.sign_in),
                ("", self.internal),
                ("", self.emails),
                ("Format", self.format),
            ]
        )
        self._rows = {"day": self.day, "item": self.item, "group": self.group}
        self._form = form

        self.pages_label = QLabel(objectName="pages")
        self.status = QLabel(objectName="status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # titles are user text
        self.status.setWordWrap(True)
        self.progress = QProgressBar(objectName="progress")
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.export_button = QPushButton("Export…", objectName="export")
        self.open_button = QPushButton("Open", objectName="open")
        self.folder_button = QPushButton("Show in folder", objectName="showFolder")
        for button in (self.open_button, self.folder_button):
            button.setEnabled(False)
        self.open_button.clicked.connect(self.open_export)
        self.folder_button.clicked.connect(self.show_folder)
        self.cancel_button = QPushButton("Cancel", objectName="cancel")
        self.cancel_button.setEnabled(False)
        self.export_button.clicked.connect(self.choose_file)
        self.cancel_button.clicked.connect(self.cancel)

        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        # the choices at the left, the first pages at the right: the page fills its space
        outer = QHBoxLayout(self)
        column = QVBoxLayout()
        host = QWidget()
        host.setLayout(form)
        host.setMaximumWidth(760)
        column.addWidget(host)
        column.addWidget(self.pages_label)
        column.addLayout(buttons)
        column.addWidget(self.progress)
        column.addWidget(self.status)
        column.addStretch(1)
        outer.addLayout(column, 1)
        self.thumbs = ThumbnailStrip()
        outer.addWidget(self.thumbs, 1)

        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.preview)
        for combo in (self.kind, self.day, self.group, self.paper):
            combo.currentIndexChanged.connect(self._changed)
        self.item.currentIndexChanged.connect(self._item_changed)
        self.sign_in.toggled.connect(self._changed)
        self.internal.toggled.connect(self._changed)
        self.emails.toggled.connect(self._changed)
        self.load()

    # -- choices ------------------------------------------------------------------------------

    def load(self) -> None:
        """Refill days, items and groups, keeping the current selection where it still exists."""
        self._choices = report_choices(self.ctx.desk)
        day, item = self.day.currentData(), self.item.currentData()
        for combo in (self.day, self.item):
            combo.blockSignals(True)
        self.day.clear()
        self.day.addItem("All days", None)
        for number, label in self._choices.days:
            self.day.addItem(label, number)
        self.item.clear()
        for choice in self._choices.items:
            self.item.addItem(choice.label, choice.id)
        self._select(self.day, day)
        self._select(self.item, item)
        for combo in (self.day, self.item):
            combo.blockSignals(False)
        self._fill_groups()
        self._update_fields()

    @staticmethod
    def _select(combo: QComboBox, data: object) -> None:
        index = combo.findData(data)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _fill_groups(self) -> None:
        current = self.group.currentData()
        self.group.blockSignals(True)
        self.group.clear()
        self.group.addItem("All groups of the item", None)
        for g in self._choices.groups:
            if g.item_id == self.item.currentData():
                self.group.addItem(g.label, g.id)
        self._select(self.group, current)
        self.group.blockSignals(False)

    def select(
        self,
        kind: str,
        *,
        day: int | None = None,
        item: str | None = None,
        group: str | None = None,
        paper: str = "a4",
        sign_in: bool = False,
    ) -> None:
        """Choose a report from code (tests, other pages): item/group by id or title part."""
        self._select(self.kind, kind)
        self._select(self.day, day)
        if item is not None:
            index = self.item.findData(item)
            if index < 0:
                needle = fold(item)
                index = next(
                    (i for i in range(self.item.count()) if needle in fold(self.item.itemText(i))),
                    -1,
                )
            self.item.setCurrentIndex(index)
        self._fill_groups()
        if group is not None:
            index = self.group.findData(group)
            if index < 0:
                needle = fold(group)
                index = next(
                    (
                        i
                        for i in range(self.group.count())
                        if needle in fold(self.group.itemText(i))
                    ),
                    0,
                )
            self.group.setCurrentIndex(index)
        self._select(self.paper, paper)
        self.sign_in.setChecked(sign_in)
        self._update_fields()

    def _item_changed(self) -> None:
        self._fill_groups()
        self._changed()

    def _changed(self) -> None:
        self._update_fields()
        self.pages_label.setText("")
        self.thumbs.show_pages([], 0)  # the pictures were of the previous choice
        if self.isVisible():
            self._preview_timer.start()

    def _update_fields(self) -> None:
        kind = REPORT_KINDS[self.kind.currentData()]
        needs = kind.uses + kind.options
        for name, combo in self._rows.items():
            combo.setEnabled(name in needs)
            label = self._form.labelForField(combo)
            if label is not None:
                label.setEnabled(name in needs)
        self.sign_in.setEnabled("sign_in" in needs)
        self.internal.setEnabled("internal" in needs)
        self.emails.setEnabled("emails" in needs)
        cards = kind.cards
        if cards:
            self.format.setCurrentIndex(0)
        self.format.setEnabled(not cards)
        if kind.first_day and self.day.currentData() is None and self.day.count():
            self.day.setCurrentIndex(1 if self.day.count() > 1 else 0)

    def request(self) -> ReportRequest:
        kind = REPORT_KINDS[self.kind.currentData()]
        request = ReportRequest(
            kind.name,
            day=self.day.currentData() if "day" in kind.uses else None,
            item_id=self.item.currentData() if "item" in kind.uses else None,
            group_id=self.group.currentData() if "group" in kind.uses else None,
        )
        return with_first_day(request, self._choices.days[0][0] if self._choices.days else None)

    def options(self) -> ReportOptions:
        kind = REPORT_KINDS[self.kind.currentData()]
        sign_in = self.sign_in.isChecked() and "sign_in" in kind.options
        return ReportOptions(
            paper=self.paper.currentData(),
            sign_in=sign_in,
            internal=self.internal.isChecked() and "internal" in kind.options,
            emails=self.emails.isChecked() and "emails" in kind.options,
        )

    def problem(self) -> str:
        """Why the current choice cannot be printed, or '' (the kinds' table says)."""
        days = missing_days(self.request(), self.options(), len(self._choices.days))
        return days or missing(self.request())

    # -- preview ------------------------------------------------------------------------------

    def on_shown(self) -> None:
        self._preview_timer.start()

    def preview(self) -> "asyncio.Task[object] | None":
        """Count the pages of the current choice in the background (nothing is written)."""
        self._preview_timer.stop()
        if self.problem():
            self.pages_label.setText(self.problem())
            return None
        if not _loop_running():
            return None  # no qasync loop (a script or a test without one): nothing to await
        self._preview_cancel.set()
        self._preview_cancel = threading.Event()
        job = Job(self.ctx.desk.db.target, self.request(), self.options(), None)
        self.pages_label.setText("Counting pages…")
        self._preview_task = spawn(self._run_preview(job, self._preview_cancel))
        return self._preview_task

    async def _run_preview(self, job: Job, cancel: threading.Event) -> object:
        now = self.ctx.desk.clock.now()
        try:
            result = await in_thread(run_job, job, None, cancel, now)
        except Cancelled:
            return None
        except Exception as exc:  # noqa: BLE001 (shown to the person, not swallowed)
            if not isinstance(exc, Refusal):  # a bug: into the log, like the runner's errors
                log.error("the report preview failed", exc_info=exc)
            if not cancel.is_set():
                self.pages_label.setText(f"Cannot build this report: {exc}")
            return None
        pages = result.pages
        if not cancel.is_set():
            paper = "A4" if job.options.paper == "a4" else "Letter"
            text = f"{pages} page{'s' if pages != 1 else ''} ({paper})"
            self.pages_label.setText(f"{text}: {result.note}" if result.note else text)
            self.thumbs.show_pages(list(result.pictures), pages)
            self.preview_finished.emit(pages)
        return pages

    # -- export -------------------------------------------------------------------------------

    def suggested_name(self) -> str:
        """'day-1-report.pdf', 'list-of-speakers-1.8.pdf', 'seminar-report.docx'..."""
        request = self.request()
        number = self.item.currentText().split(" ", 1)[0] if request.item_id else ""
        return file_name(request, self.options(), number, self.format.currentData())

    def choose_file(self) -> None:
        if self.problem():
            self.status.setText(self.problem())
            return
        start = save_start(self.ctx.desk, self.suggested_name())
        kinds = "Word document (*.docx)" if self.format.currentData() == "docx" else "PDF (*.pdf)"
        path, _ = QFileDialog.getSaveFileName(self, "Export report", str(start), kinds)
        if path:
            saved_to(path)
            self.export_to(Path(path))

    def export_to(self, path: Path) -> "asyncio.Task[object] | None":
        """Export the current choice to `path` in the background; returns the task."""
        if self._export_task is not None and not self._export_task.done():
            self.status.setText("An export is already running.")
            return None
        if self.problem():
            self.status.setText(self.problem())
            return None
        if not _loop_running():
            self.status.setText("Exports need the application's event loop (qasync).")
            return None
        self._preview_cancel.set()
        self._preview_timer.stop()
        self._export_cancel = threading.Event()
        fmt = self.format.currentData()
        if path.suffix.lower() != f".{fmt}":
            path = path.with_suffix(f".{fmt}")
        job = Job(self.ctx.desk.db.target, self.request(), self.options(), path, fmt)
        self._busy(True)
        self.status.setText(f"Exporting to {path}…")
        self._export_task = spawn(self._run_export(job, self._export_cancel))
        return self._export_task

    async def _run_export(self, job: Job, cancel: threading.Event) -> object:
        loop = asyncio.get_running_loop()
        now = self.ctx.desk.clock.now()

        def progress(fraction: float, text: str) -> None:
            # on the worker thread: hand over to the GUI thread, a few times a second at most
            moment = time.monotonic()
            if fraction < 1.0 and moment - self._last_progress < PROGRESS_EVERY_S:
                return
            self._last_progress = moment
            loop.call_soon_threadsafe(self._show_progress, fraction, text)

        try:
            result = await runner.background(self, run_job, job, progress, cancel, now)
        except Cancelled:
            self.status.setText("Export cancelled; no file was written.")
            self.export_failed.emit("cancelled")
            return None
        finally:
            self._busy(False)
        if result is None:  # the runner has shown why
            self.status.setText("The export failed; no file was written.")
            self.export_failed.emit("failed")
            return None
        pages, title, path, gaps = result.pages, result.title, result.path, result.gaps
        if job.fmt == "docx":
            done = f"{title}: Word document saved to {path}"
        else:
            done = f"{title}: {pages} page{'s' if pages != 1 else ''}, saved to {path}"
        if result.note:  # e.g. how many name tents were made, which delegations left out
            done += f"\n{result.note}"
        if gaps:  # characters no shipped font has are drawn as boxes: say which
            done += "\nNo font for " + "; ".join(gaps[:5]) + (" …" if len(gaps) > 5 else "")
            done += " (drawn as boxes)."
        self.status.setText(done)
        if job.fmt != "docx":
            self.pages_label.setText(f"{pages} page{'s' if pages != 1 else ''}")
        self.last_export = path
        for button in (self.open_button, self.folder_button):
            button.setEnabled(path is not None)
        if self.open_when_done and path is not None:
            self.open_export()
        self.export_finished.emit(str(path), pages)
        return pages

    def open_export(self) -> bool:
        """Open the exported file in the system's viewer; say so when there is none."""
        path = self.last_export
        if path is None:
            return False
        if not path.exists():
            self.status.setText(f"{path} is no longer there.")
            return False
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            return True
        kind = "Word documents" if path.suffix.lower() == ".docx" else "PDF files"
        self.status.setText(
            f"No program to open {kind} is installed. The file is saved at {path}; "
            "install a viewer, or use Show in folder."
        )
        return False

    def show_folder(self) -> bool:
        """Show the folder that holds the exported file in the file manager."""
        path = self.last_export
        if path is None:
            return False
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))):
            return True
        self.status.setText(f"No file manager could be opened. The file is saved at {path}.")
        return False

    def _show_progress(self, fraction: float, text: str) -> None:
        if self.progress.isVisible() or self.cancel_button.isEnabled():
            self.progress.setValue(int(fraction * 1000))
            self.status.setText(f"Exporting… {text}")

    def _busy(self, busy: bool) -> None:
        self.export_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.progress.setVisible(busy)
        self.progress.setValue(0)

    def cancel(self) -> None:
        self._export_cancel.set()
        self.status.setText("Cancelling…")

    # -- changes ------------------------------------------------------------------------------

    def on_changes(self, changes: OpChanges) -> None:
        if changes.touches(Area.AGENDA, Area.BREAKOUTS):
            self.load()
        if self.isVisible() and not changes.empty:
            self._preview_timer.start()


def _loop_running() -> bool:
    try:
        return asyncio.get_running_loop().is_running()
    except RuntimeError:
        pass
    try:
        return asyncio.get_event_loop_policy().get_event_loop().is_running()
    except RuntimeError:
        return False


SPEC = PageSpec(order=60, title="Reports", factory=ReportsPage)
