"""Removing a day, from the Agenda's day tabs or the Seminar page's Days: what goes with it is
said first, and a day in the middle asks whether the days after it move one date earlier (so a
3-5 March seminar without 4 March becomes 3-4 March, not 3 and 5 March). One undo step."""

from datetime import date

from PySide6.QtWidgets import QWidget

from seminar_desk.gui import runner
from seminar_desk.gui.widgets import ask
from seminar_desk.services.agenda import AgendaService

CLOSE_GAP = "Remove, move later days earlier"
KEEP_DATES = "Remove, keep their dates"


def remove_day(parent: QWidget, service: AgendaService, day_id: str, origin: object) -> bool:
    """Ask what the person means, then remove the day; True when it was removed."""
    days = runner.call(parent, service.days)
    removal = runner.call(parent, service.removal, day_id=day_id)
    moves = runner.call(parent, service.closing_up, day_id)
    day = next((d for d in days or [] if d.id == day_id), None)
    if day is None or removal is None or moves is None:
        return False
    question = f"Remove Day {day.number} ({_said(day.date)} {day.date.year})?"
    if removal.items:
        question += f" This also removes {removal.describe(with_items=True)}."
    close_gap = False
    if moves:
        moved = "\n".join(f"Day {d.number}: {_said(d.date)} → {_said(new)}" for d, new in moves)
        question += (
            f"\n\nThe days after it can move one date earlier, so the seminar keeps no empty "
            f"day:\n{moved}\n\nEdit › Undo (Ctrl+Z) brings it all back."
        )
        choice = ask.choose(parent, question, [CLOSE_GAP, KEEP_DATES])
        if choice is None:
            return False
        close_gap = choice == 0
    elif removal.items:
        question += "\n\nEdit › Undo (Ctrl+Z) brings it all back."
        if not ask.confirm(parent, question, yes="Remove day"):
            return False
    done = runner.call(parent, service.delete_day, day_id, origin=origin, close_gap=close_gap)
    return done is not None


def _said(when: date) -> str:
    """Thursday 4 March: no leading zero."""
    return f"{when:%A} {when.day} {when:%B}"
