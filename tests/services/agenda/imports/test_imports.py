"""Agenda imports: each format, new vs existing seminars, and bad files that change nothing."""

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from demo_facts import FRAB
from sqlalchemy import func, select

from seminar_desk.domain.agenda.parse import parse_clock, parse_duration
from seminar_desk.domain.agenda.timing import format_minutes
from seminar_desk.services.agenda import AgendaService
from seminar_desk.services.agenda.export import export_agenda, snapshot, to_ics
from seminar_desk.services.agenda.imports.commit import import_agenda
from seminar_desk.services.agenda.imports.model import AgendaImportError
from seminar_desk.services.agenda.imports.registry import read_agenda
from seminar_desk.services.desk import Desk
from seminar_desk.services.seminar import SeminarService
from seminar_desk.store.models import AgendaItem, Day, Participant

CSV_TEXT = """\
Day;Begin;Length;Session;Type;Venue;Moderator;Panelists;Notes
2027-03-01;09:00;30;Opening;Opening;Hall A;Ana Lopes;;Welcome
2027-03-01;09:30;1:30;Panel on borders;panel;Hall A;Ana Lopes;Chea Sophal, Jo Smith;
2027-03-01;12:30;60;Lunch;lunch;Terrace;;;
2027-03-02;;45;Recap;plenary;Hall A;;;
2027-03-02;;90 min;Working groups;workshop;Room 1;;;
"""


def count(desk: Desk, model: type) -> int:
    with desk.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_parsers_accept_what_people_type():
    assert parse_clock("9:05") == 545 and parse_clock("9h30") == 570
    assert parse_clock("2:15 pm") == 855 and parse_clock(time(12, 30)) == 750
    assert parse_clock("25:00") is None and parse_clock("9") is None
    assert parse_duration("1:30") == 90 and parse_duration("1h30") == 90
    assert parse_duration("45 min") == 45 and parse_duration(2.0) == 2
    assert parse_duration("soon") is None


def test_csv_into_a_new_file_creates_the_seminar(desk: Desk, tmp_path: Path):
    path = write(tmp_path, "Borders Workshop.csv", CSV_TEXT)
    agenda = read_agenda(path)
    assert len(agenda.items) == 5
    assert "5 items over 2 days" in agenda.preview_lines()[0]
    summary = import_agenda(desk, agenda)
    assert summary.seminar_created and summary.days_created == 2
    details = SeminarService(desk).details()
    assert details.title == "Borders Workshop"
    assert (details.start_date, details.end_date) == (date(2027, 3, 1), date(2027, 3, 2))
    service = AgendaService(desk)
    day1, day2 = (service.day(d.id) for d in service.days())
    assert [format_minutes(i.start) for i in day1.items] == ["09:00", "09:30", "12:30"]
    assert [i.start_locked for i in day1.items] == [False, False, True]
    assert day1.items[1].duration_min == 90
    assert day1.items[1].chair_name == "Ana Lopes"
    assert [s.name for s in day1.items[1].speakers] == ["Chea Sophal", "Jo Smith"]
    assert day1.items[0].kind == "ceremony" and day1.items[2].kind == "meal"
    assert [format_minutes(i.start) for i in day2.items] == ["09:00", "09:45"]
    assert day2.items[1].kind == "breakout"


def test_csv_into_the_demo_adds_and_links_known_participants(demo_desk: Desk, tmp_path: Path):
    before = count(demo_desk, AgendaItem)
    people = count(demo_desk, Participant)
    text = CSV_TEXT.replace("2027-03-01", "2026-12-21").replace("2027-03-02", "2026-12-22")
    path = write(tmp_path, "extra.csv", text)
    summary = import_agenda(demo_desk, read_agenda(path, "Asia/Phnom_Penh"))
    assert not summary.seminar_created
    assert count(demo_desk, AgendaItem) == before + 5
    assert count(demo_desk, Participant) == people + 1  # Ana Lopes, the unknown chair
    assert SeminarService(demo_desk).details().title.startswith("Regional Seminar")
    service = AgendaService(demo_desk)
    days = service.days()
    assert [d.number for d in days] == [1, 2, 3, 4]
    panel = service.day(days[2].id).items[1]
    assert panel.speakers[0].participant_id is not None  # Chea Sophal is a demo participant
    assert panel.speakers[1].participant_id is None


def test_bad_time_in_row_3_names_file_row_and_column_and_imports_nothing(
    demo_desk: Desk, tmp_path: Path
):
    text = CSV_TEXT.replace("2027-03-01;09:30;1:30", "2027-03-01;half past nine;1:30")
    path = write(tmp_path, "broken.csv", text)
    before = count(demo_desk, AgendaItem)
    with pytest.raises(AgendaImportError) as err:
        read_agenda(path)
    message = str(err.value)
    assert "broken.csv, row 3, column Begin (B)" in message
    assert "expected a time such as 09:30" in message and "half past nine" in message
    assert count(demo_desk, AgendaItem) == before


def test_every_bad_row_is_listed(tmp_path: Path):
    text = CSV_TEXT.replace(";30;Opening", ";thirty;Opening").replace(
        "2027-03-02;;45", "2027-13-02;;45"
    )
    with pytest.raises(AgendaImportError) as err:
        read_agenda(write(tmp_path, "two.csv", text))
    assert len(err.value.problems) == 2
    assert "row 2, column Length (C)" in err.value.problems[0]
    assert "row 5, column Day (A)" in err.value.problems[1]


def test_missing_columns_are_named(tmp_path: Path):
    with pytest.raises(AgendaImportError, match=r"headers.*expected columns date, duration or end"):
        read_agenda(write(tmp_path, "h.csv", "Title,Room\nA,B\n"))


def test_unknown_kind_is_refused(tmp_path: Path):
    text = "date,start,duration,title,kind\n2027-03-01,09:00,30,Juggling,circus\n"
    with pytest.raises(AgendaImportError, match=r"row 2, column kind \(E\): expected one of"):
        read_agenda(write(tmp_path, "k.csv", text))


def test_xlsx_with_real_cell_types(desk: Desk, tmp_path: Path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["DATE", "Start Time", "End Time", "Title", "Kind", "Room", "Speakers"])
    sheet.append([datetime(2027, 5, 3), time(9, 0), time(10, 30), "Opening", "ceremony", "A", ""])
    sheet.append([date(2027, 5, 3), "10:45", "11:15", "Coffee", "coffee break", "", ""])
    sheet.append([date(2027, 5, 3), time(11, 15), time(12, 0), "Talk", "", "A", "X; Y"])
    path = tmp_path / "programme.xlsx"
    book.save(path)
    agenda = read_agenda(path)
    import_agenda(desk, agenda)
    service = AgendaService(desk)
    items = service.day(service.days()[0].id).items
    assert [(format_minutes(i.start), i.duration_min, i.kind) for i in items] == [
        ("09:00", 90, "ceremony"),
        ("10:45", 30, "break"),
        ("11:15", 45, "plenary"),
    ]
    assert items[1].start_locked and not items[2].start_locked


def test_bad_xlsx_cell_and_broken_workbook(tmp_path: Path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["date", "start", "duration", "title"])
    sheet.append([date(2027, 5, 3), time(9, 0), 30, "A"])
    sheet.append([date(2027, 5, 3), "nine", 30, "B"])
    path = tmp_path / "bad.xlsx"
    book.save(path)
    with pytest.raises(AgendaImportError, match=r"bad.xlsx, row 3, column start \(B\)"):
        read_agenda(path)
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a zip")
    with pytest.raises(AgendaImportError, match="junk.xlsx: not a readable XLSX"):
        read_agenda(junk)


ICS_TEXT = """\
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Test//EN
X-WR-CALNAME:Partner briefing
BEGIN:VTIMEZONE
TZID:America/New_York
BEGIN:STANDARD
DTSTART:19701101T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
UID:a1
DTSTAMP:20261201T000000Z
DTSTART;TZID=America/New_York:20261218T200000
DTEND;TZID=America/New_York:20261218T210000
SUMMARY:Briefing by video link
LOCATION:Room B
CATEGORIES:Meeting
ORGANIZER;CN=Chea Sophal:mailto:chea@example.org
END:VEVENT
BEGIN:VEVENT
UID:a2
DTSTAMP:20261201T000000Z
DTSTART:20261219T000000Z
DURATION:PT30M
SUMMARY:Coffee
CATEGORIES:Break
END:VEVENT
END:VCALENDAR
"""


def test_ics_times_are_converted_to_the_seminars_zone(demo_desk: Desk, tmp_path: Path):
    path = write(tmp_path, "partner.ics", ICS_TEXT)
    agenda = read_agenda(path, "Asia/Phnom_Penh")
    second, first = agenda.items
    # 20:00 in New York on 18 Dec (UTC-5) is 08:00 on 19 Dec in Phnom Penh (UTC+7).
    assert (first.date, first.start, first.duration_min) == (date(2026, 12, 19), 8 * 60, 60)
    assert first.chair == "Chea Sophal" and first.kind == "breakout" and first.room == "Room B"
    assert (second.start, second.duration_min, second.kind) == (7 * 60, 30, "break")
    import_agenda(demo_desk, agenda)
    service = AgendaService(demo_desk)
    titles = [i.title for i in service.day(service.days()[0].id).items]
    assert titles[-2:] == ["Coffee", "Briefing by video link"]


def test_ics_into_a_new_file_takes_its_zone(desk: Desk, tmp_path: Path):
    agenda = read_agenda(write(tmp_path, "partner.ics", ICS_TEXT))
    assert agenda.timezone == "America/New_York"
    import_agenda(desk, agenda)
    details = SeminarService(desk).details()
    assert details.title == "Partner briefing" and details.timezone == "America/New_York"
    service = AgendaService(desk)
    assert [format_minutes(i.start) for i in service.day(service.days()[0].id).items] == [
        "19:00",
        "20:00",
    ]


def test_bad_ics_files(tmp_path: Path):
    broken = ICS_TEXT.replace("DTSTART:20261219T000000Z", "DTSTART:2026121X")
    with pytest.raises(
        AgendaImportError,
        match=r"broken.ics, event 2 “Coffee” \(a2\), column DTSTART: expected a date and time",
    ):
        read_agenda(write(tmp_path, "broken.ics", broken))
    with pytest.raises(AgendaImportError, match="garbage.ics: not a readable iCalendar"):
        read_agenda(write(tmp_path, "garbage.ics", "hello\nworld"))


def test_frab_fixture_into_a_new_file(desk: Desk):
    agenda = read_agenda(FRAB)
    assert len(agenda.items) == 138 and agenda.title == "31. Chaos Communication Congress"
    import_agenda(desk, agenda)
    details = SeminarService(desk).details()
    assert details.start_date == date(2014, 12, 27) and details.end_date == date(2014, 12, 31)
    service = AgendaService(desk)
    days = service.days()
    assert [d.date for d in days] == [date(2014, 12, 27 + i) for i in range(4)]
    day1 = service.day(days[0].id)
    assert format_minutes(day1.items[0].start) == "11:00"
    assert day1.items[0].title == "31C3 Opening Event"
    assert day1.items[0].speaker_names == "erdgeist, Geraldine de Bastion"
    # Citizenfour starts at midnight: it stays on the day it started on, after 23:00.
    last = day1.items[-1]
    assert last.title == "Citizenfour" and format_minutes(last.start) == "00:00 (+1)"
    assert sum(len(service.day(d.id).items) for d in days) == 138
    # Talks in several rooms at once are parallel blocks, not collisions.
    assert not any("locked start" in w for d in days for w in service.day(d.id).warnings)


def test_frab_into_an_existing_seminar_is_converted_to_its_zone(demo_desk: Desk):
    agenda = read_agenda(FRAB, "Asia/Phnom_Penh")
    opening = agenda.items[0]
    assert (opening.date, format_minutes(opening.start)) == (date(2014, 12, 27), "17:00")
    days_before, items_before = count(demo_desk, Day), count(demo_desk, AgendaItem)
    # 2014 beside the demo's December 2026: the seminar would span twelve years.
    with pytest.raises(AgendaImportError, match=r"from 2014-12-27 to 2026-12-20 .4377 days."):
        import_agenda(demo_desk, agenda)
    assert (count(demo_desk, Day), count(demo_desk, AgendaItem)) == (days_before, items_before)
    for day in reversed(AgendaService(demo_desk).days()):
        AgendaService(demo_desk).delete_day(day.id)
    SeminarService(demo_desk).update(start_date=None, end_date=None)
    import_agenda(demo_desk, agenda)
    assert [d.number for d in AgendaService(demo_desk).days()] == [1, 2, 3, 4]


def test_broken_xml_names_line_and_column(tmp_path: Path):
    text = FRAB.read_text(encoding="utf-8")[:5000]
    with pytest.raises(
        AgendaImportError, match=r"cut.xml, line \d+, column \d+: expected well-formed"
    ):
        read_agenda(write(tmp_path, "cut.xml", text))
    bad = FRAB.read_text(encoding="utf-8").replace(
        "<duration>01:00</duration>", "<duration>long</duration>", 1
    )
    with pytest.raises(AgendaImportError, match=r"bad.xml, day 1, event 6571, column duration"):
        read_agenda(write(tmp_path, "bad.xml", bad))


def test_csv_and_ics_exports_round_trip(demo_desk: Desk, desk: Desk, tmp_path: Path):
    csv_path = tmp_path / "agenda.csv"
    assert export_agenda(demo_desk, "csv", csv_path) == 19
    import_agenda(desk, read_agenda(csv_path))
    original, copy = AgendaService(demo_desk), AgendaService(desk)
    for a, b in zip(original.days(), copy.days(), strict=True):
        left, right = original.day(a.id), copy.day(b.id)
        assert [(i.start, i.duration_min, i.title, i.kind) for i in left.items] == [
            (i.start, i.duration_min, i.title, i.kind) for i in right.items
        ]
    snap = snapshot(demo_desk)
    first = to_ics(snap, demo_desk.clock.now())
    assert first == to_ics(snapshot(demo_desk), demo_desk.clock.now())  # stable UIDs and all
    ics_path = tmp_path / "agenda.ics"
    ics_path.write_bytes(first)
    agenda = read_agenda(ics_path)
    assert agenda.timezone == "Asia/Phnom_Penh" and len(agenda.items) == 19
    assert first.count(b"BEGIN:VEVENT") == 19 and b"TZID=Asia/Phnom_Penh" in first
    item = snap.days[0].items[0]
    assert f"UID:{item.id}@seminar-desk".encode() in first
    assert agenda.items[0].chair == "Chea Sophal" and agenda.items[0].kind == "ceremony"


def test_a_zone_set_on_a_fresh_seminar_is_kept(desk: Desk, tmp_path: Path):
    from seminar_desk.services.agenda.imports.commit import target_zone

    SeminarService(desk).update(title="Briefing", timezone="Asia/Phnom_Penh")
    assert target_zone(desk) == "Asia/Phnom_Penh"
    agenda = read_agenda(write(tmp_path, "partner.ics", ICS_TEXT), target_zone(desk))
    import_agenda(desk, agenda)
    details = SeminarService(desk).details()
    assert details.timezone == "Asia/Phnom_Penh" and details.title == "Partner briefing"
    service = AgendaService(desk)
    assert format_minutes(service.day(service.days()[0].id).items[0].start) == "07:00"


def test_an_import_clears_undo_and_redo(demo_desk: Desk, tmp_path: Path):
    """An "Add day" undone before an import would, redone after it, clash with the imported
    day of the same number: the import clears the history instead."""
    agenda = AgendaService(demo_desk)
    agenda.update_day(agenda.days()[0].id, title="Opening day")
    agenda.add_day()
    demo_desk.undo()
    assert (demo_desk.undo_label, demo_desk.redo_label) == ("Edit day", "Add day")
    after = agenda.days()[-1].date + timedelta(days=1)
    text = CSV_TEXT.replace("2027-03-01", f"{after}").replace("2027-03-02", f"{after}")
    import_agenda(demo_desk, read_agenda(write(tmp_path, "extra.csv", text)))
    assert (demo_desk.undo_label, demo_desk.redo_label) == (None, None)
