"""Agenda item kinds as people write them in schedules, and the words we show for them."""

import re

from seminar_desk.domain.kinds import ItemKind
from seminar_desk.domain.text import fold

# Words seen in spreadsheets and conference tools, folded, mapped to our kinds.
KIND_SYNONYMS: dict[str, ItemKind] = {
    "ceremony": ItemKind.CEREMONY,
    "opening": ItemKind.CEREMONY,
    "closing": ItemKind.CEREMONY,
    "welcome": ItemKind.CEREMONY,
    "plenary": ItemKind.PLENARY,
    "session": ItemKind.PLENARY,
    "lecture": ItemKind.PLENARY,
    "talk": ItemKind.PLENARY,
    "keynote": ItemKind.PLENARY,
    "presentation": ItemKind.PLENARY,
    "panel": ItemKind.PANEL,
    "podium": ItemKind.PANEL,
    "discussion": ItemKind.PANEL,
    "tour de table": ItemKind.TOUR_DE_TABLE,
    "tour_de_table": ItemKind.TOUR_DE_TABLE,
    "tour-de-table": ItemKind.TOUR_DE_TABLE,
    "roundtable": ItemKind.TOUR_DE_TABLE,
    "round table": ItemKind.TOUR_DE_TABLE,
    "breakout": ItemKind.BREAKOUT,
    "break-out": ItemKind.BREAKOUT,
    "break out": ItemKind.BREAKOUT,
    "workshop": ItemKind.BREAKOUT,
    "working group": ItemKind.BREAKOUT,
    "group work": ItemKind.BREAKOUT,
    "meeting": ItemKind.BREAKOUT,
    "break": ItemKind.BREAK,
    "coffee": ItemKind.BREAK,
    "coffee break": ItemKind.BREAK,
    "tea": ItemKind.BREAK,
    "pause": ItemKind.BREAK,
    "meal": ItemKind.MEAL,
    "lunch": ItemKind.MEAL,
    "dinner": ItemKind.MEAL,
    "breakfast": ItemKind.MEAL,
    "reception": ItemKind.MEAL,
    "side event": ItemKind.SIDE_EVENT,
    "side-event": ItemKind.SIDE_EVENT,
    "side_event": ItemKind.SIDE_EVENT,
    "field visit": ItemKind.FIELD_VISIT,
    "field-visit": ItemKind.FIELD_VISIT,
    "field_visit": ItemKind.FIELD_VISIT,
    "site visit": ItemKind.FIELD_VISIT,
    "study visit": ItemKind.FIELD_VISIT,
    "excursion": ItemKind.FIELD_VISIT,
    "q&a": ItemKind.QA,
    "q & a": ItemKind.QA,
    "qa": ItemKind.QA,
    "questions and answers": ItemKind.QA,
    "question and answer": ItemKind.QA,
    "questions & answers": ItemKind.QA,
}

# Minutes an item of each kind lasts when a file gives no duration (and a new item's default).
DEFAULT_DURATIONS: dict[ItemKind, int] = {
    ItemKind.CEREMONY: 30,
    ItemKind.PLENARY: 60,
    ItemKind.PANEL: 90,
    ItemKind.TOUR_DE_TABLE: 90,
    ItemKind.BREAKOUT: 90,
    ItemKind.BREAK: 30,
    ItemKind.MEAL: 60,
    ItemKind.SIDE_EVENT: 60,
    ItemKind.FIELD_VISIT: 180,
    ItemKind.QA: 30,
}

# Titles that say what an item is, folded: "Coffee break", "Lunch", "Tea break"...
_TITLE_KINDS: tuple[tuple[re.Pattern[str], ItemKind], ...] = (
    (re.compile(r"^(coffee|tea|health|comfort)( ?/ ?(coffee|tea))?( break)?\b"), ItemKind.BREAK),
    (re.compile(r"^break$"), ItemKind.BREAK),
    (re.compile(r"^(working |networking |official )?(lunch|dinner|breakfast)\b"), ItemKind.MEAL),
    (re.compile(r"^(welcome |evening )?reception\b"), ItemKind.MEAL),
    (re.compile(r"^(q ?& ?a|questions? and answers?)( session)?$"), ItemKind.QA),
    (re.compile(r"^side event\b"), ItemKind.SIDE_EVENT),
    (re.compile(r"^(field|site|study) visit\b"), ItemKind.FIELD_VISIT),
)


def parse_kind(text: str, default: ItemKind | None = ItemKind.PLENARY) -> ItemKind | None:
    """The kind a person meant: exact names, labels and common synonyms; `default` if empty.

    Returns None for words we do not know, so importers can report them.
    """
    key = fold(text).strip()
    if not key:
        return default
    if key in KIND_SYNONYMS:
        return KIND_SYNONYMS[key]
    for kind in ItemKind:
        if key in (kind.value, fold(kind.label)):
            return kind
    return None


def kind_label(value: str) -> str:
    try:
        return ItemKind(value).label
    except ValueError:
        return value


def default_duration(kind: str) -> int:
    """Minutes an item of this kind lasts unless told otherwise."""
    try:
        return DEFAULT_DURATIONS[ItemKind(kind)]
    except (KeyError, ValueError):
        return DEFAULT_DURATIONS[ItemKind.PLENARY]


def kind_for_title(title: str) -> ItemKind | None:
    """The kind a title names on its own ("Coffee break", "Lunch", "Q&A"), or None.

    The one rule for typed new items and for imported ones without a kind of their own.
    """
    key = " ".join(fold(title).replace("-", " ").split()).strip(" .:!")
    return next((kind for pattern, kind in _TITLE_KINDS if pattern.search(key)), None)
