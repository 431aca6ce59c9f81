"""The register of recommendations and actions to XLSX and CSV, with the view's filters."""

import csv
import io

from openpyxl import load_workbook

from seminar_desk.cli.main import main
from seminar_desk.services.notes.register import RegisterService
from seminar_desk.services.notes.register_export import (
    HEADER,
    RegisterFilter,
    export_register,
)


def test_xlsx_has_a_row_per_entry_with_its_source(demo_desk, tmp_path) -> None:
    entries = RegisterService(demo_desk).entries()
    out = tmp_path / "register.xlsx"
    assert export_register(demo_desk, "xlsx", out) == len(entries)
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == HEADER
    assert len(rows) == len(entries) + 1
    first = entries[0]
    kind = "Recommendation" if first.kind == "recommendation" else "Action item"
    assert rows[1][1:4] == (kind, first.text, first.who)
    assert rows[1][6] == first.day_number and rows[1][7] == first.item_title
    actions = [r for r in rows[1:] if r[1] == "Action item"]
    assert [r[0] for r in actions] == list(range(1, len(actions) + 1))
    assert any(r[5] is not None for r in actions)  # due dates are dates


def test_filters_as_in_the_app_and_formulas_stay_text(demo_desk, tmp_path) -> None:
    entries = RegisterService(demo_desk).entries()
    agreed = [e for e in entries if e.kind == "recommendation" and e.status == "agreed"]
    out = tmp_path / "r.csv"
    keep = RegisterFilter(kind="recommendation", status="agreed")
    assert export_register(demo_desk, "csv", out, keep) == len(agreed) > 0
    text = out.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == list(HEADER) and len(rows) == len(agreed) + 1
    assert {r[4] for r in rows[1:]} == {"Agreed"}
    with demo_desk.action("formula", undoable=False) as act:
        from sqlalchemy import select

        from seminar_desk.store.models import Recommendation

        act.session.scalars(select(Recommendation)).first().text = "=HYPERLINK(1)"
    export_register(demo_desk, "xlsx", tmp_path / "f.xlsx")
    cells = [c.value for row in load_workbook(tmp_path / "f.xlsx").active for c in row]
    assert "=HYPERLINK(1)" in cells  # a string, not a formula
    sheet = load_workbook(tmp_path / "f.xlsx").active
    assert all(c.data_type != "f" for row in sheet for c in row)
    export_register(demo_desk, "csv", tmp_path / "f.csv")
    assert "'=HYPERLINK(1)" in (tmp_path / "f.csv").read_text(encoding="utf-8-sig")


def test_command_line_export_register(demo_path, tmp_path, capsys) -> None:
    out = tmp_path / "actions.csv"
    args = ["export", "register", "--db", str(demo_path), "-o", str(out), "--kind", "action"]
    assert main([*args, "--day", "2"]) == 0
    assert "rows of the register" in capsys.readouterr().out
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[1:] and all(r[1] == "Action item" and r[6] == "2" for r in rows[1:])
    assert main([*args, "--item", "nothing like it"]) == 2
    assert "no agenda item" in capsys.readouterr().err
