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


def test_a_read_only_file_is_refused_for_writing_and_read_for_reports(
    read_only_demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_path = tmp_path / "a.csv"
    csv_path.write_text(CSV)
    names = listing(read_only_demo.parent)
    assert main(["import", "agenda", str(csv_path), "--db", str(read_only_demo)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "read-only" in err and "Traceback" not in err
    assert main(["demo", "--db", str(read_only_demo)]) == 2
    assert "read-only" in capsys.readouterr().err
    out = tmp_path / "agenda.pdf"
    assert main(["report", "agenda", "--db", str(read_only_demo), "-o", str(out)]) == 0
    assert main(["check", "--db", str(read_only_demo)]) == 0
    assert listing(read_only_demo.parent) == names


@pytest.mark.parametrize("command", [["demo"], ["check"], ["report", "agenda", "-o", "x.pdf"]])
def test_a_folder_named_as_the_seminar_is_one_line(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([*command, "--db", str(tmp_path)])
    assert code in (1, 2)
    text = capsys.readouterr()
    assert "is a folder" in text.err + text.out and "Traceback" not in text.err


def test_read_only_reaches_the_window(monkeypatch: pytest.MonkeyPatch, demo_path: Path) -> None:
    from seminar_desk.gui import app

    seen: list[tuple[object, bool]] = []
    monkeypatch.setattr(
        app, "run_gui", lambda db, read_only=False: seen.append((db, read_only)) or 0
    )
    assert main(["--read-only", "--db", str(demo_path)]) == 0
    assert seen == [(demo_path, True)]
