"""Several laptops on one server seminar: no typed text and no request for the floor is lost.

Each "laptop" is a Desk of its own (its own connections), in threads or in processes, on one
fresh database holding the demo seminar.
"""

import multiprocessing
import threading
from collections.abc import Callable

import pytest
from demo_facts import TOUR
from sqlalchemy import select

from seminar_desk.domain.kinds import NoteSection
from seminar_desk.services.desk import Desk
from seminar_desk.services.notes.autosave import NoteAutosaver
from seminar_desk.services.notes.journal import NoteJournal
from seminar_desk.services.notes.service import NoteConflict, NotesService, NoteTarget
from seminar_desk.services.speakers.service import SpeakersService
from seminar_desk.store.database import Database
from seminar_desk.store.models import AgendaItem, Participant, SpeakerEntry

SUMMARY = NoteSection.SUMMARY.value


def _target(desk: Desk) -> NoteTarget:
    with desk.read() as s:
        item = s.scalars(select(AgendaItem.id).where(AgendaItem.title == TOUR)).one()
    return NoteTarget(item_id=item)


def _append_lines(url: str, tag: str, count: int) -> None:
    """A rapporteur adding `count` lines to one note, reading it again after each conflict."""
    desk = Desk(Database.open(url))
    notes = NotesService(desk)
    target = _target(desk)
    try:
        written = 0
        while written < count:
            text = notes.page(target).sections[SUMMARY]
            body = f"{text.body}\n{tag}-{written}".lstrip("\n")
            try:
                notes.save_note(target, SUMMARY, body, tag, base_version=text.version)
            except NoteConflict:
                continue  # someone saved first: build on their text
            written += 1
    finally:
        desk.close()


def _run_all(
    workers: list[Callable[[], None]], start: Callable[[Callable[[], None]], object]
) -> None:
    handles = [start(w) for w in workers]
    for h in handles:
        h.join(60)  # type: ignore[attr-defined]


def test_a_note_saved_meanwhile_is_a_conflict_and_both_texts_are_kept(
    pg_demo_url: str, tmp_path
) -> None:
    mine, theirs = Desk(Database.open(pg_demo_url)), Desk(Database.open(pg_demo_url))
    try:
        target = _target(mine)
        saver = NoteAutosaver(NotesService(mine), journal=NoteJournal(tmp_path / "j", tmp_path))
        seen = NotesService(mine).page(target).sections[SUMMARY]
        saver.loaded(target, SUMMARY, seen.version)
        NotesService(theirs).save_note(target, SUMMARY, "Their summary.", "Them")
        saver.edit(target, SUMMARY, "My summary.")
        with pytest.raises(NoteConflict) as caught:
            saver.flush()
        assert caught.value.theirs == "Their summary."
        assert NotesService(mine).note_text(target, SUMMARY) == "Their summary."  # not replaced
        assert saver.pending_text(target, SUMMARY) == "My summary."  # still on screen
        both = saver.resolve(target, SUMMARY, "both")  # a line merge, each side's line marked
        assert both.splitlines() == [
            "[this laptop] My summary.",
            "[Them, another laptop] Their summary.",
        ]
        saver.flush()
        assert NotesService(theirs).note_text(target, SUMMARY) == both
    finally:
        mine.close()
        theirs.close()


def test_rapporteurs_in_threads_lose_no_line(pg_demo_url: str) -> None:
    workers = [lambda t=t: _append_lines(pg_demo_url, f"t{t}", 8) for t in range(4)]

    def start(work: Callable[[], None]) -> threading.Thread:
        thread = threading.Thread(target=work)
        thread.start()
        return thread

    _run_all(workers, start)
    desk = Desk(Database.open(pg_demo_url))
    try:
        lines = NotesService(desk).note_text(_target(desk), SUMMARY).splitlines()
    finally:
        desk.close()
    assert lines[0].startswith("Eleven States")  # the demo's summary stays first
    assert sorted(lines[1:]) == sorted(f"t{t}-{n}" for t in range(4) for n in range(8))


@pytest.mark.slow
def test_rapporteurs_in_processes_lose_no_line(pg_demo_url: str) -> None:
    context = multiprocessing.get_context("spawn")
    procs = [
        context.Process(target=_append_lines, args=(pg_demo_url, f"p{p}", 6)) for p in range(3)
    ]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(120)
        assert proc.exitcode == 0
    desk = Desk(Database.open(pg_demo_url))
    try:
        lines = NotesService(desk).note_text(_target(desk), SUMMARY).splitlines()
    finally:
        desk.close()
    assert lines[0].startswith("Eleven States")
    assert sorted(lines[1:]) == sorted(f"p{p}-{n}" for p in range(3) for n in range(6))


def _add_speakers(url: str, people: list[str]) -> None:
    desk = Desk(Database.open(url))
    try:
        service = SpeakersService(desk)
        item = next(i.id for i in service.items() if i.title == TOUR)
        for person in people:
            service.add(item, participant_id=person)
    finally:
        desk.close()


def _people(url: str, count: int) -> list[str]:
    desk = Desk(Database.open(url))
    try:
        with desk.read() as s:
            return list(s.scalars(select(Participant.id).order_by(Participant.name)).all()[:count])
    finally:
        desk.close()


def _waiting(url: str) -> list[tuple[str, float]]:
    desk = Desk(Database.open(url))
    try:
        with desk.read() as s:
            item = s.scalars(select(AgendaItem.id).where(AgendaItem.title == TOUR)).one()
            return list(
                s.execute(
                    select(SpeakerEntry.participant_id, SpeakerEntry.position).where(
                        SpeakerEntry.item_id == item, SpeakerEntry.status == "waiting"
                    )
                ).tuples()
            )
    finally:
        desk.close()


def test_two_chairs_adding_speakers_at_once_keep_one_order(pg_demo_url: str) -> None:
    people = _people(pg_demo_url, 24)
    shares = [people[n::3] for n in range(3)]
    threads = [threading.Thread(target=_add_speakers, args=(pg_demo_url, s)) for s in shares]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    waiting = _waiting(pg_demo_url)
    assert sorted(p for p, _ in waiting) == sorted(people)  # nobody lost, nobody twice
    assert len({position for _, position in waiting}) == len(people)  # no two in one place


@pytest.mark.slow
def test_chairs_in_processes_keep_one_order(pg_demo_url: str) -> None:
    people = _people(pg_demo_url, 16)
    context = multiprocessing.get_context("spawn")
    procs = [
        context.Process(target=_add_speakers, args=(pg_demo_url, people[n::2])) for n in range(2)
    ]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(120)
        assert proc.exitcode == 0
    waiting = _waiting(pg_demo_url)
    assert sorted(p for p, _ in waiting) == sorted(people)
    assert len({position for _, position in waiting}) == len(people)


def test_a_laptop_undoes_its_own_steps_not_what_another_changed_since(pg_demo_url: str) -> None:
    from seminar_desk.domain.refusal import Refusal
    from seminar_desk.services.seminar import SeminarService

    mine, theirs = Desk(Database.open(pg_demo_url)), Desk(Database.open(pg_demo_url))
    try:
        SeminarService(mine).update(venue="Mine")
        SeminarService(mine).update(city="My city")
        SeminarService(theirs).update(city="Their city")
        with pytest.raises(Refusal, match="changed meanwhile by someone else"):
            mine.undo()  # my city change: they changed the city since
        mine.undo()  # my venue change: nobody touched it since
        details = SeminarService(theirs).details()
        assert details is not None
        assert (details.city, details.venue) == (
            "Their city",
            "Bassac Ballroom, Sofitel Phnom Penh Phokeethra",
        )
        assert theirs.undo_label is not None  # their own history is theirs
    finally:
        mine.close()
        theirs.close()
