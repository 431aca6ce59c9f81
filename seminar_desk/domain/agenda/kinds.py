"""Agenda item kinds as people write them in schedules, and the words we show for them."""

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
}


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
