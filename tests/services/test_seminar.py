"""The seminar's own details: saved, validated, undoable."""

import pytest

from seminar_desk.services.desk import Desk
from seminar_desk.services.seminar import SeminarService


def test_details_round_trip_text_exactly(desk: Desk) -> None:
    service = SeminarService(desk)
    service.update(title="Séminaire <régional> & R&D\nline two", timezone="Asia/Phnom_Penh")
    details = service.details()
    assert details.title == "Séminaire <régional> & R&D\nline two"
    assert details.timezone == "Asia/Phnom_Penh"


def test_unknown_time_zone_is_refused_with_its_name(desk: Desk) -> None:
    service = SeminarService(desk)
    service.update(title="T")
    with pytest.raises(ValueError, match="Mars/Olympus"):
        service.update(timezone="Mars/Olympus")
    assert service.details().timezone == "UTC"


def test_end_before_start_is_refused(demo_desk: Desk) -> None:
    from datetime import date

    service = SeminarService(demo_desk)
    with pytest.raises(ValueError, match="end before it starts"):
        service.update(end_date=date(2026, 12, 1))
    assert service.details().end_date == date(2026, 12, 20)


def test_unknown_field_is_a_programming_error(desk: Desk) -> None:
    with pytest.raises(TypeError):
        SeminarService(desk).update(colour="red")
