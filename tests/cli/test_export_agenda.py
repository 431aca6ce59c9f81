"""`seminar-desk export agenda`: ICS and CSV files from the demo seminar."""

from pathlib import Path

from seminar_desk.cli.main import main


def test_export_ics_and_csv(demo_path: Path, tmp_path: Path, capsys):
    ics = tmp_path / "agenda.ics"
    assert (
        main(["export", "agenda", "--format", "ics", "-o", str(ics), "--db", str(demo_path)]) == 0
    )
    assert "wrote 19 agenda items" in capsys.readouterr().out
    text = ics.read_text()
    assert text.count("BEGIN:VEVENT") == 19 and "BEGIN:VTIMEZONE" in text
    assert "DTSTART;TZID=Asia/Phnom_Penh:20261219T090000" in text
    csv_path = tmp_path / "agenda.csv"
    assert main(["export", "agenda", "-o", str(csv_path), "--db", str(demo_path)]) == 0
    lines = csv_path.read_text().splitlines()
    assert lines[0].startswith("date,start,end,duration,title")
    assert lines[1].startswith("2026-12-19,09:00,09:45,45,Registration and opening ceremony")


def test_export_needs_an_existing_file(tmp_path: Path, capsys):
    out = tmp_path / "a.ics"
    assert main(["export", "agenda", "-o", str(out), "--db", str(tmp_path / "none.sqlite")]) == 2
    assert not out.exists()
