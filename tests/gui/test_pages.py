"""The sidebar's list of places agrees with the page modules, and every page opens on the demo."""

import pytest

from seminar_desk.gui.pages import PAGES, page_specs
from seminar_desk.gui.pages.base import Page

pytestmark = pytest.mark.usefixtures("qsettings")


def test_registry_matches_the_modules() -> None:
    specs = page_specs()
    assert [s.title for s in specs] == [ref.title for ref in PAGES]
    assert [s.order for s in specs] == sorted(s.order for s in specs)


def test_every_page_builds_on_the_demo(demo_path, qtbot) -> None:
    from seminar_desk.gui.main_window import MainWindow
    from seminar_desk.gui.settings import UiSettings

    window = MainWindow(UiSettings())
    qtbot.addWidget(window)
    assert window.open_file(demo_path)
    for ref in PAGES:
        page = window.show_page(ref.title)
        assert isinstance(page, Page)
        assert window.page_stack.currentWidget() is page
    window.close()


def test_the_speakers_menu_is_there_before_the_page_is_visited(demo_path, qtbot) -> None:
    from seminar_desk.gui.main_window import MainWindow
    from seminar_desk.gui.settings import UiSettings

    window = MainWindow(UiSettings())
    qtbot.addWidget(window)
    window.open_file(demo_path)
    menus = lambda: [a.text() for a in window.menuBar().actions()]  # noqa: E731
    qtbot.waitUntil(lambda: "&Speakers" in menus(), timeout=5000)
    assert window.sidebar.currentRow() == 0  # warming the page did not switch to it
    window.close()


def test_page_menus_keep_the_sidebar_order_whichever_page_opens_first(demo_path, qtbot) -> None:
    from seminar_desk.gui.main_window import MainWindow
    from seminar_desk.gui.settings import UiSettings

    window = MainWindow(UiSettings())
    qtbot.addWidget(window)
    window.open_file(demo_path)
    window.show_page("Participants")  # built before the warm Agenda and Speakers pages
    menus = lambda: [a.text() for a in window.menuBar().actions()]  # noqa: E731
    qtbot.waitUntil(lambda: {"&Agenda", "&Speakers"} <= set(menus()), timeout=5000)
    assert menus() == ["&File", "&Edit", "&Go", "&Agenda", "&Speakers", "&Participants", "&Help"]
    window.close()
