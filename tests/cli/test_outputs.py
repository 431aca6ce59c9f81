"""`report` and `export` never write over the seminar, even while a window has it open."""

import hashlib
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from seminar_desk.cli.main import main

HOLD = textwrap.dedent("""
    import sys
    from seminar_desk.services.desk import Desk
    from seminar_desk.services.seminar import SeminarService
    from seminar_desk.store.database import Database
    desk = Desk(Database.open(sys.argv[1]))
    print("open", flush=True)
    sys.stdin.readline()
    SeminarService(desk).update(title="Still saving")  # the window goes on saving
    desk.close()
""")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.slow
@pytest.mark.parametrize(
    "command",
    [
        ["report", "agenda"],
        ["export", "agenda"],
        ["export", "agenda", "--format", "csv"],
    ],
)
@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", ".lock"])
def test_output_onto_the_open_seminar_is_refused(
    demo_path: Path, capsys: pytest.CaptureFixture[str], command: list[str], suffix: str
) -> None:
    window = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(demo_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert window.stdout is not None and window.stdout.readline() == "open\n"
        before = digest(demo_path)
        target = demo_path.with_name(demo_path.name + suffix)
        assert main([*command, "--db", str(demo_path), "-o", str(target)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "seminar file" in err and str(target) in err
        assert digest(demo_path) == before
        window.stdin.write("go on\n")  # type: ignore[union-attr]
        window.stdin.flush()  # type: ignore[union-attr]
        assert window.wait(timeout=60) == 0
    finally:
        if window.poll() is None:
            window.kill()
    import sqlite3

    con = sqlite3.connect(demo_path)
    assert con.execute("SELECT title FROM seminar").fetchone() == ("Still saving",)
    con.close()


def test_report_onto_another_seminar_file_is_refused(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.sqlite"
    other.write_bytes(demo_path.read_bytes())
    renamed = tmp_path / "notes.pdf"
    renamed.write_bytes(demo_path.read_bytes())
    for target in (other, renamed):
        assert main(["report", "agenda", "--db", str(demo_path), "-o", str(target)]) == 2
        assert target.read_bytes() == demo_path.read_bytes()
    assert "seminar file" in capsys.readouterr().err
