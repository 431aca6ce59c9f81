"""Write the participants out as CSV or XLSX, by delegation then name, in columns our own
import reads back (Title, Name, Family name when known, Delegation, its code and kind, Function,
Role, Gender, E-mail): exporting and importing again gives the same participants, sorted alike.
Through the one atomic writer (services/files)."""

import csv
import io
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from seminar_desk.domain.kinds import Gender, OrgKind, ParticipantRole, label_of
from seminar_desk.domain.text import fold
from seminar_desk.services.desk import Desk
from seminar_desk.services.files import write_output
from seminar_desk.services.participants.names import family_of
from seminar_desk.services.tables.cells import guarded
from seminar_desk.store.models import Participant

EXPORT_FORMATS = ("csv", "xlsx")
COLUMNS = (
    "Title",
    "Name",
    "Family name",
    "Delegation",
    "Delegation code",
    "Delegation kind",
    "Function",
    "Role",
    "Gender",
    "E-mail",
)


def participant_table(desk: Desk) -> list[tuple[str, ...]]:
    """One row per participant (header first), by delegation then name."""
    with desk.read() as session:
        people = session.scalars(
            select(Participant).options(selectinload(Participant.organisation))
        ).all()
        keyed = [
            (
                (fold(p.organisation.name) if p.organisation else "", p.sort_name or fold(p.name)),
                (
                    p.honorific,
                    p.name,
                    family_of(p.name, p.sort_name),
                    p.organisation.name if p.organisation else "",
                    p.organisation.code if p.organisation else "",
                    label_of(OrgKind, p.organisation.kind) if p.organisation else "",
                    p.function,
                    label_of(ParticipantRole, p.role),
                    label_of(Gender, p.gender) if p.gender else "",
                    p.email,
                ),
            )
            for p in people
        ]
    rows = [row for _, row in sorted(keyed, key=lambda kr: kr[0])]
    return [COLUMNS, *rows]


def to_csv(table: list[tuple[str, ...]]) -> bytes:
    """UTF-8 with a BOM, so Excel shows Khmer, Thai or Vietnamese names as they are."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in table:
        writer.writerow(guarded(*row))
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(table: list[tuple[str, ...]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Participants")
    for row in table:
        sheet.append(guarded(*row))  # openpyxl would store "=..." as a formula
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export_participants(desk: Desk, fmt: str, path: Path) -> int:
    """Write the file (all or nothing, never over the seminar); returns the people written."""
    table = participant_table(desk)
    if fmt == "csv":
        data = to_csv(table)
    elif fmt == "xlsx":
        data = to_xlsx(table)
    else:
        raise ValueError(f"unknown participant export format {fmt!r}; use one of {EXPORT_FORMATS}")
    write_output(path, data, database=desk.db.path)
    return len(table) - 1
