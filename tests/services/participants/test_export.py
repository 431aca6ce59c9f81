"""Exporting participants: CSV and XLSX that our import reads back to the same people."""

from pathlib import Path

import participant_lists
import pytest
from sqlalchemy import select

from seminar_desk.services.desk import Desk
from seminar_desk.services.participants.export import export_participants
from seminar_desk.services.participants.imports.commit import import_participants
from seminar_desk.services.participants.imports.reading import read_participants
from seminar_desk.store.database import Database
from seminar_desk.store.models import Organisation, Participant


def roster(desk: Desk) -> list[tuple[str, ...]]:
    """Everyone as the export promises to carry them, ids left out."""
    with desk.read() as s:
        return sorted(
            (
                p.honorific,
                p.name,
                p.organisation.name if p.organisation else "",
                p.organisation.code if p.organisation else "",
                p.function,
                p.role,
                p.gender,
                p.email,
            )
            for p in s.scalars(select(Participant))
        )


def kinds(desk: Desk) -> list[tuple[str, str, str]]:
    with desk.read() as s:
        return sorted(
            (o.code, o.name, o.kind) for o in s.scalars(select(Organisation)) if o.participants
        )


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_export_reimports_to_the_same_participants(
    demo_desk: Desk, desk: Desk, tmp_path: Path, fmt: str
):
    import_participants(demo_desk, read_participants(participant_lists.MESSY_CSV))
    with demo_desk.action("a formula-like function") as act:
        act.session.scalars(select(Participant)).first().function = "=HYPERLINK(1)"
    out = tmp_path / f"participants.{fmt}"
    assert export_participants(demo_desk, fmt, out) == 87
    # Into the same seminar: nothing changes.
    again = import_participants(demo_desk, read_participants(out))
    assert again.plan.summary == "0 added, 0 changed, 87 unchanged"
    # Into an empty one: the same people in delegations of the same names.
    import_participants(desk, read_participants(out))
    assert roster(desk) == roster(demo_desk)
    assert kinds(desk) == kinds(demo_desk)


def test_csv_cells_a_spreadsheet_would_run_are_guarded(demo_desk: Desk, tmp_path: Path):
    with demo_desk.action("formula") as act:
        act.session.scalars(select(Participant)).first().function = "=cmd|' /C calc'!A0"
    out = tmp_path / "p.csv"
    export_participants(demo_desk, "csv", out)
    text = out.read_text("utf-8-sig")
    assert "'=cmd|' /C calc'!A0" in text
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    assert (
        text.splitlines()[0]
        == "Title,Name,Family name,Delegation,Delegation code,Delegation kind,Function,Role,"
        "Gender,E-mail"
    )


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_family_names_go_out_and_come_back(desk: Desk, tmp_path: Path, fmt: str):
    """Known family names travel in a Family name column: another seminar importing the
    export sorts its list by them as this one does."""
    from seminar_desk.services.participants.service import ParticipantService

    source = tmp_path / "in.csv"
    source.write_text(
        "First name,Last name,Country\nAnna,Zuber,Austria\nZoe,Abel,Austria\n"
        "Jose,da Costa Soares,Austria\n",
        encoding="utf-8",
    )
    import_participants(desk, read_participants(source))
    ParticipantService(desk).add("Chea Sophal")  # family name not known: an empty cell
    out = tmp_path / f"participants.{fmt}"
    export_participants(desk, fmt, out)
    if fmt == "csv":
        lines = out.read_text("utf-8-sig").splitlines()
        assert lines[1].startswith(",Chea Sophal,,")
        assert [line.split(",")[1:3] for line in lines[2:5]] == [
            ["Zoe Abel", "Abel"],
            ["Jose da Costa Soares", "da Costa Soares"],
            ["Anna Zuber", "Zuber"],
        ]
    other = Desk(Database.open(tmp_path / "other.sqlite"))
    try:
        import_participants(other, read_participants(out))
        names = [r.name for r in ParticipantService(other).participants()]
        assert names == ["Chea Sophal", "Zoe Abel", "Jose da Costa Soares", "Anna Zuber"]
        with other.read() as s:
            sorts = {p.name: p.sort_name for p in s.scalars(select(Participant))}
        assert sorts["Jose da Costa Soares"] == "da costa soares jose"
        assert sorts["Chea Sophal"] == "chea sophal"
    finally:
        other.close()
