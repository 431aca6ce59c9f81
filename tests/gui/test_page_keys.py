"""F5 belongs to the page on show: the Agenda starts an item, the Speakers page gives the floor,
even with the focus still in the sidebar that was clicked, and never ambiguously."""

import pytest
from PySide6.QtCore import Qt, qInstallMessageHandler
from PySide6.QtTest import QTest
from sqlalchemy import select

from seminar_desk.gui.main_window import MainWindow
from seminar_desk.gui.settings import UiSettings
from seminar_desk.store.models import Organisation

pytestmark = pytest.mark.usefixtures("qsettings")


def test_f5_acts_on_the_visible_page_from_the_sidebar(demo_path, qtbot) -> None:
    messages: list[str] = []
    previous = qInstallMessageHandler(lambda _t, _c, m: messages.append(m))
    try:
        window = MainWindow(UiSettings())
        qtbot.addWidget(window)
        window.open_file(demo_path)
        window.show()
        window.activateWindow()
        qtbot.waitActive(window)  # window-wide shortcuts need the active window
        speakers = window.show_page("Speakers")
        agenda = window.show_page("Agenda")
        window.sidebar.setFocus()
        qtbot.wait(20)
        QTest.keyClick(window.sidebar, Qt.Key.Key_F5)
        qtbot.waitUntil(lambda: any(i.actual_start for i in agenda.model.items), timeout=3000)

        window.show_page("Speakers")
        with window.ctx.desk.read() as s:
            org = s.scalars(select(Organisation.id)).first()
        speakers.service.add(speakers.controller.item_id, organisation_id=org)
        window.sidebar.setFocus()
        qtbot.wait(20)
        QTest.keyClick(window.sidebar, Qt.Key.Key_F5)
        qtbot.waitUntil(lambda: speakers.controller.snapshot.current is not None, timeout=3000)
        assert not [m for m in messages if "Ambiguous" in m]
        window.close()
    finally:
        qInstallMessageHandler(previous)
