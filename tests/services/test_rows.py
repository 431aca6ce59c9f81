from dataclasses import dataclass
from types import SimpleNamespace

import pytest

from seminar_desk.services.rows import record_from


@dataclass(frozen=True)
class _View:
    id: str
    title: str
    minutes: int = 0


def test_a_record_takes_the_rows_attributes_of_its_field_names_unless_given() -> None:
    row = SimpleNamespace(id="a1", title="Opening", minutes=45, room="Hall")
    assert record_from(_View, row) == _View("a1", "Opening", 45)
    assert record_from(_View, row, title="Renamed") == _View("a1", "Renamed", 45)


def test_a_field_the_row_lacks_and_nobody_gives_is_an_error() -> None:
    with pytest.raises(AttributeError):
        record_from(_View, SimpleNamespace(id="a1", title="Opening"))
    assert record_from(_View, SimpleNamespace(id="a1", title="Opening"), minutes=5).minutes == 5
