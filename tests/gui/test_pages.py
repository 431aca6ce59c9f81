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


def test_the_participants_menu_and_its_key_are_there_before_the_page_is_built(
    demo_window,
    qtbot,
    activate,  # noqa: ANN001
) -> None:
    """The lazy Participants page's menu stands in sidebar order from the start, and
    Ctrl+Shift+A on another page builds it, shows its list and starts check-in."""
    from PySide6.QtCore import Qt

    window = demo_window
    activate(window)
    row = [ref.title for ref in PAGES].index("Participants")
    assert window.pages[row] is None
    menus = lambda: [a.text() for a in window.menuBar().actions()]  # noqa: E731
    qtbot.waitUntil(lambda: {"&Agenda", "&Speakers"} <= set(menus()), timeout=5000)
    assert menus() == ["&File", "&Edit", "&Go", "&Agenda", "&Speakers", "&Participants", "&Help"]
    assert window.pages[row] is None
    agenda = window.show_page("Agenda")
    agenda.setFocus()
    qtbot.keyClick(
        window.focusWidget() or agenda,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    page = window.pages[row]
    assert page is not None and window.page_stack.currentWidget() is page
    assert window.sidebar.currentRow() == row
    assert page.attendance.check_in.isChecked()
    qtbot.waitUntil(page.search.hasFocus)


def test_a_page_that_fails_to_build_leaves_the_sidebar_on_the_page_shown(
    demo_window, qtbot, activate, shown, monkeypatch  # noqa: ANN001
) -> None:
    """The sidebar stayed on the page that did not open (and the error was not the runner's)."""
    from PySide6.QtCore import Qt

    from seminar_desk.gui.pages.base import PageSpec
    from seminar_desk.gui.reporting import page as reporting

    def broken(_ctx: object) -> Page:
        raise RuntimeError("no fonts here")

    spec = reporting.SPEC
    monkeypatch.setattr(reporting, "SPEC", PageSpec(spec.order, spec.title, broken))
    window = demo_window
    activate(window)
    agenda = window.show_page("Agenda")
    window.sidebar.setFocus()
    qtbot.waitUntil(window.sidebar.hasFocus)
    row = [ref.title for ref in PAGES].index("Reports")
    qtbot.keyClick(window.sidebar, Qt.Key.Key_End)  # the last page: Reports
    (error,) = shown.texts("error")
    assert "no fonts here" in error
    assert window.sidebar.currentRow() == 1 and window.page_stack.currentWidget() is agenda
    assert window.pages[row] is None
    assert window.settings.last_page() == "Agenda"


def test_a_page_that_fails_to_build_is_tried_and_reported_once_per_request(
    demo_window, shown, monkeypatch  # noqa: ANN001
) -> None:
    """show_page built a failing page a second time after the sidebar had gone back, so the
    error came out again, past the runner."""
    from seminar_desk.gui.pages.base import PageSpec
    from seminar_desk.gui.reporting import page as reporting

    builds: list[int] = []

    def broken(_ctx: object) -> Page:
        builds.append(1)
        raise RuntimeError("no fonts here")

    spec = reporting.SPEC
    monkeypatch.setattr(reporting, "SPEC", PageSpec(spec.order, spec.title, broken))
    window = demo_window
    agenda = window.show_page("Agenda")
    assert window.show_page("Reports") is None
    assert len(builds) == 1 and len(shown.texts("error")) == 1
    assert window.page_stack.currentWidget() is agenda
    assert window.show_page("Reports") is None  # asked again: tried again, said again
    assert len(builds) == 2 and len(shown.texts("error")) == 2
