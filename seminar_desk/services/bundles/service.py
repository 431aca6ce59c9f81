"""Import a bundle into a seminar file: preview, backup, one transaction (docs/bundles.md)."""

from dataclasses import dataclass
from pathlib import Path

from seminar_desk.domain.changes import OpChanges
from seminar_desk.services.bundles import format as fmt
from seminar_desk.services.bundles.merge import Plan, apply_plan, plan_merge
from seminar_desk.services.desk import Desk


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

    Not undoable: the merge also teaches the file the records' shared histories, which an
    undo could not take back consistently; the backup is the way back, and the undo history
    is cleared (as for every import).
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
    with desk.action(
        f"Import bundle {name}", undoable=False, keep_history=not plan.changes_anything
    ) as act:
        plan = plan_merge(act.session.connection(), bundle, name)  # the file as it is now
        apply_plan(act.session, plan)
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
