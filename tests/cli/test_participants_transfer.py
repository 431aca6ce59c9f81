"""`seminar-desk import participants` and `export participants`: preview, all or nothing,
exit codes, and a re-import that changes nothing."""

from pathlib import Path

import participant_lists

from seminar_desk.cli.main import main
from seminar_desk.services.desk import Desk
from seminar_desk.store.database import Database


def dump(path: Path) -> tuple[list[tuple], list[tuple]]:
    desk = Desk(Database.open(path))
    try:
        return participant_lists.dump(desk)
    finally:
        desk.close()


def test_import_then_again_changes_nothing(demo_path: Path, capsys):
    csv = str(participant_lists.MESSY_CSV)
    assert main(["import", "participants", csv, "--db", str(demo_path)]) == 0
    out = capsys.readouterr().out
    assert "Delegation “Burma” = Myanmar (MMR)" in out
    assert "Imported: 39 added, 0 changed, 1 unchanged" in out
    before = dump(demo_path)
    assert main(["import", "participants", csv, "--db", str(demo_path)]) == 0
    assert "Imported: 0 added, 0 changed, 40 unchanged" in capsys.readouterr().out
    assert dump(demo_path) == before


def test_dry_run_previews_and_changes_nothing(demo_path: Path, capsys):
    before = dump(demo_path)
    xlsx = str(participant_lists.MESSY_XLSX)
    assert main(["import", "participants", xlsx, "--db", str(demo_path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Columns: Title ← Title (B); First name ← First Name (C)" in out
    assert (
        "Dry run: would import (39 added, 0 changed, 1 unchanged; 1 disagreement with the "
        "seminar: the seminar's values kept); nothing changed."
    ) in out
    assert dump(demo_path) == before


def test_a_bad_row_exits_non_zero_and_changes_nothing(demo_path: Path, tmp_path: Path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("Name,Gender\nAna Reyes,F\nBo,Q\n,M\n", encoding="utf-8")
    before = dump(demo_path)
    assert main(["import", "participants", str(bad), "--db", str(demo_path)]) == 1
    err = capsys.readouterr().err
    assert "bad.csv, row 3, column Gender (B): expected female, male, other" in err
    assert "bad.csv, row 4, column Name (A): expected a name, found ''." in err
    assert dump(demo_path) == before


def test_refusals_exit_two(tmp_path: Path, capsys):
    missing = tmp_path / "none.sqlite"
    csv = str(participant_lists.MESSY_CSV)
    assert main(["import", "participants", csv, "--db", str(missing)]) == 2
    assert "no such seminar file" in capsys.readouterr().err
    assert not missing.exists()
    assert main(["import", "participants", str(tmp_path / "x.csv"), "--db", str(missing)]) == 2


def test_export_csv_and_xlsx(demo_path: Path, tmp_path: Path, capsys):
    for fmt in ("csv", "xlsx"):
        out = tmp_path / f"people.{fmt}"
        assert main(["export", "participants", "-o", str(out), "--db", str(demo_path)]) == 0
        assert f"wrote 48 participants to {out} ({fmt})" in capsys.readouterr().out
        assert main(["import", "participants", str(out), "--db", str(demo_path)]) == 0
        assert "Imported: 0 added, 0 changed, 48 unchanged" in capsys.readouterr().out
    forced = tmp_path / "people.txt"
    args = ["export", "participants", "--format", "xlsx", "-o", str(forced)]
    assert main([*args, "--db", str(demo_path)]) == 0
    assert forced.read_bytes().startswith(b"PK")


def test_disagreements_left_are_counted_and_placed(demo_path: Path, tmp_path: Path, capsys):
    csv = tmp_path / "update.csv"
    csv.write_text(
        "Name,Delegation,Function,Gender\nChea Sophal,KHM,Minister,\n"
        "Kim Sreymom,KHM,,Male\nHeng Dara,KHM,,\n",
        encoding="utf-8",
    )
    args = ["import", "participants", str(csv), "--db", str(demo_path)]
    before = dump(demo_path)
    assert main([*args, "--dry-run"]) == 0
    assert main(args) == 0
    out = capsys.readouterr().out
    left = (
        "2 disagreements with the seminar left as the seminar has them (rows 2, 3 of "
        "update.csv); --prefer-file takes the file's values"
    )
    assert out.count(left) == 2  # the dry run says it too
    assert (
        "Disagrees row 3: Kim Sreymom (Cambodia (KHM)): Gender: seminar “female”, file “male”"
        in out
    )
    assert dump(demo_path) == before
    assert main([*args, "--prefer-file"]) == 0
    out = capsys.readouterr().out
    assert (
        "Imported: 0 added, 2 changed, 1 unchanged; 2 disagreements with the seminar: the "
        "file's values taken" in out
    )
    assert "left as the seminar has" not in out
    assert main(args) == 0  # now they agree
    out = capsys.readouterr().out
    assert "Imported: 0 added, 0 changed, 3 unchanged (" in out and "Disagrees" not in out
