"""What a participant did at the seminar, so deleting them never silently erases it.

Speeches, chairing, a place in the printed programme, facilitating or reporting for a breakout
group and notes written are the seminar's record: the database would null or cascade them away
with the person, so the service refuses and names them instead.
"""

from collections import Counter
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from seminar_desk.store.models import (
    AgendaItem,
    BreakoutGroup,
    ItemSpeaker,
    Note,
    SpeakerEntry,
)


def _plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many.format(n=n)


def record_of(session: Session, participant_ids: Iterable[str]) -> dict[str, list[str]]:
    """For each participant who did something, what they did in words ("chaired 2 items")."""
    ids = list(participant_ids)
    counts: dict[str, Counter[str]] = {i: Counter() for i in ids}

    def count(kind: str, column: object) -> None:
        for (person,) in session.execute(select(column).where(column.in_(ids))):  # type: ignore[attr-defined]
            counts[person][kind] += 1

    count("spoke", SpeakerEntry.participant_id)
    count("chaired", AgendaItem.chair_id)
    count("programme", ItemSpeaker.participant_id)
    count("facilitated", BreakoutGroup.facilitator_id)
    count("reported", BreakoutGroup.rapporteur_id)
    count("notes", Note.author_id)
    words = {
        "spoke": ("is on a list of speakers once", "is on lists of speakers {n} times"),
        "chaired": ("chairs an agenda item", "chairs {n} agenda items"),
        "programme": ("is a speaker in the programme", "is a speaker in the programme {n} times"),
        "facilitated": ("facilitates a breakout group", "facilitates {n} breakout groups"),
        "reported": ("is rapporteur of a breakout group", "is rapporteur of {n} breakout groups"),
        "notes": ("wrote a note", "wrote {n} notes"),
    }
    return {
        person: [_plural(n, *words[kind]) for kind, n in c.items()]
        for person, c in counts.items()
        if c
    }
