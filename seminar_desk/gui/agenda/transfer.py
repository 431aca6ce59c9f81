"""Importing and exporting the agenda from its page: pick a file, read and preview it, commit
all or nothing on a worker thread with progress and Cancel, or write the calendar/spreadsheet."""

import asyncio
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog

from seminar_desk.gui import runner
from seminar_desk.gui.agenda.import_bar import ImportBar
from seminar_desk.gui.context import DeskContext
from seminar_desk.gui.tasks import running_loop
from seminar_desk.gui.widgets.save_place import save_start
from seminar_desk.services.agenda.imports.commit import (
    Cancelled,
    import_agenda,
    target_dates,
    target_zone,
)
from seminar_desk.services.agenda.imports.model import ImportedAgenda
from seminar_desk.services.agenda.imports.registry import FILE_FILTER, read_agenda
from seminar_desk.services.desk import Desk


class AgendaTransfer:
    """The Agenda page's import and export, mixed into AgendaPage (which gives `ctx`, `say`,
    `action` and the import bar)."""

    ctx: DeskContext
    import_bar: ImportBar
    import_task: "asyncio.Task[bool] | None"

    def ask_open_file(self) -> Path | None:
        start = str(save_start(self.ctx.desk, "agenda.ics").parent)  # beside the seminar file
        path, _ = QFileDialog.getOpenFileName(self, "Import an agenda", start, FILE_FILTER)
        return Path(path) if path else None

    def ask_save_file(self) -> tuple[Path, str] | None:
        path, chosen = QFileDialog.getSaveFileName(
            self,
            "Export the agenda",
            str(save_start(self.ctx.desk, "agenda.ics")),
            "Calendar (*.ics);;Spreadsheet (*.csv)",
        )
        if not path:
            return None
        fmt = "csv" if path.lower().endswith(".csv") or "csv" in chosen else "ics"
        return Path(path), fmt

    def confirm_import(self, agenda: ImportedAgenda) -> bool:
        """Show the preview; True to commit. Tests replace this."""
        from seminar_desk.gui.agenda.import_preview import AgendaPreviewDialog

        return AgendaPreviewDialog(agenda, self).exec() == QDialog.DialogCode.Accepted

    def choose_import(self) -> None:
        path = self.ask_open_file()
        if path is not None:
            self.start_import(path)

    def start_import(self, path: Path) -> "asyncio.Task[bool] | None":
        """Read and commit `path` on a worker thread, the window live, with progress and Cancel.

        Returns the task (tests await it); without a running event loop (scripts, tests that
        need none) the import runs at once.
        """
        if running_loop() is None:
            self.import_file(path)
            return None
        if self.import_task is not None and not self.import_task.done():
            self.say("An import is already running.")
            return None
        from seminar_desk.gui.tasks import spawn

        self.import_task = spawn(self._run_import(path))
        return self.import_task

    async def _run_import(self, path: Path) -> bool:
        loop = asyncio.get_running_loop()
        self.action("import").setEnabled(False)
        cancel = self.import_bar.begin(f"Reading {path.name}…")
        try:
            agenda = await runner.background(
                self, read_agenda, path, target_zone(self.ctx.desk), target_dates(self.ctx.desk)
            )
            if agenda is None or cancel.is_set():
                self.say("Nothing imported.")
                return False
            self.import_bar.end()
            if not self.confirm_import(agenda):
                self.say("Import cancelled; nothing changed.")
                return False
            cancel = self.import_bar.begin(f"Importing {len(agenda.items)} items…")

            def progress(fraction: float, text: str) -> None:  # on the worker thread
                loop.call_soon_threadsafe(self.import_bar.step, fraction, text)

            # A desk of its own on the same file, with no listeners: nothing touches a view
            # from the worker; the views hear of the changes below, on this thread.
            worker = Desk(self.ctx.desk.db, self.ctx.desk.clock)
            try:
                summary = await runner.background(
                    self, import_agenda, worker, agenda, progress, cancel
                )
            except Cancelled:
                self.say("Import cancelled; nothing was imported.")
                return False
            if summary is None:  # the runner has shown why
                self.say("Nothing imported.")
                return False
            self.ctx.bus.changed.emit(summary.changes)
            self.say(str(summary))
            return True
        finally:
            self.import_bar.end()
            self.action("import").setEnabled(True)

    def import_file(self, path: Path) -> bool:
        """Read, preview, then commit all or nothing, here and now (no event loop): the same
        steps through the runner as `_run_import`, which shows a refused file's problems."""
        desk = self.ctx.desk
        agenda = runner.call(self, read_agenda, path, target_zone(desk), target_dates(desk))
        if agenda is None:  # the runner has shown why
            self.say("Nothing imported.")
            return False
        if not self.confirm_import(agenda):
            self.say("Import cancelled; nothing changed.")
            return False
        summary = runner.call(self, import_agenda, self.ctx.desk, agenda)
        if summary is None:
            self.say("Nothing imported.")
            return False
        self.say(str(summary))
        return True

    def choose_export(self) -> None:
        chosen = self.ask_save_file()
        if chosen is not None:
            self.export_file(*chosen)

    def export_file(self, path: Path, fmt: str) -> None:
        from seminar_desk.services.agenda.export import export_agenda

        count = runner.call(self, export_agenda, self.ctx.desk, fmt, path)  # refusals shown
        if count is not None:
            self.say(f"Wrote {count} agenda items to {path}.")
