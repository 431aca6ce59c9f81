"""The command line: version, demo, check, and clear failures."""

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from seminar_desk import __version__
from seminar_desk.cli.main import main
from seminar_desk.store.database import Database


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_demo_then_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(path)]) == 0
    assert "19 agenda items" in capsys.readouterr().out
    assert main(["check", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "integrity: ok" in out and "schema:" in out


def test_db_option_also_accepted_before_the_command(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    assert main(["--db", str(path), "demo"]) == 0
    assert path.exists()


def test_demo_refuses_a_file_that_already_holds_a_seminar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(path)]) == 0
    assert main(["demo", "--db", str(path)]) == 2
    assert "already holds a seminar" in capsys.readouterr().err


def test_demo_on_a_file_open_elsewhere_names_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "busy.sqlite"
    holder = Database.open(path)
    try:
        assert main(["demo", "--db", str(path)]) == 2
    finally:
        holder.close()
    err = capsys.readouterr().err
    assert str(path) in err and "already open" in err


def test_check_reports_garbage_and_corruption(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"R&D <not> a database" * 10)
    assert main(["check", "--db", str(garbage)]) == 1
    assert "not an SQLite database" in capsys.readouterr().out

    broken = tmp_path / "broken.sqlite"
    assert main(["demo", "--db", str(broken)]) == 0
    capsys.readouterr()
    data = bytearray(broken.read_bytes())
    page = 4096
    for offset in range(page * 3, min(len(data), page * 12)):
        data[offset] = 0xA5  # overwrite table pages past the header
    broken.write_bytes(bytes(data))
    assert main(["check", "--db", str(broken)]) == 1
    assert "problem:" in capsys.readouterr().out


def test_check_reports_dangling_references(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "dangling.sqlite"
    assert main(["demo", "--db", str(path)]) == 0
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute("UPDATE agenda_item SET day_id = 'missing' WHERE position = 0")
    con.commit()
    con.close()
    assert main(["check", "--db", str(path)]) == 1
    assert "points to a missing day" in capsys.readouterr().out


def test_console_script_runs_without_qt(tmp_path: Path) -> None:
    """Commands never import Qt (the CLI works on machines without a display)."""
    code = (
        "import sys; from seminar_desk.cli.main import main; rc = main(['demo', '--db', "
        f"{str(tmp_path / 'x.sqlite')!r}]); assert 'PySide6' not in sys.modules; sys.exit(rc)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_the_window_opens_without_loading_the_commands_or_the_database_layer() -> None:
    """`seminar-desk [--db FILE] [--read-only]` goes straight to the window, which shows before
    SQLAlchemy loads: the commands (which load it) are not imported to read those options."""
    code = (
        "import sys; import seminar_desk.gui.app as app; "
        "app.run_gui = lambda db, read_only=False: print(db, read_only, sorted(m for m in "
        "sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic') or '.cli.cmd_' in m)) or 0; "
        "from seminar_desk.cli.main import main; sys.exit(main(['--db', 'x.sqlite', '--read']))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["x.sqlite", "True", "[]"]


def test_options_before_a_command_or_a_mistake_go_to_the_full_parser(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "before.sqlite"
    assert main(["--db", str(path), "demo"]) == 0 and path.exists()
    with pytest.raises(SystemExit):
        main(["--db"])
    assert "expected one argument" in capsys.readouterr().err


def test_an_unexpected_error_is_one_line_and_its_details_go_to_the_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "logs" / "seminar-desk.log"
    monkeypatch.setattr("seminar_desk.paths.log_path", lambda: log)

    def broken(*_: object, **__: object) -> object:
        raise RuntimeError("a bug")

    monkeypatch.setattr("seminar_desk.cli.cmd_demo.create_demo", broken)
    assert main(["demo", "--db", str(tmp_path / "demo.sqlite")]) == 1
    err = capsys.readouterr().err
    assert err == f"seminar-desk: something went wrong (RuntimeError: a bug); details in {log}\n"
    assert "Traceback" in log.read_text(encoding="utf-8")
