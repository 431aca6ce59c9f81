"""`seminar-desk export agenda`: ICS and CSV files from the demo seminar."""

from pathlib import Path

from seminar_desk.cli.main import main


def test_export_ics_and_csv(demo_path: Path, tmp_path: Path, capsys):
    ics = tmp_path / "agenda.ics"
    assert (
        main(["export", "agenda", "--format", "ics", "-o", str(ics), "--db", str(demo_path)]) == 0
    )
    assert "wrote 19 agenda items" in capsys.readouterr().out
    text = ics.read_text()
    assert text.count("BEGIN:VEVENT") == 19 and "BEGIN:VTIMEZONE" in text
    assert "DTSTART;TZID=Asia/Phnom_Penh:20261219T090000" in text
    csv_path = tmp_path / "agenda.csv"
    assert main(["export", "agenda", "-o", str(csv_path), "--db", str(demo_path)]) == 0
    lines = csv_path.read_text().splitlines()
    assert lines[0].startswith("date,start,end,duration,title")
    assert lines[1].startswith("2026-12-19,09:00,09:45,45,Registration and opening ceremony")


def test_export_needs_an_existing_file(tmp_path: Path, capsys):
    out = tmp_path / "a.ics"
    assert main(["export", "agenda", "-o", str(out), "--db", str(tmp_path / "none.sqlite")]) == 2
    assert not out.exists()


def test_an_item_that_ran_long_ends_in_the_calendar_when_it_ended(demo_desk, clock):
    """ICS and CSV agree with the agenda: 09:00-09:57 for an opening planned for 45 minutes."""
    from seminar_desk.services.agenda import AgendaService
    from seminar_desk.services.agenda.export import snapshot, to_csv, to_ics

    service = AgendaService(demo_desk)
    day = service.days()[0].id
    opening = service.day(day).items[0]
    service.start_item(opening.id)  # the test clock starts at 09:00 in Phnom Penh
    clock.advance(57 * 60)
    service.end_item(opening.id)
    snap = snapshot(demo_desk)
    text = to_ics(snap, clock.now()).decode()
    event = text[text.index("SUMMARY:Registration") :].split("END:VEVENT")[0]
    assert "DTSTART;TZID=Asia/Phnom_Penh:20261219T090000" in event
    assert "DTEND;TZID=Asia/Phnom_Penh:20261219T095700" in event
    assert "2026-12-19,09:00,09:57," in to_csv(snap)
