"""Bad input to the importers (issue 10, items 11-14, 16): one clear message, nothing imported,
and the same limits as typed input."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from bad_agendas import BAD_AGENDAS, HEADER, dimension_bomb, utf16_csv
from sqlalchemy import func, select

from seminar_desk.domain.refusal import Refusal
from seminar_desk.services.agenda import AgendaService
from seminar_desk.services.agenda.export import export_agenda
from seminar_desk.services.agenda.imports.commit import import_agenda
from seminar_desk.services.agenda.imports.model import AgendaImportError
from seminar_desk.services.agenda.imports.registry import read_agenda
from seminar_desk.services.desk import Desk
from seminar_desk.store.models import AgendaItem


def count(desk: Desk, model: type) -> int:
    with desk.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


@pytest.mark.parametrize("name", sorted(BAD_AGENDAS))
def test_each_bad_file_is_refused_with_one_clear_line(name: str, tmp_path: Path, desk: Desk):
    build, expected = BAD_AGENDAS[name]
    path = build(tmp_path)
    with pytest.raises(AgendaImportError) as caught:
        import_agenda(desk, read_agenda(path))
    message = str(caught.value)
    assert expected in message
    assert message.startswith(path.name) and "\n" not in message
    assert "\x1b" not in message and "\x00" not in message
    assert count(desk, AgendaItem) == 0


def test_typed_input_has_the_same_limits(demo_desk: Desk):
    agenda = AgendaService(demo_desk)
    item = agenda.day(agenda.days()[0].id).items[0]
    for minutes in (0, -5, 1441, 5999):
        with pytest.raises(Refusal, match="1 to 1440 minutes"):
            agenda.update_item(item.id, duration_min=minutes)
    with pytest.raises(Refusal, match="without control characters"):
        agenda.update_item(item.id, title="Red \x1b[31malert")
    agenda.update_item(item.id, duration_min=1440, title="All day\nlong")
    assert agenda.item(item.id).duration_min == 1440


def test_quoted_line_breaks_are_kept(tmp_path: Path):
    path = tmp_path / "breaks.csv"
    path.write_bytes(
        (HEADER + '2027-03-01,09:00,30,Panel,"Alice Able\r\nBob Baker"\n').encode("utf-8")
    )
    (item,) = read_agenda(path).items
    assert item.description == "Alice Able\nBob Baker"


@pytest.mark.parametrize("name", ["unicode.csv", "Unicode text.txt"])
def test_utf16_with_bom_is_read(tmp_path: Path, name: str):
    (item,) = read_agenda(utf16_csv(tmp_path, name)).items
    assert item.title == "Nguyễn Văn Đức" and item.duration_min == 30


def test_a_windows_1252_file_is_read_and_said_so(tmp_path: Path):
    path = tmp_path / "legacy.csv"
    path.write_bytes((HEADER + "2027-03-01,09:00,30,Café in Genève,\n").encode("cp1252"))
    agenda = read_agenda(path)
    assert agenda.items[0].title == "Café in Genève"
    assert any("Windows-1252" in line for line in agenda.preview_lines())


def test_our_guarded_csv_cells_come_back_as_typed(demo_desk: Desk, desk: Desk, tmp_path: Path):
    agenda = AgendaService(demo_desk)
    item = agenda.day(agenda.days()[0].id).items[0]
    agenda.update_item(item.id, title="=HYPERLINK(1)", room="@home", description="-5 °C")
    path = tmp_path / "agenda.csv"
    export_agenda(demo_desk, "csv", path)
    assert "'=HYPERLINK(1)" in path.read_text(encoding="utf-8")
    copy = read_agenda(path).items[0]
    assert (copy.title, copy.room, copy.description) == ("=HYPERLINK(1)", "@home", "-5 °C")


def test_reimporting_our_own_ics_updates_instead_of_duplicating(demo_desk: Desk, tmp_path: Path):
    path = tmp_path / "agenda.ics"
    export_agenda(demo_desk, "ics", path)
    before = count(demo_desk, AgendaItem)
    agenda = AgendaService(demo_desk)
    first = agenda.day(agenda.days()[0].id).items[1]
    text = path.read_bytes().replace(
        f"SUMMARY:{first.title}".encode(), b"SUMMARY:Renamed in the calendar", 1
    )
    path.write_bytes(text)
    summary = import_agenda(demo_desk, read_agenda(path, "Asia/Phnom_Penh"))
    assert summary.updated == before
    assert count(demo_desk, AgendaItem) == before
    assert agenda.item(first.id).title == "Renamed in the calendar"
    assert agenda.item(first.id).start == first.start


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path, monkeypatch):
    from seminar_desk.services.agenda.imports import registry

    path = tmp_path / "big.csv"
    path.write_text(HEADER + "2027-03-01,09:00,30,A,\n" * 2000, encoding="utf-8")
    monkeypatch.setattr(registry, "MAX_FILE_BYTES", 1000)
    with pytest.raises(AgendaImportError, match="an agenda file may be at most"):
        read_agenda(path)


@pytest.mark.slow
def test_a_declared_dimension_of_billions_of_cells_is_ignored(tmp_path: Path):
    """A1:XFD200001 made openpyxl pad every row to 16,384 cells (3 GB); rows are streamed."""
    path = dimension_bomb(tmp_path)
    # In a child limited to 1 GB of memory and 60 s: before the fix it died of MemoryError.
    code = textwrap.dedent(
        """
        import resource
        import sys
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
        from seminar_desk.services.agenda.imports.registry import read_agenda
        agenda = read_agenda(sys.argv[1])
        print(len(agenda.items), agenda.items[0].title)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "1 Opening"
