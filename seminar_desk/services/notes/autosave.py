"""When typed note text is written: `NoteAutosaver` holds the text that is not yet in the file
and decides when to write it through `NotesService.save_note`.

It is plain Python driven by a clock, so the GUI (with a QTimer), the crash test's child process
and the benchmarks all save through exactly the same path. Text the file will not take goes to
the recovery journal (journal.py).
"""

from collections.abc import Callable
from datetime import datetime

from seminar_desk.domain.changes import OpChanges
from seminar_desk.domain.text_merge import marker, merge_texts
from seminar_desk.services.notes.journal import JournalEntry, NoteJournal
from seminar_desk.services.notes.service import (
    ANY_VERSION,
    NoteConflict,
    NotesService,
    NoteTarget,
    TargetGone,
)

# Save when typing pauses this long, and never let unsaved text get older than MAX_WAIT_S:
# continuous typing has no pauses, and the promise is "at most the last second is lost".
PAUSE_S = 0.2
MAX_WAIT_S = 0.5


class NoteAutosaver:
    """Unsaved section texts, and the rule for when to write them.

    `edit` records the newest text; `due()` says a save is needed (typing paused for PAUSE_S, or
    the oldest unsaved keystroke is MAX_WAIT_S old); `flush()` writes everything pending.
    `wait_s()` tells a timer how long to sleep before the next save is due.
    """

    def __init__(
        self,
        notes: NotesService,
        author: Callable[[], tuple[str, str | None]] | None = None,
        origin: object | None = None,
        pause_s: float = PAUSE_S,
        max_wait_s: float = MAX_WAIT_S,
        journal: NoteJournal | None = None,
    ) -> None:
        self.notes = notes
        self.clock = notes.desk.clock
        self.author = author or (lambda: ("", None))
        self.origin = origin
        self.pause_s = pause_s
        self.max_wait_s = max_wait_s
        self._pending: dict[tuple[NoteTarget, str], str] = {}
        self._first_edit: float | None = None
        self._last_edit: float | None = None
        self.last_saved_at: datetime | None = None
        self.last_error: str | None = None
        self._saves_since_checkpoint = 0
        self.journal = journal if journal is not None else NoteJournal(notes.desk.db.path)
        self._journalled: dict[tuple[NoteTarget, str], str] = {}  # what the journal holds
        self._typed_at: dict[tuple[NoteTarget, str], datetime] = {}
        self._since = self.clock.now()
        self.journal_error: str | None = None
        # The version of each note the text on screen was typed on (several laptops):
        # a save names it, and another laptop's save since is a conflict (`conflicts`).
        self._versions: dict[tuple[NoteTarget, str], int | None] = {}
        self.conflicts: dict[tuple[NoteTarget, str], NoteConflict] = {}
        # ... and that version's text: the common ancestor when both are kept.
        self._bases: dict[tuple[NoteTarget, str], str] = {}

    @property
    def dirty(self) -> bool:
        return bool(self._pending)

    def edit(self, target: NoteTarget, section: str, body: str) -> None:
        now = self.clock.monotonic()
        self._pending[target, section] = body
        self._typed_at[target, section] = self.clock.now()
        if self._first_edit is None:
            self._first_edit = now
        self._last_edit = now

    def wait_s(self) -> float:
        """Seconds until a save is due (0 when it is due now)."""
        if self._first_edit is None or self._last_edit is None:
            return self.pause_s
        now = self.clock.monotonic()
        due_at = min(self._last_edit + self.pause_s, self._first_edit + self.max_wait_s)
        return max(0.0, due_at - now)

    def due(self) -> bool:
        return self.dirty and self.wait_s() <= 0.0

    def flush(self) -> OpChanges:
        """Write every pending text; on failure keep it pending and remember the error."""
        changes = OpChanges()
        name, author_id = self.author()
        conflict: NoteConflict | None = None
        for (target, section), body in list(self._pending.items()):
            if (target, section) in self.conflicts:  # waits for the person's choice
                conflict = conflict or self.conflicts[target, section]
                continue
            try:
                saved = self.notes.save_note(
                    target,
                    section,
                    body,
                    name,
                    author_id,
                    origin=self.origin,
                    base_version=self._versions.get((target, section), ANY_VERSION),
                )
                changes = changes | saved.changes
                self._versions[target, section] = saved.version
                self._bases[target, section] = body
                self.conflicts.pop((target, section), None)
            except NoteConflict as exc:  # kept on screen and aside until the person chooses
                self.conflicts[target, section] = exc
                conflict = conflict or exc
                continue
            except TargetGone as exc:  # nowhere in the file: kept aside, dropped, and said so
                self._keep_gone_aside((target, section), name, author_id)
                del self._pending[target, section]
                self.last_error = str(exc)
                raise
            except Exception as exc:  # keep the text: the next flush tries again
                self.last_error = str(getattr(exc, "orig", None) or exc)  # the driver's words
                self._keep_aside(name, author_id)
                raise
            if self._pending.get((target, section)) == body:
                del self._pending[target, section]
            self._saves_since_checkpoint += 1
        if conflict is not None:
            self.last_error = str(conflict)
            self._keep_aside(name, author_id)
            raise conflict
        self._first_edit = self._last_edit = None
        self.last_error = None
        self.last_saved_at = self.notes.desk.clock.now()
        if self._journalled:  # in the file now: the copy kept aside goes
            self._forget_journalled()
        return changes

    def pending_entries(self) -> list[JournalEntry]:
        """The texts not yet in the file, as the recovery journal keeps them."""
        name, author_id = self.author()
        return self._entries(self._pending, name, author_id)

    def _entries(
        self, texts: dict[tuple[NoteTarget, str], str], name: str, author_id: str | None
    ) -> list[JournalEntry]:
        now = self.clock.now()
        return [
            JournalEntry(
                t.item_id,
                t.group_id,
                section,
                body,
                name,
                author_id,
                self._typed_at.get((t, section), now),
            )
            for (t, section), body in texts.items()
        ]

    def discard(self, *, keep_journal: bool = False) -> None:
        """Drop what is waiting (the person chose so); the journal's copy too, unless kept
        to be offered when the file opens again (after saving it elsewhere)."""
        self._pending.clear()
        self._first_edit = self._last_edit = None
        if not keep_journal:
            self._forget_journalled()
        self._journalled.clear()

    def _keep_aside(self, name: str, author_id: str | None) -> None:
        """Saving failed: append what changed since to the journal outside the file."""
        fresh = {k: b for k, b in self._pending.items() if self._journalled.get(k) != b}
        if not fresh:
            return
        entries = self._entries(fresh, name, author_id)
        try:
            self.journal.record(entries)
        except OSError as exc:  # the journal's disk fails too: the window still asks on close
            self.journal_error = str(exc)
            return
        self.journal_error = None
        self._journalled.update(fresh)

    def _keep_gone_aside(
        self, key: tuple[NoteTarget, str], name: str, author_id: str | None
    ) -> None:
        """Text whose item or group was deleted (an undo, another window) stays in the journal
        for good: offered when the file opens again, to restore (after a redo) or save."""
        try:
            self.journal.record(self._entries({key: self._pending[key]}, name, author_id))
        except OSError as exc:
            self.journal_error = str(exc)
        self._journalled.pop(key, None)

    def _forget_journalled(self) -> None:
        keys = [(t.item_id, t.group_id, section) for t, section in self._journalled]
        try:
            self.journal.forget(keys, since=self._since)
        except OSError as exc:
            self.journal_error = str(exc)
            return
        self._journalled.clear()

    def idle(self) -> None:
        """Typing has paused: tidy the log if saves were made since the last time."""
        if self._saves_since_checkpoint and not self.dirty:
            self.notes.checkpoint()
            self._saves_since_checkpoint = 0

    def loaded(
        self, target: NoteTarget, section: str, version: int | None, body: str | None = None
    ) -> None:
        """The screen shows the note at `version` (None: no note yet), holding `body`;
        typing builds on it."""
        if (target, section) not in self._pending:
            self._versions[target, section] = version
            if body is not None:
                self._bases[target, section] = body

    def resolve(self, target: NoteTarget, section: str, keep: str) -> str | None:
        """Settle a conflict: keep "both", "mine" or "theirs".

        Both: merged line by line on the text both were typed on (`merge_texts`): a change
        made on one side only is taken, lines changed on both are kept marked with who typed
        them where. Returns the text to show and saves it at the next flush (None for
        "theirs": the note's text is shown again and nothing of this laptop's is saved).
        """
        conflict = self.conflicts.pop((target, section))
        base = self._bases.get((target, section))
        self._versions[target, section] = conflict.version
        self._bases[target, section] = conflict.theirs
        mine = self._pending.get((target, section), "")
        if keep == "theirs":
            self._pending.pop((target, section), None)
            return None
        text = (
            mine
            if keep == "mine"
            else merge_texts(
                mine,
                conflict.theirs,
                marker(self.author()[0], "this laptop"),
                marker(conflict.author, "another laptop"),
                base,
            )
        )
        self.edit(target, section, text)
        return text

    def pending_text(self, target: NoteTarget, section: str) -> str | None:
        return self._pending.get((target, section))
