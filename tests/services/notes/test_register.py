"""The consolidated register of recommendations and action items, and merging duplicates."""

from seminar_desk.services.desk import Desk
from seminar_desk.services.notes.register import RegisterService


def test_register_lists_every_row_with_its_source(demo_desk: Desk) -> None:
    entries = RegisterService(demo_desk).entries()
    recs = [e for e in entries if e.kind == "recommendation"]
    groups = {e.group_name for e in recs if e.group_name}
    assert any(g.startswith("Group A") for g in groups)
    assert any(g.startswith("Group B") for g in groups)
    assert all(e.day_number in (1, 2) for e in entries)
    assert any(e.kind == "action" and e.due_date is not None for e in entries)
    assert [e.day_number for e in entries] == sorted(e.day_number for e in entries)


def test_merge_keeps_sources_and_is_undoable(demo_desk: Desk) -> None:
    register = RegisterService(demo_desk)
    recs = [e for e in register.entries() if e.kind == "recommendation"]
    a = next(e for e in recs if e.group_name.startswith("Group A"))
    b = next(e for e in recs if e.group_name.startswith("Group B"))
    plenary = next(e for e in recs if not e.group_name)
    register.merge("recommendation", a.id, [b.id])
    register.merge("recommendation", plenary.id, [a.id])  # a's children follow it
    after = {e.id: e for e in register.entries()}
    assert after[b.id].merged_into_id == plenary.id
    assert after[a.id].merged_into_id == plenary.id
    assert after[b.id].group_name == b.group_name  # the duplicate keeps its own source
    assert set(after[plenary.id].sources) == {plenary.place, a.place, b.place}
    demo_desk.undo()
    demo_desk.undo()
    assert all(e.merged_into_id is None for e in register.entries() if e.id in (a.id, b.id))
    register.merge("recommendation", a.id, [b.id])
    register.unmerge([("recommendation", b.id)])
    assert {e.id: e for e in register.entries()}[b.id].merged_into_id is None


def test_separating_several_merged_rows_is_one_undo_step(demo_desk: Desk) -> None:
    register = RegisterService(demo_desk)
    recs = [e for e in register.entries() if e.kind == "recommendation"]
    keep, b, c = recs[0], recs[1], recs[2]
    register.merge("recommendation", keep.id, [b.id, c.id])
    register.unmerge([("recommendation", b.id), ("recommendation", c.id)])
    after = {e.id: e for e in register.entries()}
    assert after[b.id].merged_into_id is None and after[c.id].merged_into_id is None
    demo_desk.undo()  # one step puts both back under the kept row
    after = {e.id: e for e in register.entries()}
    assert after[b.id].merged_into_id == keep.id and after[c.id].merged_into_id == keep.id
