"""Import a bundle into a seminar file: preview, backup, one transaction (docs/bundles.md)."""

from dataclasses import dataclass
from pathlib import Path

from seminar_desk.domain.changes import OpChanges
from seminar_desk.services.bundles import format as fmt
from seminar_desk.services.bundles.merge import Plan, apply_plan, history_keys, plan_merge
from seminar_desk.services.desk import Desk
from seminar_desk.services.row_changes import RowChange
from seminar_desk.services.row_changes import read_many as read_rows


@dataclass(frozen=True)
class Imported:
    plan: Plan
    changes: OpChanges
    backup: Path | None


def preview(desk: Desk | None, path: Path | str, bundle: fmt.Bundle | None = None) -> Plan:
    """What importing the bundle would change (into a new file when `desk` is None); nothing
    is written."""
    bundle = bundle or fmt.read(path)
    if desk is not None:
        with desk.read() as s:
            return plan_merge(s.connection(), bundle, Path(path).name)
    from sqlalchemy import create_engine

    from seminar_desk.store.models import Base

    engine = create_engine("sqlite://")  # an empty schema in memory stands for the new file
    try:
        Base.metadata.create_all(engine)
        with engine.connect() as conn:
            return plan_merge(conn, bundle, Path(path).name)
    finally:
        engine.dispose()


def import_bundle(desk: Desk, path: Path | str, *, backup: bool = True) -> Imported:
    """Merge the bundle in one transaction, after a backup of the file (when it changes).

    One undo step, like any other action: the step also puts back what the merge taught the
    file of the records' shared histories (`sync_record`, which undo otherwise leaves alone),
    so an undone merge can be merged again, and never makes the file claim versions it does
    not hold. A merge that only learns histories changes nothing to undo; a merge into a new
    file (open from a bundle) is its start, not a step.
    """
    bundle = fmt.read(path)
    name = Path(path).name
    with desk.read() as s:
        plan = plan_merge(s.connection(), bundle, name)
    copy = None
    if plan.changes_anything and backup and not plan.new_file:
        from seminar_desk.services.backups import back_up

        copy = back_up(desk.db, "import")
    if plan.empty:
        return Imported(plan, OpChanges(), copy)
    undoable = plan.changes_anything and not plan.new_file
    with desk.action(
        f"Import bundle {name}",
        undoable=undoable,
        keep_history=not plan.changes_anything,
    ) as act:
        conn = act.session.connection()
        plan = plan_merge(conn, bundle, name)  # the file as it is now
        histories = history_keys(plan)
        before = read_rows(conn, histories) if undoable else {}
        apply_plan(act.session, plan)
        if undoable:
            act.session.flush()
            after = read_rows(conn, histories)
            act.also_undo = {k: RowChange(before.get(k), after.get(k)) for k in histories}
    return Imported(plan, act.changes, copy)


def new_file_from(bundle: Path | str, target: Path | str) -> bool:
    """ "Open this seminar from a bundle": a new seminar file made from the bundle."""
    from seminar_desk.domain.refusal import Refusal
    from seminar_desk.services.files import open_desk

    target = Path(target)
    if target.exists() and target.stat().st_size:
        raise Refusal(f"{target} already exists; choose a new name for the new file.")
    read = fmt.read(bundle)  # refused before the file is made
    desk = open_desk(target)
    try:
        import_bundle(desk, bundle, backup=False)
    finally:
        desk.close()
    del read
    return True
