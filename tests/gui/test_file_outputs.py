"""Exports from the window (Agenda page, Reports page) never replace the open seminar."""

import asyncio
import hashlib
from pathlib import Path

import pytest

from seminar_desk.gui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("qsettings")


@pytest.fixture
def window(demo_window: MainWindow) -> MainWindow:
    """Exports are tried from the demo seminar."""
    return demo_window


@pytest.fixture
def loop(qapp):
    import qasync

    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    loop.close()
    asyncio.set_event_loop(None)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_agenda_export_onto_the_open_file_is_refused(
    window: MainWindow, demo_path: Path, shown
) -> None:
    page = window.show_page("Agenda")
    before = digest(demo_path)
    page.export_file(demo_path, "ics")
    assert len(shown.texts("refusal")) == 1
    assert "seminar file itself" in shown.texts("refusal")[0]
    assert digest(demo_path) == before
    assert "Wrote" not in page.message.text()
    window.ctx.seminar.update(title="Still saving")  # the window goes on writing its file
    assert window.ctx.seminar.details().title == "Still saving"


def test_report_export_onto_a_seminar_file_is_refused(
    window: MainWindow, demo_path: Path, tmp_path: Path, loop, shown
) -> None:
    """The page gives outputs a .pdf name; a seminar file that has one is still refused."""
    page = window.show_page("Reports")
    page.open_when_done = False
    page.select("agenda")
    disguised = tmp_path / "minutes.pdf"
    disguised.write_bytes(demo_path.read_bytes())

    async def scenario() -> object:
        return await page.export_to(disguised)

    assert loop.run_until_complete(scenario()) is None
    assert ["seminar file" in t for t in shown.texts("refusal")] == [True]
    assert shown.texts("error") == []
    assert disguised.read_bytes() == demo_path.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir() if ".part" in p.name) == []
