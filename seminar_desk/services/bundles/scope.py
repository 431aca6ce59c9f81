"""Which records a bundle carries: the whole seminar, a breakout group's work, a day's speaker
logs; and the records they point to (so a new file can take them in)."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Table, select

from seminar_desk.domain.refusal import Refusal
from seminar_desk.domain.text import fold
from seminar_desk.services.bundles.records import Row, record_key, shared_tables, table_named
from seminar_desk.store.models import (
    ActionItem,
    AgendaItem,
    BreakoutGroup,
    BreakoutMember,
    Day,
    Note,
    Recommendation,
    SpeakerEntry,
    SpeechPause,
)

if TYPE_CHECKING:
    from seminar_desk.services.desk import Desk

GROUP_TABLES = ("breakout_group", "breakout_member", "note", "recommendation", "action_item")
DAY_TABLES = ("speaker_entry", "speech_pause")


@dataclass(frozen=True)
class Scope:
    """What to export: everything (no day, no group), a day's speaker logs, a group's work."""

    day: int | None = None
    group: str | None = None  # id, 1-based number in the seminar, or a part of its name

    @property
    def whole(self) -> bool:
        return self.day is None and self.group is None

    def tables(self) -> tuple[str, ...]:
        """The tables whose deletions travel with this scope."""
        if self.whole:
            return tuple(t.name for t in shared_tables())
        return (GROUP_TABLES if self.group else ()) + (DAY_TABLES if self.day else ())


def numbered_groups(conn: Connection) -> list[tuple[str, str]]:
    """(id, name) of every group in programme order: the order the numbers a person types
    (`--group 2`) and the export dialog's list both count in."""
    rows = conn.execute(
        select(BreakoutGroup.id, BreakoutGroup.name)
        .join(AgendaItem, BreakoutGroup.item_id == AgendaItem.id)
        .join(Day, AgendaItem.day_id == Day.id)
        .order_by(Day.number, AgendaItem.position, BreakoutGroup.position, BreakoutGroup.name)
    ).all()
    return [(r.id, r.name) for r in rows]


def find_group(conn: Connection, ref: str) -> tuple[str, str]:
    """(id, name) of a group named by id, by its 1-based number in the seminar, or by a part
    of its name that matches one group only."""
    rows = numbered_groups(conn)
    ref = ref.strip()
    for group_id, name in rows:
        if group_id == ref:
            return group_id, name
    if ref.isdigit() and 1 <= int(ref) <= len(rows):
        return rows[int(ref) - 1]
    matches = [(i, n) for i, n in rows if fold(ref) and fold(ref) in fold(n)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise Refusal(
            f"No breakout group is named or numbered {ref!r} (the seminar has {len(rows)})."
        )
    raise Refusal(f"{ref!r} matches {len(matches)} groups: " + "; ".join(n for _, n in matches))


def choices(desk: "Desk") -> tuple[list[tuple[str, str]], list[int]]:
    """The groups (id, name; numbered from 1 in this order) and day numbers one may export."""
    with desk.read() as s:
        conn = s.connection()
        return numbered_groups(conn), list(conn.scalars(select(Day.number).order_by(Day.number)))


def scope_label(conn: Connection, scope: Scope) -> str:
    parts = []
    if scope.group:
        parts.append(f"group {find_group(conn, scope.group)[1]}")
    if scope.day is not None:
        parts.append(f"day {scope.day} speaker logs")
    return ", ".join(parts) or "whole seminar"


def collect(conn: Connection, scope: Scope) -> dict[str, dict[str, Row]]:
    """The rows a bundle of `scope` carries, by table and record key, with their parents."""
    found: dict[str, dict[str, Row]] = defaultdict(dict)
    if scope.whole:
        for table in shared_tables():
            _add(found, table, conn.execute(select(table)).mappings())
        return found
    if scope.group:
        group_id = find_group(conn, scope.group)[0]
        for model in (BreakoutGroup,):
            _add(
                found,
                model.__table__,
                conn.execute(select(model.__table__).where(model.id == group_id)).mappings(),
            )
        for model in (BreakoutMember, Note, Recommendation, ActionItem):
            table = model.__table__
            _add(
                found,
                table,
                conn.execute(select(table).where(table.c.group_id == group_id)).mappings(),
            )
    if scope.day is not None:
        day_id = conn.scalar(select(Day.id).where(Day.number == scope.day))
        if day_id is None:
            raise Refusal(f"The seminar has no day {scope.day}.")
        items = select(AgendaItem.id).where(AgendaItem.day_id == day_id)
        entries = (
            conn.execute(select(SpeakerEntry.__table__).where(SpeakerEntry.item_id.in_(items)))
            .mappings()
            .all()
        )
        _add(found, SpeakerEntry.__table__, entries)
        ids = [e["id"] for e in entries]
        for start in range(0, len(ids), 500):
            pause = SpeechPause.__table__
            _add(
                found,
                pause,
                conn.execute(
                    select(pause).where(pause.c.entry_id.in_(ids[start : start + 500]))
                ).mappings(),
            )
    _add_parents(conn, found)
    return found


def _add(found: dict[str, dict[str, Row]], table: Table, rows: Iterable[object]) -> None:
    bucket = found[table.name]
    for row in rows:
        data = dict(row)  # type: ignore[call-overload]
        bucket[record_key(table, data)] = data


def _add_parents(conn: Connection, found: dict[str, dict[str, Row]]) -> None:
    """Every record a carried record points to (its item, day, group, author...), repeatedly."""
    todo = {name: list(rows.values()) for name, rows in found.items()}
    while todo:
        wanted: dict[str, set[str]] = defaultdict(set)
        for name, rows in todo.items():
            table = table_named(name)
            assert table is not None
            for fk in table.foreign_keys:
                parent = fk.column.table
                if table_named(parent.name) is None or len(parent.primary_key.columns) != 1:
                    continue
                for row in rows:
                    value = row.get(fk.parent.name)
                    if value is not None and value not in found.get(parent.name, {}):
                        wanted[parent.name].add(value)
        todo = {}
        for name, keys in wanted.items():
            table = table_named(name)
            assert table is not None
            pk = next(iter(table.primary_key.columns))
            ordered = sorted(keys)
            new: list[Row] = []
            for start in range(0, len(ordered), 500):
                new += [
                    dict(r)
                    for r in conn.execute(
                        select(table).where(pk.in_(ordered[start : start + 500]))
                    ).mappings()
                ]
            _add(found, table, new)
            if new:
                todo[name] = new
