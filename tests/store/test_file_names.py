"""Folder and file names that look like URL syntax open exactly the file they name."""

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from seminar_desk.cli.main import main
from seminar_desk.services.desk import Desk
from seminar_desk.services.files.integrity import check_file
from seminar_desk.services.seminar import SeminarService
from seminar_desk.store.database import Database

NAMES = ["Q&A?x", "Course C#", "100%41 sure", "with space", "Hội thảo Phnom Pénh ខ្មែរ"]


def files_under(root: Path) -> set[str]:
    """Files under `root` (lock files aside: they hold no data)."""
    return {
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file() and not p.name.endswith(".lock")
    }


@pytest.mark.parametrize("folder", NAMES)
def test_open_write_read_check_report_in_an_odd_folder(
    tmp_path: Path, folder: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / folder / "s.sqlite"
    path.parent.mkdir()
    desk = Desk(Database.open(path))
    try:
        SeminarService(desk).update(title="Course on C# & Q&A?")
    finally:
        desk.close()
    assert files_under(tmp_path) == {f"{folder}/s.sqlite"}
    con = sqlite3.connect(path)  # the data is in the file named, not in a stray one
    assert con.execute("SELECT title FROM seminar").fetchone() == ("Course on C# & Q&A?",)
    con.close()

    assert check_file(path).sound
    reader = Database.open_read_only(path)
    try:
        with reader.sessions() as s:
            assert s.execute(text("SELECT count(*) FROM seminar")).scalar() == 1
    finally:
        reader.close()

    csv_path = tmp_path / "agenda.csv"
    csv_path.write_text("date,start,duration,title\n2027-02-01,09:00,30,Opening\n")
    assert main(["import", "agenda", str(csv_path), "--db", str(path)]) == 0
    out = tmp_path / folder / "agenda.pdf"
    assert main(["report", "agenda", "--db", str(path), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert files_under(tmp_path) == {
        f"{folder}/s.sqlite",
        f"{folder}/agenda.pdf",
        "agenda.csv",
    }
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM agenda_item").fetchone() == (1,)
    con.close()
