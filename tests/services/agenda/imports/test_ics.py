"""Calendar files as Outlook and web calendars write them: all-day events, repeats, escapes."""

from datetime import date
from pathlib import Path

import pytest

from seminar_desk.domain.agenda.timing import format_minutes
from seminar_desk.services.agenda import AgendaService
from seminar_desk.services.agenda.export import snapshot, to_ics
from seminar_desk.services.agenda.imports.commit import import_agenda, target_dates
from seminar_desk.services.agenda.imports.model import AgendaImportError
from seminar_desk.services.agenda.imports.registry import read_agenda
from seminar_desk.services.desk import Desk

HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft Corporation//Outlook 16.0//EN\r\n"
ZONE = "X-WR-TIMEZONE:Asia/Phnom_Penh\r\n"


def event(uid: str, summary: str, *lines: str) -> str:
    body = "".join(f"{line}\r\n" for line in lines)
    return f"BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:{summary}\r\n{body}END:VEVENT\r\n"


def calendar(tmp_path: Path, name: str, *events: str) -> Path:
    path = tmp_path / name
    path.write_text(HEAD + ZONE + "".join(events) + "END:VCALENDAR\r\n", encoding="utf-8")
    return path


OPENING = event(
    "o1",
    "Opening",
    "DTSTART;TZID=Asia/Phnom_Penh:20270303T090000",
    "DTEND;TZID=Asia/Phnom_Penh:20270303T100000",
)
CLOSING = event(
    "c1",
    "Closing",
    "DTSTART;TZID=Asia/Phnom_Penh:20270305T160000",
    "DTEND;TZID=Asia/Phnom_Penh:20270305T170000",
)


def test_an_all_day_event_is_skipped_with_a_warning_and_the_timed_ones_import(
    desk: Desk, tmp_path: Path
):
    arrival = event(
        "arr", "Arrival of participants", "DTSTART;VALUE=DATE:20270302", "DTEND;VALUE=DATE:20270303"
    )
    agenda = read_agenda(calendar(tmp_path, "outlook.ics", arrival, OPENING, CLOSING))
    assert [i.title for i in agenda.items] == ["Opening", "Closing"]
    assert agenda.warnings == (
        "outlook.ics, event 1 “Arrival of participants” (arr): an all-day event on Tuesday "
        "02 March 2027; skipped (agenda items have a start time: add it by hand if it belongs "
        "in the programme).",
    )
    assert f"Warning: {agenda.warnings[0]}" in agenda.preview_lines()
    import_agenda(desk, agenda)
    service = AgendaService(desk)
    assert [d.date for d in service.days()] == [date(2027, 3, 3), date(2027, 3, 5)]


def test_only_all_day_events_is_a_clear_refusal(tmp_path: Path):
    arrival = event("arr", "Arrival", "DTSTART;VALUE=DATE:20270302")
    with pytest.raises(AgendaImportError, match=r"only.ics: no timed events .*1 skipped"):
        read_agenda(calendar(tmp_path, "only.ics", arrival))


def test_a_broken_dtstart_names_the_file_and_the_event(tmp_path: Path):
    broken = event("b1", "Panel on borders", "DTSTART:2027030X090000", "DURATION:PT1H")
    with pytest.raises(AgendaImportError) as caught:
        read_agenda(calendar(tmp_path, "partner.ics", OPENING, broken))
    assert str(caught.value) == (
        "partner.ics, event 2 “Panel on borders” (b1), column DTSTART: expected a date and time "
        "such as 20261219T090000, found '2027030X090000'."
    )


def test_a_daily_coffee_break_repeats_within_the_files_dates(tmp_path: Path):
    coffee = event(
        "cof",
        "Coffee break",
        "DTSTART;TZID=Asia/Phnom_Penh:20270303T103000",
        "DURATION:PT15M",
        "RRULE:FREQ=DAILY",
        "EXDATE;TZID=Asia/Phnom_Penh:20270304T103000",
    )
    agenda = read_agenda(calendar(tmp_path, "repeat.ics", OPENING, CLOSING, coffee))
    coffees = [i for i in agenda.items if i.title == "Coffee break"]
    # 3 and 5 March: the 4th is an EXDATE, and the rule stops at the seminar's last day.
    assert [(i.date, format_minutes(i.start or 0), i.kind) for i in coffees] == [
        (date(2027, 3, 3), "10:30", "break"),
        (date(2027, 3, 5), "10:30", "break"),
    ]
    assert any("repeats outside the seminar's dates" in w for w in agenda.warnings)


def test_repeats_follow_the_seminars_dates_and_a_moved_occurrence(demo_desk: Desk, tmp_path: Path):
    within = target_dates(demo_desk)
    assert within == (date(2026, 12, 19), date(2026, 12, 20))
    briefing = event(
        "brf",
        "Morning briefing",
        "DTSTART;TZID=Asia/Phnom_Penh:20261218T080000",
        "DTEND;TZID=Asia/Phnom_Penh:20261218T083000",
        "RRULE:FREQ=DAILY;COUNT=5",
    )
    moved = event(
        "brf",
        "Morning briefing (moved)",
        "RECURRENCE-ID;TZID=Asia/Phnom_Penh:20261220T080000",
        "DTSTART;TZID=Asia/Phnom_Penh:20261220T073000",
        "DTEND;TZID=Asia/Phnom_Penh:20261220T080000",
    )
    agenda = read_agenda(
        calendar(tmp_path, "briefing.ics", briefing, moved), "Asia/Phnom_Penh", within
    )
    assert [(i.date, format_minutes(i.start or 0), i.title) for i in agenda.items] == [
        (date(2026, 12, 19), "08:00", "Morning briefing"),
        (date(2026, 12, 20), "07:30", "Morning briefing (moved)"),
    ]


def test_an_endless_repeat_without_other_dates_is_refused(tmp_path: Path):
    endless = event(
        "e", "Standup", "DTSTART:20270303T090000Z", "DURATION:PT15M", "RRULE:FREQ=WEEKLY"
    )
    with pytest.raises(
        AgendaImportError, match=r"endless.ics, event 1 “Standup” \(e\), column RRULE"
    ):
        read_agenda(calendar(tmp_path, "endless.ics", endless))


def test_escaped_text_of_our_properties_is_unescaped_and_written_escaped(
    demo_desk: Desk, tmp_path: Path
):
    ours = event(
        "x1@elsewhere",
        "Panel\\, with a comma",
        "DTSTART;TZID=Asia/Phnom_Penh:20261219T090000",
        "DURATION:PT1H",
        "X-SEMINAR-DESK-KIND:panel",
        "X-SEMINAR-DESK-CHAIR:Ana Lopes",
        "X-SEMINAR-DESK-SPEAKERS:Chea Sophal\\; Arjun Mehta",
        "DESCRIPTION:Chair: Ana Lopes\\n\\nSpeakers: Chea Sophal\\, Arjun Mehta\\n\\nReal text",
    )
    item = read_agenda(calendar(tmp_path, "ours.ics", ours)).items[0]
    assert item.title == "Panel, with a comma"
    assert item.speakers == ("Chea Sophal", "Arjun Mehta")
    assert item.description == "Real text"  # the lines our export adds are taken off
    data = to_ics(snapshot(demo_desk), demo_desk.clock.now())
    assert b"X-SEMINAR-DESK-SPEAKERS:Chea Sophal\\; Arjun Mehta" in data.replace(b"\r\n ", b"")


def test_a_title_names_the_kind_when_the_calendar_does_not(tmp_path: Path):
    lunch = event("l", "Lunch", "DTSTART:20270303T120000Z", "DURATION:PT1H")
    tea = event("t", "Tea break", "DTSTART:20270303T150000Z", "DURATION:PT15M")
    agenda = read_agenda(calendar(tmp_path, "kinds.ics", lunch, tea))
    assert [(i.title, i.kind) for i in agenda.items] == [("Lunch", "meal"), ("Tea break", "break")]
