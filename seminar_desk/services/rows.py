"""Row helpers every feature shares: the row an action names, or the refusal that says it is
gone (deleted meanwhile by another window or an undo); a plain record made from a row."""

from dataclasses import fields
from functools import cache
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from seminar_desk.domain.refusal import Refusal

T = TypeVar("T")
R = TypeVar("R")


def row_or_refuse(s: Session, model: type[T], row_id: str, refusal: Refusal) -> T:
    row = s.get(model, row_id)
    if row is None:
        raise refusal
    return row


def record_from(record: type[R], row: object, **given: Any) -> R:
    """A plain `record` (a dataclass) of an ORM row: each field not `given` is the row's
    attribute of the same name, so a view lists only what it computes or renames."""
    taken = {name: getattr(row, name) for name in _field_names(record) if name not in given}
    return record(**taken, **given)


@cache
def _field_names(record: type) -> tuple[str, ...]:
    """A dataclass's field names, read once per class (a day's view builds sixty records)."""
    return tuple(f.name for f in fields(record))
