"""What a file holds of the records a bundle names: rows, known histories, pending conflicts.

Plain Core selects on the ORM's tables (no SQL of one database), in chunks of 500 keys.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, select, tuple_

from seminar_desk.services.bundles.records import Row, load_known, record_key
from seminar_desk.store.models import Base, MergeConflict, SyncRecord

CHUNK = 500


@dataclass
class Alternative:
    """A pending conflict: an incoming version kept aside."""

    id: str
    digest: str
    row: str | None
    known: set[str]


@dataclass
class Local:
    rows: dict[tuple[str, str], Row] = field(default_factory=dict)
    known: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    alternatives: dict[tuple[str, str], list[Alternative]] = field(
        default_factory=lambda: defaultdict(list)
    )


def model_of(table_name: str) -> Any:
    for mapper in Base.registry.mappers:
        if mapper.local_table.name == table_name:  # type: ignore[union-attr]
            return mapper.class_
    raise KeyError(table_name)


def rows_of(conn: Connection, table: Table, keys: Iterable[str]) -> dict[str, Row]:
    """The rows of `table` with these record keys."""
    keys = sorted(set(keys))
    cols = list(table.primary_key.columns)
    found: dict[str, Row] = {}
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start : start + CHUNK]
        if len(cols) == 1:
            where = cols[0].in_(chunk)
        else:
            where = tuple_(*cols).in_([tuple(k.split("|")) for k in chunk])
        for row in conn.execute(select(table).where(where)).mappings():
            data = dict(row)
            found[record_key(table, data)] = data
    return found


def load_local(conn: Connection, wanted: dict[str, set[str]]) -> Local:
    """Rows, histories and pending conflicts of the records named in `wanted` (table -> keys)."""
    from seminar_desk.services.bundles.records import table_named

    local = Local()
    for name, keys in wanted.items():
        table = table_named(name)
        assert table is not None
        for key, row in rows_of(conn, table, keys).items():
            local.rows[(name, key)] = row
        ordered = sorted(keys)
        for start in range(0, len(ordered), CHUNK):
            chunk = ordered[start : start + CHUNK]
            for r in conn.execute(
                select(SyncRecord.record_id, SyncRecord.known).where(
                    SyncRecord.table_name == name, SyncRecord.record_id.in_(chunk)
                )
            ):
                local.known[(name, r.record_id)] = load_known(r.known)
            for c in conn.execute(
                select(
                    MergeConflict.id,
                    MergeConflict.record_id,
                    MergeConflict.digest,
                    MergeConflict.row,
                    MergeConflict.known,
                ).where(MergeConflict.table_name == name, MergeConflict.record_id.in_(chunk))
            ):
                local.alternatives[(name, c.record_id)].append(
                    Alternative(c.id, c.digest, c.row, load_known(c.known))
                )
    return local
