"""The Reports page says which characters no shipped font has (drawn as boxes in the PDF)."""

from pathlib import Path

import pytest

from seminar_desk.gui.main_window import MainWindow
from seminar_desk.gui.settings import UiSettings
from seminar_desk.services.desk import Desk
from seminar_desk.services.seminar.service import SeminarService
from seminar_desk.store.database import Database

pytestmark = pytest.mark.usefixtures("qsettings")


def test_export_names_characters_no_font_has(qtbot, demo_path: Path, loop, tmp_path) -> None:
    desk = Desk(Database.open(demo_path))
    SeminarService(desk).update(short_title="Seminar 𒀀 <b>")
    desk.close()
    window = MainWindow(UiSettings())
    qtbot.addWidget(window)
    assert window.open_file(demo_path)
    page = window.show_page("Reports")
    page.open_when_done = False
    page.select("agenda")

    async def scenario() -> object:
        return await page.export_to(tmp_path / "agenda.pdf")

    exported = loop.run_until_complete(scenario())
    assert exported >= 1
    status = page.status.text()
    assert "saved to" in status
    assert "No font for U+12000 (Cuneiform) in “Seminar 𒀀 <b>”" in status
    assert "drawn as boxes" in status
    window.close()
