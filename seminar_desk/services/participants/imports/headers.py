"""Which column holds what: header synonyms (any case, accents, `_`/`-` ignored), including
Indico's registration export ("First Name", "Last Name", "Affiliation", "Position", "Email",
"Title", "Country") and OpenSlides' participant CSV (title, first_name, last_name,
structure_level, email, gender...)."""

import re
from collections.abc import Sequence
from pathlib import Path

from seminar_desk.domain.text import fold, letters
from seminar_desk.services.participants.imports.model import ParticipantImportError

# Our field -> its synonyms. The first synonym names the field in messages.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("name", "full name", "participant", "participant name", "delegate", "nom"),
    "first": ("first name", "given name", "given names", "forename", "firstname", "prenom"),
    "last": ("last name", "family name", "surname", "lastname", "nom de famille"),
    "honorific": ("title", "honorific", "salutation", "prefix", "civilite"),
    "delegation": (
        "delegation",
        "member state",
        "state",
        "structure level",
        "structure levels",
        "delegation name",
    ),
    "organisation": (
        "organisation",
        "organization",
        "affiliation",
        "institution",
        "agency",
        "entity",
        "company",
    ),
    "code": ("delegation code", "code", "organisation code", "organization code"),
    "kind": ("delegation kind", "kind", "kind of delegation", "delegation type"),
    "country": ("country", "country region", "nationality", "pays"),
    "function": ("function", "position", "job title", "job", "designation", "post", "fonction"),
    "role": ("role", "participant role", "seminar role"),
    "gender": ("gender", "sex", "genre"),
    "email": ("e-mail", "email", "e-mail address", "email address", "mail", "courriel"),
}
LABELS = {
    "name": "Name",
    "first": "First name",
    "last": "Last name",
    "honorific": "Title",
    "delegation": "Delegation",
    "organisation": "Organisation",
    "country": "Country",
    "code": "Delegation code",
    "kind": "Delegation kind",
    "function": "Function",
    "role": "Role",
    "gender": "Gender",
    "email": "E-mail",
}
"""Our fields in words (the preview says how it understood each column)."""
TEXT_FIELDS = ("honorific", "delegation", "organisation", "country", "function", "code")


def header_key(text: object) -> str:
    """A header as compared: folded, separators as single spaces ("E_Mail:" -> "e mail")."""
    return re.sub(r"[\s_\-:./()]+", " ", fold(str(text or ""))).strip()


_LOOKUP = {header_key(syn): field for field, syns in SYNONYMS.items() for syn in syns}


def map_headers(path: Path, headers: Sequence[object], row: int = 1) -> dict[str, tuple[int, str]]:
    """Our field -> (index, "how the file calls it (letter)"); refuses a list without names."""
    found: dict[str, tuple[int, str]] = {}
    for index, raw in enumerate(headers):
        field = _LOOKUP.get(header_key(raw))
        if field and field not in found:
            found[field] = (index, f"{str(raw).strip()} ({letters(index)})")
    if "name" not in found and "first" not in found and "last" not in found:
        shown = ", ".join(repr(str(h).strip()) for h in headers if str(h or "").strip())
        raise ParticipantImportError(
            [
                f"{path.name}, row {row} (headers): expected a Name column, or First name and "
                f"Last name; found {shown or 'no headers'}."
            ]
        )
    return found
