"""`seminar-desk import agenda`: preview, commit all or nothing, exit codes."""

from pathlib import Path

import pytest
from demo_facts import FRAB

from seminar_desk.cli.main import main
from seminar_desk.services.agenda import AgendaService
from seminar_desk.services.desk import Desk
from seminar_desk.store.database import Database


def items_in(path: Path) -> int:
    desk = Desk(Database.open(path))
    try:
        service = AgendaService(desk)
        return sum(len(service.day(d.id).items) for d in service.days())
    finally:
        desk.close()


def test_import_frab_into_a_new_file(tmp_path: Path, capsys):
    db = tmp_path / "congress.sqlite"
    assert main(["import", "agenda", str(FRAB), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "138 items over 4 days" in out and "Imported 138 items" in out
    assert items_in(db) == 138


def test_dry_run_changes_nothing(tmp_path: Path, demo_path: Path, capsys):
    csv_path = tmp_path / "a.csv"
    csv_path.write_text("date,start,duration,title\n2026-12-19,18:00,30,Reception\n")
    assert main(["import", "agenda", str(csv_path), "--db", str(demo_path), "--dry-run"]) == 0
    assert "Dry run" in capsys.readouterr().out
    assert items_in(demo_path) == 19
    assert main(["import", "agenda", str(csv_path), "--db", str(demo_path)]) == 0
    assert items_in(demo_path) == 20


def test_bad_row_is_reported_and_nothing_imported(tmp_path: Path, demo_path: Path, capsys):
    csv_path = tmp_path / "bad.csv"
    csv_path.write_text(
        "date,start,duration,title\n2026-12-19,18:00,30,Reception\n2026-12-19,7pm-ish,30,Dinner\n"
    )
    assert main(["import", "agenda", str(csv_path), "--db", str(demo_path)]) == 1
    err = capsys.readouterr().err
    assert "nothing imported" in err and "bad.csv, row 3, column start (B)" in err
    assert items_in(demo_path) == 19


def test_missing_file(tmp_path: Path, capsys):
    assert main(["import", "agenda", str(tmp_path / "nope.csv"), "--db", str(tmp_path / "x")]) == 2


def test_a_spreadsheet_into_a_new_file_takes_the_given_zone(tmp_path: Path, capsys):
    from seminar_desk.services.seminar import SeminarService

    csv_path = tmp_path / "Workshop.csv"
    csv_path.write_text("date,start,duration,title\n2027-02-01,09:00,30,Opening\n")
    db = tmp_path / "new.sqlite"
    args = ["import", "agenda", str(csv_path), "--db", str(db), "--timezone", "Asia/Manila"]
    assert main(args) == 0
    desk = Desk(Database.open(db))
    try:
        details = SeminarService(desk).details()
        assert details.timezone == "Asia/Manila" and details.title == "Workshop"
    finally:
        desk.close()
    bad = ["import", "agenda", str(csv_path), "--db", str(tmp_path / "x.sqlite")]
    assert main([*bad, "--timezone", "Mars/Olympus"]) == 2  # a refusal, like every other
    err = capsys.readouterr().err
    assert err.startswith("seminar-desk: nothing imported: unknown time zone 'Mars/Olympus'")
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "x.sqlite").exists()


def test_terminal_escapes_from_files_are_shown_not_obeyed(tmp_path: Path, capsys):
    """A file name or cell with ESC sequences must not recolour or clear the terminal."""
    db = tmp_path / "s.sqlite"
    named = tmp_path / "agenda\x1b]0;pwned\x07\x1b[2J.csv"
    named.write_text("date,start,duration,title\n2027-03-01,09:00,30,Opening\n")
    assert main(["import", "agenda", str(named), "--db", str(db), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "agenda\\x1b]0;pwned\\x07\\x1b[2J.csv (csv): 1 item over 1 day" in out
    bad = tmp_path / "bad\x1b[31m.csv"
    bad.write_text("date,start,duration,title\n2027-03-01,09:00,99:59,\x1b[2JOpening\n")
    assert main(["import", "agenda", str(bad), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "bad\\x1b[31m.csv, row 2" in err


def test_the_help_names_every_registered_format(capsys) -> None:
    from seminar_desk.services.agenda.imports.registry import READERS

    with pytest.raises(SystemExit):
        main(["import", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    for reader in READERS:
        assert reader.described in shown
