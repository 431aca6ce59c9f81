"""One cell of a participant list checked into what we store: text made tidy (NFC, single
spaces, no spreadsheet guard), a gender or role from the words people use, an e-mail address.
Each check returns the value, or raises BadValue with what was expected."""

import re
from datetime import date, datetime

from seminar_desk.domain.agenda.limits import text_problem
from seminar_desk.domain.kinds import Gender, OrgKind, ParticipantRole
from seminar_desk.domain.text import fold, nfc
from seminar_desk.services.tables.cells import unguarded

HONORIFIC_CHARS = 32
"""The honorific column's width in the store."""
CODE_CHARS = 32
"""The delegation code column's width in the store."""


class BadValue(ValueError):
    """A cell that cannot be stored; the message says what was expected."""


def clean(value: object) -> str:
    """A cell as one line of NFC text: spaces (also no-break, tabs, line breaks) collapsed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date):
        value = value.isoformat()
    text = nfc(unguarded(str(value).strip()))
    return " ".join(text.split())


def checked_text(text: str) -> str:
    wrong = text_problem(text)
    if wrong:
        raise BadValue(wrong)
    return text


def honorific(text: str) -> str:
    if len(text) > HONORIFIC_CHARS:
        raise BadValue(f"a title such as Mr., Ms., Dr. or H.E. (at most {HONORIFIC_CHARS} letters)")
    return checked_text(text)


_GENDERS: dict[str, str] = {
    **dict.fromkeys(("female", "f", "woman", "w", "femme", "feminin", "weiblich"), "female"),
    **dict.fromkeys(("male", "m", "man", "homme", "masculin", "mannlich"), "male"),
    **dict.fromkeys(
        ("other", "diverse", "non binary", "nonbinary", "x", "d", "divers", "autre"), "other"
    ),
    **dict.fromkeys(
        ("", "-", "unknown", "n a", "na", "not stated", "not recorded", "prefer not to say"), ""
    ),
}
GENDER_RULE = "female, male, other (or F, M, X) or a blank cell"


def gender(text: str) -> str:
    """A Gender value from what people type ("F", "Female", "femme", "diverse"...)."""
    key = re.sub(r"[\s_\-/.]+", " ", fold(text)).strip()
    if key not in _GENDERS:
        raise BadValue(GENDER_RULE)
    return Gender(_GENDERS[key]).value


Vocabulary = type[ParticipantRole] | type[OrgKind]


def _choices(kind: Vocabulary) -> dict[str, str]:
    """Folded labels and values of a closed vocabulary -> the stored value."""
    return {fold(k.label): k.value for k in kind} | {
        fold(k.value).replace("_", " "): k.value for k in kind
    }


_ROLES = _choices(ParticipantRole)
_KINDS = _choices(OrgKind)


def _choice(text: str, choices: dict[str, str], kind: Vocabulary) -> str:
    if not text:
        return ""
    key = fold(text).replace("_", " ")
    if key not in choices:
        raise BadValue("one of " + ", ".join(k.label.lower() for k in kind))
    return choices[key]


def role(text: str) -> str:
    """A ParticipantRole value from its label or value, or "" for a blank cell."""
    return _choice(text, _ROLES, ParticipantRole)


def org_kind(text: str) -> str:
    """An OrgKind value from its label or value ("Member state", "NGO"), or "" when blank."""
    return _choice(text, _KINDS, OrgKind)


_EMAIL = re.compile(r"[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[^@\s<>()\[\],;:\".]+")


def email(text: str) -> str:
    """An address such as name@example.org ("mailto:" taken off), or "" for a blank cell."""
    text = text.removeprefix("mailto:").strip()
    if text and not _EMAIL.fullmatch(text):
        raise BadValue("an e-mail address such as name@example.org")
    return text


def code(text: str) -> str:
    if len(text) > CODE_CHARS:
        raise BadValue(f"a short code such as VNM or UNODC (at most {CODE_CHARS} letters)")
    return checked_text(text)


_FAMILY_FIRST = re.compile(r"([^\W\d_a-z][^,\da-z]*?),\s*([^,\d]+)")
"""A name written "FAMILY, Given" (Indico's Name column, UN lists): the family name in
capitals, a comma, the given names."""


def name_and_sort(name: str, first: str, last: str) -> tuple[str, str]:
    """The name as shown (given names first, as the file writes them) and, when the file says
    which is the family name (First and Last name columns, or "CHEA, Sophal"), the folded name
    lists sort by, family name first ("" when it does not say)."""
    if first or not name:
        shown = " ".join(p for p in (first, last) if p)
        return shown, fold(" ".join(p for p in (last, first) if p)) if first and last else ""
    if last:  # a Name and a Family name column (our own export)
        words, family = name.split(), last.split()
        if fold(" ".join(words[-len(family) :])) == fold(last) and len(words) > len(family):
            given = " ".join(words[: -len(family)])
            return name, fold(f"{last} {given}")
        return f"{name} {last}", fold(f"{last} {name}")
    found = _FAMILY_FIRST.fullmatch(name)
    if found and not any(c.islower() for c in found.group(1)):
        family, given = found.group(1).strip(), found.group(2).strip()
        return f"{given} {family}", fold(f"{family} {given}")
    return name, ""
