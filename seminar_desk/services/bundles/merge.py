"""Merge a bundle into a seminar file by the records' stable ids (docs/bundles.md, "Merging").

For each record the bundle carries, with `b` its version and `A` the versions it descends
from, and `l` this file's version with `K` the versions it descends from:

- not here, never known: added;
- `b` is `l` or in `K` (nothing new there): nothing changes, `K` learns `A`;
- `l` is in `A` (changed there only): the row takes `b`;
- otherwise (changed on both sides): the row stays, `b` is kept as a conflict to resolve.

Deletions work the same way with the deleted version's history. The plan is computed first
(the preview shows it), then applied in one transaction through the ORM, so the merge is the
same on every database the store runs on.
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Connection, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from seminar_desk.domain.refusal import Refusal
from seminar_desk.domain.text import counted
from seminar_desk.services.bundles.describe import where as place_of
from seminar_desk.services.bundles.format import Bundle, BundleRefused
from seminar_desk.services.bundles.local import Local, load_local, model_of, rows_of
from seminar_desk.services.bundles.records import (
    Row,
    digest,
    dump_known,
    key_values,
    row_to_json,
    shared_tables,
    table_named,
)
from seminar_desk.services.bundles.tracking import TRACKING
from seminar_desk.store.models import MergeConflict, Seminar, SyncRecord

Key = tuple[str, str]


@dataclass
class Step:
    table: str
    key: str
    row: Row | None = None  # the incoming row; None for a deletion
    digest: str = ""
    known: set[str] = field(default_factory=set)  # what the record's history becomes
    reason: str = ""
    where: str = ""  # for the preview of a conflict


@dataclass
class Plan:
    """What a merge will do; `lines()` is the preview."""

    source: str
    seminar_title: str
    new_file: bool = False
    adds: list[Step] = field(default_factory=list)
    updates: list[Step] = field(default_factory=list)
    deletes: list[Step] = field(default_factory=list)
    conflicts: list[Step] = field(default_factory=list)
    settled: list[str] = field(default_factory=list)  # ids of conflicts the bundle settles
    learnt: dict[Key, set[str]] = field(default_factory=dict)  # histories to write
    fresh: set[Key] = field(default_factory=set)  # of those, the ones with no row yet
    unchanged: int = 0
    origin: str = ""  # the file the bundle came from: where a conflict's version was typed

    @property
    def changes_anything(self) -> bool:
        return bool(self.adds or self.updates or self.deletes or self.conflicts or self.settled)

    @property
    def empty(self) -> bool:
        return not self.changes_anything and not self.learnt

    def counts(self) -> dict[str, tuple[int, int, int, int]]:
        out: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        for i, steps in enumerate((self.adds, self.updates, self.deletes, self.conflicts)):
            for step in steps:
                out[step.table][i] += 1
        return {name: (a, u, d, c) for name, (a, u, d, c) in out.items()}

    def lines(self) -> list[str]:
        title = (
            self.seminar_title if len(self.seminar_title) <= 60 else self.seminar_title[:59] + "…"
        )
        target = "as a new seminar file" if self.new_file else f"into “{title}”"
        out = [f"Bundle: {self.source}, merged {target}."]
        if not self.changes_anything:
            return [*out, "Nothing to change: this file already holds everything in the bundle."]
        for name, (a, u, d, c) in sorted(self.counts().items()):
            parts = [
                f"{n} {w}"
                for n, w in ((a, "new"), (u, "changed"), (d, "deleted"), (c, "in conflict"))
                if n
            ]
            out.append(f"  {label(name)}: " + ", ".join(parts))
        for step in self.conflicts:
            out.append(f"  conflict: {step.where or label(step.table)}: {step.reason}")
        if self.settled:
            out.append(f"  {counted(len(self.settled), 'earlier conflict')} settled by the bundle")
        out.append(f"  {counted(self.unchanged, 'record')} unchanged")
        return out


def label(table: str) -> str:
    return {"action_item": "action items", "speaker_entry": "speaker log entries"}.get(
        table, table.replace("_", " ") + "s"
    )


def plan_merge(conn: Connection, bundle: Bundle, where: str = "the bundle") -> Plan:
    """Compare the bundle with the file; nothing is written."""
    seminar = conn.execute(select(Seminar.id, Seminar.title)).first()
    title = str(bundle.manifest.get("seminar_title", ""))
    if seminar is not None and seminar.id != bundle.seminar_id:
        raise BundleRefused(
            f"{where} belongs to another seminar (“{title[:80]}”), not to “{seminar.title[:80]}”. "
            "Nothing was changed."
        )
    if seminar is None and not any(r.table == "seminar" and r.row for r in bundle.records):
        raise BundleRefused(f"{where} holds no seminar details; it cannot start a new file.")
    plan = Plan(
        bundle.label,
        seminar.title if seminar else title,
        new_file=seminar is None,
        origin=bundle.origin,
    )
    wanted: dict[str, set[str]] = defaultdict(set)
    for record in bundle.records:
        wanted[record.table].add(record.key)
    local = load_local(conn, wanted)
    seen: set[Key] = set()
    for record in bundle.records:
        key = (record.table, record.key)
        if key in seen:
            raise BundleRefused(
                f"{where} names {record.table} {record.key} twice. Nothing was changed."
            )
        seen.add(key)
        table = table_named(record.table)
        assert table is not None
        ancestry = set(record.known)
        b = digest(table, record.row) if record.row is not None else ""
        if record.row is not None:
            ancestry.add(b)
        _decide(plan, local, key, record.row, b, ancestry, source=bundle.label)
    _check_references(conn, plan, local)
    _check_cascades(conn, plan, local)
    _check_sections(conn, plan, local)
    for step in plan.conflicts:
        step.where = place_of(
            conn, step.table, step.row or local.rows.get((step.table, step.key)), step.key
        )
    return plan


def _decide(
    plan: Plan, local: Local, key: Key, row: Row | None, b: str, ancestry: set[str], source: str
) -> None:
    name, record = key
    table = table_named(name)
    assert table is not None
    mine = local.rows.get(key)
    known = local.known.get(key)
    alternatives = local.alternatives.get(key, [])
    if mine is None and known is None and not alternatives:  # never here
        if row is None:  # a deletion of a record this file never had: remember it
            plan.learnt[key] = set(ancestry)
            plan.fresh.add(key)
            plan.unchanged += 1
        else:
            plan.adds.append(Step(name, record, row, b, ancestry))
        return
    b = b or _deleted_digest(ancestry)
    settled = [a.id for a in alternatives if a.digest in ancestry and a.digest != b]
    l_digest = digest(table, mine) if mine is not None else None
    history = (known or set()) | ({l_digest} if l_digest else set())
    if b in history or (row is None and mine is None):
        # nothing new there (an older version, or deleted on both sides): learn its history
        plan.unchanged += 1
        if not ancestry <= (known or set()):
            plan.learnt[key] = (known or set()) | ancestry
            if known is None:
                plan.fresh.add(key)
        plan.settled += settled
        return
    if l_digest is not None and l_digest in ancestry:  # changed there only
        step = Step(name, record, row, b, history | ancestry)
        (plan.updates if row is not None else plan.deletes).append(step)
        plan.settled += [a.id for a in alternatives if a.digest in ancestry]  # b itself too
        return
    # changed on both sides (or changed on one, deleted on the other)
    if any(a.digest == b or b in a.known for a in alternatives):
        plan.unchanged += 1  # already kept aside
        return
    if mine is None:
        reason = "deleted here, changed in the bundle"
    elif row is None:
        reason = "changed here, deleted in the bundle"
    else:
        reason = "changed here and in the bundle"
    plan.conflicts.append(Step(name, record, row, b, ancestry, reason))
    plan.settled += settled


def _deleted_digest(ancestry: set[str]) -> str:
    import hashlib

    return "d" + hashlib.sha256(json.dumps(sorted(ancestry)).encode()).hexdigest()[:23]


def _check_references(conn: Connection, plan: Plan, local: Local) -> None:
    """A row pointing to a record this file does not have (deleted here) cannot be written:
    it is kept aside as a conflict instead, so nothing is lost."""
    while True:
        coming: dict[str, set[str]] = defaultdict(set)
        for step in (*plan.adds, *plan.updates):
            coming[step.table].add(step.key)
        going = {(s.table, s.key) for s in plan.deletes}
        wanted: dict[str, set[str]] = defaultdict(set)
        for step in (*plan.adds, *plan.updates):
            table = table_named(step.table)
            assert table is not None and step.row is not None
            for fk in table.foreign_keys:
                value = step.row.get(fk.parent.name)
                if value is not None and value not in coming[fk.column.table.name]:
                    wanted[fk.column.table.name].add(value)
        present = {
            (name, key)
            for name, keys in wanted.items()
            for key in rows_of(conn, table_named(name), keys)  # type: ignore[arg-type]
        } - going
        orphans = []
        for step in (*plan.adds, *plan.updates):
            table = table_named(step.table)
            assert table is not None and step.row is not None
            for fk in table.foreign_keys:
                parent = fk.column.table.name
                value = step.row.get(fk.parent.name)
                if (
                    value is not None
                    and value not in coming[parent]
                    and (parent, value) not in present
                ):
                    orphans.append((step, f"its {parent.replace('_', ' ')} is not in this file"))
                    break
        if not orphans:
            return
        for step, reason in orphans:
            (plan.adds if step in plan.adds else plan.updates).remove(step)
            step.reason = reason
            plan.conflicts.append(step)


def _check_cascades(conn: Connection, plan: Plan, local: Local) -> None:
    """A deletion that would take records of this file with it (notes typed on a deleted item)
    is applied only if the bundle deletes those too; otherwise it becomes a conflict."""
    from seminar_desk.services.row_changes import find_dependents

    while plan.deletes:
        going = {(s.table, s.key) for s in plan.deletes}
        keep = []
        for step in plan.deletes:
            table = table_named(step.table)
            assert table is not None
            pk = tuple(key_values(table, step.key).values())
            blockers = [
                k
                for k in find_dependents(conn, [(step.table, pk)])
                if table_named(k[0]) is not None and (k[0], "|".join(map(str, k[1]))) not in going
            ]
            if blockers:
                step.reason = (
                    "deleted in the bundle, but it still holds "
                    f"{counted(len(blockers), 'record')} here"
                )
                keep.append(step)
        if not keep:
            return
        for step in keep:
            plan.deletes.remove(step)
            plan.conflicts.append(step)


MANAGED = frozenset({"version"})  # the ORM bumps a note's version on every update itself
SAME_SECTION = "two notes for the same section: this file's and the bundle's"


def _check_sections(conn: Connection, plan: Plan, local: Local) -> None:
    """A new note for a section that already has a note here (both laptops started typing
    it): the note is added (nothing is lost) and listed as a conflict, since a section shows
    one text."""
    from seminar_desk.store.models import Note

    going = {s.key for s in plan.deletes if s.table == "note"}
    for step in plan.adds:
        if step.table != "note" or step.row is None:
            continue
        row = step.row
        target = (
            Note.group_id == row["group_id"]
            if row.get("group_id")
            else (Note.item_id == row["item_id"]) & Note.group_id.is_(None)
        )
        others = conn.scalars(
            select(Note.id).where(target, Note.section == row["section"], Note.id != step.key)
        ).all()
        if set(others) - going:  # a note of this section stays here
            plan.conflicts.append(
                Step("note", step.key, None, "same-" + step.digest, set(step.known), SAME_SECTION)
            )


def apply_plan(session: Session, plan: Plan) -> None:
    """Write the plan (inside the caller's transaction)."""
    session.info[TRACKING] = False
    order = [t.name for t in shared_tables()]
    try:
        for name in reversed(order):
            steps = [s for s in plan.deletes if s.table == name]
            if steps:
                model = model_of(name)
                for obj in _objects(session, model, [s.key for s in steps]).values():
                    session.delete(obj)
                session.flush()
        for name in order:
            _write_rows(session, name, [s for s in plan.updates if s.table == name], update=True)
            _write_rows(session, name, [s for s in plan.adds if s.table == name], update=False)
        if plan.settled:
            for c in session.scalars(
                select(MergeConflict).where(MergeConflict.id.in_(plan.settled))
            ):
                session.delete(c)
        for step in plan.conflicts:
            session.add(
                MergeConflict(
                    table_name=step.table,
                    record_id=step.key,
                    digest=step.digest,
                    row=json.dumps(
                        row_to_json(table_named(step.table), step.row), ensure_ascii=False
                    )  # type: ignore[arg-type]
                    if step.row is not None
                    else None,
                    known=dump_known(step.known),
                    source=plan.origin or plan.source,
                    reason=step.reason,
                )
            )
        session.flush()
    except IntegrityError as exc:
        raise Refusal(
            "The bundle could not be merged: a record in it clashes with one of this file "
            f"(the same code, number or name: {exc.orig}). Nothing was changed."
        ) from exc
    histories: dict[Key, set[str]] = dict(plan.learnt)
    for step in (*plan.adds, *plan.updates, *plan.deletes):
        histories[(step.table, step.key)] = step.known
    write_histories(session, histories)


def history_keys(plan: Plan) -> list[tuple[str, tuple[str, str]]]:
    """The `sync_record` rows applying the plan may write (their undo keys)."""
    keys = {*plan.learnt, *((s.table, s.key) for s in (*plan.adds, *plan.updates, *plan.deletes))}
    return [("sync_record", key) for key in sorted(keys)]


def write_histories(session: Session, histories: dict[Key, set[str]]) -> None:
    """Set what the file knows of these records' histories (rows made or replaced)."""
    if not histories:
        return
    keys = list(histories)
    have: set[Key] = set()
    from sqlalchemy import tuple_

    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        have |= set(
            session.execute(
                select(SyncRecord.table_name, SyncRecord.record_id).where(
                    tuple_(SyncRecord.table_name, SyncRecord.record_id).in_(chunk)
                )
            ).tuples()
        )
    from seminar_desk.services.bundles.export import remember

    remember(
        session,
        [
            {"table_name": t, "record_id": k, "known": dump_known(v)}
            for (t, k), v in histories.items()
            if (t, k) not in have
        ],
        [
            {"t": t, "k": k, "known": dump_known(v)}
            for (t, k), v in histories.items()
            if (t, k) in have
        ],
    )


def _objects(session: Session, model: type, keys: list[str]) -> dict[str, object]:
    table = model.__table__  # type: ignore[attr-defined]
    cols = list(table.primary_key.columns)
    found: dict[str, object] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        if len(cols) == 1:
            where = getattr(model, cols[0].name).in_(chunk)
        else:
            from sqlalchemy import tuple_

            where = tuple_(*(getattr(model, c.name) for c in cols)).in_(
                [tuple(k.split("|")) for k in chunk]
            )
        for obj in session.scalars(select(model).where(where)):
            found["|".join(str(getattr(obj, c.name)) for c in cols)] = obj
    return found


def _write_rows(session: Session, name: str, steps: list[Step], *, update: bool) -> None:
    if not steps:
        return
    model = model_of(name)
    table = table_named(name)
    assert table is not None
    self_refs = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    later: list[tuple[object, str, object]] = []
    objects = _objects(session, model, [s.key for s in steps]) if update else {}
    for step in steps:
        assert step.row is not None
        values = dict(step.row)
        for column in self_refs:  # pointed-to rows of the same table may come later
            if values.get(column) is not None:
                later.append((None, step.key, column))
        if update:
            obj = objects[step.key]
            for column, value in values.items():
                if column in self_refs or column in MANAGED:
                    continue
                if getattr(obj, column) != value:
                    setattr(obj, column, value)
            obj.updated_at = values["updated_at"]  # type: ignore[attr-defined]
        else:
            obj = model(**{c: (None if c in self_refs else v) for c, v in values.items()})
            session.add(obj)
            objects[step.key] = obj
    session.flush()
    if later:
        by_key = {s.key: s for s in steps}
        for _, key, column in later:
            setattr(objects[key], column, by_key[key].row[column])  # type: ignore[index]
        session.flush()
