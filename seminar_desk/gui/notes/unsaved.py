"""Typed notes that the seminar file would not take: never dropped without the person knowing.

- `settle(editor)`: the window is closing while text is still waiting (a full disk, a read-only
  file). The person chooses: Retry, save the text elsewhere (a text file they name), Discard, or
  Cancel to keep the window open. Until then the window stays.
- `offer_recovered(parent, notes)`: a file is opened and its recovery journal holds text that
  never reached it (last time the window closed, or the laptop died, while saving failed). The
  person sees what, where and when, and restores it into the notes, saves it elsewhere, discards
  it, or decides later.

Both dialogs are QMessageBoxes in plain text; tests patch `QMessageBox.exec` to click a button.
"""

from collections.abc import Callable
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from seminar_desk.gui import runner
from seminar_desk.services.agenda import AgendaService
from seminar_desk.services.files import write_output
from seminar_desk.services.notes.autosave import NoteAutosaver
from seminar_desk.services.notes.journal import JournalEntry, NoteJournal, to_markdown
from seminar_desk.services.notes.service import NotesService

if TYPE_CHECKING:  # the editor imports this module
    from seminar_desk.gui.notes.editor import NotesEditor

TITLE = "Seminar Desk"
TEXT_FILTER = "Text files (*.md *.txt);;All files (*)"
RETRY, ELSEWHERE, DISCARD, RESTORE, LATER = "retry", "elsewhere", "discard", "restore", "later"
CANCEL = "cancel"
Role = QMessageBox.ButtonRole
# Every answer's button, the same in both questions.
ANSWERS: dict[str, tuple[str, QMessageBox.ButtonRole]] = {
    RETRY: ("Retry", Role.AcceptRole),
    RESTORE: ("Restore into the notes", Role.AcceptRole),
    ELSEWHERE: ("Save the text elsewhere…", Role.ActionRole),
    DISCARD: ("Discard", Role.DestructiveRole),
    CANCEL: ("Cancel", Role.RejectRole),
    LATER: ("Decide later", Role.RejectRole),
}


def _ask(parent: QWidget | None, text: str, details: str, answers: tuple[str, ...]) -> str | None:
    """A plain-text question; returns the answer clicked (None: closed)."""
    box = QMessageBox(QMessageBox.Icon.Warning, TITLE, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(details)
    keys = {}
    for key in answers:
        keys[id(box.addButton(*ANSWERS[key]))] = key
    box.exec()
    clicked = box.clickedButton()
    return keys.get(id(clicked)) if clicked is not None else None


def _zone(notes: NotesService) -> tzinfo | None:
    """The seminar's time zone, as the notes' stamps show it (None: the laptop's)."""
    try:
        return AgendaService(notes.desk).timezone()
    except Exception:  # noqa: BLE001 (a file that cannot be read still gets its text back)
        return None


def _listing(
    entries: list[JournalEntry], title_of: Callable[[JournalEntry], str], zone: tzinfo | None
) -> str:
    lines = []
    for e in entries:
        when = e.typed_at.astimezone(zone).strftime("%d %b %H:%M")
        words = len(e.body.split())
        lines.append(f"• {title_of(e)}, typed {when} ({words} word{'s' * (words != 1)})")
    return "\n".join(lines)


def _save_elsewhere(
    parent: QWidget | None,
    entries: list[JournalEntry],
    title_of: Callable[[JournalEntry], str],
    source: Path,
    zone: tzinfo | None,
) -> bool:
    """Ask for a file and write the texts there as Markdown; True once they are on disk."""
    suggested = str(Path.home() / f"{source.stem} - unsaved notes.md")
    path, _ = QFileDialog.getSaveFileName(
        parent, "Save the notes elsewhere", suggested, TEXT_FILTER
    )
    if not path:
        return False
    data = to_markdown(entries, title_of, source, zone).encode("utf-8")
    return runner.call(parent, write_output, Path(path), data, database=source) is not None


def save_pending_elsewhere(
    parent: QWidget | None, saver: NoteAutosaver, notes: NotesService
) -> bool:
    """The editor's "Save the text elsewhere…": the texts the file did not take, written to a
    file the person names. They stay waiting (closing still asks), so nothing is dropped."""
    entries = saver.pending_entries()
    if not entries:
        return False
    return _save_elsewhere(parent, entries, title_function(notes), notes.desk.db.path, _zone(notes))


def title_function(notes: NotesService) -> Callable[[JournalEntry], str]:
    def title_of(entry: JournalEntry) -> str:
        return notes.target_title(entry.item_id, entry.group_id, entry.section)

    return title_of


def settle(
    parent: QWidget | None, saver: NoteAutosaver, retry: Callable[[], None], notes: NotesService
) -> bool:
    """Decide with the person what happens to text still waiting; False keeps the window open."""
    title_of, zone = title_function(notes), _zone(notes)
    while saver.dirty:
        entries = saver.pending_entries()
        error = saver.last_error or "the file did not accept the text"
        if saver.journal_error:
            error += f". Not even a copy could be kept aside ({saver.journal_error})"
        choice = _ask(
            parent,
            "Some notes you typed are not saved in the seminar file.",
            f"Saving failed: {error}\n\n{_listing(entries, title_of, zone)}\n\n"
            "Retry once the problem is solved (free some disk space, make the file writable), "
            "save the text in a file of your choice, or discard it.",
            (RETRY, ELSEWHERE, DISCARD, CANCEL),
        )
        if choice == RETRY:
            retry()
        elif choice == ELSEWHERE:
            if _save_elsewhere(parent, entries, title_of, notes.desk.db.path, zone):
                saver.discard(keep_journal=True)  # offered again when the file opens
        elif choice == DISCARD:
            saver.discard()
        else:
            return False
    return True


def offer_recovered(parent: QWidget | None, notes: NotesService) -> None:
    """If the journal of this file holds text that never reached it, offer it back."""
    journal = NoteJournal(notes.desk.db.path)
    try:
        entries = journal.entries()
    except OSError:  # an unreadable journal must not stop the file from opening
        return
    if not entries:
        return
    title_of, zone = title_function(notes), _zone(notes)
    choice = _ask(
        parent,
        "Notes typed in this seminar could not be saved last time; they were kept aside.",
        f"{_listing(entries, title_of, zone)}\n\n"
        "Restore them into the notes (each replaces the text of its section), save them in a "
        "file of your choice, or discard them.",
        (RESTORE, ELSEWHERE, DISCARD, LATER),
    )
    if choice == RESTORE:
        restored = []
        for entry in entries:  # stop at the first failure: one message, not one per text
            if runner.call(parent, notes.restore, entry) is None:
                break
            restored.append(entry)
        journal.remove(restored)
    elif choice == ELSEWHERE:
        if _save_elsewhere(parent, entries, title_of, notes.desk.db.path, zone):
            journal.clear()
    elif choice == DISCARD:
        journal.clear()


class CloseWatcher(QObject):
    """Saves the editor before its window closes (the file is closed right after). Text the
    file will not take holds the window until the person decides (gui.notes.unsaved)."""

    def __init__(self, editor: "NotesEditor") -> None:
        super().__init__(editor)
        self.editor = editor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Close and not self.editor.settle_unsaved():
            event.ignore()
            return True
        return False
