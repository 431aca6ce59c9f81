"""Breakout groups of an agenda item: rooms, facilitator, rapporteur, members, questions.

A person sits in one group per breakout item, so adding someone to a group takes them out of
the item's other groups. The automatic split is `domain.breakout.assign_groups` (pure and
seeded); this service only feeds it the people present that day and writes the result as one
undoable action.
"""

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from seminar_desk.domain.breakout import Candidate, assign_groups, default_group_name
from seminar_desk.domain.changes import Added, OpChanges
from seminar_desk.domain.delegations import is_state
from seminar_desk.domain.kinds import (
    Capacity,
    ItemKind,
    SpeakerStatus,
    SpeechType,
    takes_speakers,
)
from seminar_desk.domain.refusal import Gone, Refusal
from seminar_desk.services.agenda.rows import item_refs
from seminar_desk.services.agenda.views import ItemRef
from seminar_desk.services.desk import Desk
from seminar_desk.services.speakers.entries import put_on_list
from seminar_desk.store.models import (
    AgendaItem,
    Attendance,
    BreakoutGroup,
    BreakoutMember,
    Organisation,
    Participant,
    SpeakerEntry,
)


class GroupRefusal(Refusal, ValueError):
    """What may not be done with breakout groups (shown to the person as it is)."""


class GroupGone(Gone, LookupError):
    """A group, item or participant an action names was deleted meanwhile."""


GROUP_FIELDS = {"name", "room", "facilitator_id", "rapporteur_id", "guiding_questions"}
# Roles that run the seminar rather than sit in a breakout room.
NOT_IN_GROUPS = {"secretariat", "chair"}


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    organisation: str = ""
    org_code: str = ""
    org_kind: str = ""
    role: str = ""

    @property
    def label(self) -> str:
        return f"{self.name} ({self.org_code})" if self.org_code else self.name


@dataclass(frozen=True)
class GroupInfo:
    id: str
    item_id: str
    position: int
    name: str
    room: str
    facilitator_id: str | None
    rapporteur_id: str | None
    guiding_questions: str
    members: list[Person] = field(default_factory=list)


def _person(p: Participant) -> Person:
    org = p.organisation
    return Person(
        p.id,
        p.name,
        org.name if org else "",
        org.code if org else "",
        org.kind if org else "",
        p.role,
    )


class BreakoutService:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    # -- reading ------------------------------------------------------------------------------

    def items(self) -> list[ItemRef]:
        """Every agenda item, in programme order (breakout items carry their groups)."""
        with self.desk.read() as s:
            return item_refs(s)

    def groups(self, item_id: str | None = None) -> list[GroupInfo]:
        """The groups of one item (or of every item), in order, with their members.

        Plain column queries, not ORM objects: a large seminar has a thousand members.
        """
        with self.desk.read() as s:
            g = BreakoutGroup
            query = select(
                g.id,
                g.item_id,
                g.position,
                g.name,
                g.room,
                g.facilitator_id,
                g.rapporteur_id,
                g.guiding_questions,
            ).order_by(g.position, g.name)
            members = (
                select(
                    BreakoutMember.group_id,
                    Participant.id,
                    Participant.name,
                    Organisation.name,
                    Organisation.code,
                    Organisation.kind,
                    Participant.role,
                )
                .join(Participant, BreakoutMember.participant_id == Participant.id)
                .outerjoin(Organisation, Participant.organisation_id == Organisation.id)
            )
            if item_id is not None:
                query = query.where(g.item_id == item_id)
                members = members.join(g, BreakoutMember.group_id == g.id).where(
                    g.item_id == item_id
                )
            by_group: dict[str, list[Person]] = {}
            for gid, pid, name, org, code, kind, role in s.execute(members):
                by_group.setdefault(gid, []).append(
                    Person(pid, name, org or "", code or "", kind or "", role)
                )
            return [
                GroupInfo(
                    *row,
                    members=sorted(by_group.get(row[0], []), key=lambda p: p.name.casefold()),
                )
                for row in s.execute(query)
            ]

    def group(self, group_id: str) -> GroupInfo | None:
        with self.desk.read() as s:
            item_id = s.scalar(select(BreakoutGroup.item_id).where(BreakoutGroup.id == group_id))
        if item_id is None:
            return None
        return next((g for g in self.groups(item_id) if g.id == group_id), None)

    def people(self) -> list[Person]:
        """Every participant, by sort name, for the drag source and the name pickers."""
        with self.desk.read() as s:
            rows = s.scalars(
                select(Participant)
                .order_by(Participant.sort_name, Participant.name)
                .options(selectinload(Participant.organisation))
            )
            return [_person(p) for p in rows]

    def candidates(self, item_id: str) -> list[Person]:
        """People who can sit in a group: present on the item's day (everyone if attendance
        was not taken), except the secretariat and chairs."""
        with self.desk.read() as s:
            day_id = s.scalar(select(AgendaItem.day_id).where(AgendaItem.id == item_id))
            if day_id is None:
                raise GroupGone("The agenda item of these breakout groups was deleted meanwhile.")
            taken = s.scalar(select(func.count()).where(Attendance.day_id == day_id)) or 0
            query = (
                select(Participant)
                .order_by(Participant.sort_name, Participant.name)
                .options(selectinload(Participant.organisation))
            )
            if taken:
                query = query.join(Attendance).where(
                    Attendance.day_id == day_id, Attendance.present.is_(True)
                )
            return [_person(p) for p in s.scalars(query) if p.role not in NOT_IN_GROUPS]

    # -- groups -------------------------------------------------------------------------------

    def add_group(
        self, item_id: str, name: str | None = None, origin: object | None = None
    ) -> Added:
        with self.desk.action("Add breakout group", origin=origin) as act:
            s = act.session
            if s.get(AgendaItem, item_id) is None:
                raise GroupGone("The agenda item of these breakout groups was deleted meanwhile.")
            count = s.scalar(select(func.count()).where(BreakoutGroup.item_id == item_id)) or 0
            last = s.scalar(
                select(func.max(BreakoutGroup.position)).where(BreakoutGroup.item_id == item_id)
            )
            group = BreakoutGroup(
                item_id=item_id,
                name=name or default_group_name(count),
                position=(last if last is not None else -1) + 1,
            )
            s.add(group)
            s.flush()
            gid = group.id
        return Added(act.changes, gid)

    def update_group(self, group_id: str, origin: object | None = None, **values: Any) -> OpChanges:
        unknown = set(values) - GROUP_FIELDS
        if unknown:
            raise TypeError(f"unknown group fields: {', '.join(sorted(unknown))}")
        if "name" in values and not str(values["name"]).strip():
            raise GroupRefusal("A breakout group needs a name: type one, or Undo.")
        with self.desk.action("Edit breakout group", origin=origin) as act:
            group = act.session.get(BreakoutGroup, group_id)
            if group is None:
                raise GroupGone(
                    "This breakout group was deleted meanwhile (an undo, or another window)."
                )
            for name, value in values.items():
                if getattr(group, name) != value:
                    setattr(group, name, value)
            for pid in (values.get("facilitator_id"), values.get("rapporteur_id")):
                if pid:
                    self._move_into(act.session, group, [pid])
        return act.changes

    def delete_group(self, group_id: str, origin: object | None = None) -> OpChanges:
        with self.desk.action("Delete breakout group", origin=origin) as act:
            group = act.session.get(BreakoutGroup, group_id)
            if group is not None:
                act.session.delete(group)
        return act.changes

    # -- members ------------------------------------------------------------------------------

    def add_members(
        self, group_id: str, participant_ids: list[str], origin: object | None = None
    ) -> OpChanges:
        """Put people in a group, taking them out of the item's other groups."""
        with self.desk.action("Assign to breakout group", origin=origin) as act:
            group = act.session.get(BreakoutGroup, group_id)
            if group is None:
                raise GroupGone(
                    "This breakout group was deleted meanwhile (an undo, or another window)."
                )
            self._move_into(act.session, group, participant_ids)
        return act.changes

    def remove_members(
        self, group_id: str, participant_ids: list[str], origin: object | None = None
    ) -> OpChanges:
        """Take people out of a group: one undoable step however many were chosen."""
        with self.desk.action("Remove from breakout group", origin=origin) as act:
            for m in act.session.scalars(
                select(BreakoutMember).where(
                    BreakoutMember.group_id == group_id,
                    BreakoutMember.participant_id.in_(participant_ids),
                )
            ).all():
                act.session.delete(m)
        return act.changes

    @staticmethod
    def _move_into(s: Any, group: BreakoutGroup, participant_ids: list[str]) -> None:
        siblings = select(BreakoutGroup.id).where(BreakoutGroup.item_id == group.item_id)
        existing = s.scalars(
            select(BreakoutMember).where(
                BreakoutMember.group_id.in_(siblings),
                BreakoutMember.participant_id.in_(participant_ids),
            )
        ).all()
        already = {m.participant_id for m in existing if m.group_id == group.id}
        for m in existing:
            if m.group_id != group.id:
                s.delete(m)
        s.flush()
        for pid in dict.fromkeys(participant_ids):
            if pid not in already:
                if s.get(Participant, pid) is None:
                    raise GroupGone("A participant to put in the group was deleted meanwhile.")
                s.add(BreakoutMember(group_id=group.id, participant_id=pid))

    def auto_assign(
        self, item_id: str, n_groups: int, seed: int = 0, origin: object | None = None
    ) -> OpChanges:
        """Split the day's participants into `n_groups` balanced groups (one undoable step).

        Missing groups are created ("Group A"...); facilitators and rapporteurs stay in their
        own group; groups beyond `n_groups` keep their notes but lose their members.
        """
        if n_groups < 1:
            raise GroupRefusal("Split into at least one group.")
        people = self.candidates(item_id)
        with self.desk.action(f"Split into {n_groups} breakout groups", origin=origin) as act:
            s = act.session
            groups = list(
                s.scalars(
                    select(BreakoutGroup)
                    .where(BreakoutGroup.item_id == item_id)
                    .order_by(BreakoutGroup.position, BreakoutGroup.name)
                )
            )
            last = max((g.position for g in groups), default=-1)
            while len(groups) < n_groups:
                last += 1
                group = BreakoutGroup(
                    item_id=item_id, name=default_group_name(len(groups)), position=last
                )
                s.add(group)
                groups.append(group)
            s.flush()
            used = groups[:n_groups]
            pinned: dict[str, int] = {}
            for index, g in enumerate(used):
                for pid in (g.facilitator_id, g.rapporteur_id):
                    if pid and pid not in pinned:
                        pinned[pid] = index
            pool = [Candidate(p.id, p.org_code, p.org_kind) for p in people]
            known = {p.id for p in pool}
            pool += [Candidate(pid) for pid in pinned if pid not in known]
            split = assign_groups(pool, n_groups, seed=seed, pinned=pinned)
            wanted = {(g.id, pid) for g, ids in zip(used, split, strict=True) for pid in ids}
            # Rows of people who stay put are kept: fewer writes, and undo never has to swap
            # two rows with the same (group, participant).
            kept: set[tuple[str, str]] = set()
            for g in groups:
                for m in list(g.members):
                    if (g.id, m.participant_id) in wanted:
                        kept.add((g.id, m.participant_id))
                    else:
                        s.delete(m)
            s.flush()
            for g in groups:  # or the next flush would save the deleted rows again
                s.expire(g, ["members"])
            for gid, pid in sorted(wanted - kept):
                s.add(BreakoutMember(group_id=gid, participant_id=pid))
        return act.changes

    # -- report-back --------------------------------------------------------------------------

    def report_back_items(self, item_id: str) -> list[ItemRef]:
        """Plenary items after the breakout on the same day, the likely report-back first."""
        items = self.items()
        here = next((i for i in items if i.id == item_id), None)
        if here is None:
            return []
        later = [
            i
            for i in items
            if i.day_number == here.day_number
            and i.position > here.position
            and takes_speakers(i.kind)
            and i.kind != ItemKind.BREAKOUT
        ]
        later.sort(key=lambda i: ("report" not in i.title.casefold(), i.position))
        return later

    def add_rapporteur_to_speakers(
        self, group_id: str, report_item_id: str, origin: object | None = None
    ) -> OpChanges:
        """Put the group's rapporteur on the report-back item's list of speakers (at the end
        of those waiting, as the queue rules place a report-back)."""
        with self.desk.action("Add rapporteur to list of speakers", origin=origin) as act:
            s = act.session
            group = s.get(BreakoutGroup, group_id)
            if group is None:
                raise GroupGone(
                    "This breakout group was deleted meanwhile (an undo, or another window)."
                )
            rapporteur = group.rapporteur
            if rapporteur is None:
                raise GroupRefusal(f"{group.name} has no rapporteur yet: choose one first.")
            if s.get(AgendaItem, report_item_id) is None:
                raise GroupGone("The report-back item was deleted meanwhile.")
            waiting = s.scalar(
                select(func.count()).where(
                    SpeakerEntry.item_id == report_item_id,
                    SpeakerEntry.participant_id == rapporteur.id,
                    SpeakerEntry.speech_type == SpeechType.REPORT_BACK,
                    SpeakerEntry.status == SpeakerStatus.WAITING,
                )
            )
            if waiting:
                raise GroupRefusal(f"{rapporteur.name} is already on that list of speakers.")
            org: Organisation | None = rapporteur.organisation
            national = org is not None and is_state(org.kind)
            # Where it goes is the queue rules' decision (a held right of reply stays behind).
            put_on_list(
                s,
                report_item_id,
                participant_id=rapporteur.id,
                organisation_id=org.id if org else None,
                capacity=Capacity.NATIONAL if national else Capacity.ORGANISATION,
                speech_type=SpeechType.REPORT_BACK,
                requested_at=self.desk.clock.now(),
            )
        return act.changes
