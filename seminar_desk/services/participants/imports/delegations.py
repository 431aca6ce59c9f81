"""Which delegation a list means: the seminar's own delegations by name, code or country, then
the names people commonly use for States and organisations (resources/delegations/names.json:
"Vietnam", "VNM" and "VN" mean Viet Nam, "Lao PDR" Lao People's Democratic Republic...).
A name found nowhere becomes a new delegation, once however many rows name it."""

import json
import re
from dataclasses import dataclass
from functools import cache

from seminar_desk.domain.delegations import STATE_KINDS
from seminar_desk.domain.kinds import OrgKind
from seminar_desk.domain.text import fold
from seminar_desk.paths import resources_dir
from seminar_desk.services.participants.delegations import suggested_code

STATE_WORDS = 5
"""The most words a State's name has ("Lao People's Democratic Republic")."""


@dataclass(frozen=True)
class KnownName:
    """A delegation as the UN writes it (from the names file)."""

    name: str
    code: str
    kind: str
    groups: tuple[str, ...] = ()
    """Codes of the groups it belongs to (ASEAN, UN)."""


@dataclass(frozen=True)
class Existing:
    id: str
    name: str
    code: str
    country: str = ""
    kind: str = ""
    """An OrgKind value; only a State's `country` names it ("" when not known)."""


@dataclass(frozen=True)
class NewDelegation:
    """A delegation the import will create."""

    name: str
    code: str
    kind: str
    named: str
    """How the file first named it."""
    groups: tuple[str, ...] = ()
    """Codes of the groups it joins (from the names file)."""


def name_key(text: str) -> str:
    """A delegation name as compared: folded, "&" as "and", punctuation and "the" dropped."""
    text = fold(text).replace("&", " and ").replace("’", "'")
    text = re.sub(r"[^\w']+|'", lambda m: "" if m.group() == "'" else " ", text)
    text = " ".join(text.split())
    return text.removeprefix("the ")


@cache
def _names_file() -> dict:
    return json.loads((resources_dir() / "delegations" / "names.json").read_text("utf-8"))


@cache
def known_groups() -> dict[str, str]:
    """The groups the names file puts delegations in: code -> name."""
    return {g["code"]: g["name"] for g in _names_file().get("groups", ())}


@cache
def known_names() -> dict[str, KnownName]:
    """Every variant, name and code in the names file -> what it means."""
    out: dict[str, KnownName] = {}
    for entry in _names_file()["delegations"]:
        groups = tuple(entry.get("groups", ()))
        known = KnownName(entry["name"], entry["code"], OrgKind(entry["kind"]).value, groups)
        for text in (entry["name"], entry["code"], *entry.get("variants", ())):
            out.setdefault(name_key(text), known)
    return out


def _parts(text: str) -> list[str]:
    """The keys to try for `text`: whole, then "Name (CODE)" split in its two parts."""
    keys = [name_key(text)]
    found = re.fullmatch(r"(.*?)\s*\(([^()]+)\)\s*", text)
    if found:
        keys += [name_key(found.group(2)), name_key(found.group(1))]
    return [k for k in keys if k]


class Directory:
    """The seminar's delegations and the ones this import adds, to resolve names against."""

    def __init__(self, existing: list[Existing]) -> None:
        self.existing: dict[str, Existing] = {}
        # Names and codes first, countries last: "Cambodia" is the State, not a Cambodian NGO.
        for org in existing:
            for key in (name_key(org.name), name_key(org.code)):
                if key:
                    self.existing.setdefault(key, org)
        for org in existing:  # "Germany (Federal Foreign Office)" is also "Germany"
            short = name_key(re.split(r"[,(]", org.name)[0])
            if short:
                self.existing.setdefault(short, org)
        # Only a State is found by its country: "Thailand" is never the Thai NGO, but the State
        # (the seminar's, else a new one from the names file).
        for org in existing:
            if org.country and org.kind in STATE_KINDS:
                self.existing.setdefault(name_key(org.country), org)
        self.codes = {org.code.casefold() for org in existing}
        self.new: dict[str, NewDelegation] = {}
        self._new_by_key: dict[str, NewDelegation] = {}

    def is_known(self, text: str) -> bool:
        """Whether `text` names a delegation of the seminar or one in the names file."""
        return any(k in self.existing or k in known_names() for k in _parts(text))

    def state_named_in(self, text: str) -> str | None:
        """The first State whose name or variant stands in `text` ("Embassy of Japan in
        Thailand" names Japan), as the seminar or the names file calls it; None if none."""
        words = name_key(text).split()
        for start in range(len(words)):
            for size in range(min(STATE_WORDS, len(words) - start), 0, -1):
                key = " ".join(words[start : start + size])
                if len(key) < 4:  # no two- or three-letter codes inside a sentence ("in")
                    continue
                org = self.existing.get(key)
                if org is not None and org.kind in STATE_KINDS:
                    return org.name
                known = known_names().get(key)
                if known is not None and known.kind in STATE_KINDS:
                    return known.name
        return None

    def resolve(self, text: str, code: str = "", kind: str = "") -> Existing | NewDelegation:
        """The existing delegation `text` (or `code`) means, or the new one the import makes.

        A new one takes the UN name and code when the names file knows `text`; otherwise the
        name as written, with the file's `code` and `kind` when it gives them.
        """
        keys = _parts(text)
        for key in [*keys, name_key(code)]:
            if key in self.existing:
                return self.existing[key]
        for key in keys:
            known = known_names().get(key)
            if known is None or (key != keys[0] and code):
                continue  # "Germany (Federal Foreign Office)", DEU: a name of its own
            for other in (name_key(known.name), name_key(known.code)):
                if other in self.existing:
                    return self.existing[other]
            return self._add(known.name, known.code, kind or known.kind, text, known.groups)
        by_code = known_names().get(name_key(code)) if code else None
        default_kind = by_code.kind if by_code else OrgKind.OTHER.value
        return self._add(text, code, kind or default_kind, text)

    def _add(
        self, name: str, code: str, kind: str, named: str, groups: tuple[str, ...] = ()
    ) -> NewDelegation:
        key = name_key(name)
        if key in self._new_by_key:
            return self._new_by_key[key]
        if not code or code.casefold() in self.codes:
            code = suggested_code(name, self.codes)
        made = NewDelegation(name, code, kind, named, groups)
        self.codes.add(code.casefold())
        self._new_by_key[key] = made
        self.new[made.code] = made
        return made
