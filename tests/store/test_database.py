"""Opening files: one writer, crashed writers do not block, bad files get clear messages."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from seminar_desk.store.database import Database
from seminar_desk.store.errors import DatabaseLockedError, NotASeminarFileError


def test_second_writer_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    first = Database.open(path)
    try:
        with pytest.raises(DatabaseLockedError) as info:
            Database.open(path)
        assert str(path) in str(info.value)
        assert "already open" in str(info.value)
    finally:
        first.close()
    Database.open(path).close()  # released on close


def test_lock_of_a_killed_process_does_not_block(tmp_path: Path) -> None:
    path = tmp_path / "crash.sqlite"
    script = textwrap.dedent(f"""
        import os, signal
        from seminar_desk.store.database import Database
        Database.open({str(path)!r})
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    proc = subprocess.run([sys.executable, "-c", script], timeout=60)
    assert proc.returncode != 0
    assert path.with_name(path.name + ".lock").exists()  # left behind by the crash
    Database.open(path).close()


def test_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("Agenda, day 1\n<b>not a database</b>\n")
    before = path.read_bytes()
    with pytest.raises(NotASeminarFileError) as info:
        Database.open(path)
    assert str(path) in str(info.value)
    assert path.read_bytes() == before
    Database.open(tmp_path / "other.sqlite").close()  # the failed open released its lock
    with pytest.raises(NotASeminarFileError):
        Database.open(path)  # and it did not keep a lock on the bad file either


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "foreign.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(NotASeminarFileError, match="not a Seminar Desk file"):
        Database.open(path)


def test_file_from_a_newer_release_is_refused(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "future.sqlite"
    Database.open(path).close()
    con = sqlite3.connect(path)
    con.execute("DELETE FROM alembic_version")  # however many heads there are
    con.execute("INSERT INTO alembic_version VALUES ('9999_future')")
    con.commit()
    con.close()
    with pytest.raises(NotASeminarFileError, match="newer release"):
        Database.open(path)


def test_a_new_seminar_file_is_private(tmp_path: Path) -> None:
    import os
    import stat

    old = os.umask(0o022)
    try:
        db = Database.open(tmp_path / "new.sqlite")
        with db.engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE scratch (x)")
            modes = {
                p.name: stat.S_IMODE(p.stat().st_mode)
                for p in tmp_path.iterdir()
                if p.name.startswith("new.sqlite")
            }
        db.close()
    finally:
        os.umask(old)
    assert modes == {
        "new.sqlite": 0o600,
        "new.sqlite-wal": 0o600,
        "new.sqlite-shm": 0o600,
        "new.sqlite.lock": 0o600,
    }


def test_a_folder_or_a_missing_folder_is_refused_in_one_line(tmp_path: Path) -> None:
    from seminar_desk.store.errors import StoreError

    with pytest.raises(StoreError, match="is a folder, not a seminar file"):
        Database.open(tmp_path)
    with pytest.raises(StoreError, match="folder .* does not exist"):
        Database.open(tmp_path / "typo" / "s.sqlite")
    assert not (tmp_path / "typo").exists()
