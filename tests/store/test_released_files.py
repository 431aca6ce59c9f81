"""A file of each released schema (frozen in tests/fixtures, made by make_released_files.py)
opens with today's code: upgraded after a backup, its seminar intact, every reference sound."""

import shutil
import sqlite3
from pathlib import Path

import pytest
from demo_facts import FIXTURES
from make_released_files import RELEASED, ROWS, make
from sqlalchemy import func, select

from seminar_desk.store.database import Database, file_revisions, known_heads
from seminar_desk.store.file.maintenance import (
    foreign_key_problems,
    integrity_problems,
    quick_check,
)
from seminar_desk.store.models import AgendaItem, Day, Note, Participant, Seminar


@pytest.mark.parametrize("revision", RELEASED)
def test_a_released_file_is_upgraded_with_its_seminar_intact(revision: str, tmp_path: Path) -> None:
    frozen = FIXTURES / f"released-{revision}.sqlite"
    path = tmp_path / "seminar.sqlite"
    shutil.copyfile(frozen, path)
    assert file_revisions(path) == {revision}

    db = Database.open(path)
    try:
        assert db.backup is not None and db.backup.exists()
        assert file_revisions(db.backup) == {revision}  # the backup is the file as it was
        with db.sessions() as s:
            seminar = s.scalars(select(Seminar)).one()
            assert (seminar.title, seminar.timezone) == (
                "Regional Seminar on the Arms Trade Treaty",
                "Asia/Phnom_Penh",
            )
            assert [d.number for d in s.scalars(select(Day))] == [1]
            titles = s.scalars(select(AgendaItem.title).order_by(AgendaItem.position)).all()
            assert titles == [
                "Opening of the seminar",
                "Tour de table: national experiences",
                "Coffee break",
            ]
            assert s.scalars(select(Participant.name)).all() == ["Sokha Chan"]
            note = s.scalars(select(Note)).one()
            assert (note.item_id, note.section) == ("item2", "summary")
            assert note.body == "Delegations described their national control lists."
            assert s.scalar(select(func.count()).select_from(AgendaItem)) == 3
        with db.engine.connect() as conn:
            assert foreign_key_problems(conn) == []
            assert integrity_problems(conn) == []
    finally:
        db.close()
    assert file_revisions(path) == known_heads()
    assert quick_check(path) is None


@pytest.mark.parametrize("revision", RELEASED)
def test_the_frozen_files_are_what_the_maker_makes(revision: str, tmp_path: Path) -> None:
    """The maker still makes a file of that revision with the same rows (so a frozen file can
    be made again when a release adds one)."""
    made = make(revision, tmp_path)
    assert file_revisions(made) == {revision}
    frozen = FIXTURES / f"released-{revision}.sqlite"
    tables = sorted({table for table, _ in ROWS})
    assert _rows(made, tables) == _rows(frozen, tables)


def _rows(path: Path, tables: list[str]) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(path)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in tables}
    finally:
        con.close()
