"""Family names: a participant has one name as written ("Sophal Chea") and a sort name, folded,
family name first ("chea sophal") when a list said which is the family name; lists of
participants sort by it. The sort name equal to the name folded means "not known"."""

from seminar_desk.domain.text import fold


def _family_words(name: str, sort_name: str) -> int:
    """How many last words of `name` are the family name (0: not known)."""
    words = fold(name).split()
    for k in range(1, len(words)):
        if sort_name.split() == words[-k:] + words[:-k]:
            return k
    return 0


def sort_name_of(name: str, family: str) -> str:
    """The sort name of `name` whose family name `family` is its last words ("Elena
    Marchetti", "Marchetti": "marchetti elena"); the name folded when the family name comes
    first ("Chea Sophal", "Chea") or is not given (Malay and Myanmar names have none)."""
    words, last = fold(name).split(), fold(family).split()
    if last and len(last) < len(words) and words[-len(last) :] == last:
        return " ".join(last + words[: -len(last)])
    return fold(name)


def resorted(old_name: str, old_sort: str, new_name: str) -> str:
    """The sort name after a name is edited: a family name known to come last in the name
    ("Sophal Chea" sorted as "chea sophal") is taken to come last in the new name too (as many
    words); otherwise the new name folded."""
    k, new = _family_words(old_name, old_sort), fold(new_name).split()
    if 0 < k < len(new):
        return " ".join(new[-k:] + new[:-k])
    return fold(new_name)


def family_of(name: str, sort_name: str) -> str:
    """The family name as written in `name` when known ("Chea" for Sophal Chea), else ""."""
    k = _family_words(name, sort_name)
    return " ".join(name.split()[-k:]) if k else ""
