"""The consolidated register: every recommendation and action item, from every item and group.

Duplicates from different breakout groups are merged, not deleted: the duplicate points at the
row it was merged into (`merged_into_id`) and keeps its own item or group, so the report can
still say which groups made a recommendation.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import func, select

from seminar_desk.domain.changes import OpChanges
from seminar_desk.services.desk import Desk
from seminar_desk.services.notes.service import RowGone, outcome_tables
from seminar_desk.store.models import ActionItem, AgendaItem, BreakoutGroup, Day, Recommendation

MODELS: dict[str, Any] = dict(outcome_tables())
"""The notes service's table of each kind (one rule: which table holds which kind)."""


@dataclass(frozen=True)
class RegisterEntry:
    """One row of the register, with where it came from and what it was merged into."""

    kind: str  # "recommendation" or "action"
    id: str
    text: str
    who: str  # addressee of a recommendation, owner of an action item
    status: str
    due_date: date | None
    day_number: int
    item_id: str
    item_title: str
    group_id: str | None
    group_name: str
    merged_into_id: str | None
    sources: tuple[str, ...] = ()  # places of this row and of the rows merged into it

    @property
    def place(self) -> str:
        return self.group_name or self.item_title


class RegisterService:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def entries(self) -> list[RegisterEntry]:
        """All rows, in programme order; merged rows included (views may hide them)."""
        with self.desk.read() as s:
            raw: list[RegisterEntry] = []
            order: dict[tuple[str, str], tuple[int, int, int, int]] = {}
            for kind, model in MODELS.items():
                who = model.addressee if model is Recommendation else model.owner
                due = model.due_date if model is ActionItem else None
                cols = [
                    model.id,
                    model.text,
                    who,
                    model.status,
                    Day.number,
                    AgendaItem.id,
                    AgendaItem.title,
                    BreakoutGroup.id,
                    BreakoutGroup.name,
                    model.merged_into_id,
                    AgendaItem.position,
                    BreakoutGroup.position,
                    model.position,
                ]
                if due is not None:
                    cols.append(due)
                query = (
                    select(*cols)
                    .outerjoin(BreakoutGroup, model.group_id == BreakoutGroup.id)
                    .join(
                        AgendaItem,
                        AgendaItem.id == func.coalesce(BreakoutGroup.item_id, model.item_id),
                    )
                    .join(Day, AgendaItem.day_id == Day.id)
                )
                for r in s.execute(query):
                    raw.append(
                        RegisterEntry(
                            kind=kind,
                            id=r[0],
                            text=r[1],
                            who=r[2],
                            status=r[3],
                            due_date=r[13] if due is not None else None,
                            day_number=r[4],
                            item_id=r[5],
                            item_title=r[6],
                            group_id=r[7],
                            group_name=r[8] or "",
                            merged_into_id=r[9],
                            sources=(),
                        )
                    )
                    order[kind, r[0]] = (r[4], r[10], r[11] or 0, r[12])
        by_key = {(e.kind, e.id): e for e in raw}
        sources: dict[tuple[str, str], list[str]] = {k: [e.place] for k, e in by_key.items()}
        for e in raw:
            root = self._root(by_key, e)
            if root is not e:
                sources[root.kind, root.id].append(e.place)
        result = [replace(e, sources=tuple(dict.fromkeys(sources[e.kind, e.id]))) for e in raw]
        result.sort(key=lambda e: (order[e.kind, e.id], e.kind))
        return result

    @staticmethod
    def _root(by_key: dict[tuple[str, str], RegisterEntry], e: RegisterEntry) -> RegisterEntry:
        seen = {e.id}
        while e.merged_into_id and (e.kind, e.merged_into_id) in by_key:
            e = by_key[e.kind, e.merged_into_id]
            if e.id in seen:
                break
            seen.add(e.id)
        return e

    def merge(
        self, kind: str, keep_id: str, duplicate_ids: list[str], origin: object | None = None
    ) -> OpChanges:
        """Merge duplicates into `keep_id` (one undoable step); they keep their own source."""
        model = MODELS[kind]
        label = "Merge recommendations" if kind == "recommendation" else "Merge action items"
        with self.desk.action(label, origin=origin) as act:
            s = act.session
            keep = s.get(model, keep_id)
            if keep is None:
                raise RowGone("The row to keep was deleted meanwhile; nothing was merged.")
            seen = {keep.id}
            while keep.merged_into_id and keep.merged_into_id not in seen:
                parent = s.get(model, keep.merged_into_id)
                if parent is None:
                    break
                seen.add(parent.id)
                keep = parent
            for dup_id in duplicate_ids:
                if dup_id == keep.id:
                    continue
                dup = s.get(model, dup_id)
                if dup is None:
                    raise RowGone("A row to merge was deleted meanwhile; nothing was merged.")
                dup.merged_into_id = keep.id
                # Rows merged into the duplicate follow it, so there is one level only.
                for child in s.scalars(select(model).where(model.merged_into_id == dup.id)):
                    child.merged_into_id = keep.id
        return act.changes

    def unmerge(self, rows: Sequence[tuple[str, str]], origin: object | None = None) -> OpChanges:
        """Separate merged rows, given as (kind, id): the whole selection is one undo step."""
        label = "Separate merged row" if len(rows) == 1 else f"Separate {len(rows)} merged rows"
        with self.desk.action(label, origin=origin) as act:
            for kind, row_id in rows:
                row = act.session.get(MODELS[kind], row_id)
                if row is not None and row.merged_into_id is not None:
                    row.merged_into_id = None
        return act.changes
