"""`seminar-desk copy SRC DEST`: a whole seminar from a file to a server or back, row by row.

To go offline with a copy of the server's seminar, or to bring a laptop's file to the server.
The source is only read (an older file is read through an upgraded temporary copy); the
destination must hold no seminar yet (a new file, or an empty database) and gets every row of
every table, ids and times included, in one transaction: all or nothing.
"""

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Table, func, insert, select, update

from seminar_desk.domain.refusal import Refusal
from seminar_desk.domain.text import counted
from seminar_desk.services.files.access import open_desk, open_reader
from seminar_desk.store.address import describe
from seminar_desk.store.models import Base, Seminar

CHUNK = 500


@dataclass
class CopyReport:
    source: str
    destination: str
    rows: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        total = sum(self.rows.values())
        return f"copied {counted(total, 'row')} from {self.source} to {self.destination}"


def copy_seminar(source: Path | str, destination: Path | str) -> CopyReport:
    """Copy every row of the seminar at `source` into the empty `destination`."""
    if describe(source) == describe(destination):
        raise Refusal(f"{describe(source)} is both the source and the destination of the copy.")
    reader = open_reader(source)
    try:
        writer = open_desk(destination)
        try:
            report = CopyReport(reader.db.location, writer.db.location)
            with reader.db.engine.connect() as inp, writer.db.engine.begin() as out:
                if out.scalar(select(func.count()).select_from(Seminar)):
                    raise Refusal(
                        f"{writer.db.location} already holds a seminar: nothing was copied. "
                        "Copy into a new file or an empty database."
                    )
                for table in Base.metadata.sorted_tables:
                    report.rows[table.name] = _copy_table(inp, out, table)
            return report
        finally:
            writer.close()
    finally:
        reader.close()


def _copy_table(inp: Connection, out: Connection, table: Table) -> int:
    """Every row of one table; links to rows of the same table (a merged recommendation)
    are set once all its rows are in, as a server checks each foreign key at once."""
    self_links = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    rows = [dict(r) for r in inp.execute(select(table)).mappings()]
    later = [
        (row, {c: row[c] for c in self_links if row[c] is not None})
        for row in rows
        if any(row[c] is not None for c in self_links)
    ]
    for start in range(0, len(rows), CHUNK):
        chunk = [{**row, **dict.fromkeys(self_links)} for row in rows[start : start + CHUNK]]
        out.execute(insert(table), chunk)
    key = list(table.primary_key.columns)
    for row, links in later:
        out.execute(update(table).where(*(c == row[c.name] for c in key)).values(links))
    return len(rows)
