"""`export bundle` and `import bundle`: a preview, a new file from a bundle, one backup."""

import hashlib
from pathlib import Path

import pytest

from seminar_desk.cli.main import main


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_laptop_starts_from_a_bundle_and_a_second_import_changes_nothing(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = tmp_path / "all.sdbundle"
    assert main(["export", "bundle", "--db", str(demo_path), "-o", str(bundle)]) == 0
    assert "Wrote 3" in capsys.readouterr().out
    new = tmp_path / "laptop.sqlite"
    assert main(["import", "bundle", str(bundle), "--db", str(new), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "as a new seminar file" in out and "notes: 14 new" in out and "Dry run" in out
    assert not new.exists()
    assert main(["import", "bundle", str(bundle), "--db", str(new)]) == 0
    assert "agenda items: 19 new" in capsys.readouterr().out
    assert main(["check", "--db", str(new)]) == 0
    capsys.readouterr()
    before = _sha(new)
    assert main(["import", "bundle", str(bundle), "--db", str(new)]) == 0
    assert "Nothing to change" in capsys.readouterr().out
    assert not new.with_name(new.name + ".backups").exists()
    assert _sha(new) == before or main(["check", "--db", str(new)]) == 0


def test_a_group_bundle_merges_with_a_backup_first(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from seminar_desk.services.bundles.scope import find_group
    from seminar_desk.services.files import open_desk
    from seminar_desk.services.notes.service import NotesService, NoteTarget

    copy = tmp_path / "rapporteur.sqlite"
    assert (
        main(["export", "bundle", "--db", str(demo_path), "-o", str(tmp_path / "a.sdbundle")]) == 0
    )
    assert main(["import", "bundle", str(tmp_path / "a.sdbundle"), "--db", str(copy)]) == 0
    desk = open_desk(copy)
    with desk.read() as s:
        group_id, _ = find_group(s.connection(), "2")
    NotesService(desk).save_note(NoteTarget(group_id=group_id), "key_points", "Typed in room 2")
    desk.close()
    capsys.readouterr()
    group = tmp_path / "group2.sdbundle"
    assert main(["export", "bundle", "--db", str(copy), "--group", "2", "-o", str(group)]) == 0
    assert main(["import", "bundle", str(group), "--db", str(demo_path), "--dry-run"]) == 0
    assert "notes: 1" in capsys.readouterr().out
    assert main(["import", "bundle", str(group), "--db", str(demo_path)]) == 0
    out = capsys.readouterr().out
    assert "Backup of the file before the merge" in out
    desk = open_desk(demo_path)
    assert (
        NotesService(desk).note_text(NoteTarget(group_id=group_id), "key_points")
        == "Typed in room 2"
    )
    desk.close()


def test_a_bad_bundle_is_one_line(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.sdbundle"
    bad.write_bytes(b"PK\x03\x04 not really")
    assert main(["import", "bundle", str(bad), "--db", str(db_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "damaged or incomplete" in err
    assert not db_path.exists()


def test_one_conflict_is_said_in_the_singular(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It said "1 conflicts are kept"."""
    import shutil

    from seminar_desk.services.bundles.scope import find_group
    from seminar_desk.services.files import open_desk
    from seminar_desk.services.notes.service import NotesService, NoteTarget

    desk_file, copy = tmp_path / "facilitator.sqlite", tmp_path / "rapporteur.sqlite"
    shutil.copy(demo_path, desk_file)
    assert (
        main(["export", "bundle", "--db", str(desk_file), "-o", str(tmp_path / "a.sdbundle")]) == 0
    )
    assert main(["import", "bundle", str(tmp_path / "a.sdbundle"), "--db", str(copy)]) == 0
    for path, text in ((copy, "Typed in room 2"), (desk_file, "Typed at the desk")):
        desk = open_desk(path)
        with desk.read() as s:
            group_id, _ = find_group(s.connection(), "2")
        NotesService(desk).save_note(NoteTarget(group_id=group_id), "key_points", text)
        desk.close()
    group = tmp_path / "group2.sdbundle"
    assert main(["export", "bundle", "--db", str(copy), "--group", "2", "-o", str(group)]) == 0
    capsys.readouterr()
    assert main(["import", "bundle", str(group), "--db", str(desk_file)]) == 0
    out = capsys.readouterr().out
    assert "1 conflict is kept to resolve in the window" in out
    assert "1 conflicts" not in out
