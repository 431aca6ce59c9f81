"""The Delegations tab: a new seminar gets its States and organisations, each edit one step."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from seminar_desk.gui.bus import ChangeBus
from seminar_desk.gui.context import DeskContext
from seminar_desk.gui.participants.delegations_model import DelegationFilter, DelegationTableModel
from seminar_desk.gui.participants.page import ParticipantsPage
from seminar_desk.services.desk import Desk
from seminar_desk.services.participants.delegations import DelegationService
from seminar_desk.services.participants.service import ParticipantService
from seminar_desk.services.seminar import SeminarService


def _page(desk: Desk, qtbot) -> ParticipantsPage:  # noqa: ANN001
    page = ParticipantsPage(DeskContext(desk, ChangeBus(desk)))
    qtbot.addWidget(page)
    page.resize(1150, 640)
    with qtbot.waitExposed(page):
        page.show()
    page.tabs.setCurrentWidget(page.delegations)
    return page


def _codes(desk: Desk) -> dict[str, object]:
    return {d.code: d for d in DelegationService(desk).delegations()}


def _ok(dialog) -> None:  # noqa: ANN001
    box = dialog.findChild(QDialogButtonBox)
    qtbot_click = box.button(QDialogButtonBox.StandardButton.Ok)
    qtbot_click.click()


def test_models_pass_the_model_tester(demo_desk: Desk, qtmodeltester) -> None:
    model = DelegationTableModel(DelegationService(demo_desk))
    qtmodeltester.check(model)
    assert model.rowCount() == 23
    proxy = DelegationFilter()
    proxy.setSourceModel(model)
    proxy.set_text("asean")
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 11  # ten members and the ASEANAPOL secretariat


def test_a_new_seminar_adds_its_delegations_with_keys(desk: Desk, qtbot) -> None:
    SeminarService(desk).update(title="New seminar", start_date=date(2027, 3, 3))
    page = _page(desk, qtbot)
    tab = page.delegations
    assert tab.count.text() == "0 delegations"
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.name, "Lao People's Democratic Republic")
    qtbot.keyClicks(dialog.code, "LAO")
    qtbot.keyClicks(dialog.kind, "State")
    qtbot.keyClicks(dialog.new_groups, "ASEAN, ASEANAPOL")
    qtbot.keyClick(dialog.new_groups, Qt.Key.Key_Return)
    lao = _codes(desk)["LAO"]
    assert (lao.name, lao.kind, lao.groups) == (
        "Lao People's Democratic Republic",
        "member_state",
        ("ASEAN", "ASEANAPOL"),
    )
    assert desk.undo_label == "Add delegation Lao People's Democratic Republic"

    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    qtbot.keyClicks(dialog.name, "United Nations Office on Drugs and Crime")
    qtbot.keyClicks(dialog.kind, "UN")
    dialog.groups.setFocus()
    qtbot.keyClick(dialog.groups, Qt.Key.Key_Home)
    qtbot.keyClick(dialog.groups, Qt.Key.Key_Space)  # ticks ASEAN
    _ok(dialog)
    unodc = _codes(desk)["UNODC"]  # the code made from the name
    assert (unodc.kind, unodc.groups) == ("un_entity", ("ASEAN",))
    assert tab.count.text() == "2 delegations"
    assert [tab.proxy.index(r, 0).data() for r in range(2)] == ["LAO", "UNODC"]

    # The Participants tab offers them at once.
    page.tabs.setCurrentIndex(0)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    person = page.dialog
    qtbot.keyClicks(person.name, "Phoutthasone Sengdara")
    qtbot.keyClicks(person.delegation, "Lao")
    qtbot.keyClick(person.name, Qt.Key.Key_Return)
    [row] = ParticipantService(desk).participants()
    assert (row.name, row.organisation_code) == ("Phoutthasone Sengdara", "LAO")
    assert _codes(desk)["LAO"].participants == 1


def test_a_code_already_taken_is_refused_in_words(demo_desk: Desk, qtbot, shown) -> None:
    page = _page(demo_desk, qtbot)
    tab = page.delegations
    qtbot.keyClicks(tab.search, "thailand state")  # not NISEA, an NGO in Thailand
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog.name.text() == "Thailand"
    dialog.code.clear()
    qtbot.keyClicks(dialog.code, "vnm")
    _ok(dialog)
    assert shown.texts() == ["The code vnm is already used by Viet Nam."]
    assert "THA" in _codes(demo_desk)


def test_removing_a_delegation_in_use_offers_to_move_its_people(demo_desk: Desk, qtbot) -> None:
    page = _page(demo_desk, qtbot)
    tab = page.delegations
    before = _codes(demo_desk)
    qtbot.keyClicks(tab.search, "vnm")
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog.isVisible() and dialog.ok.text() == "Move and remove"
    text = dialog.findChildren(type(page.count))[0].text()
    assert text.startswith("Viet Nam (VNM) still has 3 participants and")
    assert not dialog.ok.isEnabled()  # nobody moves until a delegation is chosen
    qtbot.keyClicks(dialog.target, "Thai")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    after = _codes(demo_desk)
    assert "VNM" not in after
    assert after["THA"].participants == before["THA"].participants + before["VNM"].participants
    assert after["THA"].speeches == before["THA"].speeches + before["VNM"].speeches
    assert demo_desk.undo_label == "Merge Viet Nam into Thailand"
    demo_desk.undo()
    assert _codes(demo_desk)["VNM"] == before["VNM"]


def test_an_unused_delegation_is_removed_after_asking(demo_desk: Desk, qtbot, monkeypatch) -> None:
    DelegationService(demo_desk).add("Mongolia", "MNG", "member_state")
    page = _page(demo_desk, qtbot)
    tab = page.delegations
    asked: list[str] = []

    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    qtbot.keyClicks(tab.search, "mongolia")
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    assert asked == ["Remove Mongolia (MNG)? Edit › Undo (Ctrl+Z) brings it back."]
    assert "MNG" not in _codes(demo_desk)
    assert tab.count.text() == "0 of 23 delegations"


def test_merge_into_another_and_the_participants_tab_follows(demo_desk: Desk, qtbot) -> None:
    twin = DelegationService(demo_desk).add("Vietnam", "VN", "member_state").id
    ParticipantService(demo_desk).add("Trần Thị Hoa", twin)
    page = _page(demo_desk, qtbot)
    tab = page.delegations
    tab.select(twin)
    qtbot.mouseClick(tab.merge_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    qtbot.keyClicks(dialog.target, "Viet Nam")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert "VN" not in _codes(demo_desk)
    assert _codes(demo_desk)["VNM"].participants == 4
    page.tabs.setCurrentIndex(0)
    qtbot.keyClicks(page.search, "tran thi hoa")
    assert page.proxy.index(0, 1).data() == "Viet Nam"
