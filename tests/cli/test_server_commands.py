"""Every command works on a server's URL as on a file (demo, check, import, export, report)."""

from pathlib import Path

import pytest

from seminar_desk.cli.main import main


def test_every_command_works_on_a_server_url(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--db", pg_url]) == 0
    out = capsys.readouterr().out
    assert "19 agenda items" in out and ":seminar_test@" not in out  # no password shown
    assert main(["check", "--db", pg_url]) == 0
    assert "integrity: ok" in capsys.readouterr().out
    csv = tmp_path / "agenda.csv"
    assert main(["export", "agenda", "--format", "csv", "-o", str(csv), "--db", pg_url]) == 0
    assert "Registration and opening" in csv.read_text(encoding="utf-8")
    pdf = tmp_path / "seminar.pdf"
    assert main(["report", "seminar", "-o", str(pdf), "--db", pg_url]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert main(["import", "agenda", str(csv), "--dry-run", "--db", pg_url]) == 0
    assert "nothing changed" in capsys.readouterr().out
    register = tmp_path / "register.csv"  # Path() of the URL: "no such seminar file"
    assert main(["export", "register", "--format", "csv", "-o", str(register), "--db", pg_url]) == 0
    assert "wrote " in capsys.readouterr().out and "Recommendation" in register.read_text("utf-8")


def test_backup_of_a_server_seminar_is_refused_in_one_line(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup", "--db", pg_url]) == 2
    out = capsys.readouterr()
    text = out.out + out.err
    assert "is a seminar on a server" in text and ":seminar_test@" not in text


def test_a_server_that_cannot_be_reached_is_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = "postgresql+psycopg://nobody:secret@127.0.0.1:1/nothing"
    assert main(["check", "--db", url]) == 1
    out = capsys.readouterr().out
    assert "cannot reach the seminar's server" in out and "secret" not in out
