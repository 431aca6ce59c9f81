"""A write the file does not take (its disk full, the file made read-only while open): a
refusal that names the file and what to do, nothing half-written, and the next write works
once the problem is solved."""

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from seminar_desk.services.desk import Desk
from seminar_desk.services.notes.autosave import NoteAutosaver
from seminar_desk.services.notes.journal import NoteJournal
from seminar_desk.services.notes.service import NotesService, NoteTarget
from seminar_desk.store import connection
from seminar_desk.store.database import Database
from seminar_desk.store.errors import DiskFullError, ReadOnlyFileError, StoreError
from seminar_desk.store.models import BreakoutGroup


def _group(desk: Desk) -> NoteTarget:
    with desk.read() as s:
        return NoteTarget(group_id=s.scalars(select(BreakoutGroup.id)).first())


@pytest.fixture
def made_read_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """From now on the file opens read-only (as after chmod a-w: SQLite's own refusal)."""
    real = connection.connect
    monkeypatch.setattr(
        connection, "connect", lambda path, **kw: real(path, **{**kw, "read_only": True})
    )
    yield


def test_typing_on_a_disk_that_fills_up_names_the_file_and_keeps_the_text(
    demo_path: Path, tmp_path: Path, tmpfs, clock
) -> None:
    disk = tmp_path / "usb"
    disk.mkdir()
    if not tmpfs(disk, f"size={demo_path.stat().st_size // 1024 + 256}k"):
        pytest.skip("needs a small tmpfs (root)")
    path = disk / "demo.sqlite"
    shutil.copyfile(demo_path, path)
    desk = Desk(Database.open(path), clock)
    try:
        target = _group(desk)
        journal = NoteJournal(path, folder=tmp_path / "journal")  # kept off the full disk
        saver = NoteAutosaver(NotesService(desk), journal=journal)
        saver.edit(target, "summary", "Typed while there was room.")
        saver.flush()
        filler = disk / "filler"
        with pytest.raises(OSError), open(filler, "wb") as out:  # the disk is full
            while True:
                out.write(b"\0" * 4096)
                out.flush()
        text = "Typed on a full disk. " * 2000
        saver.edit(target, "summary", text)
        with pytest.raises(DiskFullError) as refused:
            saver.flush()
        assert str(path) in str(refused.value) and "Free some space" in str(refused.value)
        assert saver.dirty and saver.last_error == str(refused.value)  # not shown as saved
        assert NotesService(desk).note_text(target, "summary") == "Typed while there was room."
        filler.unlink()
        saver.flush()
        assert not saver.dirty and NotesService(desk).note_text(target, "summary") == text
    finally:
        desk.close()


def test_a_file_made_read_only_while_open_names_it_and_what_to_do(
    demo_path: Path, clock, monkeypatch: pytest.MonkeyPatch, made_read_only: None
) -> None:
    desk = Desk(Database.open(demo_path), clock)
    try:
        target = _group(desk)
        before = NotesService(desk).note_text(target, "summary")
        desk.db.engine.dispose()  # the next write opens the file again, now read-only
        with pytest.raises(ReadOnlyFileError) as refused:
            NotesService(desk).save_note(target, "summary", "Typed after chmod a-w")
        message = str(refused.value)
        assert str(demo_path) in message and "chmod u+w" in message
        assert "UPDATE" not in message  # no SQL for the person to read
        monkeypatch.undo()
        desk.db.engine.dispose()
        assert NotesService(desk).note_text(target, "summary") == before
        NotesService(desk).save_note(target, "summary", "Typed once writable again")
        assert NotesService(desk).note_text(target, "summary") == "Typed once writable again"
    finally:
        desk.close()


def test_sqlites_words_for_a_failed_write_become_a_refusal_naming_the_file() -> None:
    path = Path("/media/usb/seminar.sqlite")
    full = connection.write_problem(path, str(sqlite3.OperationalError("database or disk is full")))
    gone = connection.write_problem(path, "disk I/O error")
    assert isinstance(full, DiskFullError) and isinstance(gone, StoreError)
    assert all(str(path) in str(p) for p in (full, gone))
    assert connection.write_problem(path, "no such table: nothing") is None  # a bug stays one
