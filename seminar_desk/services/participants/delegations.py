"""Delegations and organisations: add, edit, remove and merge, each one undoable step.

A delegation is an `Organisation` row (a State, a UN entity, an NGO...) with a short code and
the groups it belongs to (ASEAN...). Participants and speeches point at it, so removing one
that is still in use is refused unless they move to another delegation (a merge).
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from seminar_desk.domain.changes import Added, OpChanges
from seminar_desk.domain.kinds import OrgKind
from seminar_desk.domain.refusal import Gone, Refusal
from seminar_desk.domain.text import counted, fold
from seminar_desk.services.desk import Desk
from seminar_desk.store.models import (
    Organisation,
    OrgGroup,
    OrgGroupMember,
    Participant,
    SpeakerEntry,
)

CODE_MAX = 32
DELEGATION_FIELDS = ("name", "code", "kind", "country", "group_ids")


@dataclass(frozen=True)
class DelegationRow:
    """One delegation as the Delegations tab lists it, with what still points at it."""

    id: str
    code: str
    name: str
    kind: str
    country: str
    group_ids: frozenset[str]
    groups: tuple[str, ...]  # group codes, sorted
    participants: int
    speeches: int

    @property
    def in_use(self) -> bool:
        return bool(self.participants or self.speeches)


@dataclass(frozen=True)
class GroupRow:
    """A group of delegations (ASEAN, the UN): delegations join it and speak on its behalf."""

    id: str
    code: str
    name: str


class DelegationError(Refusal, ValueError):
    """A delegation edit refused (blank name, a code taken), in words a person can act on."""


def suggested_code(name: str, taken: Iterable[str] = ()) -> str:
    """A short upper-case code for a name ("World Customs Organization" -> "WCO"), unique
    among `taken` (compared without case) by a number at the end."""
    words = re.findall(r"[^\W_]+", fold(name))
    if len(words) >= 2:
        base = "".join(w[0] for w in words if w not in {"of", "on", "the", "for", "and", "de"})
    else:
        base = words[0][:6] if words else "ORG"
    base = (base or "ORG").upper()[: CODE_MAX - 3]
    used = {t.casefold() for t in taken}
    code, n = base, 2
    while code.casefold() in used:
        code, n = f"{base}{n}", n + 1
    return code


def _uses(session: Session, model: type[Participant] | type[SpeakerEntry]) -> dict[str, int]:
    rows = session.execute(
        select(model.organisation_id, func.count())
        .where(model.organisation_id.is_not(None))
        .group_by(model.organisation_id)
    )
    return {org_id: count for org_id, count in rows}


class DelegationService:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    # -- reads --------------------------------------------------------------------------------

    def delegations(self) -> list[DelegationRow]:
        """Every delegation, by name (accents and case folded), with its use counts."""
        with self.desk.read() as s:
            people, speeches = _uses(s, Participant), _uses(s, SpeakerEntry)
            orgs = s.scalars(select(Organisation).options(selectinload(Organisation.groups)))
            rows = [
                DelegationRow(
                    o.id,
                    o.code,
                    o.name,
                    o.kind,
                    o.country,
                    frozenset(g.id for g in o.groups),
                    tuple(sorted(g.code for g in o.groups)),
                    people.get(o.id, 0),
                    speeches.get(o.id, 0),
                )
                for o in orgs
            ]
        return sorted(rows, key=lambda r: fold(r.name))

    def groups(self) -> list[GroupRow]:
        with self.desk.read() as s:
            rows = s.scalars(select(OrgGroup).order_by(OrgGroup.code))
            return [GroupRow(g.id, g.code, g.name) for g in rows]

    def suggest_code(self, name: str) -> str:
        with self.desk.read() as s:
            return suggested_code(name, s.scalars(select(Organisation.code)))

    # -- edits --------------------------------------------------------------------------------

    def add(
        self,
        name: str,
        code: str = "",
        kind: str = OrgKind.OTHER.value,
        country: str = "",
        group_ids: Iterable[str] = (),
        origin: object | None = None,
        new_groups: Iterable[str] = (),
    ) -> Added:
        """Add a delegation; a blank code becomes one made from the name. `new_groups` are
        codes of groups to create and join in the same step."""
        name = _name(name)
        with self.desk.action(f"Add delegation {name}", origin=origin) as act:
            s = act.session
            code = (
                _code(s, code, None)
                if code.strip()
                else suggested_code(name, s.scalars(select(Organisation.code)))
            )
            org = Organisation(name=name, code=code, kind=_kind(kind), country=country.strip())
            s.add(org)
            s.flush()
            _set_groups(s, org.id, [*group_ids, *_new_groups(s, new_groups)])
            new_id = org.id
        return Added(act.changes, new_id)

    def update(self, org_id: str, origin: object | None = None, **values: object) -> OpChanges:
        """Change a delegation's name, code, kind, country or groups (`group_ids`, and
        `new_groups`: codes of groups to create and join in the same step)."""
        unknown = set(values) - {*DELEGATION_FIELDS, "new_groups"}
        if unknown:
            raise TypeError(f"unknown delegation fields: {', '.join(sorted(unknown))}")
        with self.desk.action("Edit delegation", origin=origin) as act:
            s = act.session
            org = _get(s, org_id)
            if "name" in values:
                org.name = _name(str(values["name"]))
            if "code" in values:
                org.code = _code(s, str(values["code"]), org.id)
            if "kind" in values:
                org.kind = _kind(str(values["kind"]))
            if "country" in values:
                org.country = str(values["country"]).strip()
            if "group_ids" in values or "new_groups" in values:
                wanted = values.get("group_ids", _member_rows(s, org.id))
                created = values.get("new_groups", ())
                assert isinstance(wanted, Iterable) and isinstance(created, Iterable)
                _set_groups(s, org.id, [*wanted, *_new_groups(s, created)])
        return act.changes

    def remove(self, org_id: str, origin: object | None = None) -> OpChanges:
        """Remove a delegation nobody points at; one still in use is refused (merge it)."""
        with self.desk.action("Remove delegation", origin=origin) as act:
            s = act.session
            org = _get(s, org_id)
            people = _uses(s, Participant).get(org.id, 0)
            speeches = _uses(s, SpeakerEntry).get(org.id, 0)
            if people or speeches:
                what = " and ".join(
                    counted(n, word)
                    for n, word in ((people, "participant"), (speeches, "speech"))
                    if n
                )
                raise DelegationError(
                    f"{org.name} ({org.code}) still has {what}: move them to another "
                    "delegation first (Merge into…), or remove the participants."
                )
            s.delete(org)
        return act.changes

    def merge(self, source_id: str, target_id: str, origin: object | None = None) -> OpChanges:
        """Merge `source` into `target`: its participants, speeches and groups move over and
        `source` is removed, as one step (for a delegation entered twice, "Vietnam" and
        "Viet Nam")."""
        if source_id == target_id:
            raise DelegationError("Choose another delegation to merge into.")
        with self.desk.read() as s:
            label = f"Merge {_get(s, source_id).name} into {_get(s, target_id).name}"
        with self.desk.action(label, origin=origin) as act:
            s = act.session
            source, target = _get(s, source_id), _get(s, target_id)
            # Row by row through the ORM, so the step records each move for Undo.
            for model in (Participant, SpeakerEntry):
                for row in s.scalars(select(model).where(model.organisation_id == source.id)):
                    row.organisation_id = target.id
            have = set(_member_rows(s, target.id))
            for group_id in _member_rows(s, source.id):
                if group_id not in have:
                    s.add(OrgGroupMember(group_id=group_id, organisation_id=target.id))
            s.delete(source)  # its own memberships go with it
        return act.changes

    def add_group(self, code: str, name: str = "", origin: object | None = None) -> Added:
        """A new group delegations can belong to and speak on behalf of (e.g. ASEAN)."""
        with self.desk.action(f"Add group {code.strip()}", origin=origin) as act:
            new_id = _new_group(act.session, code, name).id
        return Added(act.changes, new_id)


def _new_group(session: Session, code: str, name: str = "") -> OrgGroup:
    code = code.strip()
    if not code:
        raise DelegationError("A group needs a short code, e.g. ASEAN.")
    if len(code) > CODE_MAX:
        raise DelegationError(f"The group code {code!r} is longer than {CODE_MAX} characters.")
    same = select(OrgGroup).where(func.lower(OrgGroup.code) == code.lower())
    if (clash := session.scalars(same).first()) is not None:
        raise DelegationError(f"There is already a group {clash.code}.")
    group = OrgGroup(code=code, name=name.strip() or code)
    session.add(group)
    session.flush()
    return group


def _new_groups(session: Session, codes: Iterable[object]) -> list[str]:
    return [_new_group(session, str(code)).id for code in codes if str(code).strip()]


def _get(session: Session, org_id: str) -> Organisation:
    org = session.get(Organisation, org_id)
    if org is None:
        raise Gone("That delegation was removed meanwhile (another window, or Undo).")
    return org


def _name(name: str) -> str:
    name = name.strip()
    if not name:
        raise DelegationError("A delegation needs a name, e.g. Viet Nam or UNODC.")
    return name


def _kind(kind: str) -> str:
    try:
        return OrgKind(kind).value
    except ValueError:
        raise DelegationError(f"Unknown kind of delegation {kind!r}.") from None


def _code(session: Session, code: str, own_id: str | None) -> str:
    code = code.strip()
    if not code:
        raise DelegationError("A delegation needs a short code, e.g. VNM or UNODC.")
    if len(code) > CODE_MAX:
        raise DelegationError(f"The code {code!r} is longer than {CODE_MAX} characters.")
    clash = session.scalars(
        select(Organisation).where(func.lower(Organisation.code) == code.lower())
    ).first()
    if clash is not None and clash.id != own_id:
        raise DelegationError(f"The code {code} is already used by {clash.name}.")
    return code


def _member_rows(session: Session, org_id: str) -> dict[str, OrgGroupMember]:
    rows = session.scalars(select(OrgGroupMember).where(OrgGroupMember.organisation_id == org_id))
    return {m.group_id: m for m in rows}


def _set_groups(session: Session, org_id: str, group_ids: Iterable[str]) -> None:
    """Membership rows are added and deleted one by one (not through `Organisation.groups`,
    whose writes the undo recorder cannot see)."""
    wanted = set(group_ids)
    found = set(session.scalars(select(OrgGroup.id).where(OrgGroup.id.in_(wanted))))
    if wanted - found:
        raise Gone("A group you chose was removed meanwhile (another window, or Undo).")
    have = _member_rows(session, org_id)
    for group_id, row in have.items():
        if group_id not in wanted:
            session.delete(row)
    for group_id in wanted - set(have):
        session.add(OrgGroupMember(group_id=group_id, organisation_id=org_id))
