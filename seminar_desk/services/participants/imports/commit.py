"""Write a read participant list into the seminar: one transaction, one undo step, all or
nothing. A list with bad rows is refused whole unless the person chose to skip them."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from seminar_desk.domain.changes import OpChanges
from seminar_desk.domain.delegations import is_state
from seminar_desk.domain.kinds import ParticipantRole
from seminar_desk.services.desk import Desk
from seminar_desk.services.participants.imports.delegations import (
    Existing,
    NewDelegation,
    known_groups,
)
from seminar_desk.services.participants.imports.model import ReadParticipants
from seminar_desk.services.participants.imports.plan import ImportPlan, plan_import
from seminar_desk.store.models import Organisation, OrgGroup, OrgGroupMember, Participant, new_id


@dataclass(frozen=True)
class ImportResult:
    changes: OpChanges
    plan: ImportPlan

    def __str__(self) -> str:
        return self.plan.summary


def preview(
    desk: Desk, read: ReadParticipants, skip_bad_rows: bool = False, prefer_file: bool = False
) -> ImportPlan:
    """What importing `read` would do now; nothing is written."""
    with desk.read() as session:
        plan = plan_import(session, read, skip_bad_rows)
    plan.prefer_file = prefer_file
    return plan


def import_participants(
    desk: Desk,
    read: ReadParticipants,
    *,
    skip_bad_rows: bool = False,
    prefer_file: bool = False,
    origin: object | None = None,
) -> ImportResult:
    """Add, merge and create delegations as planned against the file as it is now.

    Bad rows refuse the whole list (ParticipantImportError naming each) unless
    `skip_bad_rows`; then only the rows that read well are imported. Where the file and the
    seminar disagree on someone's field, the seminar's value stays unless `prefer_file`.
    """
    if read.problems and not skip_bad_rows:
        raise read.refusal()
    label = f"Import participants from {read.source.name}"
    with desk.action(label, origin=origin) as act:
        session = act.session
        plan = plan_import(session, read, skip_bad_rows)
        plan.prefer_file = prefer_file
        made: dict[str, str] = {}
        for new in plan.new_delegations:
            made[new.code] = new_id()  # ids given here: one flush at the end, not one each
            session.add(
                Organisation(
                    id=made[new.code],
                    code=new.code,
                    name=new.name,
                    kind=new.kind,
                    country=new.name if is_state(new.kind) else "",
                )
            )
        _join_groups(session, plan, made)
        for person in plan.added:
            session.add(
                Participant(
                    name=person.name,
                    sort_name=person.sort_name,
                    organisation_id=_org_id(person.delegation, made),
                    honorific=person.honorific,
                    function=person.function,
                    role=person.role or ParticipantRole.DELEGATE.value,
                    gender=person.gender,
                    email=person.email,
                )
            )
        for merge in plan.merged:
            there = session.get_one(Participant, merge.participant_id)
            for name, value in merge.writes(prefer_file).items():
                if name == "delegation":
                    there.organisation_id = _org_id(merge.moves_to, made)
                else:
                    setattr(there, name, value)
    return ImportResult(act.changes, plan)


def _org_id(delegation: Existing | NewDelegation | None, made: dict[str, str]) -> str | None:
    """The id of a planned delegation (a new one's id as `made` it)."""
    if isinstance(delegation, Existing):
        return delegation.id
    if isinstance(delegation, NewDelegation):
        return made[delegation.code]
    return None


def _join_groups(session: Session, plan: ImportPlan, made: dict[str, str]) -> None:
    """New delegations join their groups (ASEAN, UN); a group the seminar lacks is made."""
    groups = {g.code.casefold(): g.id for g in session.scalars(select(OrgGroup))}
    for code in plan.new_groups:
        groups[code.casefold()] = new_id()
        session.add(
            OrgGroup(id=groups[code.casefold()], code=code, name=known_groups().get(code, code))
        )
    for new in plan.new_delegations:
        for code in new.groups:
            session.add(
                OrgGroupMember(group_id=groups[code.casefold()], organisation_id=made[new.code])
            )
