"""Every text enters the store composed (Unicode NFC), however it was typed or imported.

A keyboard, a paste from a PDF or a file from a Mac may give decomposed (NFD) Vietnamese:
"Đức" as Đ + u + combining horn + combining acute. It looks the same on screen, but reports
draw loose accents, an exact match misses it and two names that read alike count as two. One
listener on every ORM session's flush composes the text values of the rows it writes, so
typing, imports and bundles pass through the same door (models.py imports this module);
migration 0008_nfc_text composed the rows of files made before it. Core statements
(`insert()`, `update()`) bypass the ORM: compose their text with `domain.text.nfc`.
"""

from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from seminar_desk.domain.text import nfc


@event.listens_for(Session, "before_flush")
def _compose_text(session: Session, _context: Any, _instances: Any) -> None:
    for obj in (*session.new, *session.dirty):
        state = inspect(obj)
        values = state.dict
        for prop in state.mapper.column_attrs:
            value = values.get(prop.key)
            if isinstance(value, str) and (composed := nfc(value)) is not value:
                setattr(obj, prop.key, composed)
