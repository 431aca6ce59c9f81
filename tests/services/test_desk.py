"""Undo/redo and change reporting of the Desk, on real rows of the demo seminar."""

from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from seminar_desk.domain.changes import Area
from seminar_desk.services.desk import Desk
from seminar_desk.store.database import Database
from seminar_desk.store.models import (
    AgendaItem,
    BreakoutGroup,
    Note,
    Participant,
    Recommendation,
    SpeakerEntry,
)


def count(desk: Desk, model: type) -> int:
    with desk.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_update_is_undone_and_redone(demo_desk: Desk) -> None:
    with demo_desk.read() as s:
        item_id, title = s.execute(select(AgendaItem.id, AgendaItem.title)).first()
    with demo_desk.action("Rename item") as act:
        act.session.get(AgendaItem, item_id).title = "Renamed <b>&"
    assert act.changes.areas == {Area.AGENDA}
    assert demo_desk.undo_label == "Rename item"

    undone = demo_desk.undo()
    assert undone.label == "Undo Rename item"
    with demo_desk.read() as s:
        assert s.get(AgendaItem, item_id).title == title
    demo_desk.redo()
    with demo_desk.read() as s:
        assert s.get(AgendaItem, item_id).title == "Renamed <b>&"


def test_deleting_an_item_and_everything_hanging_off_it_is_undone(demo_desk: Desk) -> None:
    with demo_desk.read() as s:
        group = s.scalars(select(BreakoutGroup)).first()
        item_id = group.item_id
    before = {m: count(demo_desk, m) for m in (AgendaItem, BreakoutGroup, Note, Recommendation)}
    with demo_desk.action("Delete item") as act:
        act.session.delete(act.session.get(AgendaItem, item_id))
    assert count(demo_desk, BreakoutGroup) < before[BreakoutGroup]
    assert {Area.AGENDA, Area.BREAKOUTS, Area.NOTES} <= act.changes.areas

    demo_desk.undo()
    after = {m: count(demo_desk, m) for m in before}
    assert after == before
    with demo_desk.read() as s:
        assert s.get(AgendaItem, item_id) is not None


def test_set_null_references_come_back(demo_desk: Desk) -> None:
    with demo_desk.read() as s:
        entry = s.scalars(
            select(SpeakerEntry).where(SpeakerEntry.participant_id.is_not(None))
        ).first()
        entry_id, person_id = entry.id, entry.participant_id
    with demo_desk.action("Remove participant") as act:
        act.session.delete(act.session.get(Participant, person_id))
    with demo_desk.read() as s:
        assert s.get(SpeakerEntry, entry_id).participant_id is None
    demo_desk.undo()
    with demo_desk.read() as s:
        assert s.get(SpeakerEntry, entry_id).participant_id == person_id
        assert s.get(Participant, person_id) is not None


def test_insert_is_undone_and_new_action_clears_redo(desk: Desk) -> None:
    from seminar_desk.services.seminar import SeminarService

    service = SeminarService(desk)
    service.update(title="First")
    service.update(title="Second")
    desk.undo()
    assert service.details().title == "First"
    assert desk.redo_label == "Edit seminar details"
    service.update(title="Third")
    assert desk.redo_label is None
    desk.undo()
    desk.undo()
    assert service.details() is None  # the row inserted by the first edit is gone


def test_failed_action_changes_nothing_and_records_no_undo(desk: Desk) -> None:
    from seminar_desk.services.seminar import SeminarService

    service = SeminarService(desk)
    service.update(title="Kept")
    seen = []
    desk.subscribe(seen.append)
    try:
        with desk.action("Broken"):
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert service.details().title == "Kept"
    assert desk.undo_label == "Edit seminar details"
    assert seen == []


def test_non_undoable_action_reports_changes(desk: Desk) -> None:
    seen = []
    desk.subscribe(seen.append)
    with desk.action("Autosave", undoable=False, origin="editor") as act:
        act.session.add(Note(body="typed"))
    assert act.changes.areas == {Area.NOTES}
    assert seen[0].origin == "editor"
    assert desk.undo_label is None


def test_undo_frees_unique_values_before_restoring_them(demo_desk: Desk) -> None:
    """Deleting day 1 and renumbering day 2 as day 1 is undone without a unique clash."""
    from seminar_desk.store.models import Day

    with demo_desk.read() as s:
        numbers = {d.id: d.number for d in s.scalars(select(Day))}
    first = next(i for i, n in numbers.items() if n == 1)
    second = next(i for i, n in numbers.items() if n == 2)
    with demo_desk.action("Remove day 1") as act:
        act.session.delete(act.session.get(Day, first))
        act.session.flush()
        act.session.get(Day, second).number = 1
    demo_desk.undo()
    with demo_desk.read() as s:
        assert {d.id: d.number for d in s.scalars(select(Day))} == numbers
        assert count(demo_desk, AgendaItem) == 19


def test_undo_restores_a_child_that_a_cascade_took(demo_desk: Desk) -> None:
    """An action adds a group and moves a note under it; undo deletes the group (whose cascade
    would take the note) and must still give the note back."""
    with demo_desk.read() as s:
        note = s.scalars(select(Note).where(Note.group_id.is_not(None))).first()
        note_id, old_group, item_id = (
            note.id,
            note.group_id,
            s.get(BreakoutGroup, note.group_id).item_id,
        )
    with demo_desk.action("New group") as act:
        group = BreakoutGroup(item_id=item_id, name="Group D")
        act.session.add(group)
        act.session.flush()
        act.session.get(Note, note_id).group_id = group.id
    demo_desk.undo()
    with demo_desk.read() as s:
        assert s.get(Note, note_id).group_id == old_group


def test_foreign_key_set_through_a_relationship_is_undone(demo_desk: Desk) -> None:
    with demo_desk.read() as s:
        groups = s.scalars(select(BreakoutGroup).order_by(BreakoutGroup.position)).all()
        note = s.scalars(select(Note).where(Note.group_id == groups[0].id)).first()
        note_id, first, second = note.id, groups[0].id, groups[1].id
    with demo_desk.action("Move note") as act:
        act.session.get(Note, note_id).group = act.session.get(BreakoutGroup, second)
    with demo_desk.read() as s:
        assert s.get(Note, note_id).group_id == second
    demo_desk.undo()
    with demo_desk.read() as s:
        assert s.get(Note, note_id).group_id == first
    demo_desk.redo()
    with demo_desk.read() as s:
        assert s.get(Note, note_id).group_id == second


def test_row_added_then_changed_in_one_action_is_undone_to_nothing(desk: Desk) -> None:
    with desk.action("Add and edit") as act:
        note = Note(body="first")
        act.session.add(note)
        act.session.flush()
        note.body = "second"
        act.session.flush()
        note_id = note.id
    desk.undo()
    with desk.read() as s:
        assert s.get(Note, note_id) is None
    desk.redo()
    with desk.read() as s:
        assert s.get(Note, note_id).body == "second"


def test_a_link_set_since_to_someone_else_stays_when_a_deletion_is_undone_and_redone(
    demo_desk: Desk,
) -> None:
    """A deleted person's speech loses its speaker (ON DELETE SET NULL); given since to another
    delegate, it stays theirs through undo and redo of the deletion: that later edit is no
    conflict and is never written over (undo refused it as "changed by someone else")."""
    with demo_desk.read() as s:
        entry = s.scalars(
            select(SpeakerEntry).where(SpeakerEntry.participant_id.is_not(None))
        ).first()
        entry_id, gone_id = entry.id, entry.participant_id
        other_id = s.scalars(select(Participant.id).where(Participant.id != gone_id)).first()
    with demo_desk.action("Remove participant") as act:
        act.session.delete(act.session.get(Participant, gone_id))
    with demo_desk.db.engine.begin() as conn:  # another laptop gives the speech to another
        table = SpeakerEntry.__table__
        conn.execute(update(table).where(table.c.id == entry_id).values(participant_id=other_id))
    demo_desk.undo()  # the deletion
    with demo_desk.read() as s:
        assert s.get(Participant, gone_id) is not None
        assert s.get(SpeakerEntry, entry_id).participant_id == other_id
    demo_desk.redo()
    with demo_desk.read() as s:
        assert s.get(Participant, gone_id) is None
        assert s.get(SpeakerEntry, entry_id).participant_id == other_id


def test_undo_keeps_later_autosaved_text_of_the_same_row(desk: Desk) -> None:
    """Undoing a structured edit restores only what that edit changed."""
    with desk.action("Add note", undoable=False) as act:
        note = Note(body="draft", section="summary")
        act.session.add(note)
        act.session.flush()
        note_id = note.id
    with desk.action("Move to key points") as act:
        act.session.get(Note, note_id).section = "key_points"
    with desk.action("Autosave", undoable=False, keep_history=True) as act:
        act.session.get(Note, note_id).body = "draft, then typed on"
    desk.undo()
    with desk.read() as s:
        row = s.get(Note, note_id)
        assert (row.section, row.body) == ("summary", "draft, then typed on")


def test_recorded_image_of_a_new_row_is_the_stored_row(desk: Desk) -> None:
    """Images of inserted rows come from the object (no read back): they must match the file,
    NULL columns included, or redo would write something else."""
    import sqlalchemy as sa

    with desk.action("Add note") as act:
        note = Note(body="x < y & z")  # item, group, author left unset (NULL)
        act.session.add(note)
    (((table, pk), change),) = desk._undo[-1].rows.items()
    with desk.db.engine.connect() as conn:
        stored = conn.execute(sa.select(Note.__table__).where(Note.__table__.c.id == pk[0]))
        assert change.after == dict(stored.mappings().one())
    assert change.before is None and table == "note"


def _note_bodies(desk: Desk, **where: str) -> list[str]:
    with desk.read() as s:
        query = select(Note.body).filter_by(**where).order_by(Note.section)
        return list(s.scalars(query))


def test_redo_of_an_added_item_brings_back_the_notes_typed_on_it(demo_desk: Desk) -> None:
    from seminar_desk.services.agenda import AgendaService
    from seminar_desk.services.notes.service import NotesService, NoteTarget

    agenda, notes = AgendaService(demo_desk), NotesService(demo_desk)
    item_id = agenda.add_item(agenda.days()[0].id, title="Side event").id
    notes.save_note(NoteTarget(item_id=item_id), "summary", "Typed during the side event")
    notes.save_note(NoteTarget(item_id=item_id), "key_points", "- one\n- two")
    typed = _note_bodies(demo_desk, item_id=item_id)
    assert typed == ["- one\n- two", "Typed during the side event"]
    demo_desk.undo()
    assert _note_bodies(demo_desk, item_id=item_id) == []
    redone = demo_desk.redo()
    assert Area.NOTES in redone.areas
    assert _note_bodies(demo_desk, item_id=item_id) == typed
    demo_desk.undo()  # and again, for as long as the person goes back and forth
    demo_desk.redo()
    assert _note_bodies(demo_desk, item_id=item_id) == typed


def test_redo_of_an_added_group_brings_back_the_notes_typed_on_it(demo_desk: Desk) -> None:
    from seminar_desk.services.notes.breakouts import BreakoutService
    from seminar_desk.services.notes.service import NotesService, NoteTarget

    breakouts, notes = BreakoutService(demo_desk), NotesService(demo_desk)
    item_id = next(i.id for i in breakouts.items())
    group_id = breakouts.add_group(item_id, "Group Z").id
    notes.save_note(NoteTarget(group_id=group_id), "summary", "Group Z agreed")
    demo_desk.undo()
    assert _note_bodies(demo_desk, group_id=group_id) == []
    demo_desk.redo()
    assert _note_bodies(demo_desk, group_id=group_id) == ["Group Z agreed"]


def test_redo_restores_links_that_an_undo_set_to_null(demo_desk: Desk) -> None:
    from seminar_desk.services.notes.service import NotesService, NoteTarget
    from seminar_desk.services.participants.service import ParticipantService

    people, notes = ParticipantService(demo_desk), NotesService(demo_desk)
    person_id = people.add("Ms Rapporteur").id
    with demo_desk.read() as s:
        item_id = s.scalars(select(AgendaItem.id)).first()
    target = NoteTarget(item_id=item_id)
    notes.save_note(target, "discussion", "Typed by her", "Ms Rapporteur", person_id)
    demo_desk.undo()
    with demo_desk.read() as s:
        note = s.scalars(select(Note).where(Note.body == "Typed by her")).one()
        assert note.author_id is None
    demo_desk.redo()
    with demo_desk.read() as s:
        note = s.scalars(select(Note).where(Note.body == "Typed by her")).one()
        assert note.author_id == person_id


def test_text_typed_on_a_restored_row_survives_redo_then_undo(demo_desk: Desk) -> None:
    """Undo of a deletion brings a note back; text typed on it then must come back after the
    redo (deletion again) is undone once more."""
    from seminar_desk.services.notes.service import NotesService, NoteTarget

    notes = NotesService(demo_desk)
    with demo_desk.read() as s:
        note = s.scalars(select(Note).where(Note.item_id.is_not(None))).first()
        item_id, section = note.item_id, note.section
    with demo_desk.action("Delete item") as act:
        act.session.delete(act.session.get(AgendaItem, item_id))
    demo_desk.undo()
    notes.save_note(NoteTarget(item_id=item_id), section, "Typed after the undo")
    demo_desk.redo()
    demo_desk.undo()
    assert notes.note_text(NoteTarget(item_id=item_id), section) == "Typed after the undo"


def test_a_redo_that_can_no_longer_apply_is_dropped_with_a_refusal(desk: Desk) -> None:
    """Another writer (a shared server) removed the seminar meanwhile: the redo is refused,
    nothing changes, and it is not offered again. (Day numbers are no longer a unique key, so
    another writer's day of the same number no longer makes a redo impossible.)"""
    import pytest
    import sqlalchemy as sa

    from seminar_desk.domain.refusal import Refusal
    from seminar_desk.services.agenda import AgendaService
    from seminar_desk.services.seminar import SeminarService
    from seminar_desk.store.models import Day, Seminar

    SeminarService(desk).update(title="S")
    agenda = AgendaService(desk)
    agenda.add_day()
    desk.undo()
    with desk.read() as s:
        seminar_id = s.scalars(select(Seminar.id)).one()
    with desk.db.engine.begin() as conn:  # the other writer
        conn.execute(sa.delete(Seminar.__table__).where(Seminar.id == seminar_id))
    assert desk.redo_label == "Add day"
    with pytest.raises(Refusal, match="Cannot redo “Add day”: seminar was deleted meanwhile"):
        desk.redo()
    assert desk.redo_label is None
    with desk.read() as s:
        assert list(s.scalars(select(Day))) == []


def test_an_undo_of_a_row_deleted_meanwhile_is_dropped_with_a_refusal(demo_desk: Desk) -> None:
    import pytest
    import sqlalchemy as sa

    from seminar_desk.domain.refusal import Refusal

    with demo_desk.read() as s:
        first, second = s.scalars(select(AgendaItem.id).limit(2)).all()
    with demo_desk.action("Rename first") as act:
        act.session.get(AgendaItem, first).title = "First"
    with demo_desk.action("Rename second") as act:
        act.session.get(AgendaItem, second).title = "Mine"
    with demo_desk.db.engine.begin() as conn:  # another writer deleted it
        table = AgendaItem.__table__
        conn.execute(sa.delete(table).where(table.c.id == second))
    with pytest.raises(Refusal, match="Cannot undo “Rename second”: agenda item was deleted"):
        demo_desk.undo()
    assert demo_desk.undo_label == "Rename first"  # the rest of the history still works
    with demo_desk.read() as s:
        assert s.get(AgendaItem, second) is None  # not brought back by a half undo
    demo_desk.undo()
    with demo_desk.read() as s:
        assert s.get(AgendaItem, first).title != "First"


def test_undoing_what_someone_else_changed_since_is_refused(demo_desk: Desk) -> None:
    """Undo is per person: another laptop's later edit of the same value is not undone."""
    import sqlalchemy as sa

    with demo_desk.read() as s:
        item_id = s.scalars(select(AgendaItem.id)).first()
    with demo_desk.action("Rename item") as act:
        act.session.get(AgendaItem, item_id).title = "Mine"
    with demo_desk.db.engine.begin() as conn:  # another writer renamed it too
        table = AgendaItem.__table__
        conn.execute(sa.update(table).where(table.c.id == item_id).values(title="Theirs"))
    from seminar_desk.domain.refusal import Refusal

    with pytest.raises(Refusal, match="changed meanwhile by someone else"):
        demo_desk.undo()
    with demo_desk.read() as s:
        assert s.get(AgendaItem, item_id).title == "Theirs"
    assert demo_desk.undo_label != "Rename item"  # taken off the list


def test_an_action_that_is_not_undoable_clears_the_history_and_says_so(desk: Desk) -> None:
    """Steps recorded before an import could clash with what it wrote (Anki does the same)."""
    from seminar_desk.services.seminar import SeminarService

    service = SeminarService(desk)
    service.update(title="First")
    service.update(title="Second")
    desk.undo()
    assert (desk.undo_label, desk.redo_label) == ("Edit seminar details",) * 2
    seen = []
    desk.subscribe(seen.append)
    with desk.action("Import", undoable=False) as act:
        act.session.add(Note(body="imported"))
    assert (desk.undo_label, desk.redo_label) == (None, None)
    assert [c.label for c in seen] == ["Import"]  # the Edit menu hears of it


def test_typed_text_keeps_the_history(desk: Desk) -> None:
    import pytest

    from seminar_desk.services.seminar import SeminarService

    service = SeminarService(desk)
    service.update(title="First")
    service.update(title="Second")
    desk.undo()
    with desk.action("Type notes", undoable=False, keep_history=True) as act:
        act.session.add(Note(body="typed"))
    assert (desk.undo_label, desk.redo_label) == ("Edit seminar details",) * 2
    with pytest.raises(ValueError), desk.action("Confused", keep_history=True):
        pass


def test_a_worker_desks_step_is_adopted_as_one_undo_step(demo_desk: Desk, tmp_path: Path) -> None:
    heard: list[str] = []
    demo_desk.subscribe(lambda changes: heard.append(changes.label))
    worker = Desk(demo_desk.db, demo_desk.clock)
    with worker.action("Rename on a worker") as act:
        act.session.scalars(select(Participant)).first().name = "Someone Else"
    assert demo_desk.undo_label is None and heard == []
    demo_desk.adopt(worker, act.changes)
    assert heard == ["Rename on a worker"] and worker.undo_label is None
    assert demo_desk.undo_label == "Rename on a worker"
    demo_desk.undo()
    with demo_desk.read() as s:
        renamed = select(Participant.name).where(Participant.name == "Someone Else")
        assert s.scalars(renamed).all() == []
    other = Desk(Database.open(tmp_path / "other.sqlite"))
    try:
        with pytest.raises(ValueError):
            demo_desk.adopt(other, act.changes)
    finally:
        other.close()


def test_undo_and_redo_give_back_the_times_rows_were_written(demo_desk: Desk, clock) -> None:
    """'Last written by ... at ...' names when the text was typed, not when it was undone."""
    from datetime import UTC, datetime

    from seminar_desk.services.notes.breakouts import BreakoutService
    from seminar_desk.services.notes.service import NotesService, NoteTarget

    notes, breakouts = NotesService(demo_desk), BreakoutService(demo_desk)
    item_id = next(i.id for i in breakouts.items() if i.kind == "breakout")
    gid = breakouts.add_group(item_id, "Group Z").id
    target = NoteTarget(group_id=gid)
    clock.set(datetime(2026, 12, 19, 3, 0, tzinfo=UTC))
    notes.save_note(target, "summary", "Typed at ten", "Kenji")
    typed = notes.page(target).sections["summary"]
    rec_id = notes.add_outcome(
        "recommendation", target, text="First wording", author_name="Lina"
    ).id
    was = notes.page(target).recommendations[0].updated_at
    notes.update_outcome("recommendation", rec_id, text="Second wording")
    edited = notes.page(target).recommendations[0].updated_at

    demo_desk.undo()  # the edit of the recommendation
    (rec,) = notes.page(target).recommendations
    assert (rec.text, rec.updated_at) == ("First wording", was)
    demo_desk.redo()
    (rec,) = notes.page(target).recommendations
    assert (rec.text, rec.updated_at) == ("Second wording", edited)

    breakouts.delete_group(gid)  # takes the typed note with it
    demo_desk.undo()  # puts it back as it was written: by Kenji at ten
    back = notes.page(target).sections["summary"]
    assert (back.body, back.author_name, back.updated_at) == (
        "Typed at ten",
        "Kenji",
        typed.updated_at,
    )
