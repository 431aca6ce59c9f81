"""Remember the version a record had before its first local edit, and that a deleted record
existed: the base a later merge compares both sides with (docs/bundles.md, "History").

Hooked into every `Desk.action` session (before each flush). A record that already has a
`sync_record` row needs nothing: its last shared version, or the version before its first
edit, is in it. Actions that manage `sync_record` themselves (merging, resolving) switch
tracking off with `session.info[TRACKING] = False`.

Whether a record has its row is asked of the file once per desk (`KnownHistories`): a row,
once committed, stays until an undo or redo takes back the merge that wrote it, and then the
desk forgets what it knew. Typing and re-timing then add no query to each action.
"""

from functools import cache
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Mapper, Session
from sqlalchemy.orm.attributes import instance_state

from seminar_desk.services.bundles.records import Row, digest, dump_known, record_key, table_named
from seminar_desk.services.row_changes import find_dependents, read_many, state_image
from seminar_desk.store.models import SyncRecord

TRACKING = "sync_tracking"
KNOWN = "sync_known"  # session.info: records with a committed history row (or None: ask)
LEARNT = "sync_learnt"  # session.info: records found or given one by this action

Record = tuple[str, str]


class KnownHistories:
    """The records a desk has seen with a history row, so later actions need not ask again.

    Only for a file: on a server, another laptop's undo may take a row back unheard."""

    def __init__(self) -> None:
        self.records: set[Record] = set()

    def start(self, session: Session) -> None:
        session.info[KNOWN] = self.records
        session.info[LEARNT] = set()

    def committed(self, session: Session) -> None:
        self.records |= session.info.pop(LEARNT, set())

    def forget(self) -> None:
        """An undo or redo may have removed rows (a merge taken back): ask the file again."""
        self.records.clear()


def track_bases(session: Session, *_: Any) -> None:
    if session.info.get(TRACKING, True) is False:
        return
    touched: dict[Record, Any] = {}  # record -> the ORM object edited or deleted
    deleted: list[tuple[str, tuple[Any, ...]]] = []
    dirty = set(session.dirty)
    for obj in [*dirty, *session.deleted]:
        state = instance_state(obj)
        name = _shared_name(state.mapper)
        identity = state.identity
        if name is None or identity is None:
            continue
        if obj not in dirty:
            deleted.append((name, tuple(identity)))
        touched[(name, "|".join(map(str, identity)))] = obj
    images: dict[Record, Row] = {}
    if deleted:  # as loaded (if it was), else read; and what ON DELETE CASCADE takes with them
        conn = session.connection()
        unread: list[tuple[str, tuple[Any, ...]]] = []
        for name, pk in deleted:
            record = (name, "|".join(str(v) for v in pk))
            image = state_image(touched[record], original=True)
            if image is None:
                unread.append((name, pk))
            else:
                images[record] = image
        if to_read := [*unread, *find_dependents(conn, deleted)]:
            for (name, _pk), row in read_many(conn, to_read).items():
                table = table_named(name)
                if table is not None:
                    images[(name, record_key(table, row))] = row
    if not touched and not images:
        return
    # Most edits are of records that already have their history: ask first (what this desk
    # does not know yet), then build the image (the version before this edit) only of those
    # that have none yet.
    known: set[Record] | None = session.info.get(KNOWN)
    records = [*touched, *images]
    if known is None:
        have = _with_history(session, records)
    else:
        have = {r for r in records if r in known}
        have |= _with_history(session, [r for r in records if r not in have])
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
            have.add((name, key))
    if (learnt := session.info.get(LEARNT)) is not None:
        learnt |= have  # known to the desk once the action has committed


@cache
def _shared_name(mapper: Mapper[Any]) -> str | None:
    """The table of a mapped class, if its records travel in bundles (the rest have no
    history)."""
    name = mapper.local_table.name
    return name if table_named(name) is not None else None


# Built once: every action asks it. Both columns of the key are indexed lookups (a row-value IN
# over both made SQLite scan the whole table); pairs across tables are filtered out after.
_HISTORY = select(SyncRecord.table_name, SyncRecord.record_id).where(
    SyncRecord.table_name.in_(bindparam("names", expanding=True)),
    SyncRecord.record_id.in_(bindparam("keys", expanding=True)),
)


def _with_history(session: Session, records: list[Record]) -> set[Record]:
    """Which of `records` have a history row, in one statement whatever their tables (on a
    server each statement is a round trip)."""
    wanted = set(records)
    if not wanted:
        return set()
    names = sorted({name for name, _ in wanted})
    keys = sorted({key for _, key in wanted})
    found = session.connection().execute(_HISTORY, {"names": names, "keys": keys})
    return {(name, key) for name, key in found if (name, key) in wanted}
