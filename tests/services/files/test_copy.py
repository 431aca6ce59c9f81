"""`copy`: a seminar from a file to a server and back comes back equal, row by row."""

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from seminar_desk.cli.main import main
from seminar_desk.domain.refusal import Refusal
from seminar_desk.services.files.copy import copy_seminar
from seminar_desk.store.database import Database
from seminar_desk.store.models import Base


def every_row(target: Path | str) -> dict[str, list[tuple[Any, ...]]]:
    db = Database.open_read_only(target)
    try:
        with db.engine.connect() as conn:
            return {
                table.name: sorted(
                    (tuple(row) for row in conn.execute(select(table))), key=repr
                )
                for table in Base.metadata.sorted_tables
            }
    finally:
        db.close()


def test_file_to_server_to_file_gives_back_an_equal_seminar(
    demo_path: Path, pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    back = tmp_path / "back.sqlite"
    assert main(["copy", str(demo_path), pg_url]) == 0
    assert "copied" in capsys.readouterr().out
    assert main(["copy", pg_url, str(back)]) == 0
    original, returned = every_row(demo_path), every_row(back)
    assert sum(map(len, original.values())) > 300
    for table in original:
        assert returned[table] == original[table], table
    assert every_row(pg_url) == original


def test_a_destination_that_holds_a_seminar_is_refused_and_left_alone(
    demo_path: Path, pg_demo_url: str
) -> None:
    before = every_row(pg_demo_url)
    with pytest.raises(Refusal, match="already holds a seminar"):
        copy_seminar(demo_path, pg_demo_url)
    assert every_row(pg_demo_url) == before


def test_search_finds_copied_notes_on_the_server(demo_path: Path, pg_url: str) -> None:
    from seminar_desk.services.desk import Desk
    from seminar_desk.services.notes.search import SearchService

    copy_seminar(demo_path, pg_url)
    desk = Desk(Database.open(pg_url))
    try:
        assert SearchService(desk).search("WCO Customs Enforcement Network")
    finally:
        desk.close()
