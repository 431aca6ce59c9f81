"""Rapporteurs' notes: section texts read back as saved, and undoable structured rows."""

from datetime import date

import pytest
from sqlalchemy import select

from seminar_desk.domain.changes import Added, Area
from seminar_desk.domain.clock import FakeClock
from seminar_desk.services.desk import Desk
from seminar_desk.services.notes.service import NotesService, NoteTarget
from seminar_desk.store.models import BreakoutGroup, Note


def test_target_needs_exactly_one_place() -> None:
    with pytest.raises(ValueError):
        NoteTarget()
    with pytest.raises(ValueError):
        NoteTarget(item_id="a", group_id="b")


def test_saved_text_is_read_back_with_author_and_time(
    demo_desk: Desk, group_target: NoteTarget, clock: FakeClock
) -> None:
    notes = NotesService(demo_desk)
    changes = notes.save_note(
        group_target, "discussion", "Nguyễn Văn Đức: tracing", "Kenji"
    ).changes
    assert changes.touches(Area.NOTES)
    page = notes.page(group_target)
    text = page.sections["discussion"]
    assert text.body == "Nguyễn Văn Đức: tracing"
    assert text.author_name == "Kenji"
    assert text.updated_at == clock.now()
    # Typed text is not on the desk's undo stack: the editor has its own.
    assert demo_desk.undo_label != "Type notes"
    clock.advance(5)
    notes.save_note(group_target, "discussion", "Nguyễn Văn Đức: tracing requests", "Lina")
    again = notes.page(group_target).sections["discussion"]
    assert again.note_id == text.note_id  # one row per section, edited in place
    assert (again.author_name, again.updated_at) == ("Lina", clock.now())


def test_unchanged_or_empty_text_writes_nothing(demo_desk: Desk, group_target: NoteTarget) -> None:
    notes = NotesService(demo_desk)
    with demo_desk.action("Clear") as act:
        for n in act.session.scalars(select(Note).where(Note.group_id == group_target.group_id)):
            act.session.delete(n)
    assert notes.save_note(group_target, "summary", "").changes.empty
    notes.save_note(group_target, "summary", "x", "A")
    assert notes.save_note(group_target, "summary", "x", "A").changes.empty
    with pytest.raises(ValueError):
        notes.save_note(group_target, "not-a-section", "x")


def test_item_notes_are_not_mixed_with_group_notes(demo_desk: Desk) -> None:
    with demo_desk.read() as s:
        group = s.scalars(select(BreakoutGroup)).first()
        item_id = group.item_id
    notes = NotesService(demo_desk)
    notes.save_note(NoteTarget(item_id=item_id), "summary", "Item summary", "A")
    assert notes.page(NoteTarget(item_id=item_id)).sections["summary"].body == "Item summary"
    assert notes.page(NoteTarget(group_id=group.id)).sections["summary"].body != "Item summary"


def test_recommendations_and_actions_are_undoable_rows(
    demo_desk: Desk, group_target: NoteTarget
) -> None:
    notes = NotesService(demo_desk)
    before = len(notes.page(group_target).recommendations)
    rec_id = notes.add_outcome(
        "recommendation", group_target, text="Share data", addressee="ASEANAPOL", author_name="K"
    ).id
    notes.update_outcome("recommendation", rec_id, status="agreed", addressee="ASEAN member states")
    page = notes.page(group_target)
    assert len(page.recommendations) == before + 1
    row = page.recommendations[-1]
    assert (row.text, row.addressee, row.status) == ("Share data", "ASEAN member states", "agreed")
    demo_desk.undo()
    assert notes.page(group_target).recommendations[-1].status == "proposed"
    demo_desk.redo()
    assert notes.page(group_target).recommendations[-1].status == "agreed"
    with pytest.raises(ValueError):
        notes.update_outcome("recommendation", rec_id, status="maybe")
    with pytest.raises(TypeError):
        notes.update_outcome("recommendation", rec_id, colour="red")
    with pytest.raises(TypeError):  # an action item's field, not a recommendation's
        notes.add_outcome("recommendation", group_target, text="Share data", owner="UNODA")

    action_id = notes.add_outcome(
        "action", group_target, text="Circulate list", owner="UNODA", due_date=date(2027, 1, 31)
    ).id
    notes.update_outcome("action", action_id, status="done")
    assert notes.page(group_target).actions[-1].status == "done"
    notes.delete_outcomes("action", [action_id])
    assert all(a.id != action_id for a in notes.page(group_target).actions)
    demo_desk.undo()
    assert notes.page(group_target).actions[-1].due_date == date(2027, 1, 31)


def test_adding_a_row_returns_its_id_with_the_changes(
    demo_desk: Desk, group_target: NoteTarget
) -> None:
    notes = NotesService(demo_desk)
    rec = notes.add_outcome("recommendation", group_target, text="Share data", origin="panel")
    action = notes.add_outcome("action", group_target, text="Circulate list", origin="panel")
    for added, rows in (
        (rec, notes.page(group_target).recommendations),
        (action, notes.page(group_target).actions),
    ):
        assert isinstance(added, Added)
        assert added.changes.touches(Area.NOTES) and added.changes.origin == "panel"
        assert rows[-1].id == added.id
