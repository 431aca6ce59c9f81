"""Participants: every field editable, checked values, and nobody who did something deleted."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from seminar_desk.domain.clock import FakeClock
from seminar_desk.domain.refusal import Refusal
from seminar_desk.services.desk import Desk
from seminar_desk.services.participants.service import ParticipantService
from seminar_desk.store.models import AgendaItem, Note, Participant, SpeakerEntry


def _row(service: ParticipantService, person_id: str):
    return next(r for r in service.participants() if r.id == person_id)


def test_add_and_edit_every_field(desk: Desk) -> None:
    from seminar_desk.services.participants.delegations import DelegationService

    org = DelegationService(desk).add("Viet Nam", "VNM", "member_state").id
    service = ParticipantService(desk)
    added = service.add("Nguyễn Văn Đức", org, honorific="Mr.", role="speaker", gender="male")
    service.update(
        added.id,
        honorific="Dr.",
        name="Nguyễn Thị Lan",
        function="Director",
        role="rapporteur",
        gender="female",
        email="lan@example.vn",
        organisation_id=None,
    )
    row = _row(service, added.id)
    assert (row.honorific, row.name, row.function, row.role, row.gender, row.email) == (
        "Dr.",
        "Nguyễn Thị Lan",
        "Director",
        "rapporteur",
        "female",
        "lan@example.vn",
    )
    assert row.organisation_id is None
    desk.undo()
    row = _row(service, added.id)
    assert (row.name, row.organisation, row.organisation_code) == (
        "Nguyễn Văn Đức",
        "Viet Nam",
        "VNM",
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("role", "king", "Unknown role 'king'"),
        ("gender", "x", "Unknown gender 'x'"),
        ("email", "lan at example.vn", "e-mail address 'lan at example.vn' is not valid"),
        ("name", " ", "needs a name"),
    ],
)
def test_bad_values_are_refused(demo_desk: Desk, field: str, value: str, message: str) -> None:
    service = ParticipantService(demo_desk)
    person = service.participants()[0]
    with pytest.raises(Refusal, match=message):
        service.update(person.id, **{field: value})
    assert _row(service, person.id) == person


def test_search_key_covers_delegation_code_kind_role_and_gender(demo_desk: Desk) -> None:
    row = next(r for r in ParticipantService(demo_desk).participants() if r.name == "Chea Sophal")
    for word in ("chea", "cambodia", "khm", "host government", "chair", "male", "mfaic"):
        assert word in row.search_key


def test_someone_who_spoke_chaired_or_wrote_notes_is_never_deleted(demo_desk: Desk) -> None:
    service = ParticipantService(demo_desk)
    with demo_desk.read() as s:
        speaker = s.scalars(
            select(SpeakerEntry.participant_id).where(SpeakerEntry.status == "done")
        ).first()
        chair = s.scalars(
            select(AgendaItem.chair_id).where(AgendaItem.chair_id.is_not(None))
        ).first()
        name = s.get(Participant, speaker).name
    quiet = service.add("Quiet Observer").id
    with pytest.raises(Refusal) as refused:
        service.delete([quiet, speaker, chair])
    message = str(refused.value)
    assert message.startswith("Not deleted: ")
    assert f"{name} is on " in message and "list" in message
    assert "chairs" in message and "nobody was deleted" in message
    ids = {r.id for r in service.participants()}
    assert {quiet, speaker, chair} <= ids  # the whole step refused, the quiet one too
    service.delete([quiet])
    assert quiet not in {r.id for r in service.participants()}


def test_a_note_author_is_kept(demo_desk: Desk) -> None:
    from seminar_desk.services.notes.service import NotesService, NoteTarget

    service = ParticipantService(demo_desk)
    writer = service.add("Ms Rapporteur").id
    with demo_desk.read() as s:
        item_id = s.scalars(select(AgendaItem.id)).first()
    NotesService(demo_desk).save_note(
        NoteTarget(item_id=item_id), "discussion", "Typed", "Ms Rapporteur", writer
    )
    with pytest.raises(Refusal, match="Ms Rapporteur wrote a note"):
        service.delete([writer])
    with demo_desk.read() as s:
        assert s.scalars(select(Note).where(Note.author_id == writer)).one().body == "Typed"


def test_today_is_the_seminar_day_of_the_clock_in_the_seminar_zone(
    demo_desk: Desk, clock: FakeClock
) -> None:
    service = ParticipantService(demo_desk)
    days = service.days()
    clock.set(datetime.combine(days[1].date, datetime.min.time(), UTC))  # 07:00 in Phnom Penh
    assert service.today() == days[1]
    clock.set(datetime(2030, 1, 1, tzinfo=UTC))
    assert service.today() is None
