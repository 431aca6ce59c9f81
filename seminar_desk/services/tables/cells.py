"""CSV cells guarded against spreadsheets running them as formulas, for every CSV export, and
the importers' way of taking the guard off again."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guarded(*cells: object) -> tuple[object, ...]:
    """A text cell a spreadsheet would run as a formula (=, +, -, @) starts with a quote.

    Spreadsheets show such a cell as the text it is; our importers remove the quote again.
    """
    return tuple(
        "'" + c if isinstance(c, str) and c.startswith(FORMULA_STARTS) else c for c in cells
    )


def unguarded(text: str) -> str:
    """Undo the quote our CSV exports put before a cell that a spreadsheet would run."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text
