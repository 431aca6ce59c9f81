"""Breakout groups by keys and clicks: an automatic split over groups that already have
members says what it changes and asks; refusals are shown through the GUI runner."""

import pytest
from PySide6.QtCore import Qt

from seminar_desk.gui.notes.page import GROUPS_TAB, BreakoutsPage

pytestmark = pytest.mark.usefixtures("qsettings")


@pytest.fixture
def page(notes_page: BreakoutsPage) -> BreakoutsPage:
    item = next(i.id for i in notes_page.breakouts.items() if i.kind == "breakout")
    notes_page.select("item", item)
    notes_page.tabs.setCurrentIndex(GROUPS_TAB)
    return notes_page


def members(page: BreakoutsPage) -> dict[str, set[str]]:
    item = page.groups.item_id
    assert item is not None
    return {g.name: {m.id for m in g.members} for g in page.breakouts.groups(item)}


def set_count(qtbot, page: BreakoutsPage, count: int) -> None:
    spin = page.groups.count
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(count))
    assert spin.value() == count


def test_split_over_groups_with_members_says_what_and_asks(
    page: BreakoutsPage, qtbot, answer_questions
) -> None:
    before = members(page)
    assert all(before.values())  # the demo's groups were filled in by hand
    answers = answer_questions(False, True)
    set_count(qtbot, page, 2)
    qtbot.mouseClick(page.groups.split_button, Qt.MouseButton.LeftButton)
    assert members(page) == before  # No: nothing moved
    question = answers.asked[0]
    assert "3 of these groups already have members" in question
    assert "into 2 groups" in question
    assert "Group C: Stockpile management and diversion prevention will have no members" in (
        question
    )
    assert "Undo" in question

    qtbot.mouseClick(page.groups.split_button, Qt.MouseButton.LeftButton)
    after = members(page)
    assert after != before and not after["Group C: Stockpile management and diversion prevention"]
    assert page.ctx.desk.undo_label and page.ctx.desk.undo_label.startswith("Split into 2")
    page.ctx.desk.undo()
    assert members(page) == before


def test_split_over_empty_groups_does_not_ask(page: BreakoutsPage, qtbot, answer_questions) -> None:
    for group in page.breakouts.groups(page.groups.item_id):
        page.breakouts.remove_members(group.id, [person.id for person in group.members])
    answers = answer_questions()
    qtbot.mouseClick(page.groups.split_button, Qt.MouseButton.LeftButton)
    assert answers.asked == []
    assert all(members(page).values())


def test_a_blank_group_name_is_refused_and_the_stored_name_shown(
    page: BreakoutsPage, qtbot, shown
) -> None:
    name = page.groups.name
    stored = page.groups.current_group().name
    name.setFocus()
    name.selectAll()
    qtbot.keyClick(name, Qt.Key.Key_Backspace)
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert shown.texts("refusal") == ["A breakout group needs a name: type one, or Undo."]
    assert shown.texts("error") == []
    assert name.text() == stored


def test_removing_several_members_is_undone_by_one_ctrl_z(page: BreakoutsPage, qtbot) -> None:
    group = page.groups.current_group()
    assert group is not None and len(group.members) >= 3
    before = members(page)
    view = page.groups.members
    view.setFocus()
    for row in range(3):
        rect = view.visualItemRect(view.item(row))
        qtbot.mouseClick(
            view.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.ControlModifier,
            rect.center(),
        )
    assert len(view.selectedItems()) == 3
    qtbot.mouseClick(page.groups.remove_button, Qt.MouseButton.LeftButton)
    assert len(members(page)[group.name]) == len(before[group.name]) - 3
    assert view.count() == len(before[group.name]) - 3
    assert page.ctx.desk.undo_label == "Remove from breakout group"

    page.groups.members.setFocus()
    qtbot.keyClick(page.window(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert members(page) == before
    qtbot.waitUntil(lambda: view.count() == len(before[group.name]))
    assert page.ctx.desk.undo_label != "Remove from breakout group"
