"""Running the shown day live from the Agenda page: start, end, start next, re-plan (F5-F8),
and the line that says what runs now and how far the day is ahead or behind. Their refusals
are said in the window's message bar (`runner.live`): the chair keeps the keyboard."""

from PySide6.QtWidgets import QLabel

from seminar_desk.domain.agenda.timing import format_delay, format_minutes
from seminar_desk.gui import runner
from seminar_desk.services.agenda import AgendaService, DayView

LIVE_REFRESH_MS = 20_000
MAX_SHOWN_DELAY_MIN = 12 * 60


class AgendaLive:
    """The Agenda page's live keys and live line, mixed into AgendaPage (which gives the
    service, the shown day, the selection and `say`)."""

    service: AgendaService
    day_view: DayView | None
    live_label: QLabel
    delay_label: QLabel

    def refresh_live(self) -> None:
        """The running item and how far the day is ahead or behind (the clock moves on)."""
        view = self.day_view
        if view is None:
            return
        if any(i.actual_start is not None for i in view.items) and view.current is not None:
            view = self.service.day(view.id)  # the delay of a running item grows with time
        current = view.current
        ends = f"Day {view.number}: {format_minutes(view.start)}–{format_minutes(view.end)}"
        if view.end > view.planned_end:
            ends += f" (planned end {format_minutes(view.planned_end)})"
        if current is not None:
            self.live_label.setText(f"Now: {current.title} · {ends}")
        else:
            self.live_label.setText(ends)
        if view.delay_min is None:
            self.delay_label.setText("")
            self.delay_label.setStyleSheet("")
        elif abs(view.delay_min) > MAX_SHOWN_DELAY_MIN:
            # Run on another date (a rehearsal): minutes would mean nothing.
            self.delay_label.setText("run on another date")
            self.delay_label.setStyleSheet("color: #7b7d7d;")
        else:
            if view.delay_min < 0:  # "5 min ahead", not "−5 min ahead"
                self.delay_label.setText(f"{-view.delay_min} min ahead")
            else:
                word = "behind" if view.delay_min > 0 else ""
                self.delay_label.setText(f"{format_delay(view.delay_min)} {word}".strip())
            colour = "#b03a2e" if view.delay_min > 5 else "#1e8449"
            self.delay_label.setStyleSheet(f"font-weight: bold; color: {colour};")

    def start_selected(self) -> None:
        item_id = self.selected_id()
        if item_id is None:
            self.start_next()
            return
        runner.live(self, self.service.start_item, item_id, origin=self)

    def end_current(self) -> None:
        view = self.day_view
        if view is None or view.current is None:
            runner.show_refusal(self, "No item is running.", live=True)
            return
        runner.live(self, self.service.end_item, view.current.id, origin=self)

    def start_next(self) -> None:
        day_id = self.current_day_id()
        if day_id is not None:
            runner.live(self, self.service.start_next, day_id, origin=self)
            current = self.day_view.current if self.day_view else None
            if current is not None:
                self.select([current.id])

    def replan(self) -> None:
        day_id = self.current_day_id()
        if day_id is None:
            return
        result = runner.live(self, self.service.replan, day_id, origin=self)
        if result is not None:
            self.say(f"Re-planned: {result.summary}")
