"""Snapshots for reports: one read, local times, speech durations without pauses."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from seminar_desk.domain.agenda.timing import format_minutes
from seminar_desk.services.reporting.report_data import (
    load_snapshot,
    report_choices,
    snapshot_of_file,
)
from seminar_desk.store.models import (
    AgendaItem,
    Participant,
    Recommendation,
    SpeakerEntry,
    SpeechPause,
)


def test_demo_snapshot(demo_desk) -> None:
    snap = load_snapshot(demo_desk)
    assert snap.details.city == "Phnom Penh"
    assert [d.number for d in snap.days] == [1, 2]
    assert [i.number for i in snap.days[0].items][:3] == ["1.1", "1.2", "1.3"]
    tour = next(i for i in snap.items() if i.kind == "tour_de_table")
    assert len(tour.speeches) == 14
    first = tour.speeches[0]
    assert first.started is not None and first.started.utcoffset() == timedelta(hours=7)
    assert first.started.strftime("%H:%M") == "15:02"  # Phnom Penh time, as typed in the demo
    assert first.duration_s == 305
    assert first.capacity_label == "On behalf of ASEAN"
    assert [s.started for s in tour.speeches] == sorted(s.started for s in tour.speeches)
    groups = [g for i in snap.items() for g in i.groups]
    assert len(groups) == 3 and all(g.members for g in groups)
    assert snap.participants == tuple(sorted(snap.participants, key=lambda p: p.sort_key))
    assert any(p.days_present == frozenset({1, 2}) for p in snap.participants)


def test_duration_subtracts_pauses_and_running_speech_counts_to_now(demo_desk, clock) -> None:
    start = datetime(2026, 12, 19, 2, 0, tzinfo=UTC)
    with demo_desk.action("speech", undoable=False) as act:
        item = act.session.scalars(select(AgendaItem).where(AgendaItem.position == 0)).first()
        who = act.session.scalars(select(Participant)).first()
        done = SpeakerEntry(
            item=item,
            participant=who,
            status="done",
            started_at=start,
            ended_at=start + timedelta(minutes=5),
        )
        done.pauses = [
            SpeechPause(
                started_at=start + timedelta(minutes=1), ended_at=start + timedelta(minutes=2)
            ),
            SpeechPause(
                started_at=start + timedelta(minutes=3),
                ended_at=start + timedelta(minutes=3, seconds=30),
            ),
        ]
        act.session.add(done)
        running = SpeakerEntry(
            item=item, participant=who, status="paused", started_at=start + timedelta(minutes=10)
        )
        running.pauses = [SpeechPause(started_at=start + timedelta(minutes=11))]
        act.session.add(running)
        act.session.add(SpeakerEntry(item=item, participant=who, status="waiting"))
        item_id = item.id
    clock.set(start + timedelta(minutes=20))
    snap = load_snapshot(demo_desk)
    speeches = snap.item(item_id).speeches
    assert len(speeches) == 2  # the waiting request is no speech
    assert speeches[0].duration_s == 5 * 60 - 90
    assert speeches[1].duration_s == 60  # paused after one minute, still paused


def test_merged_recommendations_are_left_out(demo_desk) -> None:
    def texts_of(snap) -> list[str]:
        return [r.text for i in snap.items() for r in i.recommendations] + [
            r.text for i in snap.items() for g in i.groups for r in g.recommendations
        ]

    before = len(texts_of(load_snapshot(demo_desk)))
    with demo_desk.action("merge", undoable=False) as act:
        recs = act.session.scalars(select(Recommendation).order_by(Recommendation.position)).all()
        recs[1].merged_into_id = recs[0].id
        merged_text = recs[1].text
    texts = texts_of(load_snapshot(demo_desk))
    assert merged_text not in texts and len(texts) == before - 1


def test_snapshot_of_file_reads_beside_the_open_desk(demo_desk, demo_path: Path) -> None:
    snap = snapshot_of_file(demo_path, datetime.now(UTC))
    assert snap.file_name == demo_path.name
    assert len(snap.items()) == len(load_snapshot(demo_desk).items())


def test_a_report_worker_reads_the_open_seminar_where_it_lives(demo_desk) -> None:
    """The Reports page's worker reads what `db.target` names: the file, or the server's URL
    (a server seminar's `db.path` is only a name: reports once failed on "no such folder")."""
    snap = snapshot_of_file(demo_desk.db.target, datetime.now(UTC))
    assert snap.file_name == demo_desk.db.name
    assert len(snap.items()) == len(load_snapshot(demo_desk).items())


def test_choices(demo_desk) -> None:
    choices = report_choices(demo_desk)
    assert [n for n, _ in choices.days] == [1, 2]
    assert choices.items[7].label.startswith("1.8 Tour de table")
    assert {g.label[:7] for g in choices.groups} == {"Group A", "Group B", "Group C"}


def test_end_of_day_report_judges_actual_times_against_the_adopted_programme(
    demo_desk, clock
) -> None:
    """Re-planning live (F8) moves the current plan only; the report compares with the adopted."""
    import io

    from pypdf import PdfReader

    from seminar_desk.reports import ReportOptions, ReportRequest, build_report
    from seminar_desk.reports.common import planned_span, replanned_span, variance
    from seminar_desk.services.agenda import AgendaService

    agenda = AgendaService(demo_desk)
    day1 = agenda.days()[0].id
    opening, photo, session1 = agenda.day(day1).items[:3]  # 09:00, 09:45, 10:15 (adopted)
    agenda.start_item(opening.id)  # the clock starts at 09:00 in Phnom Penh
    clock.advance(30 * 60)
    agenda.end_item(opening.id)  # 15 minutes early
    agenda.replan(day1)  # F8 at 09:30: the photo moves to 09:30, session 1 to 10:00
    assert format_minutes(agenda.day(day1).items[1].start) == "09:30"
    clock.advance(5 * 60)
    agenda.start_item(photo.id)  # 09:35: ten minutes before its adopted 09:45

    snap = load_snapshot(demo_desk)
    items = {i.id: i for i in snap.items()}
    assert planned_span(items[photo.id]) == "09:45\u201310:15"
    assert variance(items[photo.id]) == "-10 min"  # not "+5 min" against the re-plan
    assert planned_span(items[session1.id]) == "10:15\u201311:15"
    assert replanned_span(items[session1.id]) == "10:00\u201311:00"
    pdf = build_report(snap, ReportRequest("day", day=1), ReportOptions()).pdf
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "09:45\u201310:15 09:35\u2013\u2026 -10 min" in text
    assert "09:00\u201309:45 09:00\u201309:30 on time" in text


def test_adopted_programme_follows_edits_until_the_day_goes_live(demo_desk, clock) -> None:
    from seminar_desk.services.agenda import AgendaService

    agenda = AgendaService(demo_desk)
    day1 = agenda.days()[0].id
    items = agenda.day(day1).items
    agenda.set_duration(items[1].id, 40)  # before the meeting: the adopted programme changes
    view = agenda.day(day1)
    assert format_minutes(view.items[2].planned_start) == "10:25"
    assert view.items[1].planned_duration_min == 40
    agenda.start_item(items[0].id)
    agenda.set_duration(items[1].id, 20)  # live: a re-plan, the adopted programme stays
    added = agenda.add_item(day1, after_id=items[1].id, title="Extra statement").id
    view = agenda.day(day1)
    assert view.items[1].planned_duration_min == 40 and view.items[1].duration_min == 20
    assert view.items[2].id == added and view.items[2].planned_start is None  # added on the day
    assert format_minutes(view.items[3].planned_start) == "10:25"
    snap = load_snapshot(demo_desk)
    extra = next(i for i in snap.items() if i.id == added)
    assert extra.adopted_start is None
