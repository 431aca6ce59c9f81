"""Write a bundle: the records of a scope, the deletions this file knows of, and for every
record the versions it descends from (so the other file can tell what changed where)."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from seminar_desk import __version__
from seminar_desk.domain.refusal import Refusal
from seminar_desk.domain.text import counted
from seminar_desk.services.bundles import format as fmt
from seminar_desk.services.bundles.records import (
    digest,
    dump_known,
    load_known,
    record_key,
    row_to_json,
    table_named,
)
from seminar_desk.services.bundles.scope import Scope, collect, scope_label
from seminar_desk.services.desk import Desk
from seminar_desk.services.files import write_output
from seminar_desk.store.models import Seminar, SyncRecord

SUFFIX = ".sdbundle"


@dataclass(frozen=True)
class Exported:
    path: Path
    records: int
    deletions: int
    label: str

    def summary(self) -> str:
        return (
            f"Wrote {counted(self.records, 'record')} and {counted(self.deletions, 'deletion')} "
            f"({self.label}) "
            f"to {self.path}."
        )


def export_bundle(desk: Desk, path: Path | str, scope: Scope | None = None) -> Exported:
    """Write the bundle of `scope` to `path` (through the one atomic writer).

    The file learns that these versions were shared (so a later edit here is told apart from
    one there); a file open read-only cannot learn it, which can only make a later merge list
    a conflict that was none, never lose a version.
    """
    data, exported = bundle_bytes(desk, scope or Scope(), Path(path))
    write_output(path, data, database=desk.db.path)
    return exported


@contextmanager
def _session(desk: Desk) -> Iterator[Session]:
    if desk.db.read_only:
        with desk.read() as s:
            yield s
    else:
        with desk.action("Export bundle", undoable=False, keep_history=True) as act:
            yield act.session


def bundle_bytes(desk: Desk, scope: Scope, path: Path) -> tuple[bytes, Exported]:
    with _session(desk) as s:
        conn = s.connection()
        seminar = conn.execute(select(Seminar.id, Seminar.title)).first()
        if seminar is None:
            raise Refusal(f"{desk.db.path} holds no seminar yet; there is nothing to export.")
        label = scope_label(conn, scope)
        records = collect(conn, scope)
        known = {
            (r.table_name, r.record_id): load_known(r.known)
            for r in conn.execute(
                select(SyncRecord.table_name, SyncRecord.record_id, SyncRecord.known)
            )
        }
        tables: dict[str, list[dict[str, Any]]] = {}
        fresh: list[dict[str, str]] = []
        learnt: list[dict[str, str]] = []
        for name, by_key in records.items():
            table = table_named(name)
            assert table is not None
            lines = tables.setdefault(name, [])
            for key in sorted(by_key):
                row = by_key[key]
                versions = known.get((name, key))
                merged = (versions or set()) | {digest(table, row)}
                lines.append({"id": key, "known": sorted(merged), "row": row_to_json(table, row)})
                if versions is None:
                    fresh.append(
                        {"table_name": name, "record_id": key, "known": dump_known(merged)}
                    )
                elif merged != versions:
                    learnt.append({"t": name, "k": key, "known": dump_known(merged)})
        tombstones = []
        for name in scope.tables():
            table = table_named(name)
            assert table is not None
            candidates = [k for (t, k) in known if t == name and k not in records.get(name, {})]
            if not candidates:
                continue
            present = {
                record_key(table, dict(r))
                for r in conn.execute(select(*table.primary_key.columns)).mappings()
            }
            tombstones += [
                {"table": name, "id": key, "known": sorted(known[(name, key)])}
                for key in sorted(candidates)
                if key not in present
            ]
        if not desk.db.read_only:
            remember(s, fresh, learnt)
    manifest = {
        "format": fmt.FORMAT,
        "version": fmt.VERSION,
        "app_version": __version__,
        "seminar_id": seminar.id,
        "seminar_title": seminar.title,
        "created_at": desk.clock.now().isoformat(),
        "scope": {"label": label, "day": scope.day, "group": scope.group},
        "source": desk.db.path.name,
    }
    count = sum(len(v) for v in tables.values())
    return fmt.build(manifest, tables, tombstones), Exported(path, count, len(tombstones), label)


def remember(s: Session, fresh: list[dict[str, str]], learnt: list[dict[str, str]]) -> None:
    """Write what the file now knows of records' histories (new rows, then changed ones)."""
    table = SyncRecord.__table__
    if fresh:
        s.execute(insert(table), fresh)
    if learnt:
        from sqlalchemy import bindparam

        s.execute(
            update(table)
            .where(table.c.table_name == bindparam("t"), table.c.record_id == bindparam("k"))
            .values(known=bindparam("known")),
            learnt,
        )
