"""The row an action names, or the refusal that says it is gone (deleted meanwhile by another
window or an undo): one lookup that every feature's row helpers share."""

from typing import TypeVar

from sqlalchemy.orm import Session

from seminar_desk.domain.refusal import Refusal

T = TypeVar("T")


def row_or_refuse(s: Session, model: type[T], row_id: str, refusal: Refusal) -> T:
    row = s.get(model, row_id)
    if row is None:
        raise refusal
    return row
