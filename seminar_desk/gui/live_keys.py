"""The keys that run a meeting live: one verb per key, the same on the Agenda and Speakers pages.

F5 starts, F6 ends, F7 goes to the next, F8 re-plans; on the Agenda they act on items, on the
Speakers page on speeches. A key pressed on the other page than meant does the same kind of
thing to what that page shows, and F5 never takes the floor from someone speaking. Both pages
bind their actions from this table, and the F1 help is written from it, so they cannot differ.
"""

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class LiveKey:
    key: str
    verb: str
    agenda_action: str  # the action's name on the Agenda page
    speakers_action: str  # ... and on the Speakers page
    on_agenda: str
    on_speakers: str


LIVE_KEYS: tuple[LiveKey, ...] = (
    LiveKey(
        "F5",
        "Start",
        "start",
        "start",
        "Start the selected item (the item running before it ends)",
        "Give the floor to the next speaker when nobody has it, or resume a paused speech",
    ),
    LiveKey("F6", "End", "end", "finish", "End the running item", "End the speech"),
    LiveKey(
        "F7",
        "Next",
        "next",
        "next",
        "End what runs and start the next item",
        "End the speech and give the floor to the next speaker",
    ),
    LiveKey(
        "F8",
        "Re-plan",
        "replan",
        "replan",
        "Re-plan the rest of the shown day from the actual times",
        "Re-plan the rest of this item's day from the actual times",
    ),
)
HELP_KEY = "F1"
AGENDA_KEYS = {k.agenda_action: k.key for k in LIVE_KEYS}
SPEAKERS_KEYS = {k.speakers_action: k.key for k in LIVE_KEYS}


def live_keys_html() -> str:
    """The table for the F1 help (rich text written here; nothing typed by users in it)."""
    rows = "".join(
        f"<tr><td style='padding-right:14px'><b>{k.key}</b></td>"
        f"<td style='padding-right:14px'>{escape(k.verb)}</td>"
        f"<td style='padding-right:14px'>{escape(k.on_agenda)}</td>"
        f"<td>{escape(k.on_speakers)}</td></tr>"
        for k in LIVE_KEYS
    )
    return (
        "<h3>Running live: the same keys on the Agenda and Speakers pages</h3>"
        "<table><tr><th align='left'>Key</th><th></th><th align='left'>On the Agenda</th>"
        "<th align='left'>On the Speakers page</th></tr>" + rows + "</table>"
        "<p>F5 never ends a speech: with someone speaking it only says so. Every step can be "
        "undone with Ctrl+Z. The adopted programme stays as adopted: re-planning moves only "
        "the current times, and reports compare the actual times with the adopted ones.</p>"
    )
