"""Text enters the store composed (NFC) whichever way it came: typed through a service,
imported from a file, or already in a file made before migration 0008_nfc_text."""

import shutil
import sqlite3
import unicodedata
from pathlib import Path

from demo_facts import FIXTURES
from sqlalchemy import select

from seminar_desk.services.agenda import AgendaService
from seminar_desk.services.agenda.imports.commit import import_agenda
from seminar_desk.services.agenda.imports.registry import read_agenda
from seminar_desk.services.desk import Desk
from seminar_desk.services.notes.search import SearchService
from seminar_desk.services.notes.service import NotesService, NoteTarget
from seminar_desk.services.participants.service import ParticipantService
from seminar_desk.services.seminar import SeminarService
from seminar_desk.store.database import Database
from seminar_desk.store.models import AgendaItem, Note, Participant, Seminar

NAME = "Nguyễn Văn Đức"
NFD = unicodedata.normalize("NFD", NAME)


def test_the_decomposed_name_really_differs() -> None:
    assert NFD != NAME and len(NFD) > len(NAME)  # else every test below proves nothing


def test_typed_text_is_stored_composed_and_undo_still_applies(desk: Desk) -> None:
    people = ParticipantService(desk)
    person = people.add(NFD, function=f"Chef de {NFD}").id
    with desk.read() as s:
        row = s.get(Participant, person)
        assert row is not None and (row.name, row.function) == (NAME, f"Chef de {NAME}")
    people.update(person, name=f"{NFD} Jr")
    with desk.read() as s:
        assert s.scalars(select(Participant.name)).one() == f"{NAME} Jr"
    desk.undo()  # the recorded images are the composed text: the step still applies
    with desk.read() as s:
        assert s.scalars(select(Participant.name)).one() == NAME


def test_text_typed_into_the_agenda_and_notes_is_composed(demo_desk: Desk) -> None:
    agenda = AgendaService(demo_desk)
    day = agenda.days()[0].id
    item = agenda.add_item(day, title=f"Phiên họp {NFD}").id
    assert agenda.item(item).title == f"Phiên họp {NAME}"
    SeminarService(demo_desk).update(venue=unicodedata.normalize("NFD", "Khách sạn Hà Nội"))
    NotesService(demo_desk).save_note(NoteTarget(item_id=item), "summary", f"{NFD} nói.")
    with demo_desk.read() as s:
        assert s.scalars(select(Seminar.venue)).one() == "Khách sạn Hà Nội"
        assert s.scalars(select(Note.body).where(Note.item_id == item)).one() == f"{NAME} nói."


def test_an_imported_agenda_is_stored_composed(desk: Desk, tmp_path: Path) -> None:
    path = tmp_path / "agenda.csv"
    path.write_text(
        "Day;Begin;Length;Session;Type;Venue;Moderator\n"
        f"2027-03-01;09:00;30;Khai mạc {NFD};plenary;Phòng A;{NFD}\n",
        encoding="utf-8",
    )
    import_agenda(desk, read_agenda(path))
    with desk.read() as s:
        assert s.scalars(select(AgendaItem.title)).one() == f"Khai mạc {NAME}"
        assert s.scalars(select(Participant.name)).all() == [NAME]


def test_search_finds_duc_typed_either_way(demo_desk: Desk) -> None:
    notes = NotesService(demo_desk)
    item = AgendaService(demo_desk).day(AgendaService(demo_desk).days()[0].id).items[0].id
    notes.save_note(NoteTarget(item_id=item), "summary", "Ông Đức (typed composed) spoke.")
    notes.save_note(NoteTarget(item_id=item), "discussion", f"Ông {NFD} (typed decomposed).")
    search = SearchService(demo_desk)
    for query in ("Đức", unicodedata.normalize("NFD", "Đức"), "duc"):
        sections = {h.section for h in search.search(query) if h.item_id == item}
        assert sections >= {"summary", "discussion"}, query


def test_the_migration_composes_the_rows_of_an_older_file(tmp_path: Path) -> None:
    """A file of the 0005 release with decomposed text in several tables: opened with
    today's code, every text is composed and no modification time moves."""
    path = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURES / "released-0005_notes.sqlite", path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE seminar SET venue = ?", (NFD,))
        conn.execute("UPDATE participant SET name = ?, function = ?", (NFD, f"Bà {NFD}"))
        conn.execute("UPDATE note SET body = ?", (f"{NFD} nói.",))
        stamps = conn.execute("SELECT id, updated_at FROM participant").fetchall()
    conn.close()

    db = Database.open(path)
    try:
        with db.sessions() as s:
            assert s.scalars(select(Seminar.venue)).one() == NAME
            person = s.scalars(select(Participant)).one()
            assert (person.name, person.function) == (NAME, f"Bà {NAME}")
            assert s.scalars(select(Note.body)).one() == f"{NAME} nói."
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT id, updated_at FROM participant").fetchall() == (
                stamps
            )
            texts = conn.exec_driver_sql("SELECT name FROM participant").scalars().all()
            assert texts == [NAME]  # the raw row, not only what the ORM hands out
    finally:
        db.close()
