"""The agenda: plan days of items, run them live, re-plan when the day slips.

Every edit is one `Desk.action`, so undo/redo come for free; every edit re-times the days it
touched before committing, so stored start times always follow durations and locked starts.
Views get plain snapshots (`DayView`, `ItemView`) with times as minutes of the day. The reads are
in reads.py, the live operations in live.py, the planning and day edits here.
"""

from collections.abc import Iterable, Sequence

from seminar_desk.domain.changes import Added, OpChanges
from seminar_desk.domain.kinds import ItemKind
from seminar_desk.services.agenda.days import AgendaDays
from seminar_desk.services.agenda.retime import retime_items
from seminar_desk.services.agenda.rows import (
    NEW_ITEM_TITLE,
    AgendaError,
    apply_values,
    check_fields,
    get_day,
    get_item,
    items_of,
    renumber,
)
from seminar_desk.store.models import (
    AgendaItem,
    Day,
    ItemSpeaker,
)

DUPLICATED = (
    "day_id",
    "kind",
    "title",
    "description",
    "duration_min",
    "parallel_key",
    "room",
    "chair_id",
    "speaking_limit_s",
)
"""What a duplicate takes from its original (its speakers too): the plan, not its start time,
lock, history or run."""


class AgendaService(AgendaDays):
    """Reads, live operations, day edits (days.py) and the planning edits."""

    # -- planning edits -----------------------------------------------------------------------

    def add_item(
        self,
        day_id: str,
        *,
        after_id: str | None = None,
        origin: object | None = None,
        **values: object,
    ) -> Added:
        """A new item after `after_id` (or at the end of the day), with its id."""
        check_fields(values)
        with self.desk.action("Add agenda item", origin=origin) as act:
            s = act.session
            day = get_day(s, day_id)
            items = items_of(s, day_id)
            index = len(items)
            if after_id is not None:
                index = next((i + 1 for i, it in enumerate(items) if it.id == after_id), index)
            item = AgendaItem(
                day_id=day_id,
                kind=ItemKind.PLENARY.value,
                title=NEW_ITEM_TITLE,
                duration_min=30,
                start_locked=False,
                parallel_key="",
                room="",
                description="",
            )
            s.add(item)
            apply_values(s, item, values)
            items.insert(index, item)
            renumber(items)
            s.flush()
            retime_items(s, day, items)
            new_id = item.id
        return Added(act.changes, new_id)

    def update_item(
        self, item_id: str, origin: object | None = None, **values: object
    ) -> OpChanges:
        """Change fields of one item in one undoable step; the day is re-timed at once."""
        check_fields(values)
        label = "Change duration" if set(values) == {"duration_min"} else "Edit agenda item"
        with self.desk.action(label, origin=origin) as act:
            s = act.session
            item = get_item(s, item_id)
            day = item.day
            # One flush at commit: the recorder then reads every moved row in one pass.
            with s.no_autoflush:
                apply_values(s, item, values)
                retime_items(s, day)
        return act.changes

    def set_parallel(
        self, item_ids: Sequence[str], together: bool = True, origin: object | None = None
    ) -> OpChanges:
        """Run neighbouring items at the same time (breakouts in several rooms), or not."""
        label = "Run items in parallel" if together else "Run items one after another"
        with self.desk.action(label, origin=origin) as act:
            s = act.session
            items = [get_item(s, i) for i in item_ids]
            if not items:
                return act.changes
            day = items[0].day
            if together:
                if len(items) < 2 or any(it.day_id != day.id for it in items):
                    raise AgendaError("Choose two or more items of the same day to run together.")
                positions = sorted(it.position for it in items)
                if positions != list(range(positions[0], positions[0] + len(positions))):
                    raise AgendaError("Items that run in parallel must be next to each other.")
                key = next((it.parallel_key for it in items if it.parallel_key), "")
                key = key or f"parallel-{min(it.id for it in items)[:8]}"
            else:
                key = ""
            with s.no_autoflush:
                for it in items:
                    if it.parallel_key != key:
                        it.parallel_key = key
                retime_items(s, day)
        return act.changes

    def set_duration(self, item_id: str, minutes: int, origin: object | None = None) -> OpChanges:
        return self.update_item(item_id, origin=origin, duration_min=minutes)

    def duplicate_item(self, item_id: str, origin: object | None = None) -> Added:
        """A copy right after the original, unlocked and not yet run."""
        with self.desk.action("Duplicate agenda item", origin=origin) as act:
            s = act.session
            src = get_item(s, item_id)
            items = items_of(s, src.day_id)
            copy = AgendaItem(
                start_locked=False, **{name: getattr(src, name) for name in DUPLICATED}
            )
            copy.speakers = [
                ItemSpeaker(
                    participant_id=sp.participant_id, name=sp.name, position=i, role=sp.role
                )
                for i, sp in enumerate(src.speakers)
            ]
            s.add(copy)
            items.insert(items.index(src) + 1, copy)
            renumber(items)
            s.flush()
            retime_items(s, src.day, items)
            new_id = copy.id
        return Added(act.changes, new_id)

    def delete_items(self, item_ids: Iterable[str], origin: object | None = None) -> OpChanges:
        ids = list(item_ids)
        label = "Delete agenda item" if len(ids) == 1 else f"Delete {len(ids)} agenda items"
        with self.desk.action(label, origin=origin) as act:
            s = act.session
            days: dict[str, Day] = {}
            for item_id in ids:
                item = get_item(s, item_id)
                days[item.day_id] = item.day
                s.delete(item)
            s.flush()
            for day in days.values():
                items = [i for i in items_of(s, day.id) if i.id not in ids]
                renumber(items)
                retime_items(s, day, items)
        return act.changes

    def move_item(
        self, item_id: str, day_id: str, index: int, origin: object | None = None
    ) -> OpChanges:
        """Put an item at `index` of a day's list (the same day or another); both re-timed."""
        with self.desk.action("Move agenda item", origin=origin) as act:
            s = act.session
            item = get_item(s, item_id)
            source = item.day
            target = get_day(s, day_id)
            source_items = [i for i in items_of(s, source.id) if i.id != item_id]
            if source.id == target.id:
                target_items = source_items
            else:
                target_items = items_of(s, target.id)
                item.day_id = target.id
                if item.actual_start is None:
                    # Not in the target day's adopted programme (adopted again if that day
                    # has not gone live).
                    item.adopted_start_time = None
                    item.adopted_duration_min = None
            index = max(0, min(index, len(target_items)))
            target_items.insert(index, item)
            renumber(target_items)
            if source.id != target.id:
                renumber(source_items)
            s.flush()
            s.expire(source, ["items"])
            s.expire(target, ["items"])
            if source.id != target.id:
                retime_items(s, source, source_items)
            retime_items(s, target, target_items)
        return act.changes

    def move_by(self, item_id: str, delta: int, origin: object | None = None) -> OpChanges:
        """Keyboard moves: up or down within the day; past either end, to the next day."""
        days = self.days()
        view = self.item(item_id)
        day_index = next(i for i, d in enumerate(days) if d.id == view.day_id)
        count = len(self.day(view.day_id).items)
        target = view.position + delta
        if 0 <= target < count:
            return self.move_item(item_id, view.day_id, target, origin)
        step = -1 if target < 0 else 1
        other = day_index + step
        if not 0 <= other < len(days):
            return OpChanges()
        other_count = len(self.day(days[other].id).items)
        return self.move_item(item_id, days[other].id, other_count if step < 0 else 0, origin)
