"""`seminar-desk report` says which characters no shipped font has (drawn as boxes)."""

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

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


# pdftotext wraps a right-to-left run in embedding marks: they bound it as a space would (a
# right-aligned Hebrew cell ends a few points before the next column's text, with no space)
_BIDI = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e"), " ")
TITLES = [
    "ការជួញដូរអាវុធខុសច្បាប់ និង ក្រសួងការបរទេស",
    "การค้าอาวุธเถื่อน (กี่ เถื่อน)",
    "ການຄ້າອາວຸດເຖື່ອນ",
    "မြန်မာနိုင်ငံ လက်နက် ကုန်သွယ်မှု",
    "الاتجار غير المشروع بالأسلحة",
    "סחר בלתי חוקי בנשק",
    "अवैध हथियार व्यापार",
    "武器贸易条约 日本語のテキスト",
    "대한민국 외교부",
]


@pytest.mark.slow
def test_demo_seminar_report_gives_back_every_script(demo_path: Path, tmp_path: Path) -> None:
    """The demo's seminar report with agenda titles in every script: the contents, programme
    and session chapters give back every word (pypdf, and pdftotext when installed)."""
    from seminar_desk.services.agenda import AgendaService

    desk = Desk(Database.open(demo_path))
    agenda = AgendaService(desk)
    items = [item for day in agenda.days() for item in agenda.day(day.id).items[1:]]
    for item, title in zip(items, TITLES, strict=False):
        agenda.update_item(item.id, title=title)
    desk.close()
    out = tmp_path / "seminar.pdf"
    assert main(["report", "seminar", "--db", str(demo_path), "-o", str(out)]) == 0
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    texts = [text]
    if shutil.which("pdftotext"):
        run = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True)
        texts.append(run.stdout)
    for extracted in texts:
        found = set(extracted.translate(_BIDI).split())
        for title in TITLES:
            for word in title.split():
                assert word.strip("()") in found | {w.strip("()") for w in found}, word
