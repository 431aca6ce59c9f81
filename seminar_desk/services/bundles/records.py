"""Rows as plain JSON values, their content digests, and the tables that travel in bundles.

A record is named by its table and its primary key (the uuid `id`, or the two ids of a
membership joined by "|"). Its digest covers every column except the creation and
modification times, so the same content written in two files has the same digest.
"""

import hashlib
import json
from datetime import date, datetime, time
from functools import cache
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, Float, Integer, String, Table, Text, Time

from seminar_desk.domain.text import nfc
from seminar_desk.store.models import Base, UTCDateTime

Row = dict[str, Any]
JsonRow = dict[str, Any]
# Not content: times, and the counter a note's saves bump (each file counts its own saves).
STAMPS = frozenset({"created_at", "updated_at", "version"})
NOT_SHARED = frozenset({"sync_record", "merge_conflict", "alembic_version"})


class BadValue(ValueError):
    """A bundle's value that does not fit its column (the message names what was expected)."""


@cache
def shared_tables() -> tuple[Table, ...]:
    """The tables of user data, parents before children (the order inserts must follow)."""
    return tuple(
        t
        for t in Base.metadata.sorted_tables
        if t.name not in NOT_SHARED and not t.name.startswith("fts_")
    )


@cache
def table_named(name: str) -> Table | None:
    return next((t for t in shared_tables() if t.name == name), None)


def record_key(table: Table, row: Row) -> str:
    return "|".join(str(row[c.name]) for c in table.primary_key.columns)


def key_values(table: Table, key: str) -> dict[str, str]:
    """The primary key columns of a record key ("a|b" for a membership)."""
    parts = key.split("|")
    cols = list(table.primary_key.columns)
    if len(parts) != len(cols):
        raise BadValue(f"the key {key!r} does not name a {table.name} record")
    return {c.name: p for c, p in zip(cols, parts, strict=True)}


def to_json(column: Column[Any], value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    return value


def row_to_json(table: Table, row: Row) -> JsonRow:
    return {c.name: to_json(c, row.get(c.name)) for c in table.columns}


def from_json(column: Column[Any], value: Any) -> Any:
    """A JSON value checked against its column; raises BadValue saying what was expected."""
    if value is None:
        if not column.nullable and not column.primary_key:
            raise BadValue("a value (not null)")
        if column.primary_key:
            raise BadValue("a value (it is part of the record's key)")
        return None
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return _parse(value, "a date and time (ISO 8601, UTC)", _aware)
    if isinstance(kind, Date):
        return _parse(value, "a date (YYYY-MM-DD)", date.fromisoformat)
    if isinstance(kind, Time):
        return _parse(value, "a time (HH:MM:SS)", time.fromisoformat)
    if isinstance(kind, JSON):
        if not isinstance(value, dict | list):
            raise BadValue("a JSON object or list")
        return value
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise BadValue("true or false")
        return value
    if isinstance(kind, Integer):
        if isinstance(value, bool) or not isinstance(value, int) or abs(value) > 2**62:
            raise BadValue("a whole number")
        return value
    if isinstance(kind, Float):
        if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
            raise BadValue("a number")
        return float(value)
    if isinstance(kind, String | Text):
        if not isinstance(value, str):
            raise BadValue("text")
        limit = getattr(kind, "length", None)
        if limit and len(value) > limit:
            raise BadValue(f"text of at most {limit} characters")
        if "\x00" in value:
            raise BadValue("text without NUL characters")
        return nfc(value)  # as the store keeps text (composed), so digests agree
    raise BadValue(f"a value of type {kind}")  # a column type this module does not know


def _aware(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError("no time zone")
    return value


def _parse(value: Any, expected: str, parse: Any) -> Any:
    if not isinstance(value, str):
        raise BadValue(expected)
    try:
        return parse(value)
    except ValueError as exc:
        raise BadValue(expected) from exc


def digest(table: Table, row: Row) -> str:
    """The content digest of a row (python values), the same in every file."""
    content = {c.name: to_json(c, row.get(c.name)) for c in table.columns if c.name not in STAMPS}
    text = json.dumps([table.name, content], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def load_known(text: str | None) -> set[str]:
    if not text:
        return set()
    try:
        value = json.loads(text)
    except ValueError:
        return set()
    return {v for v in value if isinstance(v, str)} if isinstance(value, list) else set()


def dump_known(known: set[str]) -> str:
    return json.dumps(sorted(known))
