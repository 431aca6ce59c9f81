"""`--dry-run`, `check`, `export` and `report` create, upgrade and change nothing."""

import hashlib
from pathlib import Path

import pytest

from seminar_desk.cli.main import main
from seminar_desk.store.migrate import script_heads

CSV = "date,start,duration,title\n2026-12-19,18:00,30,Reception\n"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_dry_run_on_a_typo_creates_no_folder_and_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_path = tmp_path / "a.csv"
    csv_path.write_text(CSV)
    typo = tmp_path / "Seminars" / "2026" / "phnom-penh.sqlite"
    assert main(["import", "agenda", str(csv_path), "--db", str(typo), "--dry-run"]) == 0
    assert "as a new seminar; nothing changed" in capsys.readouterr().out
    assert listing(tmp_path) == ["a.csv"]


def test_import_into_a_missing_folder_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_path = tmp_path / "a.csv"
    csv_path.write_text(CSV)
    typo = tmp_path / "Seminars" / "s.sqlite"
    assert main(["import", "agenda", str(csv_path), "--db", str(typo)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not exist" in err and "Traceback" not in err
    assert listing(tmp_path) == ["a.csv"]


@pytest.mark.parametrize(
    "command",
    [
        ["import", "agenda", "{csv}", "--dry-run"],
        ["check"],
        ["export", "agenda", "-o", "{out}/agenda.ics"],
        ["report", "seminar", "-o", "{out}/seminar.pdf"],
    ],
)
def test_read_only_commands_leave_a_current_file_as_it_was(
    demo_path: Path, tmp_path: Path, command: list[str]
) -> None:
    csv_path = tmp_path / "a.csv"
    csv_path.write_text(CSV)
    out = tmp_path / "out"
    out.mkdir()
    args = [a.format(csv=csv_path, out=out) for a in command]
    before, names = digest(demo_path), listing(demo_path.parent)
    assert main([*args, "--db", str(demo_path)]) == 0
    assert digest(demo_path) == before
    assert listing(demo_path.parent) == sorted(
        names + [str(p.relative_to(tmp_path)) for p in out.iterdir()]
    )


@pytest.mark.parametrize(
    "command",
    [
        ["import", "agenda", "{csv}", "--dry-run"],
        ["check"],
        ["export", "agenda", "-o", "{out}/agenda.csv"],
        ["report", "agenda", "-o", "{out}/agenda.pdf"],
    ],
)
def test_read_only_commands_do_not_upgrade_an_older_file(
    old_path: Path, tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    if script_heads() == {"0001_initial"}:
        pytest.skip("only one release so far")
    old = old_path
    csv_path = tmp_path / "a.csv"
    csv_path.write_text(CSV)
    out = tmp_path / "out"
    out.mkdir()
    before, names = digest(old), listing(old.parent)
    args = [a.format(csv=csv_path, out=out) for a in command]
    assert main([*args, "--db", str(old)]) == 0, capsys.readouterr().err
    assert digest(old) == before
    assert listing(old.parent) == names  # no backup, no -wal/-shm
