"""The list of participants: sound models, filter as you type, sorting, every field edited in
its cell or in the dialog, and nobody who did something deleted."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox
from sqlalchemy import select

from seminar_desk.gui.bus import ChangeBus
from seminar_desk.gui.context import DeskContext
from seminar_desk.gui.participants.model import (
    ID_ROLE,
    ParticipantFilter,
    ParticipantTableModel,
)
from seminar_desk.gui.participants.page import ParticipantsPage
from seminar_desk.services.desk import Desk
from seminar_desk.services.participants.service import ParticipantService
from seminar_desk.store.models import Attendance, Participant


def _page(desk: Desk, qtbot) -> ParticipantsPage:  # noqa: ANN001
    page = ParticipantsPage(DeskContext(desk, ChangeBus(desk)))
    qtbot.addWidget(page)
    page.resize(1150, 700)
    with qtbot.waitExposed(page):
        page.show()
    return page


def _names(page: ParticipantsPage) -> list[str]:
    return [
        page.proxy.index(r, 0).data(Qt.ItemDataRole.EditRole) for r in range(page.proxy.rowCount())
    ]


def _person(desk: Desk, name: str) -> Participant:
    with desk.read() as s:
        person = s.scalars(select(Participant).where(Participant.name == name)).one()
        s.expunge(person)
        return person


def test_model_and_filter_pass_the_model_tester(demo_desk: Desk, qtmodeltester) -> None:
    model = ParticipantTableModel(ParticipantService(demo_desk))
    qtmodeltester.check(model)
    assert model.rowCount() == 48
    assert model.columnCount() == 7 + 2  # seven fields and one column per day
    proxy = ParticipantFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_day(model.days[0].id, present=False)
    proxy.set_text("a")
    sort_key = Qt.ItemDataRole.UserRole + 3
    proxy.sort(1, Qt.SortOrder.DescendingOrder)  # the base model sorts, checked as it does
    keys = [model.index(r, 1).data(sort_key) for r in range(48)]
    assert keys == sorted(keys, reverse=True)
    day2 = model.day_column(model.days[1].id)
    proxy.sort(day2)
    keys = [model.index(r, day2).data(sort_key) for r in range(48)]
    assert proxy.rowCount() == 2 and keys == sorted(keys)
    model.reload()  # keeps the order chosen
    assert [model.index(r, day2).data(sort_key) for r in range(48)] == keys


def test_filter_as_you_type_over_name_delegation_kind_role_and_gender(
    demo_desk: Desk, qtbot
) -> None:
    page = _page(demo_desk, qtbot)
    qtbot.keyClicks(page.search, "nguyen duc")  # accents folded
    assert _names(page) and all("Nguyễn" in n and "Đức" in n for n in _names(page))
    assert page.count.text() == f"{len(_names(page))} of 48"
    page.search.clear()
    qtbot.keyClicks(page.search, "khm chair")  # the delegation's code and the role
    assert set(_names(page)) == {"Chea Sophal", "Sok Chanthy"}
    page.search.clear()
    qtbot.keyClicks(page.search, "un entity")  # the delegation's kind
    delegations = {page.proxy.index(r, 1).data() for r in range(page.proxy.rowCount())}
    assert delegations and all(d.startswith("United Nations") for d in delegations)
    page.search.clear()
    qtbot.keyClicks(page.search, "male")  # at the start of a word: no "female"
    genders = {page.proxy.index(r, 4).data() for r in range(page.proxy.rowCount())}
    assert genders == {"Male"}
    page.search.clear()
    assert page.proxy.rowCount() == 48
    assert page.count.text() == "48 participants"


def test_clicking_a_header_sorts_by_it(demo_desk: Desk, qtbot) -> None:
    page = _page(demo_desk, qtbot)
    header = page.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_centre(header, 0))
    names = _names(page)
    from seminar_desk.domain.text import fold

    rows = ParticipantService(demo_desk).participants()
    key = {r.name: r.sort_name or fold(r.name) for r in rows}  # family name first when known
    assert [key[n] for n in names] == sorted(key[n] for n in names)
    assert names.index("Felix Bauer") < names.index("Anucha Thongdee")
    day = page.model.day_column(page.model.days[0].id)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_centre(header, day))
    ticks = [page.proxy.index(r, day).data(Qt.ItemDataRole.CheckStateRole) for r in range(48)]
    assert ticks == sorted(ticks, key=lambda t: t == Qt.CheckState.Checked)


def _section_centre(header, column):  # noqa: ANN001, ANN202
    from PySide6.QtCore import QPoint

    return QPoint(
        header.sectionViewportPosition(column) + header.sectionSize(column) // 2,
        header.height() // 2,
    )


def test_attendance_checkbox_is_saved_and_undoable(demo_desk: Desk) -> None:
    service = ParticipantService(demo_desk)
    model = ParticipantTableModel(service)
    index = model.index(0, model.day_column(model.days[0].id))
    before = index.data(Qt.ItemDataRole.CheckStateRole)
    flipped = Qt.CheckState.Unchecked if before == Qt.CheckState.Checked else Qt.CheckState.Checked
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


def test_cells_are_edited_with_keys_text_and_choices(demo_desk: Desk, qtbot) -> None:
    page = _page(demo_desk, qtbot)
    qtbot.keyClicks(page.search, "chea sophal")
    function = page.model.column_of("function")
    page.table.setCurrentIndex(page.proxy.index(0, function))
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    editor = page.table.viewport().findChild(QLineEdit)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Minister")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop turn
    qtbot.waitUntil(lambda: _person(demo_desk, "Chea Sophal").function == "Minister")

    role = page.model.column_of("role")
    page.table.setCurrentIndex(page.proxy.index(0, role))
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    combo = page.table.viewport().findChildren(QComboBox)[-1]  # the newest editor
    assert isinstance(combo, QComboBox)
    qtbot.keyClicks(combo, "Rapp")  # a combo box jumps to what is typed
    qtbot.keyClick(combo, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: _person(demo_desk, "Chea Sophal").role == "rapporteur")

    delegation = page.model.column_of("organisation_id")
    page.table.setCurrentIndex(page.proxy.index(0, delegation))
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    combo = page.table.viewport().findChildren(QComboBox)[-1]  # the newest editor
    assert isinstance(combo, QComboBox)
    qtbot.keyClicks(combo, "Thai")
    qtbot.keyClick(combo, Qt.Key.Key_Tab)
    qtbot.waitUntil(
        lambda: page.proxy.index(0, 2).data() == "State"
    )  # the kind follows the delegation
    with demo_desk.read() as s:
        from seminar_desk.store.models import Organisation

        org = s.get(Organisation, _person(demo_desk, "Chea Sophal").organisation_id)
        assert org.code == "THA"
    assert demo_desk.undo_label == "Edit participant"


def test_add_a_participant_with_every_field_in_the_dialog(demo_desk: Desk, qtbot, shown) -> None:
    page = _page(demo_desk, qtbot)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.honorific.lineEdit(), "Dr.")
    qtbot.keyClicks(dialog.name, "Ana <b> Souza")
    qtbot.keyClicks(dialog.delegation, "Viet")
    qtbot.keyClicks(dialog.function, "Analyst")
    qtbot.keyClicks(dialog.role, "Speaker")
    qtbot.keyClicks(dialog.gender, "Female")
    qtbot.keyClicks(dialog.email, "ana@example.org")
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    person = _person(demo_desk, "Ana <b> Souza")
    assert (person.honorific, person.function, person.role, person.gender, person.email) == (
        "Dr.",
        "Analyst",
        "speaker",
        "female",
        "ana@example.org",
    )
    assert page.selected_rows()[0].organisation == "Viet Nam"
    assert shown.texts() == []


def test_a_nameless_participant_is_not_added(demo_desk: Desk, qtbot) -> None:
    page = _page(demo_desk, qtbot)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.problem.text() == "A participant needs a name."
    assert page.model.rowCount() == 48


def test_edit_in_the_dialog_changes_only_what_changed(demo_desk: Desk, qtbot) -> None:
    page = _page(demo_desk, qtbot)
    qtbot.keyClicks(page.search, "sok chanthy")
    page.table.selectRow(0)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.name.text() == "Sok Chanthy"
    dialog.email.clear()
    qtbot.keyClicks(dialog.email, "chanthy@example.kh")
    qtbot.keyClick(dialog.email, Qt.Key.Key_Return)
    person = _person(demo_desk, "Sok Chanthy")
    assert person.email == "chanthy@example.kh" and person.role == "chair"
    demo_desk.undo()
    assert _person(demo_desk, "Sok Chanthy").email == "sok.chanthy@interior.gov.kh"


def test_someone_who_spoke_is_not_deleted_and_is_told_why(
    demo_desk: Desk, qtbot, monkeypatch, shown
) -> None:
    page = _page(demo_desk, qtbot)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest_fail(box.text()))
    qtbot.keyClicks(page.search, "chea sophal")
    page.table.selectRow(0)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    [message] = shown.texts()
    assert message.startswith("Not deleted: Chea Sophal chairs ")
    assert _person(demo_desk, "Chea Sophal")


def pytest_fail(text: str) -> int:
    raise AssertionError(f"asked: {text}")


def test_delete_asks_in_plain_text_then_deletes(demo_desk: Desk, qtbot, monkeypatch, shown) -> None:
    page = _page(demo_desk, qtbot)
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
    with demo_desk.read() as s:
        assert not s.scalars(select(Attendance).where(Attendance.participant_id == person)).all()
    assert shown.texts() == []


def test_the_name_column_sorts_by_family_name_when_known(desk: Desk, qtbot, tmp_path) -> None:  # noqa: ANN001
    from seminar_desk.services.participants.imports.commit import import_participants
    from seminar_desk.services.participants.imports.reading import read_participants

    path = tmp_path / "people.csv"
    path.write_text("First Name,Last Name\nAnna,Zuber\nZoe,Abel\nMark,Meier\n", encoding="utf-8")
    import_participants(desk, read_participants(path))
    page = _page(desk, qtbot)
    header = page.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_centre(header, 0))
    if header.sortIndicatorOrder() != Qt.SortOrder.AscendingOrder:
        qtbot.mouseClick(
            header.viewport(), Qt.MouseButton.LeftButton, pos=_section_centre(header, 0)
        )
    assert _names(page) == ["Zoe Abel", "Mark Meier", "Anna Zuber"]
    index = page.proxy.index(0, 0)  # renamed in its cell: still sorted by the family name
    page.table.setCurrentIndex(index)
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    editor = page.table.viewport().findChild(QLineEdit)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Zoe Zz")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop turn
    qtbot.waitUntil(lambda: "Zoe Zz" in _names(page))
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert _names(page) == ["Mark Meier", "Anna Zuber", "Zoe Zz"]
