"""Text folding for search and sorting across English, Vietnamese, Thai, Khmer, Lao, Burmese."""

import unicodedata

# Letters that Unicode does not decompose into base + mark, but people type without the stroke.
_EXTRA = str.maketrans({"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss"})


def nfc(text: str) -> str:
    """`text` composed (Unicode NFC), as the store keeps all text: "Đức" typed as Đ + u +
    combining marks compares equal to "Đức" typed composed. The same object when it already is."""
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case, strip Latin diacritics ("Nguyễn Văn Đức" -> "nguyen van duc").

    Combining marks are only dropped after Latin letters: in Thai, Khmer, Lao and Myanmar the
    marks are vowels and tones that carry meaning, so those scripts keep them.
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_EXTRA))
    out: list[str] = []
    previous_latin = False
    for ch in decomposed:
        if unicodedata.combining(ch):
            if previous_latin:
                continue
        else:
            previous_latin = ch.isascii() or "LATIN" in unicodedata.name(ch, "")
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out)).casefold()


def counted(n: int, one: str, many: str = "") -> str:
    """A count with its noun in the right number: "1 conflict", "2 conflicts", "0 rows"
    (`many` when the plural is not `one` + "s": "1 speech", "2 speeches")."""
    return f"{n} {one if n == 1 else many or one + 's'}"


def letters(index: int) -> str:
    """The letter label of the 0-based `index`: A, B, ... Z, AA, AB ... (as spreadsheet columns
    and UN subsections go on past Z, instead of starting again at A)."""
    label = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        label = chr(65 + rem) + label
    return label
