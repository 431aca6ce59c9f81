"""Maintenance of a seminar file: the checks say what is wrong, the checkpoint empties the log."""

from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from seminar_desk.store.connection import connect, make_engine
from seminar_desk.store.database import Database
from seminar_desk.store.file.maintenance import (
    foreign_key_problems,
    integrity_problems,
    quick_check,
    wal_checkpoint,
)
from seminar_desk.store.models import Day, Seminar


def _seminar(db: Database, title: str) -> None:
    with db.sessions() as s:
        s.add(Seminar(title=title))
        s.commit()


def test_a_sound_file_has_no_problems(db_path: Path) -> None:
    db = Database.open(db_path)
    try:
        with db.engine.connect() as conn:
            assert integrity_problems(conn) == []
            assert foreign_key_problems(conn) == []
    finally:
        db.close()
    assert quick_check(db_path) is None


def test_a_row_pointing_nowhere_is_named(db_path: Path) -> None:
    Database.open(db_path).close()
    engine = make_engine(db_path, foreign_keys=False)
    try:
        with Session(engine) as s:
            s.add(Day(seminar_id="missing", number=1, date=date(2026, 12, 1)))
            s.commit()
        with engine.connect() as conn:
            assert foreign_key_problems(conn) == [("day", 1, "seminar")]
            assert integrity_problems(conn) == []
    finally:
        engine.dispose()


def test_quick_check_names_the_damage(tmp_path: Path) -> None:
    path = tmp_path / "garbage.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    assert quick_check(path)


def test_checkpoint_copies_the_log_into_the_file(db_path: Path) -> None:
    db = Database.open(db_path)
    try:
        _seminar(db, "Arms Trade Treaty seminar")
        wal_checkpoint(db.engine)
        # Read the main file alone (immutable: its log is ignored): the commit is in it.
        con = connect(db_path, read_only=True, immutable=True)
        try:
            assert con.execute("SELECT title FROM seminar").fetchall() == [
                ("Arms Trade Treaty seminar",)
            ]
        finally:
            con.close()
    finally:
        db.close()
