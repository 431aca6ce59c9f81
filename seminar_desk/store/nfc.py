"""Every text enters the store composed (Unicode NFC), however it was typed or imported.

A keyboard, a paste from a PDF or a file from a Mac may give decomposed (NFD) Vietnamese:
"Đức" as Đ + u + combining horn + combining acute. It looks the same on screen, but reports
draw loose accents, an exact match misses it and two names that read alike count as two. One
listener on every ORM session's flush composes the text values of the rows it writes, so
typing, imports and bundles pass through the same door (models.py imports this module);
migration 0008_nfc_text composed the rows of files made before it. Core statements
(`insert()`, `update()`) bypass the ORM: compose their text with `domain.text.nfc`.
"""

from collections.abc import Iterable
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import instance_state

from seminar_desk.domain.text import nfc


@event.listens_for(Session, "before_flush")
def _compose_text(session: Session, _context: Any, _instances: Any) -> None:
    for obj in session.new:
        state = inspect(obj)
        _compose(obj, state.dict, [prop.key for prop in state.mapper.column_attrs])
    for obj in session.dirty:
        # What was loaded is composed already: only the values set since need a look (a
        # re-timed day sets one or two columns of each of its rows, not all of them).
        state = instance_state(obj)
        _compose(obj, state.dict, state.committed_state)


def _compose(obj: Any, values: dict[str, Any], keys: Iterable[str]) -> None:
    for key in list(keys):
        value = values.get(key)
        if isinstance(value, str) and (composed := nfc(value)) is not value:
            setattr(obj, key, composed)
