"""The list of participants: a sound model, accent-blind search, attendance that is saved."""

from PySide6.QtCore import Qt

from seminar_desk.gui.participants.model import (
    ID_ROLE,
    ParticipantFilter,
    ParticipantTableModel,
)
from seminar_desk.services.desk import Desk
from seminar_desk.services.participants.service import ParticipantService


def test_model_passes_the_model_tester(demo_desk: Desk, qtmodeltester) -> None:
    model = ParticipantTableModel(ParticipantService(demo_desk))
    qtmodeltester.check(model)
    assert model.rowCount() == 48
    assert model.columnCount() == 6 + 2  # six fields and one column per day


def test_search_ignores_vietnamese_accents(demo_desk: Desk, qtmodeltester) -> None:
    model = ParticipantTableModel(ParticipantService(demo_desk))
    proxy = ParticipantFilter()
    proxy.setSourceModel(model)
    proxy.set_text("nguyen duc")
    names = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert names and all("Nguyễn" in n and "Đức" in n for n in names)
    proxy.set_text("viet nam")
    assert proxy.rowCount() >= 2
    qtmodeltester.check(proxy)


def test_attendance_checkbox_is_saved_and_undoable(demo_desk: Desk) -> None:
    service = ParticipantService(demo_desk)
    model = ParticipantTableModel(service)
    index = model.index(0, 6)  # day 1 of the first participant
    before = index.data(Qt.ItemDataRole.CheckStateRole)
    flipped = (
        Qt.CheckState.Unchecked if before == Qt.CheckState.Checked else Qt.CheckState.Checked
    )
    assert model.setData(index, flipped.value, Qt.ItemDataRole.CheckStateRole)
    person = model.data(index, ID_ROLE)
    row = next(r for r in service.participants() if r.id == person)
    assert (model.days[0].id in row.days_present) == (flipped == Qt.CheckState.Checked)
    demo_desk.undo()
    row = next(r for r in service.participants() if r.id == person)
    assert (model.days[0].id in row.days_present) == (before == Qt.CheckState.Checked)


def test_editing_a_name_keeps_markup_as_text(demo_desk: Desk, shown) -> None:
    service = ParticipantService(demo_desk)
    model = ParticipantTableModel(service)
    assert model.setData(model.index(0, 0), "Tom <tom@example.org> & R&D")
    assert model.index(0, 0).data(Qt.ItemDataRole.EditRole) == "Tom <tom@example.org> & R&D"
    assert not model.setData(model.index(0, 0), "   ")  # a name cannot be blank
    assert shown.texts() == ["A participant needs a name."]  # said through the GUI runner


def test_delete_asks_in_plain_text_and_add_goes_through_the_runner(
    demo_desk: Desk, qtbot, monkeypatch, shown
) -> None:
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from seminar_desk.gui.bus import ChangeBus
    from seminar_desk.gui.context import DeskContext
    from seminar_desk.gui.participants.page import ParticipantsPage

    page = ParticipantsPage(DeskContext(demo_desk, ChangeBus(demo_desk)))
    qtbot.addWidget(page)
    asked: list[tuple[str, Qt.TextFormat]] = []
    answer = [QMessageBox.StandardButton.No]

    def exec_(box: QMessageBox) -> int:
        asked.append((box.text(), box.textFormat()))
        return answer[0]

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    person = ParticipantService(demo_desk).add("Aaron Absent").id  # did nothing yet
    qtbot.keyClicks(page.search, "aaron absent")
    page.table.selectRow(0)
    assert page.proxy.index(0, 0).data(ID_ROLE) == person
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert asked == [
        ("Delete 1 participant? Edit › Undo (Ctrl+Z) brings them back.", Qt.TextFormat.PlainText)
    ]
    service = ParticipantService(demo_desk)
    assert person in {p.id for p in service.participants()}
    answer[0] = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert person not in {p.id for p in service.participants()}

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("  ", True)))
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)  # a blank name: nothing asked
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Ana <b>", True)))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("(none)", True)))
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert "Ana <b>" in {p.name for p in service.participants()}
    assert shown.texts() == []
