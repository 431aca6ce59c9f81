"""When typed text is saved: after a pause, within half a second of continuous typing, and
never for a group that is gone."""

import pytest
from sqlalchemy import select

from seminar_desk.domain.clock import FakeClock
from seminar_desk.services.desk import Desk
from seminar_desk.services.notes.autosave import MAX_WAIT_S, PAUSE_S, NoteAutosaver
from seminar_desk.services.notes.breakouts import BreakoutService
from seminar_desk.services.notes.service import NotesService, NoteTarget, TargetGone
from seminar_desk.store.models import Note


def test_autosaver_saves_after_a_pause_or_after_max_wait(
    demo_desk: Desk, group_target: NoteTarget, clock: FakeClock
) -> None:
    notes = NotesService(demo_desk)
    saver = NoteAutosaver(notes, author=lambda: ("Priya", None))
    saver.edit(group_target, "summary", "A")
    assert not saver.due() and saver.wait_s() == pytest.approx(PAUSE_S)
    clock.advance(PAUSE_S)
    assert saver.due()
    saver.flush()
    assert not saver.dirty
    assert notes.note_text(group_target, "summary") == "A"
    # Continuous typing never pauses, but is still saved within MAX_WAIT_S.
    text = "A"
    elapsed = 0.0
    while not saver.due():
        text += "b"
        saver.edit(group_target, "summary", text)
        clock.advance(0.05)
        elapsed += 0.05
    assert elapsed <= MAX_WAIT_S + 0.05
    saver.flush()
    with demo_desk.read() as s:
        note = s.scalars(
            select(Note).where(Note.group_id == group_target.group_id, Note.section == "summary")
        ).one()
    assert (note.body, note.author_name) == (text, "Priya")


def test_idle_checkpoints_only_after_saves(
    demo_desk: Desk, group_target: NoteTarget, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = NotesService(demo_desk)
    calls: list[int] = []
    real = notes.checkpoint
    monkeypatch.setattr(notes, "checkpoint", lambda: (calls.append(1), real()))
    saver = NoteAutosaver(notes)
    saver.idle()
    assert calls == []
    saver.edit(group_target, "summary", "text")
    saver.idle()  # unsaved text: the save comes first
    assert calls == []
    saver.flush()
    saver.idle()
    saver.idle()
    assert calls == [1]


def test_text_for_a_deleted_group_is_refused_and_dropped(
    demo_desk: Desk, group_target: NoteTarget
) -> None:
    notes = NotesService(demo_desk)
    gid = (
        BreakoutService(demo_desk)
        .add_group(BreakoutService(demo_desk).group(group_target.group_id).item_id)
        .id
    )
    saver = NoteAutosaver(notes)
    saver.edit(NoteTarget(group_id=gid), "summary", "typed as the group was deleted")
    demo_desk.undo()  # the group disappears
    with pytest.raises(TargetGone):
        saver.flush()
    assert not saver.dirty and saver.last_error
