"""Speaking statistics per item, day and seminar, on the demo's speeches and new ones."""

from datetime import UTC, datetime

from demo_facts import TOUR
from sqlalchemy import select

from seminar_desk.services.speakers import stats
from seminar_desk.services.speakers.service import SpeakersService
from seminar_desk.store.models import AgendaItem, Day, Organisation


def tour_id(desk) -> str:
    with desk.read() as s:
        return s.scalar(select(AgendaItem.id).where(AgendaItem.title == TOUR))


def test_item_totals_by_delegation_kind_gender_and_type(demo_desk) -> None:
    result = stats.item_stats(demo_desk, tour_id(demo_desk))
    assert result.scope == "item" and result.title == TOUR
    assert result.speeches == 14
    assert (
        result.seconds
        == 305 + 415 + 290 + 375 + 280 + 340 + 45 + 300 + 330 + 295 + 350 + 385 + 265 + 240
    )
    by_code = {line.key: line for line in result.by_delegation}
    assert by_code["SGP"].speeches == 2 and by_code["SGP"].seconds == 45 + 295
    assert by_code["PHL"].speeches == 2 and by_code["PHL"].seconds == 305 + 330
    assert result.by_delegation[0].key == "PHL"  # 635 s over two speeches, the longest
    kinds = {line.key: line.speeches for line in result.by_kind}
    assert kinds["member_state"] == 12 and kinds["government_host"] == 1  # KHM hosts
    assert kinds["ngo"] == 1 and sum(kinds.values()) == 14
    assert sum(line.speeches for line in result.by_gender) == 14
    assert {line.label for line in result.by_type} == {"Statement", "Point of order"}


def test_day_and_seminar_include_every_item(demo_desk) -> None:
    with demo_desk.read() as s:
        days = s.scalars(select(Day).order_by(Day.number)).all()
        day_ids = [d.id for d in days]
    seminar = stats.seminar_stats(demo_desk)
    per_day = [stats.day_stats(demo_desk, d) for d in day_ids]
    assert sum(d.speeches for d in per_day) == seminar.speeches
    assert sum(d.seconds for d in per_day) == seminar.seconds
    assert per_day[0].title.startswith("Day 1")


def test_new_speech_counts_net_of_pauses_and_a_delegation_without_a_person(
    demo_desk, clock
) -> None:
    clock.set(datetime(2026, 12, 19, 9, 30, tzinfo=UTC))
    service = SpeakersService(demo_desk)
    item = tour_id(demo_desk)
    with demo_desk.read() as s:
        tls = s.scalar(select(Organisation.id).where(Organisation.code == "TLS"))
    before = stats.item_stats(demo_desk, item)
    service.add(item, organisation_id=tls)
    service.next_speaker(item)
    clock.advance(60)
    service.pause(item)
    clock.advance(600)
    service.resume(item)
    clock.advance(30)
    service.finish(item)
    after = stats.item_stats(demo_desk, item)
    assert after.speeches == before.speeches + 1
    assert after.seconds == before.seconds + 90
    log = stats.speech_log(demo_desk, item_id=item)
    assert log[-1].speaker == "" and log[-1].delegation_code == "TLS" and log[-1].seconds == 90
    unrecorded = {line.key: line for line in after.by_gender}[""]
    assert unrecorded.label == "Not recorded"
