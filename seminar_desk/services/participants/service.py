"""Participants, their delegations and their attendance per day."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from seminar_desk.domain.changes import Added, OpChanges
from seminar_desk.domain.kinds import Gender, OrgKind, ParticipantRole, label_of
from seminar_desk.domain.refusal import Gone, Refusal
from seminar_desk.domain.text import fold
from seminar_desk.domain.zone import seminar_zone
from seminar_desk.services.desk import Desk
from seminar_desk.services.participants.names import resorted
from seminar_desk.services.participants.record import record_of
from seminar_desk.store.models import Attendance, Day, Organisation, Participant, Seminar

EDITABLE = ("honorific", "name", "function", "role", "gender", "email", "organisation_id")


@dataclass(frozen=True)
class OrganisationRow:
    id: str
    code: str
    name: str
    kind: str


@dataclass(frozen=True)
class ParticipantRow:
    id: str
    honorific: str
    name: str
    organisation_id: str | None
    organisation: str
    organisation_kind: str
    organisation_code: str
    function: str
    role: str
    gender: str
    email: str
    days_present: frozenset[str]
    sort_name: str = ""
    """Folded, family name first when known (lists sort by it); "" means the name folded."""

    @property
    def search_key(self) -> str:
        """What filter-as-you-type looks in: name, delegation and its code and kind, function,
        role, gender and e-mail, accents and case folded."""
        words = (
            self.honorific,
            self.name,
            self.organisation,
            self.organisation_code,
            label_of(OrgKind, self.organisation_kind) if self.organisation_kind else "",
            self.function,
            label_of(ParticipantRole, self.role) if self.role else "",
            label_of(Gender, self.gender) if self.gender else "",
            self.email,
        )
        return fold(" ".join(words))


@dataclass(frozen=True)
class DayRow:
    id: str
    number: int
    label: str
    date: date


class ParticipantError(Refusal, ValueError):
    """A participant edit refused (a blank name), in words a person can act on."""


class ParticipantService:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def days(self) -> list[DayRow]:
        with self.desk.read() as s:
            return [
                DayRow(d.id, d.number, f"Day {d.number} ({d.date:%d %b})", d.date)
                for d in s.scalars(select(Day).order_by(Day.number))
            ]

    def today(self) -> DayRow | None:
        """The seminar day that is today in the seminar's time zone (None on other dates)."""
        with self.desk.read() as s:
            seminar = s.scalars(select(Seminar)).first()
        today = self.desk.clock.now().astimezone(seminar_zone(seminar and seminar.timezone))
        return next((d for d in self.days() if d.date == today.date()), None)

    def organisations(self) -> list[OrganisationRow]:
        with self.desk.read() as s:
            rows = s.scalars(select(Organisation).order_by(Organisation.name))
            return [OrganisationRow(o.id, o.code, o.name, o.kind) for o in rows]

    def participants(self) -> list[ParticipantRow]:
        """All participants, by delegation then name (the order of a list of participants)."""
        with self.desk.read() as s:
            people = s.scalars(
                select(Participant).options(
                    selectinload(Participant.organisation), selectinload(Participant.attendance)
                )
            ).all()
            rows = [
                ParticipantRow(
                    p.id,
                    p.honorific,
                    p.name,
                    p.organisation_id,
                    p.organisation.name if p.organisation else "",
                    p.organisation.kind if p.organisation else "",
                    p.organisation.code if p.organisation else "",
                    p.function,
                    p.role,
                    p.gender,
                    p.email,
                    frozenset(a.day_id for a in p.attendance if a.present),
                    p.sort_name,
                )
                for p in people
            ]
        return sorted(rows, key=lambda r: (fold(r.organisation), r.sort_name or fold(r.name)))

    def add(
        self,
        name: str,
        organisation_id: str | None = None,
        origin: object | None = None,
        **fields: str,
    ) -> Added:
        name = name.strip()
        if not name:
            raise ParticipantError("A participant needs a name.")
        _check_fields(fields)
        with self.desk.action(f"Add participant {name}", origin=origin) as act:
            person = Participant(
                name=name, sort_name=fold(name), organisation_id=organisation_id, **fields
            )
            act.session.add(person)
            act.session.flush()
            new_id = person.id
        return Added(act.changes, new_id)

    def update(
        self, participant_id: str, origin: object | None = None, **values: object
    ) -> OpChanges:
        unknown = set(values) - set(EDITABLE)
        if unknown:
            raise TypeError(f"unknown participant fields: {', '.join(sorted(unknown))}")
        if "name" in values and not str(values["name"]).strip():
            raise ParticipantError("A participant needs a name.")
        _check_fields(values)
        with self.desk.action("Edit participant", origin=origin) as act:
            person = act.session.get(Participant, participant_id)
            if person is None:
                raise Gone("That participant was deleted meanwhile (another window, or Undo).")
            before = person.name
            for key, value in values.items():
                setattr(person, key, value.strip() if isinstance(value, str) else value)
            if "name" in values:
                person.sort_name = resorted(before, person.sort_name, person.name)
        return act.changes

    def delete(self, participant_ids: list[str], origin: object | None = None) -> OpChanges:
        """Delete several participants as one undoable step.

        Someone who spoke, chairs, is in the programme, runs a breakout group or wrote notes
        is refused with what they did: that is the seminar's record and stays.
        """
        label = "Delete participant" if len(participant_ids) == 1 else "Delete participants"
        with self.desk.action(label, origin=origin) as act:
            people = [act.session.get(Participant, i) for i in participant_ids]
            if any(p is None for p in people):
                raise Gone("A participant you chose was deleted meanwhile (another window, Undo).")
            refusal = _kept_record(act.session, participant_ids)
            if refusal:
                raise ParticipantError(refusal)
            for person in people:
                act.session.delete(person)
        return act.changes

    def why_kept(self, participant_ids: list[str]) -> str | None:
        """Why deleting these people would be refused (what they did), or None."""
        with self.desk.read() as s:
            return _kept_record(s, participant_ids)

    def set_present(
        self, participant_id: str, day_id: str, present: bool, origin: object | None = None
    ) -> OpChanges:
        verb = "present" if present else "absent"
        with self.desk.action(f"Mark {verb}", origin=origin) as act:
            record = act.session.scalars(
                select(Attendance).where(
                    Attendance.participant_id == participant_id, Attendance.day_id == day_id
                )
            ).first()
            if record is None:
                act.session.add(
                    Attendance(participant_id=participant_id, day_id=day_id, present=present)
                )
            else:
                record.present = present
        return act.changes


def _check_fields(values: Mapping[str, object]) -> None:
    """Refuse values the lists cannot show: an unknown role or gender, an e-mail without @."""
    if "role" in values and str(values["role"]) not in {r.value for r in ParticipantRole}:
        raise ParticipantError(f"Unknown role {values['role']!r} for a participant.")
    if "gender" in values and str(values["gender"]) not in {g.value for g in Gender}:
        raise ParticipantError(f"Unknown gender {values['gender']!r} for a participant.")
    email = str(values.get("email", "")).strip()
    if email and ("@" not in email or " " in email):
        raise ParticipantError(f"The e-mail address {email!r} is not valid (name@example.org).")


def _kept_record(session: Session, participant_ids: list[str]) -> str | None:
    did = record_of(session, participant_ids)
    if not did:
        return None
    names = dict(
        session.execute(select(Participant.id, Participant.name).where(Participant.id.in_(did)))
        .tuples()
        .all()
    )
    lines = [f"{names.get(i, 'someone')} {', '.join(what)}" for i, what in did.items()]
    return (
        "Not deleted: " + "; ".join(lines) + ". That is part of the seminar's record and stays; "
        "nobody was deleted."
    )
