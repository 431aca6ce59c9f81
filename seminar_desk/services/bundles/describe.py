"""Where a record belongs, in words, for previews and the conflicts view
("Group A — Breakout session › Summary")."""

from sqlalchemy import Connection, select

from seminar_desk.services.bundles.records import Row
from seminar_desk.store.models import AgendaItem, BreakoutGroup

KIND = {"note": "", "recommendation": "Recommendation", "action_item": "Action item"}


def where(conn: Connection, table: str, row: Row | None, record_id: str) -> str:
    if row is None:
        return f"{table.replace('_', ' ')} {record_id[:8]}"
    group = None
    item_id = row.get("item_id")
    if row.get("group_id"):
        group = conn.execute(
            select(BreakoutGroup.name, BreakoutGroup.item_id).where(
                BreakoutGroup.id == row["group_id"]
            )
        ).first()
        item_id = group.item_id if group else None
    title = (
        conn.scalar(select(AgendaItem.title).where(AgendaItem.id == item_id)) if item_id else None
    )
    place = f"{group.name} — {title or ''}" if group else (title or "")
    if table == "note":
        what = str(row.get("section", "")).replace("_", " ").capitalize()
    else:
        what = KIND.get(table) or str(
            row.get("title") or row.get("name") or table.replace("_", " ")
        )
    return f"{place} › {what}" if place else what
