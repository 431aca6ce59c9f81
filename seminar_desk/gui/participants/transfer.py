"""Participants page › Import… and Export…: pick a file, read and compare it with the seminar on
a worker thread, show the preview, then commit it as one undo step, or write the list out.

The window stays live: reading, planning and committing run through `runner.background` on a
Desk of their own (no view is touched off the GUI thread); the window's desk then adopts the
step, so Edit › Undo takes the whole import back.
"""

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QStatusBar, QWidget

from seminar_desk.gui import runner
from seminar_desk.gui.context import DeskContext
from seminar_desk.gui.participants.import_dialog import ImportPreviewDialog
from seminar_desk.gui.tasks import running_loop
from seminar_desk.gui.widgets.save_place import save_start
from seminar_desk.services.desk import Desk
from seminar_desk.services.participants.imports.commit import (
    ImportResult,
    import_participants,
    preview,
)
from seminar_desk.services.participants.imports.plan import ImportPlan
from seminar_desk.services.participants.imports.reading import FILE_FILTER, read_participants

T = TypeVar("T")


def read_and_plan(desk: Desk, path: Path) -> ImportPlan:
    """The file read and compared with the seminar (worker thread: plain data out)."""
    return preview(desk, read_participants(path))


class ParticipantTransfer:
    """The Participants page's import and export; `say` shows a line in the status bar."""

    def __init__(self, page: QWidget, ctx: DeskContext) -> None:
        self.page = page
        self.ctx = ctx
        self.task: asyncio.Task[bool] | None = None
        self._work = ""  # the status line about work under way, while it shows

    def say(self, text: str, seconds: int = 10) -> None:
        """A line in the status bar for `seconds` (0: until the next one: work under way,
        always followed by its outcome)."""
        bar = self._bar()
        if bar is not None:
            bar.showMessage(text, seconds * 1000)
        self._work = text if seconds == 0 else ""

    def _bar(self) -> QStatusBar | None:
        window = self.page.window()
        return window.statusBar() if isinstance(window, QMainWindow) else None

    def _unsay_work(self) -> None:
        """A line about work under way goes when the work stops, however it stopped."""
        bar = self._bar()
        if bar is not None and self._work and bar.currentMessage() == self._work:
            bar.clearMessage()

    # -- import ---------------------------------------------------------------------------------

    def choose_import(self) -> None:
        start = str(save_start(self.ctx.desk, "participants.csv").parent)  # beside the file
        path, _ = QFileDialog.getOpenFileName(self.page, "Import participants", start, FILE_FILTER)
        if path:
            self.start_import(Path(path))

    def confirm(self, plan: ImportPlan) -> bool:
        """Show the preview; True to import (the plan then says whether to skip bad rows)."""
        dialog = ImportPreviewDialog(plan, self.page)
        # The status line follows the choice made in the preview (the file's values or ours).
        dialog.take_file.toggled.connect(lambda _on: self._say_read(plan))
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _say_read(self, plan: ImportPlan) -> None:
        self.say(f"Read {plan.read.source.name}: {plan.summary}; see the preview.", 0)

    def start_import(self, path: Path) -> "asyncio.Task[bool] | None":
        """Read, preview and commit `path`: on worker threads under the app's event loop
        (returns the task), or here and now without one (tests, scripts)."""
        if running_loop() is None:
            self.import_now(path)
            return None
        if self.task is not None and not self.task.done():
            self.say("An import is already running.")
            return None
        from seminar_desk.gui.tasks import spawn

        self.task = spawn(self._import_in_background(path))
        return self.task

    async def _import_in_background(self, path: Path) -> bool:
        try:
            worker = Desk(self.ctx.desk.db, self.ctx.desk.clock)
            self.say(f"Reading {path.name}…", 0)
            failed = f"Nothing imported: {path.name} could not be read."
            plan = await self._off_thread(failed, read_and_plan, worker, path)
            if plan is None:
                return False
            self._say_read(plan)
            if not self.confirm(plan):
                self.say(f"Nothing imported from {path.name}.")
                return False
            self.say(f"Importing {len(plan.added) + len(plan.merged)} participants…", 0)
            refused = "Nothing imported: the import was refused (see the message)."
            result = await self._off_thread(refused, self._commit, worker, plan)
            return self._done(worker, result)
        finally:
            self._unsay_work()

    async def _off_thread(self, failed: str, fn: Callable[..., T], *args: object) -> T | None:
        """`fn(*args)` on a worker thread; if it fails, the status line says `failed` before
        the runner shows why (never "Reading…" beside the message)."""
        try:
            return await runner.in_thread(fn, *args)
        except Exception as exc:  # noqa: BLE001 (shown, as runner.background shows it)
            self.say(failed)
            runner.show_error(self.page, exc)
            return None

    @staticmethod
    def _commit(desk: Desk, plan: ImportPlan) -> ImportResult:
        return import_participants(
            desk, plan.read, skip_bad_rows=plan.skip_bad_rows, prefer_file=plan.prefer_file
        )

    def import_now(self, path: Path) -> bool:
        """The same steps on this thread (no event loop)."""
        plan = runner.call(self.page, read_and_plan, self.ctx.desk, path)
        if plan is None:
            self.say(f"Nothing imported: {path.name} could not be read.")
            return False
        if not self.confirm(plan):
            self.say(f"Nothing imported from {path.name}.")
            return False
        result = runner.call(self.page, self._commit, self.ctx.desk, plan)
        return self._done(None, result)

    def _done(self, worker: Desk | None, result: ImportResult | None) -> bool:
        if result is None:  # the runner has shown why
            self.say("Nothing imported: the import was refused (see the message).")
            return False
        if worker is not None:
            self.ctx.desk.adopt(worker, result.changes)
        self.say(f"Imported from {result.plan.read.source.name}: {result.plan.summary}.")
        return True

    # -- export ---------------------------------------------------------------------------------

    def choose_export(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self.page,
            "Export participants",
            str(save_start(self.ctx.desk, "participants.xlsx")),
            "Excel workbook (*.xlsx);;CSV (*.csv)",
        )
        if path:
            fmt = "csv" if path.lower().endswith(".csv") or "CSV" in chosen else "xlsx"
            self.export_file(Path(path), fmt)

    def export_file(self, path: Path, fmt: str) -> int | None:
        from seminar_desk.services.participants.export import export_participants

        count = runner.call(self.page, export_participants, self.ctx.desk, fmt, path)
        if count is not None:
            self.say(f"Wrote {count} participants to {path}.")
        return count
