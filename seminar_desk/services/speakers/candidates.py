"""Who can ask for the floor: the add field's candidates, the groups one may speak for, and
whether the same speaker is already waiting (a second intervention is allowed, never by accident).
"""

from sqlalchemy import select

from seminar_desk.domain.kinds import SpeakerStatus, SpeechType
from seminar_desk.domain.text import fold
from seminar_desk.services.desk import Desk
from seminar_desk.services.speakers.rows import Candidate
from seminar_desk.store.models import (
    Organisation,
    OrgGroup,
    OrgGroupMember,
    Participant,
    SpeakerEntry,
)


def already_waiting(
    desk: Desk,
    item_id: str,
    *,
    participant_id: str | None,
    organisation_id: str | None,
    speech_type: str = SpeechType.STATEMENT,
) -> list[str]:
    """Requests of the same kind waiting on the item from the same speaker, named as the
    list shows them (a second intervention is allowed, but never by accident).

    The same speaker is the same person, or their delegation taking the floor unnamed; for
    a delegation, anyone speaking for it. A point of order or a reply from someone waiting
    to make a statement is a different request, not a duplicate.
    """
    same_org = SpeakerEntry.organisation_id == organisation_id
    if participant_id is None:
        who = same_org
    elif organisation_id is None:
        who = SpeakerEntry.participant_id == participant_id
    else:
        who = (SpeakerEntry.participant_id == participant_id) | (
            same_org & SpeakerEntry.participant_id.is_(None)
        )
    with desk.read() as s:
        rows = s.execute(
            select(Participant.name, Organisation.name, Organisation.code)
            .select_from(SpeakerEntry)
            .outerjoin(Participant, SpeakerEntry.participant_id == Participant.id)
            .outerjoin(Organisation, SpeakerEntry.organisation_id == Organisation.id)
            .where(
                SpeakerEntry.item_id == item_id,
                SpeakerEntry.status == SpeakerStatus.WAITING,
                SpeakerEntry.speech_type == SpeechType(speech_type).value,
                who,
            )
            .order_by(SpeakerEntry.position)
        ).all()
    return [
        f"{person or org_name or '?'} ({code})" if code else person or org_name or "?"
        for person, org_name, code in rows
    ]


def candidates(desk: Desk) -> list[Candidate]:
    """Participants and delegations, for the completer of the 'add speaker' field."""
    with desk.read() as s:
        orgs = s.scalars(select(Organisation).order_by(Organisation.name)).all()
        members = s.execute(
            select(OrgGroupMember.organisation_id, OrgGroup.code).join(
                OrgGroup, OrgGroup.id == OrgGroupMember.group_id
            )
        ).all()
        groups: dict[str, list[str]] = {}
        for org_id, code in members:
            groups.setdefault(org_id, []).append(code)
        out = [
            Candidate(
                text=f"{o.name} ({o.code})",
                participant_id=None,
                organisation_id=o.id,
                search=fold(f"{o.name} {o.code} {o.country}"),
                groups=tuple(sorted(groups.get(o.id, []))),
                org_kind=o.kind,
            )
            for o in orgs
        ]
        people = s.execute(
            select(Participant, Organisation)
            .outerjoin(Organisation, Participant.organisation_id == Organisation.id)
            .order_by(Participant.sort_name, Participant.name)
        ).all()
        for person, org in people:
            where = f" — {org.name} ({org.code})" if org is not None else ""
            out.append(
                Candidate(
                    text=f"{person.name}{where}",
                    participant_id=person.id,
                    organisation_id=org.id if org is not None else None,
                    search=fold(f"{person.name} {org.name} {org.code}" if org else person.name),
                    groups=tuple(sorted(groups.get(org.id, []))) if org else (),
                    org_kind=org.kind if org is not None else "",
                )
            )
    return out
