"""Opening a file in the window when it cannot simply be opened for writing.

- A read-only file or folder opens read-only (the title and status bar say so), as does any
  file with `--read-only`; edits are then refused with a message (store.ReadOnlyRefusal).
- A damaged file (it fails SQLite's quick_check) opens read-only, and a dialog offers to save
  a copy, recover what can be read into a new file, or open the newest good backup.
- Anything else (a folder, a missing folder, another instance's file, not a seminar file) is
  one message; the window stays on the welcome page.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from seminar_desk.gui import runner
from seminar_desk.store.errors import DamagedFileError, ReadOnlyFileError, StoreError

if TYPE_CHECKING:
    from seminar_desk.gui.main_window import MainWindow
    from seminar_desk.services.desk import Desk

COPY, RECOVER, BACKUP, KEEP = "copy", "recover", "backup", "keep"


def open_for_window(
    window: MainWindow, path: Path | str, *, demo: bool = False, read_only: bool = False
) -> tuple[Desk | None, str | None]:
    """The desk to show (None: nothing opened, already reported) and quick_check's finding
    when the file is damaged."""
    from seminar_desk.services.files import open_desk, open_reader

    try:
        if read_only:
            return open_reader(path, lasting=True, damaged_ok=True, reason="as asked"), None
        return open_desk(path, demo=demo), None
    except ReadOnlyFileError as exc:
        if not Path(path).exists():  # a new file in a read-only folder: nothing to show
            window.report(str(exc))
            return None, None
        reason = (
            "the file or its folder is read-only: to change it, make both writable "
            "(their properties, or chmod u+w) and open it again"
        )
    except DamagedFileError as exc:
        try:
            # immutable when nobody has it open: nothing is created beside a damaged file
            desk = open_reader(path, damaged_ok=True, reason="it is damaged")
        except StoreError:
            desk = None  # too damaged to show: the rescue dialog still helps
        return desk, exc.problem or str(exc)
    except StoreError as exc:
        window.report(str(exc))
        return None, None
    try:
        return open_reader(path, lasting=True, damaged_ok=True, reason=reason), None
    except StoreError as exc:
        window.report(str(exc))
        return None, None


def ask_rescue(parent: QWidget, path: Path, problem: str, backup: Path | None) -> str:
    """Ask what to do with a damaged file: COPY, RECOVER, BACKUP or KEEP."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Seminar Desk", "", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        f"{path} is damaged, so it is open read-only: nothing in it will be changed.\n\n"
        f"SQLite found: {problem}"
    )
    box.setInformativeText(
        "You can save a copy of it as it is, recover what can still be read into a new file"
        + (
            f", or put the newest good backup ({backup.name}) in its place (the damaged file "
            "is kept aside, untouched)."
            if backup
            else "."
        )
    )
    buttons = {
        box.addButton("Save a copy…", QMessageBox.ButtonRole.ActionRole): COPY,
        box.addButton("Recover into a new file…", QMessageBox.ButtonRole.ActionRole): RECOVER,
    }
    if backup is not None:
        buttons[box.addButton("Open the backup", QMessageBox.ButtonRole.ActionRole)] = BACKUP
    keep = box.addButton("Keep it read-only", QMessageBox.ButtonRole.RejectRole)
    buttons[keep] = KEEP
    box.setDefaultButton(keep)
    box.exec()
    return buttons.get(box.clickedButton(), KEEP)


def ask_target(parent: QWidget, title: str, suggestion: Path) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(
        parent, title, str(suggestion), "Seminar files (*.sqlite *.db);;All files (*)"
    )
    return Path(chosen) if chosen else None


def offer_rescue(window: MainWindow, path: Path, problem: str, desk: Desk | None) -> Desk | None:
    """The damaged file's dialog and what the answer does. Returns the read-only desk to show,
    or None when another file was opened instead (or the damaged one cannot be shown)."""
    from seminar_desk.services import backups
    from seminar_desk.services.files import rescue

    newest = backups.newest_good(path)  # the rolling set and the upgrade backups
    backup = newest.path if newest else None
    choice = ask_rescue(window, path, problem, backup)
    if choice == COPY:
        target = ask_target(window, "Save a copy of the damaged file", _beside(path, "copy"))
        if target is not None and runner.call(window, rescue.save_copy, path, target):
            window.statusBar().showMessage(f"Saved a copy of the damaged file as {target}", 10000)
    elif choice == RECOVER:
        target = ask_target(window, "Recover into a new file", _beside(path, "recovered"))
        result = runner.call(window, rescue.recover, path, target) if target else None
        if result is not None:
            if desk is not None:
                desk.close()
            if window.open_file(result.path):
                window.statusBar().showMessage(result.summary(), 15000)
            return None
    elif choice == BACKUP and backup is not None:
        # The backup goes in the file's place; the damaged file is kept aside, untouched.
        if desk is not None:
            desk.close()
        aside = runner.call(window, backups.restore, backup, path)
        if window.open_file(path) and aside is not None:
            window.statusBar().showMessage(
                f"Opened the backup {backup.name}; the damaged file is kept as {aside}", 15000
            )
        return None
    return desk


def _beside(path: Path, word: str) -> Path:
    candidate = path.with_name(f"{path.stem}-{word}{path.suffix or '.sqlite'}")
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{word}-{number}{path.suffix or '.sqlite'}")
        number += 1
    return candidate
