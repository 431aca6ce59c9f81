"""Remember the version a record had before its first local edit, and that a deleted record
existed: the base a later merge compares both sides with (docs/bundles.md, "History").

Hooked into every `Desk.action` session (before each flush). A record that already has a
`sync_record` row needs nothing: its last shared version, or the version before its first
edit, is in it. Actions that manage `sync_record` themselves (merging, resolving) switch
tracking off with `session.info[TRACKING] = False`.
"""

from typing import Any

from sqlalchemy import inspect, select, tuple_
from sqlalchemy.orm import Session

from seminar_desk.services.bundles.records import Row, digest, dump_known, record_key, table_named
from seminar_desk.services.row_changes import find_dependents, read_many, state_image
from seminar_desk.store.models import SyncRecord

TRACKING = "sync_tracking"


def track_bases(session: Session, *_: Any) -> None:
    if session.info.get(TRACKING, True) is False:
        return
    images: dict[tuple[str, str], Row] = {}
    deleted: list[tuple[str, tuple[Any, ...]]] = []
    dirty = set(session.dirty)
    for obj in [*dirty, *session.deleted]:
        state = inspect(obj)
        table = state.mapper.local_table
        if table_named(table.name) is None or state.identity is None:
            continue
        if obj in dirty and not session.is_modified(obj):
            continue
        key = (table.name, tuple(state.identity))
        if obj not in dirty:
            deleted.append(key)
        image = state_image(obj, original=True)
        if image is not None:
            images[(table.name, record_key(table, image))] = image
    if deleted:  # rows not loaded, and what ON DELETE CASCADE takes with them
        conn = session.connection()
        for (name, _pk), row in read_many(
            conn, [*deleted, *find_dependents(conn, deleted)]
        ).items():
            table = table_named(name)
            if table is not None:
                images.setdefault((name, record_key(table, row)), row)
    if not images:
        return
    have = set(
        session.execute(
            select(SyncRecord.table_name, SyncRecord.record_id).where(
                tuple_(SyncRecord.table_name, SyncRecord.record_id).in_(list(images))
            )
        ).tuples()
    )
    for (name, key), row in images.items():
        if (name, key) not in have:
            table = table_named(name)
            assert table is not None
            session.add(
                SyncRecord(table_name=name, record_id=key, known=dump_known({digest(table, row)}))
            )
