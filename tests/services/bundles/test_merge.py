"""Merging bundles between two copies of a seminar: added, changed on one side, changed on
both (a conflict to resolve), deleted; the same bundle twice changes nothing."""

from pathlib import Path

import pytest
from sqlalchemy import select

from seminar_desk.services.bundles import conflicts
from seminar_desk.services.bundles.export import export_bundle
from seminar_desk.services.bundles.scope import Scope
from seminar_desk.services.bundles.service import import_bundle, preview
from seminar_desk.services.desk import Desk
from seminar_desk.services.notes.service import NotesService, NoteTarget
from seminar_desk.store.models import AgendaItem, BreakoutGroup, Note, Recommendation


def _group(desk: Desk, n: int = 0) -> NoteTarget:
    with desk.read() as s:
        ids = s.scalars(select(BreakoutGroup.id).order_by(BreakoutGroup.name)).all()
    return NoteTarget(group_id=ids[n])


def _swap(a: Desk, b: Desk, tmp_path: Path, name: str, scope: Scope | None = None) -> str:
    """a's bundle into b; returns the preview lines as one text."""
    path = tmp_path / f"{name}.sdbundle"
    export_bundle(a, path, scope)
    return "\n".join(import_bundle(b, path).plan.lines())


def test_a_laptop_started_from_a_bundle_holds_the_seminar(laptops: tuple[Desk, Desk]) -> None:
    a, b = laptops
    for model in (AgendaItem, Note, Recommendation):
        with a.read() as s, b.read() as t:
            assert sorted(s.scalars(select(model.id)).all()) == sorted(
                t.scalars(select(model.id)).all()
            )
    with b.read() as t:
        assert t.scalars(select(Note.body).where(Note.body != "")).first()


def test_changed_on_one_side_is_taken_and_the_same_bundle_twice_changes_nothing(
    laptops: tuple[Desk, Desk], tmp_path: Path
) -> None:
    a, b = laptops
    target = _group(a)
    NotesService(a).save_note(target, "summary", "Typed on the facilitator's laptop")
    text = _swap(a, b, tmp_path, "a1", Scope(group=target.group_id))
    assert "notes: 1 changed" in text
    assert NotesService(b).note_text(target, "summary") == "Typed on the facilitator's laptop"
    again = import_bundle(b, tmp_path / "a1.sdbundle")
    assert not again.plan.changes_anything and again.changes.empty
    assert again.backup is None
    # and back: b has nothing new for a
    assert "Nothing to change" in _swap(b, a, tmp_path, "b1")


def test_changed_on_both_sides_keeps_both_until_resolved(
    laptops: tuple[Desk, Desk], tmp_path: Path
) -> None:
    a, b = laptops
    target = _group(a)
    NotesService(a).save_note(target, "summary", "Mine")
    NotesService(b).save_note(target, "summary", "Theirs")
    text = _swap(b, a, tmp_path, "b1")
    assert "1 in conflict" in text and "› Summary: changed here and in the bundle" in text
    assert NotesService(a).note_text(target, "summary") == "Mine"  # nothing replaced
    [view] = conflicts.list_conflicts(a)
    assert (view.mine, view.theirs, view.can_keep_both) == ("Mine", "Theirs", True)
    assert not import_bundle(a, tmp_path / "b1.sdbundle").plan.changes_anything
    conflicts.resolve(a, view.id, "theirs")
    assert NotesService(a).note_text(target, "summary") == "Theirs"
    assert conflicts.list_conflicts(a) == []
    # b gets the choice, with no conflict: its own version is in the resolved one's history
    text = _swap(a, b, tmp_path, "a2")
    assert "conflict" not in text
    assert conflicts.count(b) == 0


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        ("mine", "Mine"),
        ("theirs", "Theirs"),
        ("both", "[demo.sqlite] Mine\n[b.sqlite] Theirs"),
    ],
)
def test_each_choice_travels_back_without_a_new_conflict(
    laptops: tuple[Desk, Desk], tmp_path: Path, choice: str, expected: str
) -> None:
    a, b = laptops
    target = _group(a, 1)
    NotesService(a).save_note(target, "summary", "Mine")
    NotesService(b).save_note(target, "summary", "Theirs")
    _swap(b, a, tmp_path, "b1")
    _swap(a, b, tmp_path, "a1")  # b has the conflict too
    conflicts.resolve(a, conflicts.list_conflicts(a)[0].id, choice)
    _swap(a, b, tmp_path, "a2")
    for desk in (a, b):
        assert NotesService(desk).note_text(target, "summary") == expected
        assert conflicts.count(desk) == 0
    assert "Nothing to change" in _swap(b, a, tmp_path, "b2")


def test_keep_both_keeps_the_shared_lines_once_and_marks_where_the_others_came_from(
    laptops: tuple[Desk, Desk], tmp_path: Path
) -> None:
    a, b = laptops
    target = _group(a, 1)
    shared = "The group met at 14:00.\nCustoms described marking.\nEnd of discussion."
    NotesService(a).save_note(target, "summary", shared)
    _swap(a, b, tmp_path, "a0")
    NotesService(a).save_note(
        target, "summary", shared.replace("marking.", "marking.\nATT reporting came up."), "Dara"
    )
    NotesService(b).save_note(target, "summary", shared.replace("14:00", "14:05"), "Ana")
    _swap(b, a, tmp_path, "laptop-b")
    conflicts.resolve(a, conflicts.list_conflicts(a)[0].id, "both")
    assert NotesService(a).note_text(target, "summary").splitlines() == [
        "[Dara, demo.sqlite] The group met at 14:00.",
        "[Ana, b.sqlite] The group met at 14:05.",
        "Customs described marking.",
        "[Dara, demo.sqlite] ATT reporting came up.",
        "End of discussion.",
    ]


def test_new_notes_for_the_same_section_on_both_laptops_become_one(
    laptops: tuple[Desk, Desk], tmp_path: Path
) -> None:
    a, b = laptops
    with a.read() as s:
        used = set(s.scalars(select(Note.item_id).where(Note.item_id.is_not(None))))
        item = next(i for i in s.scalars(select(AgendaItem.id)) if i not in used)
    target = NoteTarget(item_id=item)
    NotesService(a).save_note(target, "summary", "A's summary")
    NotesService(b).save_note(target, "summary", "B's summary")
    assert "conflict" in _swap(b, a, tmp_path, "b1")
    [view] = conflicts.list_conflicts(a)
    assert (view.mine, view.theirs) == ("A's summary", "B's summary")
    conflicts.resolve(a, view.id, "both")
    assert (
        NotesService(a).note_text(target, "summary")
        == "[demo.sqlite] A's summary\n[b.sqlite] B's summary"
    )
    _swap(a, b, tmp_path, "a1")
    assert NotesService(b).note_text(target, "summary") == NotesService(a).note_text(
        target, "summary"
    )
    with b.read() as s:
        assert len(s.scalars(select(Note).where(Note.item_id == item)).all()) == 1


def test_deletions_travel_and_a_deleted_record_does_not_come_back(
    laptops: tuple[Desk, Desk], tmp_path: Path
) -> None:
    a, b = laptops
    with a.read() as s:
        rec_id = s.scalars(select(Recommendation.id)).first()
    NotesService(a).delete_outcomes("recommendation", [rec_id])
    assert "recommendations: 1 deleted" in _swap(a, b, tmp_path, "a1")
    with b.read() as s:
        assert s.get(Recommendation, rec_id) is None
    # b's older bundle (from before) does not bring it back
    assert "Nothing to change" in "\n".join(
        import_bundle(a, tmp_path / "start.sdbundle").plan.lines()
    )


def test_deleted_there_but_changed_here_is_a_conflict(
    laptops: tuple[Desk, Desk], tmp_path: Path
) -> None:
    a, b = laptops
    with a.read() as s:
        rec_id = s.scalars(select(Recommendation.id)).first()
    NotesService(a).delete_outcomes("recommendation", [rec_id])
    NotesService(b).update_outcome("recommendation", rec_id, text="Reworded on b")
    assert "changed here, deleted in the bundle" in _swap(a, b, tmp_path, "a1")
    with b.read() as s:
        assert s.get(Recommendation, rec_id).text == "Reworded on b"


def test_the_preview_changes_nothing(laptops: tuple[Desk, Desk], tmp_path: Path) -> None:
    a, b = laptops
    target = _group(a)
    NotesService(a).save_note(target, "summary", "New text")
    export_bundle(a, tmp_path / "a1.sdbundle")
    plan = preview(b, tmp_path / "a1.sdbundle")
    assert "notes: 1 changed" in "\n".join(plan.lines())
    assert NotesService(b).note_text(target, "summary") != "New text"


def test_a_day_bundle_carries_the_speaker_logs(laptops: tuple[Desk, Desk], tmp_path: Path) -> None:
    from seminar_desk.services.bundles import format as fmt

    a, _ = laptops
    export_bundle(a, tmp_path / "day.sdbundle", Scope(day=1))
    bundle = fmt.read(tmp_path / "day.sdbundle")
    tables = {r.table for r in bundle.records}
    assert "speaker_entry" in tables and "note" not in tables
    assert bundle.manifest["scope"]["label"] == "day 1 speaker logs"


def _every_row(desk: Desk) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, without the stamps an undo sets anew."""
    from seminar_desk.store.models import Base

    with desk.read() as s:
        return {
            t.name: sorted(
                (
                    tuple(v for k, v in r.items() if k not in ("updated_at", "version"))
                    for r in s.execute(select(t)).mappings()
                ),
                key=repr,
            )
            for t in Base.metadata.sorted_tables
        }


def test_an_import_is_one_undo_step_and_an_undone_import_can_be_merged_again(
    laptops: tuple[Desk, Desk], tmp_path: Path
) -> None:
    a, b = laptops
    changed, clashing = _group(a, 0), _group(a, 1)
    NotesService(a).save_note(clashing, "summary", "Mine")
    NotesService(b).save_note(clashing, "summary", "Theirs")
    NotesService(b).save_note(changed, "summary", "Changed in room B only")
    with b.action("Delete") as act:
        act.session.delete(act.session.scalars(select(Recommendation)).first())
    export_bundle(b, tmp_path / "b.sdbundle")
    a.clear_history()
    before = _every_row(a)
    first = import_bundle(a, tmp_path / "b.sdbundle")
    assert first.plan.updates and first.plan.deletes and first.plan.conflicts
    merged = _every_row(a)
    assert a.undo_label == "Import bundle b.sdbundle"
    a.undo()
    assert _every_row(a) == before  # rows, open conflicts and merge history, all as they were
    a.redo()
    assert _every_row(a) == merged
    a.undo()
    again = import_bundle(a, tmp_path / "b.sdbundle")  # not "nothing to change"
    assert "\n".join(again.plan.lines()) == "\n".join(first.plan.lines())
    assert NotesService(a).note_text(changed, "summary") == "Changed in room B only"
    # resolving is a step of its own: undone, the conflict is open again; then the merge
    merged = _every_row(a)
    conflicts.resolve(a, conflicts.list_conflicts(a)[0].id, "both")
    assert conflicts.count(a) == 0 and a.undo_label == "Resolve conflict"
    a.undo()
    assert _every_row(a) == merged
    a.undo()
    assert _every_row(a) == before
