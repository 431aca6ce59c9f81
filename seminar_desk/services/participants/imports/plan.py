"""What an import would do to the seminar, for the preview and for the commit alike: each row
added, merged into someone already there (blank fields filled in, never a second copy) or
unchanged, and which delegations are matched or new.

The same person is the same folded name (accents, case and word order ignored: "Nguyễn Văn
An" = "NGUYEN Van An", "Sophal Chea" = "Chea Sophal") in the same delegation.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from seminar_desk.domain.text import fold
from seminar_desk.services.participants.imports.delegations import (
    Directory,
    Existing,
    NewDelegation,
    known_groups,
    name_key,
)
from seminar_desk.services.participants.imports.model import PersonRow, ReadParticipants
from seminar_desk.store.models import Organisation, OrgGroup, Participant

FILLED_IN = ("honorific", "function", "gender", "email")
"""What a merge fills in when the seminar has it blank (a name or delegation is the match)."""


def person_key(name: str, folded: str | None = None) -> str:
    """Who a name means: folded words in any order ("Chea Sophal" = "SOPHAL Chea")."""
    return " ".join(sorted((fold(name) if folded is None else folded).split()))


@dataclass
class NewPerson:
    """A participant the import adds (later rows for the same person fill in blanks)."""

    name: str
    sort_name: str
    delegation: Existing | NewDelegation | None
    honorific: str
    function: str
    role: str
    gender: str
    email: str
    rows: list[int] = field(default_factory=list)


@dataclass
class Merge:
    """Someone already in the seminar, and the blank fields the file fills in."""

    participant_id: str
    name: str
    delegation: str
    values: dict[str, str] = field(default_factory=dict)
    rows: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class DelegationMatch:
    named: str
    """How the file names it."""
    delegation: str
    """The seminar's delegation it was matched to ("Viet Nam (VNM)")."""


@dataclass
class ImportPlan:
    read: ReadParticipants
    skip_bad_rows: bool
    added: list[NewPerson] = field(default_factory=list)
    merged: list[Merge] = field(default_factory=list)
    """People already there who gain at least one field."""
    unchanged: list[int] = field(default_factory=list)
    """Rows that say nothing new about someone already there."""
    matched: list[DelegationMatch] = field(default_factory=list)
    new_delegations: list[NewDelegation] = field(default_factory=list)
    new_groups: list[str] = field(default_factory=list)
    """Codes of groups new delegations join that the seminar does not have yet (made too)."""

    @property
    def summary(self) -> str:
        new = len(self.new_delegations)
        text = (
            f"{len(self.added)} added, {len(self.merged)} changed, {len(self.unchanged)} unchanged"
        )
        if new:
            text += f"; {new} new delegation{'s' if new != 1 else ''}"
        if self.skip_bad_rows and self.read.problems:
            bad = len(self.read.bad_rows)
            text += f"; {bad} bad row{'s' if bad != 1 else ''} skipped"
        return text

    def preview_lines(self, limit: int = 40) -> list[str]:
        """The plan in words, for the command line's preview."""
        read = self.read
        lines = [f"{read.source.name} ({read.format}): {len(read.people)} participants read"]
        lines += [f"Note: {note}" for note in read.notes]
        lines.append("Columns: " + "; ".join(read.columns))
        for problem in read.problems[:limit]:
            lines.append(f"Bad row: {problem.message}")
        for match in self.matched[:limit]:
            lines.append(f"Delegation “{match.named}” = {match.delegation}")
        for new in self.new_delegations[:limit]:
            groups = f", in {', '.join(new.groups)}" if new.groups else ""
            lines.append(f"New delegation: {new.name} ({new.code}), named “{new.named}”{groups}")
        for code in self.new_groups:
            lines.append(f"New group: {code} ({known_groups().get(code, code)})")
        for person in self.added[:limit]:
            where = f" ({delegation_label(person.delegation)})" if person.delegation else ""
            lines.append(f"Add row {person.rows[0]}: {person.name}{where}")
        if len(self.added) > limit:
            lines.append(f"… and {len(self.added) - limit} more to add")
        for merge in self.merged[:limit]:
            filled = ", ".join(merge.values)
            lines.append(f"Merge row {merge.rows[0]}: {merge.name} ({merge.delegation}): {filled}")
        lines.append(self.summary)
        return lines


def delegation_label(delegation: Existing | NewDelegation | None) -> str:
    if delegation is None:
        return ""
    return f"{delegation.name} ({delegation.code})"


def plan_import(
    session: Session, read: ReadParticipants, skip_bad_rows: bool = False
) -> ImportPlan:
    """Compare the rows read with the seminar in `session` (read only; nothing is added)."""
    orgs = [
        Existing(o.id, o.name, o.code, o.country, o.kind)
        for o in session.scalars(select(Organisation).order_by(Organisation.name))
    ]
    people = list(session.scalars(select(Participant)))
    groups = list(session.scalars(select(OrgGroup.code)))
    return plan_against(orgs, people, read, skip_bad_rows, groups)


def plan_against(
    orgs: Sequence[Existing],
    people: Sequence[Participant],
    read: ReadParticipants,
    skip_bad_rows: bool = False,
    groups: Sequence[str] = (),
) -> ImportPlan:
    """The plan against these delegations, participants and group codes (empty for a file
    not made yet)."""
    directory = Directory(list(orgs))
    by_id = {o.id: o for o in orgs}
    present: dict[tuple[str | None, str], Participant] = {}
    for person in people:
        present.setdefault((person.organisation_id, person_key(person.name)), person)
    plan = ImportPlan(read, skip_bad_rows)
    adding: dict[tuple[str, str], NewPerson] = {}
    merging: dict[str, Merge] = {}
    matched: dict[str, DelegationMatch] = {}
    resolved: dict[tuple[tuple[str, ...], str, str], Existing | NewDelegation | None] = {}
    for row in read.people:
        said = (row.delegations, row.code, row.kind)  # a list names few delegations, often
        if said not in resolved:
            delegation = resolved[said] = _delegation_of(directory, row)
            if isinstance(delegation, Existing) and row.delegations:
                named = _named(directory, row)
                if fold(named) not in (fold(delegation.name), fold(delegation_label(delegation))):
                    matched.setdefault(
                        fold(named), DelegationMatch(named, delegation_label(delegation))
                    )
        delegation = resolved[said]
        org_id = delegation.id if isinstance(delegation, Existing) else None
        folded = fold(row.name)
        key = person_key(row.name, folded)
        there = present.get((org_id, key)) if not isinstance(delegation, NewDelegation) else None
        if there is not None:
            merge = merging.get(there.id) or Merge(
                there.id, there.name, delegation_label(by_id.get(there.organisation_id or ""))
            )
            for name in FILLED_IN:
                value = getattr(row, name)
                if value and not getattr(there, name) and name not in merge.values:
                    merge.values[name] = value
            merge.rows.append(row.row)
            merging[there.id] = merge
            continue
        new_key = (delegation_label(delegation), key)
        person = adding.get(new_key)
        if person is None:
            person = NewPerson(
                row.name,
                folded,
                delegation,
                row.honorific,
                row.function,
                row.role,
                row.gender,
                row.email,
            )
            adding[new_key] = person
            plan.added.append(person)
        else:  # the same person twice in the file: the later row fills in blanks
            for name in (*FILLED_IN, "role"):
                if not getattr(person, name):
                    setattr(person, name, getattr(row, name))
        person.rows.append(row.row)
    for merge in merging.values():
        if merge.values:
            plan.merged.append(merge)
        else:
            plan.unchanged.extend(merge.rows)
    plan.matched = sorted(matched.values(), key=lambda m: fold(m.named))
    plan.new_delegations = list(directory.new.values())
    have = {code.casefold() for code in groups}
    for new in plan.new_delegations:
        for code in new.groups:
            if code.casefold() not in have:
                have.add(code.casefold())
                plan.new_groups.append(code)
    return plan


_GOVERNMENT = re.compile(
    r"\b(ministry|minister|ministere|ministerio|department|dept|embassy|mission|government|"
    r"office of|cabinet|parliament|national assembly|senate|armed forces|army|navy|air force|"
    r"police|presidency|consulate)\b"
)
"""Words of a State's own bodies: "Ministry of Foreign Affairs" with Country "Cambodia" is in
Cambodia's delegation, while any other organisation a row names is a delegation of its own."""


def _named(directory: Directory, row: PersonRow) -> str:
    """The delegation cell the row is matched by: the delegation or organisation cell when the
    seminar or the names file knows it, or when it names an organisation (not a ministry);
    else the country; else the first filled one. The country comes last (see PersonRow)."""
    for text in row.delegations:
        if directory.is_known(text):
            return text
        if text != row.delegations[-1] and not _GOVERNMENT.search(name_key(text)):
            return text  # "Nonviolence International Southeast Asia", Thailand: the NGO
    return row.delegations[0]


def _delegation_of(directory: Directory, row: PersonRow) -> Existing | NewDelegation | None:
    if not row.delegations:
        return None
    named = _named(directory, row)
    if named != row.delegations[0]:  # the code and kind belong to the delegation column
        return directory.resolve(named)
    return directory.resolve(named, row.code, row.kind)


def rows_of(plan: ImportPlan) -> set[int]:
    """Every row the plan uses (tests check that none is lost or doubled)."""
    rows = {r for p in plan.added for r in p.rows} | {r for m in plan.merged for r in m.rows}
    return rows | set(plan.unchanged)
