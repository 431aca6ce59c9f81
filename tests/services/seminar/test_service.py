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
    with pytest.raises(ValueError, match="ends on its last day, Sunday 20 December 2026"):
        service.update(end_date=date(2026, 12, 1))
    assert service.details().end_date == date(2026, 12, 20)


def test_end_before_start_is_refused_before_there_are_days(desk: Desk) -> None:
    from datetime import date

    service = SeminarService(desk)
    with pytest.raises(ValueError, match="end before it starts"):
        service.update(start_date=date(2027, 3, 3), end_date=date(2027, 3, 1))


def test_unknown_field_is_a_programming_error(desk: Desk) -> None:
    with pytest.raises(TypeError):
        SeminarService(desk).update(colour="red")


def test_typed_dates_have_the_limits_imports_have(desk) -> None:
    """A seminar of a year, or in year 9999, was accepted when typed and refused when imported."""
    from datetime import date

    from seminar_desk.domain.refusal import Refusal
    from seminar_desk.services.agenda import AgendaService

    service = SeminarService(desk)
    with pytest.raises(Refusal, match="a seminar lasts at most 62 days"):
        service.update(title="Year", start_date=date(2027, 1, 1), end_date=date(2027, 12, 31))
    with pytest.raises(Refusal, match="between 1970 and 2199; found 9999-12-31"):
        service.update(title="Far", start_date=date(9999, 12, 31))
    service.update(title="Two months", start_date=date(2027, 1, 1), end_date=date(2027, 3, 3))
    assert service.details().end_date == date(2027, 3, 3)
    agenda = AgendaService(desk)
    agenda.add_day()  # the first Add day gives one day per date: 62
    assert len(agenda.days()) == 62
    with pytest.raises(Refusal, match="Cannot add a day on 2027-03-04"):
        agenda.add_day()
    assert len(agenda.days()) == 62


def test_a_start_typed_past_the_end_takes_the_end_along_before_there_are_days(desk: Desk) -> None:
    from datetime import date

    service = SeminarService(desk)
    service.update(title="New", start_date=date(2026, 11, 30), end_date=date(2026, 12, 1))
    service.update(start_date=date(2027, 3, 3))
    details = service.details()
    assert (details.start_date, details.end_date) == (date(2027, 3, 3), date(2027, 3, 4))
