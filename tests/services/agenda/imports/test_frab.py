"""frab/pretalx schedules as conference tools write them: empty durations, other XML."""

from pathlib import Path

import pytest
from demo_facts import FRAB

from seminar_desk.services.agenda.imports.model import AgendaImportError
from seminar_desk.services.agenda.imports.registry import read_agenda


def test_an_empty_duration_takes_the_kinds_default_with_a_warning(tmp_path: Path):
    text = FRAB.read_text(encoding="utf-8").replace(
        "<duration>00:30</duration>", "<duration></duration>", 1
    )
    path = tmp_path / "pretalx.xml"
    path.write_text(text, encoding="utf-8")
    agenda = read_agenda(path)
    opening = next(i for i in agenda.items if i.title == "31C3 Opening Event")
    assert (opening.kind, opening.duration_min) == ("plenary", 60)
    assert agenda.warnings == (
        "pretalx.xml, day 1, event 6561 “31C3 Opening Event”: no duration; 60 minutes, as "
        "usual for a plenary.",
    )
    assert f"Warning: {agenda.warnings[0]}" in agenda.preview_lines()


def test_a_bad_duration_is_still_refused(tmp_path: Path):
    text = FRAB.read_text(encoding="utf-8").replace(
        "<duration>00:30</duration>", "<duration>soon</duration>", 1
    )
    path = tmp_path / "bad.xml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AgendaImportError, match=r"bad.xml, day 1, event 6561, column duration"):
        read_agenda(path)


def test_an_xml_file_of_another_kind_says_which_format_was_expected(tmp_path: Path):
    path = tmp_path / "export.xml"
    path.write_text("<?xml version='1.0'?><agenda><item/></agenda>", encoding="utf-8")
    with pytest.raises(AgendaImportError) as caught:
        read_agenda(path)
    assert str(caught.value) == (
        "export.xml: not a frab/pretalx schedule; expected the <schedule> root of a frab or "
        "pretalx schedule.xml (conference, day, room, event), found <agenda>."
    )
