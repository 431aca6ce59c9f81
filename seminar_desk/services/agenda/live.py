"""Running a day live: start and end items, start the next one, re-plan the rest of the day
from the actual times (the one engine, given `now`)."""

from seminar_desk.domain.agenda.timing import (
    DAY_MINUTES,
)
from seminar_desk.domain.changes import OpChanges
from seminar_desk.services.agenda.reads import AgendaReads
from seminar_desk.services.agenda.retime import retime_items
from seminar_desk.services.agenda.rows import (
    AgendaError,
    get_day,
    get_item,
    items_of,
    local_minutes,
)
from seminar_desk.services.agenda.views import ReplanResult


class AgendaLive(AgendaReads):
    """Live operations on top of the reads."""

    def start_item(self, item_id: str, origin: object | None = None) -> OpChanges:
        """Record the actual start now; an item running before it (not in parallel) ends now."""
        now = self.desk.clock.now()
        with self.desk.action("Start agenda item", origin=origin) as act:
            s = act.session
            item = get_item(s, item_id)
            if item.actual_start is not None and item.actual_end is None:
                raise AgendaError(f"“{item.title}” is already running.")
            for other in items_of(s, item.day_id):
                parallel = item.parallel_key and other.parallel_key == item.parallel_key
                running = other.actual_start is not None and other.actual_end is None
                if other is not item and running and not parallel:
                    other.actual_end = now
            if item.actual_start is None:
                item.actual_start = now
            else:
                item.actual_end = None  # resumed after an early end
            with s.no_autoflush:
                retime_items(s, item.day)
        return act.changes

    def end_item(self, item_id: str, origin: object | None = None) -> OpChanges:
        now = self.desk.clock.now()
        with self.desk.action("End agenda item", origin=origin) as act:
            s = act.session
            item = get_item(s, item_id)
            if item.actual_start is None or item.actual_end is not None:
                raise AgendaError(f"“{item.title}” is not running.")
            item.actual_end = now
            with s.no_autoflush:
                retime_items(s, item.day)
        return act.changes

    def start_next(self, day_id: str, origin: object | None = None) -> OpChanges:
        """End what runs and start the first item after it that has not run yet."""
        view = self.day(day_id)
        started = [i for i, it in enumerate(view.items) if it.actual_start is not None]
        after = started[-1] + 1 if started else 0
        nxt = next((it for it in view.items[after:] if it.actual_start is None), None)
        if nxt is None:
            if view.current is not None:
                return self.end_item(view.current.id, origin)
            raise AgendaError("Every item of this day has run.")
        return self.start_item(nxt.id, origin)

    def replan_day_of(self, item_id: str, origin: object | None = None) -> ReplanResult:
        """Re-plan the day `item_id` is on (F8 on the Speakers page)."""
        with self.desk.read() as s:
            day_id = get_item(s, item_id).day_id
        return self.replan(day_id, origin)

    def replan(self, day_id: str, origin: object | None = None) -> ReplanResult:
        """Move every unlocked item that has not started to follow the actual times.

        Locked items keep their time; the ones that now collide are reported. The adopted
        programme is never touched: reports compare the actual times with it.
        """
        now = self.desk.clock.now()
        with self.desk.action("Re-plan the rest of the day", origin=origin) as act:
            s = act.session
            day = get_day(s, day_id)
            items = items_of(s, day_id)
            zone = self.timezone(s)
            now_min = local_minutes(now, day.date, zone)
            if not 0 <= now_min < 2 * DAY_MINUTES:
                now_min = None
            before = {it.id: it.start_time for it in items}
            plan = retime_items(s, day, items, now=now_min, replanning=True)
            moved = tuple(it.title for it in items if it.start_time != before[it.id])
            collisions = tuple(items[w.index].title for w in plan.warnings if w.kind == "collision")
        return ReplanResult(act.changes, moved, collisions)
