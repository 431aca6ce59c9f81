"""Row-level before/after images of a transaction, recorded from the ORM and replayed in Core.

Recording rows instead of writing an inverse for every command gives every service undo and
redo for free, including rows that the database removes or nulls through ON DELETE rules.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, and_, delete, insert, inspect, select, update
from sqlalchemy.orm import Session

from seminar_desk.domain.changes import Area
from seminar_desk.store.models import Base, area_of_table, utcnow

Row = dict[str, Any]
Key = tuple[str, tuple[Any, ...]]


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _pk_clause(table: Table, pk: tuple[Any, ...]) -> Any:
    return and_(*(col == value for col, value in zip(table.primary_key.columns, pk, strict=True)))


def _read(conn: Connection, key: Key) -> Row | None:
    table = _table(key[0])
    found = conn.execute(select(table).where(_pk_clause(table, key[1]))).mappings().first()
    return dict(found) if found is not None else None


@dataclass
class RowChange:
    before: Row | None
    after: Row | None


@dataclass
class ChangeLog:
    """Before and after images of every row an action touched, keyed by table and primary key."""

    rows: dict[Key, RowChange] = field(default_factory=dict)

    @property
    def areas(self) -> frozenset[Area]:
        return frozenset(a for t, _ in self.rows if (a := area_of_table(t)) is not None)

    def effective(self) -> dict[Key, RowChange]:
        return {k: c for k, c in self.rows.items() if c.before != c.after}


class Recorder:
    """Hooks a Session's flushes and records the rows they touch."""

    def __init__(self, session: Session, record_images: bool) -> None:
        self.session = session
        self.record_images = record_images
        self.log = ChangeLog()
        self._pending: list[Key] = []

    def before_flush(self, session: Session, *_: Any) -> None:
        conn = session.connection()
        keys: list[Key] = []
        for obj in session.dirty:
            if session.is_modified(obj):
                keys.append(self._key(obj))
        deleted = [self._key(obj) for obj in session.deleted]
        keys.extend(deleted)
        keys.extend(self._dependents(conn, deleted))
        for key in keys:
            if key not in self.log.rows:
                before = _read(conn, key) if self.record_images else None
                self.log.rows[key] = RowChange(before, None)
        self._pending = keys

    def after_flush(self, session: Session, *_: Any) -> None:
        conn = session.connection()
        keys = self._pending + [self._key(obj) for obj in session.new]
        for key in keys:
            change = self.log.rows.setdefault(key, RowChange(None, None))
            change.after = _read(conn, key) if self.record_images else {}
        self._pending = []

    @staticmethod
    def _key(obj: Any) -> Key:
        state = inspect(obj)
        table = state.mapper.local_table
        identity = state.identity or state.mapper.primary_key_from_instance(obj)
        return (table.name, tuple(identity))

    def _dependents(self, conn: Connection, keys: Iterable[Key]) -> list[Key]:
        """Rows that ON DELETE CASCADE / SET NULL will change when `keys` are deleted."""
        found: list[Key] = []
        queue = list(keys)
        seen = set(queue)
        while queue:
            table_name, pk = queue.pop()
            parent = _table(table_name)
            for child in Base.metadata.sorted_tables:
                for fk in child.foreign_keys:
                    if fk.column.table is not parent or fk.ondelete not in ("CASCADE", "SET NULL"):
                        continue
                    pk_cols = list(child.primary_key.columns)
                    value = pk[list(parent.primary_key.columns).index(fk.column)]
                    for row in conn.execute(select(*pk_cols).where(fk.parent == value)):
                        key = (child.name, tuple(row))
                        if key in seen:
                            continue
                        seen.add(key)
                        found.append(key)
                        if fk.ondelete == "CASCADE":
                            queue.append(key)
        return found


def replay(conn: Connection, changes: dict[Key, RowChange], *, forward: bool) -> None:
    """Put every row back to its before image (undo) or after image (redo)."""
    conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
    now = utcnow()
    for (table_name, pk), change in changes.items():
        table = _table(table_name)
        target = change.after if forward else change.before
        where = _pk_clause(table, pk)
        if target is None:
            conn.execute(delete(table).where(where))
            continue
        values = dict(target)
        if "updated_at" in table.c:
            values["updated_at"] = now
        exists = conn.execute(select(*table.primary_key.columns).where(where)).first()
        if exists:
            conn.execute(update(table).where(where).values(values))
        else:
            conn.execute(insert(table).values(values))
