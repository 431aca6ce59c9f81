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
                table.name: sorted((tuple(row) for row in conn.execute(select(table))), key=repr)
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


def _with_merge_history(demo_path: Path, tmp_path: Path) -> Path:
    """The demo after a bundle exchange that left an open conflict (and a merge history)."""
    from seminar_desk.domain.clock import FakeClock
    from seminar_desk.services.bundles.export import export_bundle
    from seminar_desk.services.bundles.service import import_bundle
    from seminar_desk.services.desk import Desk
    from seminar_desk.services.notes.service import NotesService, NoteTarget
    from seminar_desk.store.models import BreakoutGroup

    clock = FakeClock()
    a = Desk(Database.open(demo_path), clock)
    b = Desk(Database.open(tmp_path / "laptop-b.sqlite"), clock)
    try:
        export_bundle(a, tmp_path / "start.sdbundle")
        import_bundle(b, tmp_path / "start.sdbundle")
        with a.read() as s:
            target = NoteTarget(group_id=s.scalars(select(BreakoutGroup.id)).first())
        NotesService(a).save_note(target, "summary", "Typed on laptop A")
        NotesService(b).save_note(target, "summary", "Typed on laptop B")
        export_bundle(b, tmp_path / "b.sdbundle")
        import_bundle(a, tmp_path / "b.sdbundle")
    finally:
        a.close()
        b.close()
    return demo_path


@pytest.mark.parametrize("to_server", [False, True], ids=["file", "server"])
def test_a_copy_keeps_the_merge_history_and_open_conflicts(
    demo_path: Path, tmp_path: Path, to_server: bool, request: pytest.FixtureRequest
) -> None:
    from seminar_desk.services.bundles import conflicts
    from seminar_desk.services.desk import Desk

    source = _with_merge_history(demo_path, tmp_path)
    target: Path | str = (
        request.getfixturevalue("pg_url") if to_server else tmp_path / "copy.sqlite"
    )
    copy_seminar(source, target)
    original, copied = every_row(source), every_row(target)
    assert original["merge_conflict"] and original["sync_record"]
    assert copied["merge_conflict"] == original["merge_conflict"]
    assert copied["sync_record"] == original["sync_record"]
    desk = Desk(Database.open(target))
    try:
        [view] = conflicts.list_conflicts(desk)
        assert (view.mine, view.theirs) == ("Typed on laptop A", "Typed on laptop B")
    finally:
        desk.close()
