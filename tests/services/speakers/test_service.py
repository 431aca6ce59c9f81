"""The list of speakers on the demo seminar: order, closed lists, pauses, restart, undo."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from demo_facts import AFTER_DEMO, TOUR
from sqlalchemy import select

from seminar_desk.domain.changes import Added, Area
from seminar_desk.domain.clock import FakeClock
from seminar_desk.domain.refusal import Refusal
from seminar_desk.domain.speakers.queue import ListClosed
from seminar_desk.domain.speakers.speaking_time import TimerPhase
from seminar_desk.services.desk import Desk
from seminar_desk.services.seminar import SeminarService
from seminar_desk.services.speakers.service import SpeakersService
from seminar_desk.store.database import Database
from seminar_desk.store.models import Organisation, Participant, SpeechPause

DELEGATIONS = ("BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM")




@pytest.fixture
def service(demo_desk: Desk, clock: FakeClock) -> SpeakersService:
    clock.set(AFTER_DEMO)
    return SpeakersService(demo_desk)


@pytest.fixture
def tour(service: SpeakersService) -> str:
    return next(i.id for i in service.items() if i.title == TOUR)


def org_id(desk: Desk, code: str) -> str:
    with desk.read() as s:
        return s.scalar(select(Organisation.id).where(Organisation.code == code))


def person_id(desk: Desk, name: str) -> str:
    with desk.read() as s:
        return s.scalar(select(Participant.id).where(Participant.name == name))


def add_delegations(service: SpeakersService, item: str, codes=DELEGATIONS) -> None:
    for code in codes:
        service.desk.clock.advance(1)
        service.add(item, organisation_id=org_id(service.desk, code))


def waiting_codes(service: SpeakersService, item: str) -> list[str]:
    return [row.delegation_code for row in service.snapshot(item).waiting]


def test_the_demo_tour_de_table_has_its_speeches_on_record(service, tour) -> None:
    snap = service.snapshot(tour)
    assert len(snap.history) == 14
    assert snap.current is None and snap.waiting == ()
    assert snap.history[0].elapsed_s == 305


def test_delegations_are_heard_in_order_and_a_point_of_order_goes_first(service, tour) -> None:
    add_delegations(service, tour)
    assert waiting_codes(service, tour) == list(DELEGATIONS)
    service.next_speaker(tour)
    service.desk.clock.advance(1)
    service.add(
        tour, participant_id=person_id(service.desk, "Tan Hui Ling"), speech_type="point_of_order"
    )
    service.add(tour, organisation_id=org_id(service.desk, "TLS"), speech_type="point_of_order")
    snap = service.snapshot(tour)
    assert snap.current.delegation_code == "BRN"
    assert [r.delegation_code for r in snap.waiting[:3]] == ["SGP", "TLS", "KHM"]
    assert snap.waiting[0].name == "Tan Hui Ling"
    assert snap.waiting[0].limit_s == 60
    service.next_speaker(tour)
    snap = service.snapshot(tour)
    assert snap.current.speech_type == "point_of_order"
    assert snap.history[-1].delegation_code == "BRN"


def test_a_delegation_speaks_on_behalf_of_its_group_with_the_group_limit(service, tour) -> None:
    service.add(tour, organisation_id=org_id(service.desk, "PHL"), capacity="group")
    row = service.snapshot(tour).waiting[0]
    assert row.on_behalf_of == "ASEAN"
    assert row.capacity_text == "On behalf of ASEAN"
    assert row.limit_s == 300 and row.name == "" and row.title == row.delegation


def test_a_closed_list_takes_only_points_of_order_until_reopened(service, tour) -> None:
    service.set_closed(tour, True)
    with pytest.raises(ListClosed):
        service.add(tour, organisation_id=org_id(service.desk, "THA"))
    service.add(tour, organisation_id=org_id(service.desk, "THA"), speech_type="point_of_order")
    assert service.snapshot(tour).closed
    service.set_closed(tour, False)
    service.add(tour, organisation_id=org_id(service.desk, "VNM"))
    assert waiting_codes(service, tour) == ["THA", "VNM"]


def test_rights_of_reply_wait_for_the_chair(service, tour) -> None:
    add_delegations(service, tour, ("BRN", "KHM"))
    service.add(tour, organisation_id=org_id(service.desk, "IDN"), speech_type="right_of_reply")
    snap = service.snapshot(tour)
    assert [r.delegation_code for r in snap.held] == ["IDN"]
    assert waiting_codes(service, tour) == ["BRN", "KHM"]
    service.call_replies(tour)
    assert waiting_codes(service, tour) == ["IDN", "BRN", "KHM"]
    assert service.snapshot(tour).held == ()


def test_pauses_are_recorded_and_left_out_of_the_speaking_time(service, tour, clock) -> None:
    add_delegations(service, tour, ("BRN", "KHM"))
    service.next_speaker(tour)
    clock.advance(100)
    service.toggle_pause(tour)
    clock.advance(40)
    snap = service.snapshot(tour)
    assert snap.current.status == "paused"
    assert snap.timer.elapsed(clock.monotonic()) == 100
    service.toggle_pause(tour)
    clock.advance(20)
    assert service.snapshot(tour).timer.elapsed(clock.monotonic()) == 120
    service.finish(tour)
    done = service.snapshot(tour).history[-1]
    assert done.elapsed_s == 120
    assert (done.ended_at - done.started_at).total_seconds() == 160
    with service.desk.read() as s:
        assert len(s.scalars(select(SpeechPause)).all()) == 1


def test_timer_colours_follow_the_clock(service, tour, clock) -> None:
    service.add(tour, organisation_id=org_id(service.desk, "LAO"))
    service.next_speaker(tour)
    snap = service.snapshot(tour)
    timer, mono = snap.timer, clock.monotonic()
    assert timer.limit_s == 180
    assert timer.phase(mono + 100) is TimerPhase.NORMAL
    assert timer.phase(mono + 160) is TimerPhase.WARNING
    assert timer.phase(mono + 180) is TimerPhase.OVERTIME
    assert timer.text(mono + 222) == "+0:42"


def test_a_speech_in_progress_survives_a_restart(demo_path: Path, clock: FakeClock) -> None:
    clock.set(AFTER_DEMO)
    desk = Desk(Database.open(demo_path), clock)
    service = SpeakersService(desk)
    tour = next(i.id for i in service.items() if i.title == TOUR)
    add_delegations(service, tour, ("BRN", "KHM"))
    service.next_speaker(tour)
    clock.advance(50)
    service.pause(tour)
    clock.advance(10)
    service.resume(tour)
    clock.advance(30)
    desk.close()

    # The app comes back later, with a monotonic clock that restarted from another origin.
    later = FakeClock(clock.now())
    later.advance(15)
    desk = Desk(Database.open(demo_path), later)
    try:
        service = SpeakersService(desk)
        assert service.live_item_id() == tour
        snap = service.snapshot(tour)
        assert snap.current.delegation_code == "BRN"
        assert snap.timer.running
        assert snap.timer.elapsed(later.monotonic()) == 50 + 30 + 15
        later.advance(5)
        assert snap.timer.elapsed(later.monotonic()) == 100
        assert snap.timer.text(later.monotonic()) == "1:20"
    finally:
        desk.close()


def test_monotonic_time_drives_the_timer_even_if_wall_time_jumps(service, tour, clock) -> None:
    service.add(tour, organisation_id=org_id(service.desk, "LAO"))
    service.next_speaker(tour)
    clock.advance(30)
    clock._now -= timedelta(minutes=5)  # the laptop's clock is corrected
    snap = service.snapshot(tour)
    assert snap.timer.elapsed(clock.monotonic()) == 30


def test_add_returns_the_new_entry_id_with_the_changes(service, tour) -> None:
    added = service.add(tour, organisation_id=org_id(service.desk, "LAO"))
    assert isinstance(added, Added) and added.changes.touches(Area.SPEAKERS)
    assert [(r.id, r.delegation_code) for r in service.snapshot(tour).waiting] == [
        (added.id, "LAO")
    ]


def test_withdraw_move_put_back_and_clear(service, tour) -> None:
    ids = {}
    for code in ("BRN", "KHM", "IDN", "LAO"):
        service.desk.clock.advance(1)
        ids[code] = service.add(tour, organisation_id=org_id(service.desk, code)).id
    service.withdraw(ids["KHM"])
    assert waiting_codes(service, tour) == ["BRN", "IDN", "LAO"]
    service.move(ids["LAO"], 0)
    assert waiting_codes(service, tour) == ["LAO", "BRN", "IDN"]
    service.next_speaker(tour)
    service.put_back(tour)  # called by mistake: back at the head, nothing on record
    snap = service.snapshot(tour)
    assert snap.current is None and waiting_codes(service, tour) == ["LAO", "BRN", "IDN"]
    assert snap.waiting[0].started_at is None
    service.next_speaker(tour)
    service.finish(tour)
    history = len(service.snapshot(tour).history)
    service.put_back(tour)  # finished but not done: asks again, the speech stays on record
    snap = service.snapshot(tour)
    assert len(snap.history) == history
    assert waiting_codes(service, tour) == ["LAO", "BRN", "IDN"]
    service.clear(tour)
    assert service.snapshot(tour).waiting == ()
    assert len(service.snapshot(tour).history) == history


def test_list_edits_are_undone_and_redone(service, tour) -> None:
    add_delegations(service, tour, ("BRN", "KHM"))
    service.next_speaker(tour)
    assert service.desk.undo_label == "Next speaker"
    service.desk.undo()
    assert service.snapshot(tour).current is None
    assert waiting_codes(service, tour) == ["BRN", "KHM"]
    service.desk.redo()
    assert service.snapshot(tour).current.delegation_code == "BRN"
    service.clear(tour)
    service.desk.undo()
    assert waiting_codes(service, tour) == ["KHM"]


def test_errors_leave_the_list_alone(service, tour) -> None:
    with pytest.raises(Refusal, match="Nobody is waiting"):
        service.next_speaker(tour)
    with pytest.raises(Refusal, match="Nobody has the floor"):
        service.finish(tour)
    with pytest.raises(Refusal):
        service.add(tour)
    with pytest.raises(Refusal, match="nothing to clear"):
        service.clear(tour)
    assert service.desk.undo_label is None


def test_put_back_takes_the_speech_the_last_action_ended_not_the_latest_time(
    service, tour, clock
) -> None:
    """A rehearsal on the demo before its dates (or a laptop clock set back): the demo's
    speeches end later by the clock than the one just finished."""
    clock.set(datetime(2026, 11, 30, 3, 0, tzinfo=UTC))
    add_delegations(service, tour, ("KHM", "THA"))
    service.next_speaker(tour)
    clock.advance(60)
    service.next_speaker(tour)  # ends KHM
    clock._now -= timedelta(minutes=10)  # the laptop's clock is corrected meanwhile
    service.finish(tour)  # ends THA, earlier by the clock than KHM
    service.put_back(tour)
    assert waiting_codes(service, tour) == ["THA"]
    service.desk.undo()
    assert waiting_codes(service, tour) == []


def test_a_right_of_reply_is_accorded_on_a_closed_list(service, tour) -> None:
    service.set_closed(tour, True)
    service.add(tour, organisation_id=org_id(service.desk, "THA"), speech_type="right_of_reply")
    assert [r.delegation_code for r in service.snapshot(tour).held] == ["THA"]


def test_already_waiting_names_the_same_person_or_delegation(service, tour) -> None:
    khm, vnm = org_id(service.desk, "KHM"), org_id(service.desk, "VNM")
    duc = person_id(service.desk, "Nguyễn Văn Đức")  # of Viet Nam
    assert service.already_waiting(tour, participant_id=None, organisation_id=khm) == []
    service.add(tour, organisation_id=khm)
    service.add(tour, participant_id=duc)
    assert service.already_waiting(tour, participant_id=None, organisation_id=khm) == [
        "Cambodia (KHM)"
    ]
    # Viet Nam has its minister waiting: the delegation asking again is the same speaker.
    assert service.already_waiting(tour, participant_id=None, organisation_id=vnm) == [
        "Nguyễn Văn Đức (VNM)"
    ]
    assert service.already_waiting(tour, participant_id=duc, organisation_id=vnm) == [
        "Nguyễn Văn Đức (VNM)"
    ]
    point = dict(participant_id=duc, organisation_id=vnm, speech_type="point_of_order")
    assert service.already_waiting(tour, **point) == []  # another kind of request
    service.next_speaker(tour)  # Cambodia speaks: no longer waiting
    assert service.already_waiting(tour, participant_id=None, organisation_id=khm) == []


def test_the_item_list_leaves_out_breaks_and_meals_and_marks_the_live_item(service) -> None:
    from seminar_desk.domain.kinds import takes_speakers
    from seminar_desk.services.agenda import AgendaService

    items = service.items()
    assert items and all(takes_speakers(i.kind) for i in items)
    assert not any(i.live for i in items) and service.live_item_id() is None
    agenda = AgendaService(service.desk)
    day = agenda.days()[0]
    view = agenda.day(day.id)
    pause = next(i for i in view.items if not takes_speakers(i.kind))
    plenary = next(i for i in view.items if takes_speakers(i.kind))
    agenda.start_item(plenary.id)
    assert [i.id for i in service.items() if i.live] == [plenary.id]
    assert service.live_item_id() == plenary.id
    agenda.start_item(pause.id)  # a break ends the plenary; no list follows a break
    assert service.live_item_id() is None


def test_candidates_cover_people_and_delegations(service) -> None:
    found = service.candidates()
    delegations = [c for c in found if c.participant_id is None]
    assert len(delegations) == 23
    assert any(c.search.startswith("nguyen van duc") for c in found)
    khm = next(c for c in delegations if "(KHM)" in c.text)
    assert "ASEAN" in khm.groups


def test_finishing_a_paused_speech_closes_its_pause(service, tour, clock) -> None:
    add_delegations(service, tour, ("MYS",))
    service.next_speaker(tour)
    clock.advance(70)
    service.pause(tour)
    clock.advance(300)
    service.finish(tour)
    done = service.snapshot(tour).history[-1]
    assert done.elapsed_s == 70
    with service.desk.read() as s:
        pause = s.scalars(select(SpeechPause)).one()
        assert pause.ended_at == done.ended_at


# -- speech-type limits set per seminar ----------------------------------------------------------


def limits_by_type(service: SpeakersService, item: str) -> dict[str, int]:
    snap = service.snapshot(item)
    return {(r.speech_type, r.capacity): r.limit_s for r in (*snap.waiting, *snap.held)}


def add_each_kind(service: SpeakersService, item: str) -> None:
    desk = service.desk
    for code, speech_type, capacity in (
        ("THA", "statement", "national"),
        ("PHL", "statement", "group"),
        ("SGP", "point_of_order", "national"),
        ("VNM", "right_of_reply", "national"),
        ("LAO", "question", "national"),
    ):
        desk.clock.advance(1)
        service.add(
            item, organisation_id=org_id(desk, code), speech_type=speech_type, capacity=capacity
        )


def test_the_seminars_limits_decide_each_kind_of_speech(service, tour, demo_desk) -> None:
    add_each_kind(service, tour)
    assert limits_by_type(service, tour) == {
        ("statement", "national"): 180,
        ("statement", "group"): 300,
        ("point_of_order", "national"): 60,
        ("right_of_reply", "national"): 120,
        ("question", "national"): 180,  # as a statement until the seminar sets one
    }
    seminar = SeminarService(demo_desk)
    seminar.update(speech_limits={"point_of_order": 45, "question": 90, "group_statement": 240})
    assert limits_by_type(service, tour) == {
        ("statement", "national"): 180,
        ("statement", "group"): 240,
        ("point_of_order", "national"): 45,
        ("right_of_reply", "national"): 180,  # left out: speaks as a statement
        ("question", "national"): 90,
    }
    # The item's own limit is the statement's; a group statement never gets less.
    service.set_item_limit(tour, 300)
    assert limits_by_type(service, tour)[("statement", "group")] == 300
    assert limits_by_type(service, tour)[("point_of_order", "national")] == 45
    demo_desk.undo()
    demo_desk.undo()
    assert seminar.details().speech_limits == {
        "point_of_order": 60,
        "right_of_reply": 120,
        "group_statement": 300,
    }


def test_the_countdown_runs_on_the_speech_types_limit(service, tour, demo_desk) -> None:
    SeminarService(demo_desk).update(speech_limits={"point_of_order": 30})
    service.add(
        tour, participant_id=person_id(demo_desk, "Tan Hui Ling"), speech_type="point_of_order"
    )
    service.next_speaker(tour)
    assert service.snapshot(tour).timer.limit_s == 30


def test_limits_out_of_range_are_refused(demo_desk) -> None:
    seminar = SeminarService(demo_desk)
    with pytest.raises(Refusal, match="Point of order: a limit of 1 second to 60 minutes"):
        seminar.update(speech_limits={"point_of_order": 7200})
    with pytest.raises(Refusal, match="unknown kind of speech 'filibuster'"):
        seminar.update(speech_limits={"filibuster": 60})


def test_the_list_of_a_deleted_item_is_gone(demo_desk: Desk) -> None:
    from seminar_desk.domain.refusal import Gone

    with pytest.raises(Gone, match="no longer in the file"):
        SpeakersService(demo_desk).snapshot("no-such-item")
