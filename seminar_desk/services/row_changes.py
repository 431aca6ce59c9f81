"""Row-level before/after images of a transaction, recorded from the ORM and replayed in Core.

Recording rows instead of writing an inverse for every command gives every service undo and
redo for free, including rows that the database removes or nulls through ON DELETE rules.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import (
    Connection,
    ForeignKey,
    Table,
    and_,
    delete,
    insert,
    inspect,
    select,
    tuple_,
    update,
)
from sqlalchemy.orm import Session
from sqlalchemy.orm.base import NEVER_SET, NO_VALUE

from seminar_desk.domain.changes import Area
from seminar_desk.store.kinds import FILE, FileKind
from seminar_desk.store.models import Base, area_of_table

Row = dict[str, Any]
Key = tuple[str, tuple[Any, ...]]


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


@cache
def _referencing(table_name: str) -> tuple[tuple[Table, ForeignKey], ...]:
    """Foreign keys that point at a table with an ON DELETE rule (the schema is fixed at run)."""
    parent = _table(table_name)
    return tuple(
        (child, fk)
        for child in Base.metadata.sorted_tables
        for fk in child.foreign_keys
        if fk.column.table is parent and fk.ondelete in ("CASCADE", "SET NULL")
    )


def _pk_clause(table: Table, pk: tuple[Any, ...]) -> Any:
    return and_(*(col == value for col, value in zip(table.primary_key.columns, pk, strict=True)))


def read_many(conn: Connection, keys: Iterable[Key]) -> dict[Key, Row]:
    """Current images of many rows: one query per table (and per 500 keys), not one per row."""
    by_table: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for name, pk in dict.fromkeys(keys):
        by_table[name].append(pk)
    found: dict[Key, Row] = {}
    for name, pks in by_table.items():
        table = _table(name)
        cols = list(table.primary_key.columns)
        for start in range(0, len(pks), 500):
            chunk = pks[start : start + 500]
            if len(cols) == 1:
                where = cols[0].in_([pk[0] for pk in chunk])
            else:
                where = tuple_(*cols).in_(chunk)
            for row in conn.execute(select(table).where(where)).mappings():
                found[(name, tuple(row[c.name] for c in cols))] = dict(row)
    return found


def state_image(obj: Any, *, original: bool, inserted: bool = False) -> Row | None:
    """A row image from an ORM object: its values now, or as loaded (`original`).

    A column the object has no value for was stored as NULL if the object was just inserted
    (no column has a server default); otherwise it was never loaded, and None tells the caller
    to read the row from the database.
    """
    state = inspect(obj)
    values = state.dict
    committed = state.committed_state
    row: Row = {}
    for prop in state.mapper.column_attrs:
        key = prop.key
        if original and key in committed:
            value = committed[key]
            if value is NO_VALUE or value is NEVER_SET:
                return None
        elif key in values:
            value = values[key]
        elif inserted:
            value = None
        else:
            return None
        for column in prop.columns:
            row[column.name] = value
    return row


def find_dependents(conn: Connection, keys: Iterable[Key]) -> list[Key]:
    """Rows that ON DELETE CASCADE / SET NULL will change when `keys` are deleted."""
    found: list[Key] = []
    queue = list(keys)
    seen = set(queue)
    while queue:
        table_name, pk = queue.pop()
        parent = _table(table_name)
        for child, fk in _referencing(table_name):
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


@dataclass
class RowChange:
    before: Row | None
    after: Row | None


def areas_of(rows: Iterable[Key]) -> frozenset[Area]:
    """The areas (agenda, notes...) that rows belong to, for telling views what changed."""
    return frozenset(a for t, _ in rows if (a := area_of_table(t)) is not None)


@dataclass
class ChangeLog:
    """Before and after images of every row an action touched, keyed by table and primary key."""

    rows: dict[Key, RowChange] = field(default_factory=dict)

    def effective(self) -> dict[Key, RowChange]:
        return {k: c for k, c in self.rows.items() if c.before != c.after}


class Recorder:
    """Hooks a Session's flushes and records the rows they touch."""

    def __init__(self, session: Session, record_images: bool) -> None:
        self.session = session
        self.record_images = record_images
        self.log = ChangeLog()
        self._dirty: list[Any] = []
        self._deleted: list[Key] = []
        self._dependents_pending: list[Key] = []

    def before_flush(self, session: Session, *_: Any) -> None:
        conn = session.connection()
        dirty = [obj for obj in session.dirty if _kept(obj) and session.is_modified(obj)]
        deleted = [self._key(obj) for obj in session.deleted if _kept(obj)]
        dependents = find_dependents(conn, deleted)
        # Rows already in the log keep the image of their first flush in this action.
        to_read: list[Key] = [key for key in dependents if key not in self.log.rows]
        for obj in [*dirty, *filter(_kept, session.deleted)]:
            key = self._key(obj)
            if key in self.log.rows:
                continue
            image = state_image(obj, original=True) if self.record_images else None
            self.log.rows[key] = RowChange(image, None)
            if image is None and self.record_images:
                to_read.append(key)
        images = read_many(conn, to_read) if self.record_images else {}
        for key in to_read:
            self.log.rows[key] = RowChange(images.get(key), None)
        self._dirty = dirty
        self._deleted = deleted
        self._dependents_pending = dependents

    def after_flush(self, session: Session, *_: Any) -> None:
        """After images come from the objects themselves; only rows changed by the database
        (ON DELETE rules) or not fully loaded are read back."""
        to_read = list(self._dependents_pending)
        for key in self._deleted:
            self.log.rows.setdefault(key, RowChange(None, None)).after = None
        inserted = set(map(id, session.new))
        for obj in [*self._dirty, *filter(_kept, session.new)]:
            key = self._key(obj)
            change = self.log.rows.setdefault(key, RowChange(None, None))
            change.after = (
                state_image(obj, original=False, inserted=id(obj) in inserted)
                if self.record_images
                else {}
            )
            if change.after is None and self.record_images:
                to_read.append(key)
        images = read_many(session.connection(), to_read) if self.record_images and to_read else {}
        for key in to_read:
            self.log.rows.setdefault(key, RowChange(None, None)).after = (
                images.get(key) if self.record_images else {}
            )
        self._dirty, self._deleted, self._dependents_pending = [], [], []

    @staticmethod
    def _key(obj: Any) -> Key:
        state = inspect(obj)
        table = state.mapper.local_table
        identity = state.identity or state.mapper.primary_key_from_instance(obj)
        return (table.name, tuple(identity))


def _kept(obj: Any) -> bool:
    """Rows of bookkeeping tables (area None: what bundles know of shared history) are not
    undone: an undo puts back what a person did, not what the file learnt meanwhile."""
    return area_of_table(inspect(obj).mapper.local_table.name) is not None


class Conflict(Exception):
    """The file no longer matches what a step would undo or redo (changed meanwhile)."""

    def __init__(self, table: str, problem: str) -> None:
        super().__init__(f"{table.replace('_', ' ')} {problem}")


def _split_links(table_name: str, changed: Row, inserting: set[Key]) -> tuple[Row, Row]:
    """The changed columns that can be written now, and the links to rows not yet back."""
    later: Row = {}
    for fk in _table(table_name).foreign_keys:
        name = fk.parent.name
        if name in changed and (fk.column.table.name, (changed[name],)) in inserting:
            later[name] = changed[name]
    return {c: v for c, v in changed.items() if c not in later}, later


def _links_following(table_name: str, target: Row, other: Row, changes: dict[Key, Any]) -> set[str]:
    """The links this step changes only because the row they name is one it deletes or puts
    back (ON DELETE SET NULL: a note's author). A link set since to another row (the note
    typed again by someone else) is a later edit: it stays, and is no conflict."""
    followed = set()
    for fk in _table(table_name).foreign_keys:
        name = fk.parent.name
        ends = {target.get(name), other.get(name)}
        if None not in ends or len(ends) != 2:
            continue
        (named,) = ends - {None}
        if (fk.column.table.name, (named,)) in changes:
            followed.add(name)
    return followed


_TABLE_ORDER = {table.name: n for n, table in enumerate(Base.metadata.sorted_tables)}

# Set on every write: a later edit of other columns changes it too, so it is no sign of conflict.
_STAMPS = frozenset({"updated_at"})
_BOOKKEEPING = _STAMPS | {"version"}


def replay(
    conn: Connection, changes: dict[Key, RowChange], *, forward: bool, kind: FileKind = FILE
) -> dict[Key, RowChange]:
    """Put every row back to its before image (undo) or after image (redo), and return the
    images the step in the other direction must restore.

    An existing row gets back only the columns the action changed and nothing changed since,
    so later edits that are not undoable (autosaved text, the author who typed it) survive.
    Deletions run first and insertions last, so a unique value (a day's number) freed by one
    row is free before another row takes it back; rows a deletion cascaded away are inserted
    again with their current values.

    What this replay deletes, and whatever ON DELETE rules take or unlink with it (notes typed
    on an item after the action), is returned as it was just before, so the reverse step puts
    back exactly what this one removed. Raises `Conflict`, before writing anything, when a row
    the step would change or delete is missing, or a row it would insert is already there.
    """
    kind.defer_foreign_keys(conn)
    existing = read_many(conn, changes)
    deletes: list[Key] = []
    updates: list[tuple[Key, Row, Row]] = []  # key, whole image, changed columns only
    for key, change in changes.items():
        target = change.after if forward else change.before
        other = change.before if forward else change.after
        current = existing.get(key)
        if target is None and other is None:
            continue
        if other is None and current is not None:
            raise Conflict(key[0], "exists again")
        if other is not None and current is None:
            raise Conflict(key[0], "was deleted meanwhile")
        if target is None:
            deletes.append(key)
            continue
        changed = {c: v for c, v in target.items() if other is None or other.get(c) != v}
        if current is not None and other is not None:
            # Undo is per person: what this step would put back was changed since by someone
            # else (another laptop): refused, never written over their change.
            followed = _links_following(key[0], target, other, changes)
            theirs = [
                c
                for c in changed
                if c not in _BOOKKEEPING | followed and current.get(c) != other.get(c)
            ]
            if theirs and key[0] == "sync_record":  # a later bundle exported or merged
                raise Conflict("the merge history", "has changed since (a bundle was exchanged)")
            if theirs:
                raise Conflict(key[0], f"was changed meanwhile by someone else ({theirs[0]})")
            # Bookkeeping written since (a save's version, the time of text typed after the
            # action) keeps its newer value, and so does a link set since to another row.
            changed = {c: v for c, v in changed.items() if current.get(c) == other.get(c)}
        # `updated_at` comes back as it was in the image restored ("Last written by ... at"
        # names when the text was typed, not when it was undone); the version still moves on.
        whole = {**current, **changed} if current is not None else dict(target)
        if "version" in _table(key[0]).c and current is not None:  # a save typed before: conflict
            whole["version"] = changed["version"] = (current.get("version") or 0) + 1
        updates.append((key, whole, changed))
    cascaded = [key for key in find_dependents(conn, deletes) if key not in changes]
    cascaded_then = read_many(conn, cascaded)
    removed = {key: existing[key] for key in deletes}
    for table_name, pk in deletes:
        table = _table(table_name)
        conn.execute(delete(table).where(_pk_clause(table, pk)))
    if deletes:  # ON DELETE CASCADE may have taken rows we meant to restore
        existing = read_many(conn, [key for key, _, _ in updates])
    # A server checks each foreign key at once: parents are inserted before children, and a
    # link to a row this step inserts is set after that row is back.
    inserting = {key for key, _, _ in updates if key not in existing}
    relinks: list[tuple[Key, Row]] = []
    for key, _whole, changed in updates:
        if key in existing:
            now_cols, later = _split_links(key[0], changed, inserting)
            if now_cols:
                table = _table(key[0])
                conn.execute(update(table).where(_pk_clause(table, key[1])).values(now_cols))
            if later:
                relinks.append((key, later))
    for (table_name, pk), whole, _ in sorted(updates, key=lambda u: _TABLE_ORDER[u[0][0]]):
        if (table_name, pk) not in existing:
            conn.execute(insert(_table(table_name)).values(whole))
    for (table_name, pk), later in relinks:
        table = _table(table_name)
        conn.execute(update(table).where(_pk_clause(table, pk)).values(later))
    # What this step took away, as (image before the step, image after it).
    taken: dict[Key, tuple[Row | None, Row | None]] = {k: (v, None) for k, v in removed.items()}
    cascaded_now = read_many(conn, cascaded)
    for key in cascaded:
        was, now_image = cascaded_then.get(key), cascaded_now.get(key)
        if was != now_image:
            taken[key] = (was, now_image)
    result = dict(changes)
    for key, (was, now_image) in taken.items():
        # Forward, the step went from the before state to the after state; back, the reverse.
        result[key] = RowChange(was, now_image) if forward else RowChange(now_image, was)
    return result
