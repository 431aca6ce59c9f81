"""`open_reader` / `read_file`: reading a file never changes it, whatever its age."""

import hashlib
from pathlib import Path

import pytest

from seminar_desk.services.files import open_reader, read_file
from seminar_desk.services.seminar import SeminarService
from seminar_desk.store.errors import ReadOnlyRefusal
from seminar_desk.store.migrate import script_heads


def test_an_older_file_is_read_through_an_upgraded_copy_that_goes_away(old_path: Path) -> None:
    if script_heads() == {"0001_initial"}:
        pytest.skip("only one release so far")
    before = hashlib.sha256(old_path.read_bytes()).hexdigest()
    desk = open_reader(old_path)
    scratch = desk.db.scratch
    try:
        assert desk.db.path == old_path  # titles and refusals name the file opened
        assert scratch is not None and scratch.exists()
        assert SeminarService(desk).details() is None
        with pytest.raises(ReadOnlyRefusal, match="open read-only"):
            SeminarService(desk).update(title="No")
    finally:
        desk.close()
    assert not scratch.exists()
    assert hashlib.sha256(old_path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in old_path.parent.iterdir()) == ["old.sqlite"]


def test_a_read_sees_what_an_open_writer_committed(demo_desk) -> None:
    SeminarService(demo_desk).update(title="Committed a moment ago")
    title = read_file(demo_desk.db.target, lambda desk: SeminarService(desk).details().title)
    assert title == "Committed a moment ago"
