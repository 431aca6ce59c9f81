"""What our agenda exports promise our importer, in one place for both sides: item UIDs that
find the item again (a re-import updates it instead of adding a copy), and CSV cells guarded
against spreadsheets running them as formulas (services/tables/cells.py, shared with other
exports; the importer takes the guard off again)."""

EXPORT_FORMATS = ("ics", "csv")
"""What the agenda can be written as (the first is the default)."""
UID_DOMAIN = "seminar-desk"


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

