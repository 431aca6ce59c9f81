"""The refusal every table import raises: the places that are wrong, in words."""

from collections.abc import Sequence
from pathlib import Path

from seminar_desk.domain.refusal import Refusal

MAX_ERRORS = 10
"""Problems listed in one message; the rest are counted."""


class TableFileError(Refusal, ValueError):
    """What is wrong with a file, in words that point to the place: file, row, column."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        extra = ""
        shown = self.problems[:MAX_ERRORS]
        if len(self.problems) > MAX_ERRORS:
            extra = f"\n… and {len(self.problems) - MAX_ERRORS} more problems."
        super().__init__("\n".join(shown) + extra)


def too_many_rows(path: Path, limit: int, what: str) -> TableFileError:
    return TableFileError(
        [
            f"{path.name}: more than {limit} rows; one import may add at most "
            f"{limit} {what}. Split the file."
        ]
    )
