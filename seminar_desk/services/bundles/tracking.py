"""Remember the version a record had before its first local edit, and that a deleted record
existed: the base a later merge compares both sides with (docs/bundles.md, "History").

Hooked into every `Desk.action` session (before each flush). A record that already has a
`sync_record` row needs nothing: its last shared version, or the version before its first
edit, is in it. Actions that manage `sync_record` themselves (merging, resolving) switch
tracking off with `session.info[TRACKING] = False`.
"""

from typing import Any

from sqlalchemy import bindparam, inspect, select
from sqlalchemy.orm import Session

from seminar_desk.services.bundles.records import Row, digest, dump_known, record_key, table_named
from seminar_desk.services.row_changes import find_dependents, read_many, state_image
from seminar_desk.store.models import SyncRecord

TRACKING = "sync_tracking"


def track_bases(session: Session, *_: Any) -> None:
    if session.info.get(TRACKING, True) is False:
        return
    touched: dict[tuple[str, str], Any] = {}  # record -> the ORM object edited or deleted
    deleted: list[tuple[str, tuple[Any, ...]]] = []
    dirty = set(session.dirty)
    for obj in [*dirty, *session.deleted]:
        state = inspect(obj)
        table = state.mapper.local_table
        if table_named(table.name) is None or state.identity is None:
            continue
        if obj not in dirty:
            deleted.append((table.name, tuple(state.identity)))
        touched[(table.name, "|".join(str(v) for v in state.identity))] = obj
    images: dict[tuple[str, str], Row] = {}
    if deleted:  # rows not loaded, and what ON DELETE CASCADE takes with them
        conn = session.connection()
        for (name, _pk), row in read_many(
            conn, [*deleted, *find_dependents(conn, deleted)]
        ).items():
            table = table_named(name)
            if table is not None:
                images[(name, record_key(table, row))] = row
    if not touched and not images:
        return
    # Most edits are of records that already have their history: ask first, then build the
    # image (the version before this edit) only of those that have none yet.
    have = _with_history(session, [*touched, *images])
    for record, obj in touched.items():
        if record in have or record in images:
            continue
        if obj in dirty and not session.is_modified(obj):
            continue  # set to the value it had: no edit, no history yet
        image = state_image(obj, original=True)
        if image is not None:
            images[record] = image
    for (name, key), row in images.items():
        if (name, key) not in have:
            table = table_named(name)
            assert table is not None
            session.add(
                SyncRecord(table_name=name, record_id=key, known=dump_known({digest(table, row)}))
            )


# Built once: every action asks it, and a Core statement skips the ORM's per-query work.
_HISTORY = select(SyncRecord.record_id).where(
    SyncRecord.table_name == bindparam("name"),
    SyncRecord.record_id.in_(bindparam("keys", expanding=True)),
)


def _with_history(session: Session, records: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """Which of `records` have a history row: one indexed lookup per table (a row-value IN
    over both columns made SQLite scan the whole table)."""
    by_table: dict[str, list[str]] = {}
    for name, key in records:
        by_table.setdefault(name, []).append(key)
    conn = session.connection()
    have: set[tuple[str, str]] = set()
    for name, keys in by_table.items():
        found = conn.execute(_HISTORY, {"name": name, "keys": keys}).scalars()
        have.update((name, key) for key in found)
    return have
