"""Hostile or damaged bundles are refused with a clear message, and nothing changes."""

import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from seminar_desk.services.bundles import format as fmt
from seminar_desk.services.bundles.export import export_bundle
from seminar_desk.services.bundles.format import BundleRefused
from seminar_desk.services.bundles.scope import Scope
from seminar_desk.services.bundles.service import import_bundle
from seminar_desk.services.desk import Desk
from seminar_desk.services.seminar import SeminarService


@pytest.fixture
def good(demo_desk: Desk, tmp_path: Path) -> Path:
    path = tmp_path / "good.sdbundle"
    export_bundle(demo_desk, path, Scope(group="1"))
    return path


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def _rewrite(
    path: Path, members: dict[str, bytes], target: Path, *, fix_manifest: bool = True
) -> Path:
    if fix_manifest:
        manifest = json.loads(members["manifest.json"])
        manifest["members"] = {
            n: {"records": d.count(b"\n"), "size": len(d)}
            for n, d in members.items()
            if n != "manifest.json"
        }
        members = {**members, "manifest.json": json.dumps(manifest).encode()}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return target


def _manifest(**changes: object) -> Callable[[dict[str, bytes]], dict[str, bytes]]:
    def change(members: dict[str, bytes]) -> dict[str, bytes]:
        manifest = json.loads(members["manifest.json"])
        manifest.update(changes)
        return {**members, "manifest.json": json.dumps(manifest).encode()}

    return change


def _note_line(edit: Callable[[dict], None]) -> Callable[[dict[str, bytes]], dict[str, bytes]]:
    def change(members: dict[str, bytes]) -> dict[str, bytes]:
        lines = members["tables/note.jsonl"].splitlines()
        record = json.loads(lines[0])
        edit(record)
        lines[0] = json.dumps(record).encode()
        return {**members, "tables/note.jsonl": b"\n".join(lines) + b"\n"}

    return change


def _fingerprint(desk: Desk) -> str:
    """Every row of every table, on a file or a server alike."""
    from sqlalchemy import select

    from seminar_desk.store.models import Base

    lines: list[str] = []
    with desk.db.engine.connect() as con:
        for table in Base.metadata.sorted_tables:
            rows = con.execute(select(table).order_by(*table.primary_key.columns)).all()
            lines.append(f"{table.name}: {sorted(repr(tuple(r)) for r in rows)}")
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


CASES: dict[str, tuple[Callable[[dict[str, bytes]], dict[str, bytes]], str]] = {
    "another seminar": (_manifest(seminar_id="f" * 32, seminar_title="Another"), "another seminar"),
    "newer format": (_manifest(version=fmt.VERSION + 1), "newer Seminar Desk"),
    "unknown format": (_manifest(format="something-else"), "not a Seminar Desk bundle"),
    "escaping path": (lambda m: {**m, "../evil.jsonl": b"{}\n"}, "could escape"),
    "absolute path": (lambda m: {**m, "/etc/cron.d/x": b"x"}, "could escape"),
    "malformed JSON": (
        lambda m: {**m, "tables/note.jsonl": m["tables/note.jsonl"] + b"{not json\n"},
        "not valid JSON",
    ),
    "wrong type": (_note_line(lambda r: r["row"].update(body=42)), "note.body should be text"),
    "wrong date": (_note_line(lambda r: r["row"].update(updated_at="yesterday")), "date and time"),
    "unknown column": (_note_line(lambda r: r["row"].update(evil=1)), "no column 'evil'"),
    "unknown table": (
        lambda m: {**m, "tables/secrets.jsonl": b'{"id":"x","row":{}}\n'},
        "not a table",
    ),
    "bad digests": (_note_line(lambda r: r.update(known="x")), "list of version digests"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_bundle_is_refused_and_nothing_changes(
    case: str, good: Path, demo_desk: Desk, tmp_path: Path
) -> None:
    change, message = CASES[case]
    bad = _rewrite(
        good,
        change(_members(good)),
        tmp_path / "bad.sdbundle",
        fix_manifest=not case.endswith("path"),
    )
    before = _fingerprint(demo_desk)
    with pytest.raises(BundleRefused, match=message):
        import_bundle(demo_desk, bad)
    assert _fingerprint(demo_desk) == before
    assert not (demo_desk.db.path.with_name(demo_desk.db.path.name + ".backups")).exists()


def test_truncated_bundle_is_refused(good: Path, tmp_path: Path) -> None:
    bad = tmp_path / "cut.sdbundle"
    bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(BundleRefused, match="damaged or incomplete"):
        fmt.read(bad)


def test_damaged_bytes_are_refused(good: Path, tmp_path: Path) -> None:
    data = bytearray(good.read_bytes())
    middle = len(data) // 3
    data[middle : middle + 40] = b"\x00" * 40
    bad = tmp_path / "damaged.sdbundle"
    bad.write_bytes(bytes(data))
    with pytest.raises(BundleRefused):
        fmt.read(bad)


def test_a_member_larger_than_declared_is_refused(good: Path, tmp_path: Path) -> None:
    members = _members(good)
    members["tables/note.jsonl"] += b" " * 10
    bad = _rewrite(good, members, tmp_path / "big.sdbundle", fix_manifest=False)
    with pytest.raises(BundleRefused, match="manifest says"):
        fmt.read(bad)


def test_a_compression_bomb_is_refused_before_it_is_read(good: Path, tmp_path: Path) -> None:
    members = _members(good)
    members["tables/note.jsonl"] = b" " * (20 * 1024 * 1024)  # deflates ~1000 times
    bad = _rewrite(good, members, tmp_path / "bomb.sdbundle")
    with pytest.raises(BundleRefused, match="compression bomb"):
        fmt.read(bad)


def test_not_a_zip_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "x.sdbundle"
    bad.write_text("hello")
    with pytest.raises(BundleRefused, match="not a Seminar Desk bundle"):
        fmt.read(bad)


def test_a_refused_bundle_creates_no_new_file(good: Path, tmp_path: Path) -> None:
    from seminar_desk.cli.main import main

    bad = _rewrite(good, _manifest(version=99)(_members(good)), tmp_path / "bad.sdbundle")
    target = tmp_path / "new.sqlite"
    assert main(["import", "bundle", str(bad), "--db", str(target)]) == 2
    assert not target.exists()


def test_the_seminar_check_names_both_titles(good: Path, desk: Desk) -> None:
    SeminarService(desk).update(title="Mine")
    with pytest.raises(BundleRefused, match="another seminar .*“Mine”"):
        import_bundle(desk, good)
