"""The registry of import formats: each reader declares its suffixes once, and the file
dialog's filter, the choice of reader and the refusal of other files all follow from it."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from seminar_desk.services.agenda.imports import csv, frab, ics, xlsx
from seminar_desk.services.agenda.imports.model import AgendaImportError
from seminar_desk.services.agenda.imports.registry import (
    FILE_FILTER,
    FORMATS,
    READERS,
    read_agenda,
    reader_for,
)


def filter_patterns(text: str) -> list[list[str]]:
    """The patterns of each entry of a Qt file-dialog filter ("Name (*.a *.b);;...")."""
    return [re.search(r"\(([^)]*)\)", entry)[1].split() for entry in text.split(";;")]


def test_every_reader_is_registered_with_its_suffixes() -> None:
    assert READERS == (csv.READER, xlsx.READER, ics.READER, frab.READER)
    assert FORMATS == ("csv", "xlsx", "ics", "xml")
    assert {s for reader in READERS for s in reader.suffixes} == {
        "csv",
        "tsv",
        "txt",
        "xlsx",
        "xlsm",
        "ics",
        "ical",
        "ifb",
        "xml",
    }


def test_the_file_dialog_filter_lists_exactly_the_registered_suffixes() -> None:
    agendas, everything = filter_patterns(FILE_FILTER)
    assert agendas == [f"*.{s}" for reader in READERS for s in reader.suffixes]
    assert everything == ["*"]
    assert FILE_FILTER.startswith("Agendas (")


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.format)
def test_each_suffix_in_any_case_finds_its_reader(reader) -> None:
    for suffix in reader.suffixes:
        assert reader_for(Path(f"programme.{suffix}")) is reader
        assert reader_for(Path(f"PROGRAMME.{suffix.upper()}")) is reader


@pytest.mark.parametrize("name", ["agenda.doc", "agenda.xls", "agenda", "agenda.csv.bak"])
def test_an_unknown_suffix_is_refused_naming_the_known_formats(tmp_path: Path, name: str):
    path = tmp_path / name
    path.write_text("date,start,duration,title\n2027-03-01,09:00,30,Opening\n", encoding="utf-8")
    with pytest.raises(AgendaImportError) as refused:
        read_agenda(path)
    message = str(refused.value)
    assert message.startswith(f"{name}: unknown kind of file; expected ")
    for reader in READERS:
        assert reader.label in message
        for suffix in reader.suffixes:
            assert f".{suffix}" in message


def test_the_registry_loads_without_the_database_or_file_libraries() -> None:
    """The command line's help names the formats: reading the list must stay light."""
    code = (
        "import sys\n"
        "import seminar_desk.services.agenda.imports.registry\n"
        "heavy = {'sqlalchemy', 'openpyxl', 'icalendar'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
