"""The seminar's time zone: one resolver, unknown names read as UTC, typed names checked."""

from datetime import UTC, datetime

from seminar_desk.domain.zone import in_zone, is_known_zone, seminar_zone, zone_named, zone_problem


def test_a_known_name_is_its_zone_and_unknown_or_empty_names_are_none() -> None:
    assert zone_named("Asia/Phnom_Penh").key == "Asia/Phnom_Penh"
    assert zone_named("Mars/Olympus") is None
    assert zone_named("../etc/passwd") is None
    assert zone_named("") is None and zone_named(None) is None


def test_the_seminar_zone_falls_back_to_utc_and_never_fails() -> None:
    assert seminar_zone("Asia/Manila").key == "Asia/Manila"
    assert seminar_zone("Mars/Olympus").key == "UTC"
    assert seminar_zone(None).key == "UTC"


def test_a_typed_name_is_checked_with_a_message_that_shows_an_example() -> None:
    assert is_known_zone("UTC") and not is_known_zone("Mars/Olympus")
    assert zone_problem("Asia/Bangkok") is None
    assert zone_problem("Mars/Olympus") == (
        "unknown time zone 'Mars/Olympus'; expected e.g. Asia/Bangkok."
    )


def test_floating_times_are_taken_as_local_and_aware_times_converted() -> None:
    zone = seminar_zone("Asia/Phnom_Penh")
    assert in_zone(datetime(2026, 12, 19, 9, 0), zone) == datetime(2026, 12, 19, 9, 0, tzinfo=zone)
    converted = in_zone(datetime(2026, 12, 19, 2, 0, tzinfo=UTC), zone)
    assert (converted.hour, converted.tzinfo) == (9, zone)
