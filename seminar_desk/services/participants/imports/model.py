"""What reading a participant list gives: plain rows, row problems and notes (no database).

Kept apart from the plan so reading, which can be slow, runs off the GUI thread, and so the
preview can list every bad row (row and column) while the good ones still show.
"""

from dataclasses import dataclass
from pathlib import Path

from seminar_desk.services.tables.problems import TableFileError

MAX_PARTICIPANTS = 10_000
"""Most rows one import may hold: ten times a large conference, committed in a few seconds."""
MAX_FILE_BYTES = 20 * 1024 * 1024


class ParticipantImportError(TableFileError):
    """What is wrong with a participant list, naming file, row and column."""


@dataclass(frozen=True)
class PersonRow:
    """One participant as read. Empty strings are cells the file left blank (or lacks)."""

    row: int
    """The row's number in the file as a spreadsheet counts it (the header is usually 1)."""
    name: str
    honorific: str = ""
    delegations: tuple[str, ...] = ()
    """The delegation as the file names it, in the order to try: delegation, organisation or
    affiliation, then country (Indico lists have both Affiliation and Country)."""
    code: str = ""
    """The delegation's code when the file has one (our own export does)."""
    kind: str = ""
    """An OrgKind value when the file says what kind of delegation it is."""
    function: str = ""
    role: str = ""
    gender: str = ""
    """A stored Gender value, or "" when the file left it blank."""
    email: str = ""
    sort_name: str = ""
    """The name as lists sort it, folded, family name first ("chea sophal" for Sophal Chea),
    when the file says which is the family name; "" when it does not."""


@dataclass(frozen=True)
class RowProblem:
    row: int
    message: str
    """"FILE, row N, column X: expected …, found …"."""


@dataclass(frozen=True)
class ReadParticipants:
    source: Path
    format: str
    people: tuple[PersonRow, ...]
    """The rows that read well (bad rows are in `problems`, never here)."""
    problems: tuple[RowProblem, ...] = ()
    notes: tuple[str, ...] = ()
    """Assumptions the reader made (a legacy encoding), shown in the preview."""
    columns: tuple[str, ...] = ()
    """How the file's headers were understood: "Name ← Full name (B)"."""

    @property
    def bad_rows(self) -> tuple[int, ...]:
        return tuple(sorted({p.row for p in self.problems}))

    def refusal(self) -> ParticipantImportError:
        return ParticipantImportError([p.message for p in self.problems])
