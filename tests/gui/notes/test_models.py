"""Every Qt model of the notes workspace passes the model tester with the demo's data, also
while it changes the way the page changes it (rows added, edited, moved, removed)."""

import dataclasses

import pytest

from seminar_desk.gui.notes.models import RowsModel
from seminar_desk.gui.notes.page import GROUPS_TAB, REGISTER_TAB, BreakoutsPage
from seminar_desk.services.notes.service import NoteTarget

pytestmark = pytest.mark.usefixtures("qsettings")


@pytest.fixture
def page(notes_page: BreakoutsPage) -> BreakoutsPage:
    return notes_page


def test_every_notes_model_passes_with_demo_data(page: BreakoutsPage, qtmodeltester) -> None:
    item = next(i.id for i in page.breakouts.items() if i.kind == "breakout")
    group = page.breakouts.groups(item)[0]
    page.open_group(group.id)
    page.tabs.setCurrentIndex(GROUPS_TAB)
    groups = page.groups
    assert groups.people_model.rowCount() > 20
    qtmodeltester.check(groups.people_model)
    groups.find.setText("an")  # the filter proxy, filtering
    assert 0 < groups.people_filter.rowCount() < groups.people_model.rowCount()
    qtmodeltester.check(groups.people_filter)

    page.tabs.setCurrentIndex(REGISTER_TAB)
    register = page.register
    assert register.model.rowCount() > 10
    qtmodeltester.check(register.model)
    register.select_filter(kind="recommendation")
    qtmodeltester.check(register.proxy)

    page.search.setText("customs")
    page.run_search()
    assert page.hits.rowCount() > 0
    qtmodeltester.check(page.hits)

    for panel in (page.editor.recommendations, page.editor.actions):
        assert panel.model.rowCount() > 0
        qtmodeltester.check(panel.model)


def test_rows_model_passes_while_rows_come_go_move_and_change(
    page: BreakoutsPage, qtmodeltester
) -> None:
    item = next(i.id for i in page.breakouts.items() if i.kind == "breakout")
    rows = [
        r
        for g in page.breakouts.groups(item)
        for r in page.notes.page(NoteTarget(group_id=g.id)).recommendations
    ]
    assert len(rows) >= 4
    model = RowsModel("recommendation", lambda *_: True)
    qtmodeltester.check(model)  # watches every later change
    model.set_rows(rows)
    a, b, c, d = rows[:4]
    model.set_rows([d, a, dataclasses.replace(b, status="noted"), c])  # moved and changed
    assert [r.id for r in model.rows] == [d.id, a.id, b.id, c.id]
    assert model.index(2, 2).data() == "Noted"
    model.set_rows([a, c])  # removed
    model.set_rows([])
    assert model.rowCount() == 0
