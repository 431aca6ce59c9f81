"""Conflicts a merge kept aside (a record changed on both sides): list them side by side and
resolve each: keep mine, keep theirs, or keep both (notes: merged line by line, the lines
that differ marked with where they came from, `domain.text_merge`; recommendations and
action items: theirs becomes a record of its own)."""

import json
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from seminar_desk.domain.changes import OpChanges
from seminar_desk.domain.refusal import Gone, Refusal
from seminar_desk.domain.text_merge import marker, merge_texts
from seminar_desk.services.agenda.rows import zone_of
from seminar_desk.services.bundles.describe import where
from seminar_desk.services.bundles.local import model_of, rows_of
from seminar_desk.services.bundles.merge import MANAGED, SAME_SECTION, write_histories
from seminar_desk.services.bundles.records import (
    Row,
    digest,
    from_json,
    load_known,
    table_named,
)
from seminar_desk.services.bundles.tracking import TRACKING
from seminar_desk.services.desk import Desk
from seminar_desk.services.row_changes import RowChange
from seminar_desk.services.row_changes import read_many as read_rows
from seminar_desk.store.models import MergeConflict, Note, SyncRecord, new_id

TEXT = {"note": "body", "recommendation": "text", "action_item": "text"}
BOTH = frozenset(TEXT)


class Choice(StrEnum):
    MINE = "mine"
    THEIRS = "theirs"
    BOTH = "both"


@dataclass(frozen=True)
class ConflictView:
    id: str
    table: str
    record_id: str
    where: str  # "Group A — Breakout session › Summary"
    reason: str
    source: str
    mine: str | None  # the text shown side by side (None: deleted)
    theirs: str | None
    mine_time: str
    theirs_time: str

    @property
    def can_keep_both(self) -> bool:
        return self.table in BOTH and self.mine is not None and self.theirs is not None


def _theirs(conflict: MergeConflict) -> Row | None:
    table = table_named(conflict.table_name)
    if conflict.row is None or table is None:
        return None
    raw = json.loads(conflict.row)
    return {c.name: from_json(c, raw.get(c.name)) for c in table.columns}


def _shown(table: str, row: Row | None) -> str | None:
    if row is None:
        return None
    if table in TEXT:
        return str(row[TEXT[table]])
    return "\n".join(
        f"{k}: {v}" for k, v in row.items() if k not in ("id", "created_at", "updated_at")
    )


def list_conflicts(desk: Desk) -> list[ConflictView]:
    with desk.read() as s:
        zone = zone_of(s)  # times shown in the seminar's zone, as on the notes page
        views = []
        for c in s.scalars(
            select(MergeConflict).order_by(MergeConflict.created_at, MergeConflict.id)
        ):
            table = table_named(c.table_name)
            if table is None:
                continue
            mine = rows_of(s.connection(), table, [c.record_id]).get(c.record_id)
            theirs = _theirs(c)
            if c.reason == SAME_SECTION:  # theirs is the added note, mine the section's other
                theirs, mine = mine, _same_section(s.connection(), mine)
            views.append(
                ConflictView(
                    c.id,
                    c.table_name,
                    c.record_id,
                    where(s.connection(), c.table_name, mine or theirs, c.record_id),
                    c.reason,
                    c.source,
                    _shown(c.table_name, mine),
                    _shown(c.table_name, theirs),
                    _time(mine, zone),
                    _time(theirs, zone),
                )
            )
        return views


def _same_section(conn: Connection, note: Row | None) -> Row | None:
    """The oldest other note of the same item or group and section."""
    if note is None:
        return None
    target = (
        Note.group_id == note["group_id"]
        if note.get("group_id")
        else (Note.item_id == note["item_id"]) & Note.group_id.is_(None)
    )
    found = (
        conn.execute(
            select(Note.__table__)
            .where(target, Note.section == note["section"], Note.id != note["id"])
            .order_by(Note.created_at, Note.id)
            .limit(1)
        )
        .mappings()
        .first()
    )
    return dict(found) if found else None


def _time(row: Row | None, zone: ZoneInfo) -> str:
    stamp = row.get("updated_at") if row else None
    return f"{stamp.astimezone(zone):%Y-%m-%d %H:%M}" if stamp else ""


def _both(mine: Note, theirs: Row, here: str, there: str) -> str:
    """Both notes' texts in one (`merge_texts`), the differing lines marked with the author
    and the file or bundle they came from. Two-way: the file keeps only digests of the
    versions both sides descend from (`sync_record`), not their text."""
    return merge_texts(
        mine.body,
        str(theirs["body"]),
        marker(mine.author_name, here),
        marker(theirs.get("author_name"), there),
    )


def _settle_section(
    s: Session, conflict: MergeConflict, choice: Choice, now: object, here: str
) -> None:
    """Two notes for one section become one: the older one keeps the text chosen, the added
    one is deleted (its deletion travels, so the other file ends the same way)."""
    added = s.get(Note, conflict.record_id)
    if added is None:
        return
    other_row = _same_section(
        s.connection(), {c.name: getattr(added, c.key) for c in Note.__table__.columns}
    )
    other = s.get(Note, other_row["id"]) if other_row else None
    if other is not None:
        if choice is Choice.THEIRS:
            other.body = added.body
            other.updated_at = now  # type: ignore[assignment]
        elif choice is Choice.BOTH:
            theirs = {"body": added.body, "author_name": added.author_name}
            other.body = _both(other, theirs, here, conflict.source)
            other.updated_at = now  # type: ignore[assignment]
        if other in s.dirty:
            s.flush()
            other_table = table_named("note")
            assert other_table is not None
            record = s.get(SyncRecord, ("note", other.id))
            new = rows_of(s.connection(), other_table, [other.id])[other.id]
            write_histories(
                s,
                {
                    ("note", other.id): load_known(record.known if record else None)
                    | {digest(other_table, new)}
                },
            )
    s.delete(added)


def count(desk: Desk) -> int:
    from sqlalchemy import func

    with desk.read() as s:
        return int(s.scalar(select(func.count()).select_from(MergeConflict)) or 0)


def resolve(
    desk: Desk, conflict_id: str, choice: Choice | str, origin: object | None = None
) -> OpChanges:
    """Settle one conflict. The record's history learns both versions, so the next bundle
    exchanged either way carries the choice instead of the conflict. One undo step (with
    the history it taught the file), like the merge that made the conflict."""
    choice = Choice(choice)
    with desk.action("Resolve conflict", origin=origin) as act:
        s = act.session
        histories = _history_keys(s, conflict_id)
        before = read_rows(s.connection(), histories)
        s.info[TRACKING] = False
        conflict = s.get(MergeConflict, conflict_id)
        if conflict is None:
            raise Gone("This conflict was resolved meanwhile.")
        name, key = conflict.table_name, conflict.record_id
        table = table_named(name)
        if table is None:
            raise Refusal(f"This conflict names an unknown table {name!r}.")
        model = model_of(name)
        mine_row = rows_of(s.connection(), table, [key]).get(key)
        theirs = _theirs(conflict)
        record = s.get(SyncRecord, (name, key))
        history = load_known(record.known if record else None) | load_known(conflict.known)
        history.add(conflict.digest)
        if mine_row is not None:
            history.add(digest(table, mine_row))
        obj = (
            s.get(model, key)
            if mine_row is not None and len(table.primary_key.columns) == 1
            else None
        )
        now = desk.clock.now()
        if conflict.reason == SAME_SECTION:
            _settle_section(s, conflict, choice, now, desk.db.name)
            if mine_row is not None:  # the added note is deleted: that deletion travels
                history = load_known(record.known if record else None)
                history |= load_known(conflict.known) | {digest(table, mine_row)}
        elif choice is Choice.THEIRS:
            if theirs is None:
                if obj is not None:
                    s.delete(obj)
            elif obj is None:
                s.add(model(**theirs))
            else:
                for column, value in theirs.items():
                    if column not in MANAGED and getattr(obj, column) != value:
                        setattr(obj, column, value)
                obj.updated_at = theirs["updated_at"]
        elif choice is Choice.BOTH:
            if name not in BOTH or obj is None or theirs is None:
                raise Refusal(
                    "Only two versions of a note, recommendation or action item can both be kept."
                )
            if name == "note":
                obj.body = _both(obj, theirs, desk.db.name, conflict.source)
                obj.updated_at = now
            else:
                copy = dict(theirs, id=new_id(), created_at=now, updated_at=now)
                s.add(model(**copy))
        s.flush()
        current = rows_of(s.connection(), table, [key]).get(key)
        if current is not None:
            history.add(digest(table, current))
        s.delete(conflict)
        write_histories(s, {(name, key): history})
        s.flush()
        after = read_rows(s.connection(), histories)
        act.also_undo = {k: RowChange(before.get(k), after.get(k)) for k in histories}
    return act.changes


def _history_keys(s: Session, conflict_id: str) -> list[tuple[str, tuple[str, str]]]:
    """The `sync_record` rows resolving this conflict writes: the record's, and for two
    notes of one section, the note that stays."""
    conflict = s.get(MergeConflict, conflict_id)
    if conflict is None:
        return []
    keys = [(conflict.table_name, conflict.record_id)]
    if conflict.reason == SAME_SECTION:
        added = rows_of(s.connection(), table_named("note"), [conflict.record_id])  # type: ignore[arg-type]
        other = _same_section(s.connection(), added.get(conflict.record_id))
        if other is not None:
            keys.append(("note", other["id"]))
    return [("sync_record", k) for k in keys]
