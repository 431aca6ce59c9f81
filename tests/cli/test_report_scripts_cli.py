"""`seminar-desk report` says which characters no shipped font has (drawn as boxes)."""

from pathlib import Path

from seminar_desk.cli.main import main
from seminar_desk.services.desk import Desk
from seminar_desk.services.seminar.service import SeminarService
from seminar_desk.store.database import Database


def test_report_names_characters_no_font_has(demo_path: Path, tmp_path: Path, capsys) -> None:
    desk = Desk(Database.open(demo_path))
    SeminarService(desk).update(short_title="Seminar 𒀀 ការជួញដូរ")
    desk.close()
    out = tmp_path / "r.pdf"
    assert main(["report", "agenda", "--db", str(demo_path), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert "written to" in captured.out
    assert "No font for U+12000 (Cuneiform)" in captured.err
    assert "Seminar 𒀀 ការជួញដូរ" in captured.err
    assert "ការ" not in captured.err.split("U+")[0]  # covered scripts are not reported


def test_report_with_every_script_covered_reports_nothing(
    demo_path: Path, tmp_path: Path, capsys
) -> None:
    desk = Desk(Database.open(demo_path))
    SeminarService(desk).update(short_title="ការជួញដូរ العربية 中文 한국어 עברית हिन्दी")
    desk.close()
    out = tmp_path / "r.pdf"
    assert main(["report", "agenda", "--db", str(demo_path), "-o", str(out)]) == 0
    assert "No font" not in capsys.readouterr().err
