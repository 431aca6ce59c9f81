"""What an import would do to the seminar, for the preview and for the commit alike: each row
added, merged into someone already there (blank fields filled in, never a second copy) or
unchanged, and which delegations are matched or new.

Where the file and the seminar disagree on a field of the same person (another function, e-mail,
title, gender or role), the seminar's value is kept unless the person chose the file's
(`prefer_file`); either way every disagreement is listed, with both values.

The same person is the same folded name (accents, case and word order ignored: "Nguyễn Văn
An" = "NGUYEN Van An", "Sophal Chea" = "Chea Sophal") with the same e-mail, in any delegation
(another delegation is a disagreement), or else in the same delegation. Two rows of the file
with the same name but different e-mails are two people: both are in the preview's list to add,
each with its e-mail, and both are imported (the keep/take choice is between the seminar and
the file, which two rows of the file are not); a row never silently loses its e-mail.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from seminar_desk.domain.text import counted, fold
from seminar_desk.services.participants.imports.delegations import (
    Directory,
    Existing,
    NewDelegation,
    known_groups,
    name_key,
)
from seminar_desk.services.participants.imports.headers import LABELS
from seminar_desk.services.participants.imports.model import PersonRow, ReadParticipants
from seminar_desk.store.models import Organisation, OrgGroup, Participant

FILLED_IN = ("honorific", "function", "gender", "email")
"""What a merge fills in when the seminar has it blank (a name or delegation is the match)."""
COMPARED = (*FILLED_IN, "role")
"""What a merge compares: a value the file gives that differs from the seminar's is a
disagreement (the role is never blank in the seminar, so only ever a disagreement)."""


def person_key(name: str, folded: str | None = None) -> str:
    """Who a name means: folded words in any order ("Chea Sophal" = "SOPHAL Chea")."""
    return " ".join(sorted((fold(name) if folded is None else folded).split()))


@dataclass
class NewPerson:
    """A participant the import adds (later rows for the same person fill in blanks)."""

    name: str
    sort_name: str
    """Folded, family name first when the file says which it is (lists sort by it)."""
    delegation: Existing | NewDelegation | None
    honorific: str
    function: str
    role: str
    gender: str
    email: str
    rows: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Disagreement:
    """A field the file gives otherwise than the seminar for the same person."""

    field: str
    seminar: str
    file: str
    row: int
    """The file's row that says it (the first, when the person is on several rows)."""


@dataclass
class Merge:
    """Someone already in the seminar the file names: the blank fields it fills in and the
    fields where it says otherwise."""

    participant_id: str
    name: str
    delegation: str
    values: dict[str, str] = field(default_factory=dict)
    """Blank fields of the seminar the file fills in."""
    disagreements: list[Disagreement] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    moves: bool = False
    """The file puts them in another delegation (found by name and e-mail): `moves_to`, a
    disagreement on "delegation" like any other field."""
    moves_to: Existing | NewDelegation | None = None

    def writes(self, prefer_file: bool) -> dict[str, str]:
        """The fields the import sets: the blanks filled in, and the file's side of each
        disagreement when the file's values are preferred."""
        if not prefer_file:
            return self.values
        return self.values | {d.field: d.file for d in self.disagreements}


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
    merges: list[Merge] = field(default_factory=list)
    """Everyone already there whom the file names."""
    prefer_file: bool = False
    """Where the file and the seminar disagree, take the file's value (else keep the seminar's)."""
    matched: list[DelegationMatch] = field(default_factory=list)
    named_new: list[NewDelegation] = field(default_factory=list)
    """Every delegation the file names that the seminar lacks (see `new_delegations`)."""
    groups: tuple[str, ...] = ()
    """Codes of the groups the seminar has."""

    @property
    def new_delegations(self) -> list[NewDelegation]:
        """The delegations the import makes: those of people added, and those people already
        there move to when the file's values are taken (kept, none is made empty)."""
        used = {id(p.delegation) for p in self.added}
        if self.prefer_file:
            used |= {id(m.moves_to) for m in self.merges if m.moves}
        return [new for new in self.named_new if id(new) in used]

    @property
    def new_groups(self) -> list[str]:
        """Codes of groups new delegations join that the seminar does not have yet (made too)."""
        have, codes = {code.casefold() for code in self.groups}, []
        for new in self.new_delegations:
            for code in new.groups:
                if code.casefold() not in have:
                    have.add(code.casefold())
                    codes.append(code)
        return codes

    @property
    def merged(self) -> list[Merge]:
        """People already there who gain or change at least one field."""
        return [m for m in self.merges if m.writes(self.prefer_file)]

    @property
    def unchanged(self) -> list[int]:
        """Rows that change nothing about someone already there."""
        return sorted(r for m in self.merges if not m.writes(self.prefer_file) for r in m.rows)

    @property
    def disagreements(self) -> list[tuple[Merge, Disagreement]]:
        return [(m, d) for m in self.merges for d in m.disagreements]

    @property
    def disagreements_said(self) -> str:
        """How many disagreements and what becomes of them ("" when none)."""
        count = len(self.disagreements)
        if not count:
            return ""
        what = f"{counted(count, 'disagreement')} with the seminar"
        if self.prefer_file:
            return f"{what}: the file's values taken"
        return f"{what}: the seminar's values kept"

    @property
    def summary(self) -> str:
        new = len(self.new_delegations)
        text = (
            f"{len(self.added)} added, {len(self.merged)} changed, {len(self.unchanged)} unchanged"
        )
        if new:
            text += f"; {counted(new, 'new delegation')}"
        if self.disagreements:
            text += f"; {self.disagreements_said}"
        if self.skip_bad_rows and self.read.problems:
            bad = len(self.read.bad_rows)
            text += f"; {counted(bad, 'bad row')} skipped"
        return text

    def preview_lines(self, limit: int = 40) -> list[str]:
        """The plan in words, for the command line's preview."""
        read = self.read
        lines = [
            f"{read.source.name} ({read.format}): {counted(len(read.people), 'participant')} read"
        ]
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
            filled = ", ".join(merge.writes(self.prefer_file))
            lines.append(f"Merge row {merge.rows[0]}: {merge.name} ({merge.delegation}): {filled}")
        for merge, odd in self.disagreements[:limit]:
            lines.append(
                f"Disagrees row {odd.row}: {merge.name} ({merge.delegation}): "
                f"{LABELS[odd.field]}: seminar “{odd.seminar}”, file “{odd.file}”"
            )
        if len(self.disagreements) > limit:
            lines.append(f"… and {len(self.disagreements) - limit} more disagreements")
        lines.append(self.summary)
        return lines


def delegation_label(delegation: Existing | NewDelegation | None) -> str:
    if delegation is None:
        return ""
    return f"{delegation.name} ({delegation.code})"


def plan_import(
    session: Session, read: ReadParticipants, skip_bad_rows: bool = False
) -> ImportPlan:
    """Compare the rows read with the seminar in `session` (read only; nothing is added).
    The plan keeps the seminar's values where the two disagree; set `prefer_file` to take
    the file's."""
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
    by_mail: dict[tuple[str, str], Participant] = {}
    for person in people:
        key = person_key(person.name)
        present.setdefault((person.organisation_id, key), person)
        if person.email:
            by_mail.setdefault((key, person.email.casefold()), person)
    plan = ImportPlan(read, skip_bad_rows)
    adding: dict[tuple[str, str], list[NewPerson]] = {}
    merging: dict[str, Merge] = {}
    matched: dict[str, DelegationMatch] = {}
    resolved: dict[tuple[tuple[str, ...], str, str], Existing | NewDelegation | None] = {}
    for row in read.people:
        said = (row.delegations, row.code, row.kind)  # a list names few delegations, often
        if said not in resolved:
            delegation = resolved[said] = _delegation_of(directory, row)
            if isinstance(delegation, Existing) and row.delegations:
                named = _named(directory, row)[0]
                if fold(named) not in (fold(delegation.name), fold(delegation_label(delegation))):
                    matched.setdefault(
                        fold(named), DelegationMatch(named, delegation_label(delegation))
                    )
        delegation = resolved[said]
        org_id = delegation.id if isinstance(delegation, Existing) else None
        folded = fold(row.name)
        key = person_key(row.name, folded)
        there = by_mail.get((key, row.email.casefold())) if row.email else None
        if there is None and not isinstance(delegation, NewDelegation):
            there = present.get((org_id, key))
        merge = merging.get(there.id) if there is not None else None
        if there is not None and not _other_mail(_mail(merge), row.email):
            if merge is None:
                merge = merging[there.id] = Merge(
                    there.id, there.name, delegation_label(by_id.get(there.organisation_id or ""))
                )
            moved = delegation_label(delegation) != merge.delegation
            if row.delegations and moved and not merge.moves:
                merge.moves = True
                merge.moves_to = delegation
                merge.disagreements.append(
                    Disagreement(
                        "delegation", merge.delegation, delegation_label(delegation), row.row
                    )
                )
            _compare(merge, there, row)
            merge.rows.append(row.row)
            continue
        same_name = adding.setdefault((delegation_label(delegation), key), [])
        person = next((p for p in same_name if not _other_mail(p.email, row.email)), None)
        if person is None:  # another e-mail under the same name is another person
            person = NewPerson(
                row.name,
                row.sort_name or folded,
                delegation,
                row.honorific,
                row.function,
                row.role,
                row.gender,
                row.email,
            )
            same_name.append(person)
            plan.added.append(person)
        else:  # the same person twice in the file: the later row fills in blanks
            for name in (*FILLED_IN, "role"):
                if not getattr(person, name):
                    setattr(person, name, getattr(row, name))
        person.rows.append(row.row)
    plan.merges = list(merging.values())
    plan.matched = sorted(matched.values(), key=lambda m: fold(m.named))
    plan.named_new = list(directory.new.values())
    plan.groups = tuple(groups)
    return plan


def _mail(merge: Merge | None) -> str:
    """The e-mail an earlier row of the file gave someone already there ("" if none)."""
    if merge is None:
        return ""
    said = [d.file for d in merge.disagreements if d.field == "email"]
    return merge.values.get("email") or (said[0] if said else "")


def _other_mail(known: str, said: str) -> bool:
    """Whether a row's e-mail names someone else than a person with e-mail `known`: two
    different addresses under one name are two people (both shown in the preview), never
    one address silently dropped."""
    return bool(known and said) and known.casefold() != said.casefold()


def _compare(merge: Merge, there: Participant, row: PersonRow) -> None:
    """What `row` says about `there`: blanks it fills in, fields where it says otherwise (the
    first row that says something about a field counts). Case and accents alone are no
    disagreement ("director" = "Director")."""
    said = set(merge.values) | {d.field for d in merge.disagreements}
    for name in COMPARED:
        value, ours = getattr(row, name), getattr(there, name) or ""
        if not value or name in said:
            continue
        if not ours and name in FILLED_IN:
            merge.values[name] = value
        elif fold(value) != fold(ours):
            merge.disagreements.append(Disagreement(name, ours, value, row.row))


_GOVERNMENT = re.compile(
    r"\b(ministry|minister|ministere|ministerio|department|dept|embassy|permanent mission|"
    r"mission of|mission to|government|office of|cabinet|parliament|national assembly|senate|"
    r"armed forces|army|navy|air force|police|customs|presidency|consulate)\b"
)
"""Words of a State's own bodies: "Ministry of Foreign Affairs" with Country "Cambodia" is in
Cambodia's delegation, while any other organisation a row names is a delegation of its own."""
_OWN = re.compile(
    r"\b(university|universite|universidad|college|school|foundation|association|network|"
    r"society|ngo|non governmental|red cross|red crescent)\b"
)
"""Words of bodies that are no State's even beside a State word: "Department of International
Studies, Royal University of Phnom Penh" is the university's, not Cambodia's."""


def _named(directory: Directory, row: PersonRow) -> tuple[str, str]:
    """The delegation cell the row is matched by, and the name to look up for it.

    The most specific cell decides: the delegation, then the organisation or affiliation, then
    the country (PersonRow keeps them in that order). A cell the seminar or the names file
    knows decides at once; an organisation (not a State's own body) is a delegation of its
    own ("Nonviolence International Southeast Asia" with Country "Thailand": the NGO); a
    State's body decides for the State it names ("Embassy of Japan in Thailand": Japan), else
    the next cell says which State ("Royal Thai Police", Thailand). With no cell deciding, the
    first filled one is the delegation's name."""
    cells = row.delegations
    for at, text in enumerate(cells):
        if directory.is_known(text):
            return text, text
        if at == len(cells) - 1:
            break
        key = name_key(text)
        if not _GOVERNMENT.search(key) or _OWN.search(key):
            return text, text
        state = directory.state_named_in(text)
        if state is not None:
            return text, state
    return cells[0], cells[0]


def _delegation_of(directory: Directory, row: PersonRow) -> Existing | NewDelegation | None:
    if not row.delegations:
        return None
    cell, name = _named(directory, row)
    if cell != row.delegations[0] or name != cell:  # code and kind are the delegation column's
        return directory.resolve(name)
    return directory.resolve(name, row.code, row.kind)


def rows_of(plan: ImportPlan) -> set[int]:
    """Every row the plan uses (tests check that none is lost or doubled)."""
    rows = {r for p in plan.added for r in p.rows} | {r for m in plan.merged for r in m.rows}
    return rows | set(plan.unchanged)
