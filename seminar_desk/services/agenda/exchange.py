"""What our agenda exports promise our importer, in one place for both sides: item UIDs that
find the item again (a re-import updates it instead of adding a copy), and CSV cells guarded
against spreadsheets running them as formulas (the importer takes the guard off again)."""

EXPORT_FORMATS = ("ics", "csv")
"""What the agenda can be written as (the first is the default)."""
UID_DOMAIN = "seminar-desk"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def item_uid(item_id: str) -> str:
    """The UID an exported event carries for the item."""
    return f"{item_id}@{UID_DOMAIN}"


def item_id_of(uid: str) -> str:
    """The item id in a UID our export wrote, or "" for anyone else's event."""
    return uid.removesuffix(f"@{UID_DOMAIN}") if uid.endswith(f"@{UID_DOMAIN}") else ""


def calendar_description(chair: str, speakers: tuple[str, ...] | list[str], text: str) -> str:
    """The DESCRIPTION an exported event carries: chair and speakers first, for calendar
    programs that show nothing else; the importer takes exactly these lines off again."""
    lines = []
    if chair:
        lines.append(f"Chair: {chair}")
    if speakers:
        lines.append("Speakers: " + ", ".join(speakers))
    if text:
        lines.append(text)
    return "\n\n".join(lines)


def guarded(*cells: object) -> tuple[object, ...]:
    """A text cell a spreadsheet would run as a formula (=, +, -, @) starts with a quote.

    Spreadsheets show such a cell as the text it is; our importer removes the quote again.
    """
    return tuple(
        "'" + c if isinstance(c, str) and c.startswith(FORMULA_STARTS) else c for c in cells
    )


def unguarded(text: str) -> str:
    """Undo the quote our CSV export puts before a cell that a spreadsheet would run."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text
