"""The recovery journal of typed notes that the seminar file would not take."""

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from seminar_desk.domain.clock import FakeClock
from seminar_desk.services.desk import Desk
from seminar_desk.services.notes.autosave import NoteAutosaver
from seminar_desk.services.notes.journal import (
    COMPACT_BYTES,
    JournalEntry,
    NoteJournal,
    to_markdown,
)
from seminar_desk.services.notes.service import NotesService, NoteTarget

T0 = datetime(2026, 11, 30, 3, 0, tzinfo=UTC)


def entry(body: str, section: str = "summary", at: datetime = T0) -> JournalEntry:
    return JournalEntry("item1", None, section, body, "Ana", None, at)


def test_newest_text_per_section_wins_and_a_torn_line_is_skipped(tmp_path: Path) -> None:
    journal = NoteJournal(tmp_path / "s.sqlite", folder=tmp_path / "j")
    journal.record([entry("first"), entry("other", "key_points")])
    journal.record([entry("first, then more", at=T0 + timedelta(seconds=5))])
    with open(journal.path, "a", encoding="utf-8") as f:
        f.write('{"item_id": "item1", "body": "cut sh')  # the laptop died mid-line
    assert [(e.section, e.body) for e in journal.entries()] == [
        ("key_points", "other"),
        ("summary", "first, then more"),
    ]


def test_the_journal_is_private(tmp_path: Path) -> None:
    journal = NoteJournal(tmp_path / "s.sqlite", folder=tmp_path / "j")
    journal.record([entry("personal notes")])
    assert journal.path.stat().st_mode & 0o777 == 0o600
    journal.record([entry("x " * 200_000, at=T0 + timedelta(seconds=1))])  # compacted
    assert journal.path.stat().st_mode & 0o777 == 0o600


def test_one_journal_per_seminar_file(tmp_path: Path) -> None:
    a = NoteJournal(tmp_path / "a.sqlite", folder=tmp_path / "j")
    b = NoteJournal(tmp_path / "b.sqlite", folder=tmp_path / "j")
    a.record([entry("for a")])
    assert a.path != b.path and b.entries() == []
    assert NoteJournal(tmp_path / "x" / ".." / "a.sqlite", folder=tmp_path / "j").entries()


def test_it_stays_small(tmp_path: Path) -> None:
    journal = NoteJournal(tmp_path / "s.sqlite", folder=tmp_path / "j")
    long_text = "word " * 2000
    for n in range(40):
        journal.record([entry(f"{long_text}{n}", at=T0 + timedelta(seconds=n))])
    assert journal.path.stat().st_size <= COMPACT_BYTES + 20_000
    (last,) = journal.entries()
    assert last.body.endswith("39")


def test_forget_keeps_texts_of_an_earlier_session(tmp_path: Path) -> None:
    journal = NoteJournal(tmp_path / "s.sqlite", folder=tmp_path / "j")
    journal.record([entry("from yesterday", "key_points", T0 - timedelta(days=1))])
    journal.record([entry("today")])
    journal.forget([("item1", None, "summary"), ("item1", None, "key_points")], since=T0)
    assert [e.body for e in journal.entries()] == ["from yesterday"]
    journal.remove(journal.entries())
    assert not journal.path.exists()


def test_markdown_keeps_text_as_typed(tmp_path: Path) -> None:
    text = to_markdown(
        [entry("x < y & <b>z</b>\n- one")], lambda e: "Opening › Summary", tmp_path / "s.sqlite"
    )
    assert "## Opening › Summary" in text and "x < y & <b>z</b>\n- one" in text
    assert "Typed by Ana" in text


def test_a_failed_save_goes_to_the_journal_and_leaves_it_once_saved(
    demo_desk: Desk, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = NotesService(demo_desk)
    journal = NoteJournal(demo_desk.db.path, folder=tmp_path / "j")
    saver = NoteAutosaver(notes, journal=journal)
    with demo_desk.read() as s:
        from sqlalchemy import select

        from seminar_desk.store.models import AgendaItem

        item_id = s.scalars(select(AgendaItem.id)).first()
    target = NoteTarget(item_id=item_id)
    real = notes.save_note

    def broken(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(notes, "save_note", broken)
    saver.edit(target, "summary", "Typed while read-only")
    for _ in range(3):  # the editor retries every second: one line, not one per retry
        with pytest.raises(sqlite3.OperationalError):
            saver.flush()
    assert saver.last_error == "attempt to write a readonly database"
    lines = journal.path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and "Typed while read-only" in lines[0]
    assert [(e.item_id, e.body) for e in journal.entries()] == [(item_id, "Typed while read-only")]

    monkeypatch.setattr(notes, "save_note", real)
    clock.advance(1)
    saver.flush()
    assert notes.note_text(target, "summary") == "Typed while read-only"
    assert not journal.path.exists()


def test_discard_forgets_unless_asked_to_keep(
    demo_desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = NotesService(demo_desk)
    journal = NoteJournal(demo_desk.db.path, folder=tmp_path / "j")
    saver = NoteAutosaver(notes, journal=journal)
    target = NoteTarget(item_id="gone-or-not")

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(notes, "save_note", broken)
    saver.edit(target, "summary", "kept")
    with pytest.raises(OSError):
        saver.flush()
    saver.discard(keep_journal=True)
    assert not saver.dirty and len(journal.entries()) == 1
    saver.edit(target, "key_points", "dropped")
    with pytest.raises(OSError):
        saver.flush()
    saver.discard()
    assert [e.body for e in journal.entries()] == ["kept"]  # only what this discard dropped


def test_text_for_a_group_an_undo_removed_is_kept_aside_and_restored_after_redo(
    demo_desk: Desk, tmp_path: Path
) -> None:
    from seminar_desk.services.notes.breakouts import BreakoutService
    from seminar_desk.services.notes.service import TargetGone

    notes, breakouts = NotesService(demo_desk), BreakoutService(demo_desk)
    journal = NoteJournal(demo_desk.db.path, folder=tmp_path / "j")
    saver = NoteAutosaver(notes, journal=journal)
    item_id = next(i.id for i in breakouts.items() if i.kind == "breakout")
    gid = breakouts.add_group(item_id, "Group Z").id
    saver.edit(NoteTarget(group_id=gid), "summary", "typed as the group was undone")
    demo_desk.undo()
    with pytest.raises(TargetGone):
        saver.flush()
    other = NoteTarget(item_id=item_id)
    saver.edit(other, "summary", "saved fine")
    saver.flush()  # a later save does not take the kept text away
    (kept,) = journal.entries()
    assert (kept.group_id, kept.body) == (gid, "typed as the group was undone")
    demo_desk.redo()  # the group is back: the text can go where it belongs
    notes.restore(kept)
    assert notes.note_text(NoteTarget(group_id=gid), "summary") == kept.body
