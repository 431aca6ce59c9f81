"""The version before a record's first local edit is kept (its merge history), once; a desk
that remembers which records have it still writes it again when an undo took it away."""

import pytest
from sqlalchemy import insert, select

from seminar_desk.services.bundles.records import dump_known
from seminar_desk.services.bundles.tracking import TRACKING
from seminar_desk.services.desk import Desk
from seminar_desk.services.participants.service import ParticipantService
from seminar_desk.services.row_changes import RowChange
from seminar_desk.store.models import Participant, SyncRecord


def _histories(desk: Desk, person: str) -> list[str]:
    with desk.read() as s:
        return list(s.scalars(select(SyncRecord.known).where(SyncRecord.record_id == person)).all())


def test_the_first_edit_keeps_the_version_before_it_and_later_edits_keep_it(desk: Desk) -> None:
    people = ParticipantService(desk)
    person = people.add("First name").id
    assert _histories(desk, person) == []
    people.update(person, name="Second name")
    first = _histories(desk, person)
    assert len(first) == 1
    people.update(person, name="Third name")
    people.update(person, name="Fourth name")
    assert _histories(desk, person) == first  # the base of the first edit, unchanged


def test_an_undone_merge_that_wrote_a_history_has_it_written_again_by_the_next_edit(
    desk: Desk,
) -> None:
    people = ParticipantService(desk)
    person = people.add("First name").id
    row = {"table_name": "participant", "record_id": person, "known": dump_known({"merged"})}
    with desk.action("Import bundle") as act:  # as a merge does: its history rows undo with it
        act.session.info[TRACKING] = False
        act.session.get_one(Participant, person).name = "Merged name"
        act.session.execute(insert(SyncRecord.__table__).values(row))
        act.also_undo = {("sync_record", ("participant", person)): RowChange(None, row)}
    people.update(person, name="Second name")  # the desk now knows the record has a history
    assert _histories(desk, person) == [row["known"]]
    desk.undo()  # the edit
    desk.undo()  # the merge, and the history it wrote
    assert _histories(desk, person) == []
    people.update(person, name="Third name")
    again = _histories(desk, person)
    assert len(again) == 1 and again != [row["known"]]


def test_a_history_written_by_an_action_that_failed_is_not_taken_as_known(desk: Desk) -> None:
    people = ParticipantService(desk)
    person = people.add("First name").id
    with pytest.raises(RuntimeError), desk.action("Edit, then fail") as act:
        act.session.get_one(Participant, person).name = "Changed"
        act.session.flush()  # its history row is written, then rolled back with the rest
        raise RuntimeError("refused")
    assert _histories(desk, person) == []
    people.update(person, name="Second name")
    assert len(_histories(desk, person)) == 1
