"""File › Export bundle…, Import bundle…, Open from a bundle…, Resolve conflicts…, Backups….

Dialogs open window-modal without blocking (`open()`), and the next step runs when they are
answered; the merge and the backups run on a worker thread through `gui.runner.background`
when the app's event loop runs (tests without one run them at once).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QFileDialog, QMenu

if TYPE_CHECKING:
    from seminar_desk.gui.main_window import MainWindow
    from seminar_desk.services.desk import Desk

BUNDLE_FILTER = "Seminar Desk bundles (*.sdbundle);;All files (*)"
SEMINAR_FILTER = "Seminar files (*.sqlite *.db);;All files (*)"


class BundleMenu:
    """The window's bundle and backup actions (built once, used for whatever file is open)."""

    def __init__(self, window: MainWindow) -> None:
        # A weak reference: the window holds this menu, and a cycle through a Qt wrapper would
        # wait for the garbage collector (gui.shell.gc_guard runs it only on the GUI thread).
        self._window = weakref.ref(window)
        self.dialog: QDialog | None = None  # the one open (tests find it here)

    @property
    def window(self) -> MainWindow:
        window = self._window()
        assert window is not None
        return window

    def add_to(self, menu: QMenu, action: Callable[..., Any]) -> None:
        menu.addAction(action("E&xport bundle…", self.export))
        menu.addAction(action("&Import bundle…", self.import_bundle))
        menu.addAction(action("Resolve &conflicts…", self.show_conflicts))
        menu.addAction(action("Open from a &bundle…", self.open_from_bundle))
        menu.addAction(action("&Backups…", self.show_backups))

    # -- asking (tests replace these) ----------------------------------------------------------

    def ask_save_path(self, title: str, suggestion: str, filter_: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.window, title, suggestion, filter_)
        return Path(path) if path else None

    def ask_open_path(self, title: str, filter_: str) -> Path | None:
        ctx = self.window.ctx  # start beside the open seminar file, not in the current folder
        start = str(ctx.desk.db.path.parent) if ctx is not None and not ctx.desk.db.url else ""
        path, _ = QFileDialog.getOpenFileName(self.window, title, start, filter_)
        return Path(path) if path else None

    # -- helpers -------------------------------------------------------------------------------

    def _desk(self) -> Desk | None:
        from seminar_desk.gui import runner

        ctx = self.window.ctx
        if ctx is None:
            runner.show_refusal(self.window, "Open a seminar first.")
            return None
        return ctx.desk

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 15000)

    def _run(self, done: Callable[[Any], None], fn: Callable[..., Any], *args: Any) -> None:
        """`fn(*args)` on a worker thread (or now, without an event loop), then `done(result)`
        here; a refusal or an error is shown by the runner and `done` gets None."""
        from seminar_desk.gui import runner
        from seminar_desk.gui.tasks import running_loop, spawn

        if running_loop() is None:
            done(runner.call(self.window, fn, *args))
            return

        async def work() -> None:
            done(await runner.background(self.window, fn, *args))

        spawn(work())

    def _show(self, dialog: QDialog, answered: Callable[[bool], None]) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda code: answered(code == QDialog.DialogCode.Accepted))
        dialog.open()

    # -- export --------------------------------------------------------------------------------

    def export(self) -> None:
        from seminar_desk.gui import runner
        from seminar_desk.gui.bundles.dialogs import ExportDialog
        from seminar_desk.services.bundles.scope import choices

        desk = self._desk()
        if desk is None:
            return
        groups, days = runner.call(self.window, choices, desk) or ([], [])
        dialog = ExportDialog(self.window, groups, days)

        def answered(ok: bool) -> None:
            if not ok:
                return
            path = self.ask_save_path(
                "Export bundle", str(desk.db.path.with_suffix(".sdbundle")), BUNDLE_FILTER
            )
            if path is not None:
                self._export(desk, path, dialog.scope())

        self._show(dialog, answered)

    def _export(self, desk: Desk, path: Path, scope: Any) -> None:
        from seminar_desk.services.bundles.export import export_bundle

        self._say(f"Writing {path.name}…")
        self._run(lambda done: done and self._say(done.summary()), export_bundle, desk, path, scope)

    # -- import --------------------------------------------------------------------------------

    def import_bundle(self, path: Path | None = None) -> None:
        from seminar_desk.gui import runner
        from seminar_desk.gui.bundles.dialogs import PreviewDialog
        from seminar_desk.services.bundles.service import preview

        desk = self._desk()
        if desk is None:
            return
        path = path or self.ask_open_path("Import bundle", BUNDLE_FILTER)
        if path is None:
            return
        plan = runner.call(self.window, preview, desk, path)
        if plan is None:
            return
        if not plan.changes_anything:
            runner.show_refusal(self.window, "\n".join(plan.lines()))
            return
        self._show(
            PreviewDialog(self.window, plan.lines()), lambda ok: ok and self._merge(desk, path)
        )

    def _merge(self, desk: Desk, path: Path) -> None:
        from seminar_desk.services.bundles.service import import_bundle
        from seminar_desk.services.desk import Desk as WorkerDesk

        # A desk of its own on the same file, with no listeners: nothing touches a view from
        # the worker; the views hear of the changes below, on this thread.
        worker = WorkerDesk(desk.db, desk.clock)
        self._say(f"Merging {path.name}…")

        def done(result: Any) -> None:
            if result is None:
                self._say("Nothing was merged.")
                return
            desk.adopt(worker, result.changes)  # one undo step of the window's desk
            self.window._update_actions()
            conflicts = len(result.plan.conflicts)
            self._say(
                f"Merged {path.name}"
                + (
                    f"; {conflicts} conflict{'s' if conflicts != 1 else ''} to resolve"
                    if conflicts
                    else ""
                )
                + (f"; backup at {result.backup}" if result.backup else "")
            )
            if conflicts:
                self.show_conflicts()

        self._run(done, import_bundle, worker, path)

    # -- conflicts -----------------------------------------------------------------------------

    def show_conflicts(self) -> None:
        from seminar_desk.gui import runner
        from seminar_desk.gui.bundles.dialogs import ConflictsDialog
        from seminar_desk.services.bundles import conflicts

        desk = self._desk()
        if desk is None:
            return
        dialog = ConflictsDialog(self.window)

        def refresh() -> None:
            dialog.set_conflicts(runner.call(self.window, conflicts.list_conflicts, desk) or [])

        def chosen(conflict_id: str, choice: str) -> None:
            if runner.call(self.window, conflicts.resolve, desk, conflict_id, choice) is not None:
                self._say(f"Conflict resolved: kept {'both' if choice == 'both' else choice}.")
            refresh()

        dialog.chosen.connect(chosen)
        refresh()
        self._show(dialog, lambda _ok: None)

    # -- a new file from a bundle --------------------------------------------------------------

    def open_from_bundle(self, bundle: Path | None = None, target: Path | None = None) -> None:
        from seminar_desk.gui import runner
        from seminar_desk.gui.bundles.dialogs import PreviewDialog
        from seminar_desk.services.bundles import format as fmt
        from seminar_desk.services.bundles.service import preview

        bundle = bundle or self.ask_open_path("Open a seminar from a bundle", BUNDLE_FILTER)
        if bundle is None:
            return
        read = runner.call(self.window, fmt.read, bundle)
        if read is None:
            return
        target = target or self.ask_save_path(
            "New seminar file", str(bundle.with_suffix(".sqlite")), SEMINAR_FILTER
        )
        if target is None:
            return
        if target.exists() and target.stat().st_size:
            runner.show_refusal(self.window, f"{target} already exists; choose a new name.")
            return
        plan = runner.call(self.window, preview, None, bundle, read)
        if plan is None:
            return
        self._show(
            PreviewDialog(self.window, plan.lines(), new_file=True),
            lambda ok: ok and self._create(bundle, target),
        )

    def _create(self, bundle: Path, target: Path) -> None:
        from seminar_desk.services.bundles.service import new_file_from

        self._run(
            lambda made: made and self.window.open_file(target), new_file_from, bundle, target
        )

    # -- backups -------------------------------------------------------------------------------

    def show_backups(self) -> None:
        from seminar_desk.gui import runner
        from seminar_desk.gui.bundles.dialogs import BackupsDialog
        from seminar_desk.gui.widgets.ask import confirm
        from seminar_desk.services import backups
        from seminar_desk.services.agenda import AgendaService

        desk = self._desk()
        if desk is None:
            return
        path = desk.db.path
        dialog = BackupsDialog(self.window, str(backups.folder_of(path)))
        zone = runner.call(self.window, AgendaService(desk).timezone)  # the seminar's

        def refresh() -> None:
            dialog.set_backups([(str(b.path), b.label(zone)) for b in backups.backups(path)])

        def now() -> None:
            copy = runner.call(self.window, backups.back_up, desk.db, "manual")
            if copy is not None:
                self._say(f"Backed up to {copy}")
            refresh()

        def restore(chosen: str) -> None:
            if not confirm(
                dialog,
                f"Put the backup {Path(chosen).name} in place of {path.name}? The file as it "
                "is now is backed up first.",
                yes="Restore",
            ):
                return
            if not self.window.may_close_file():
                return
            dialog.accept()
            self.window.close_file()
            kept = runner.call(self.window, backups.restore, Path(chosen), path)
            self.window.open_file(path)
            if kept is not None:
                self._say(
                    f"Restored {path.name} from {Path(chosen).name}; the file as it was: {kept}"
                )

        dialog.back_up.connect(now)
        dialog.restore.connect(restore)
        refresh()
        self._show(dialog, lambda _ok: None)

    # -- automatic backups ---------------------------------------------------------------------

    def after_open(self, desk: Desk) -> None:
        """A backup each time a file is opened for writing (reason "day" on the first open of
        a later day), on a worker thread; a failure (a full disk) is said in the status bar."""
        from seminar_desk.services import backups

        if desk.db.read_only or getattr(desk.db, "url", None):
            return
        self._quietly(backups.on_open, desk.db)

    def on_changes(self, changes: Any) -> None:
        """When the last item of a day has ended, the end of the day is backed up."""
        from seminar_desk.domain.changes import Area
        from seminar_desk.gui import runner

        ctx = self.window.ctx
        if ctx is None or not changes.touches(Area.AGENDA) or ctx.desk.db.read_only:
            return
        if getattr(ctx.desk.db, "url", None):
            return
        from seminar_desk.services import backups

        if runner.call(self.window, backups.day_end_due, ctx.desk):
            self._quietly(backups.back_up, ctx.desk.db, "day")

    def _quietly(self, fn: Callable[..., Any], *args: Any) -> None:
        """A backup nobody asked for: not a dialog when it fails, a line in the status bar."""
        from seminar_desk.domain.refusal import Refusal

        def work() -> Any:
            try:
                fn(*args)
            except Refusal as exc:  # its text only: no traceback (and its frames) kept
                return str(exc)
            return None

        def done(failure: Any) -> None:
            if failure:
                self.window.statusBar().showMessage(f"Backup failed: {failure}")

        self._run(done, work)
