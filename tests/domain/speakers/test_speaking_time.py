"""Speaking-time rules: limits, net duration with pauses, and the countdown's text and colour."""

from datetime import UTC, datetime, timedelta

import pytest

from seminar_desk.domain.speakers.speaking_time import (
    SpeechTimer,
    TimerPhase,
    format_duration,
    net_elapsed,
    resolve_limit,
    warning_threshold,
)

T0 = datetime(2026, 12, 19, 8, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


@pytest.mark.parametrize(
    ("speech_type", "capacity", "item", "speaker", "expected"),
    [
        ("statement", "national", None, None, 180),  # seminar default
        ("statement", "national", 240, None, 240),  # item default
        ("statement", "group", None, None, 300),  # group statements get 5 min
        ("statement", "group", 420, None, 420),  # ...but never less than national
        ("point_of_order", "national", 240, None, 60),
        ("right_of_reply", "national", None, None, 120),
        ("question", "national", 90, None, 90),
        ("statement", "national", 240, 45, 45),  # the speaker's own limit wins
        ("statement", "national", 0, None, 0),  # stopwatch item
        ("point_of_order", "national", 0, None, 0),
        ("statement", "national", 0, 120, 120),
    ],
)
def test_limit_resolution(speech_type, capacity, item, speaker, expected) -> None:
    got = resolve_limit(
        speech_type=speech_type,
        capacity=capacity,
        item_limit_s=item,
        seminar_limit_s=180,
        speaker_limit_s=speaker,
    )
    assert got == expected


def test_net_elapsed_subtracts_pauses_including_an_open_one() -> None:
    pauses = [(at(60), at(90)), (at(200), None)]
    assert net_elapsed(T0, None, pauses, at(250)) == 200 - 30
    assert net_elapsed(T0, at(150), [(at(60), at(90))], at(999)) == 120


def test_countdown_phases_and_text() -> None:
    timer = SpeechTimer(limit_s=180, elapsed_s=0.0, anchor=1000.0)
    assert warning_threshold(180) == 30
    assert (timer.text(1000.0), timer.phase(1000.0)) == ("3:00", TimerPhase.NORMAL)
    assert (timer.text(1000.4), timer.phase(1000.4)) == ("3:00", TimerPhase.NORMAL)
    assert (timer.text(1149.5), timer.phase(1149.5)) == ("0:31", TimerPhase.NORMAL)
    assert (timer.text(1150.0), timer.phase(1150.0)) == ("0:30", TimerPhase.WARNING)
    assert (timer.text(1179.5), timer.phase(1179.5)) == ("0:01", TimerPhase.WARNING)
    assert (timer.text(1180.0), timer.phase(1180.0)) == ("0:00", TimerPhase.OVERTIME)
    assert (timer.text(1222.0), timer.phase(1222.0)) == ("+0:42", TimerPhase.OVERTIME)


def test_paused_timer_stands_still_and_stopwatch_counts_up() -> None:
    paused = SpeechTimer(limit_s=60, elapsed_s=50.0, anchor=1000.0, running=False)
    assert paused.text(5000.0) == "0:10"
    assert paused.next_change(5000.0) == float("inf")
    watch = SpeechTimer(limit_s=0, elapsed_s=65.2, anchor=1000.0)
    assert watch.phase(1000.0) is TimerPhase.STOPWATCH
    assert watch.text(1000.0) == "1:05"
    assert watch.next_change(1000.0) == pytest.approx(0.8)


def test_next_change_points_at_the_next_displayed_second() -> None:
    timer = SpeechTimer(limit_s=180, elapsed_s=0.25, anchor=0.0)
    wait = timer.next_change(0.0)
    assert wait == pytest.approx(0.75)
    assert timer.text(wait - 0.01) == "3:00" and timer.text(wait + 0.01) == "2:59"


def test_format_duration() -> None:
    assert format_duration(0) == "0:00"
    assert format_duration(65.9) == "1:05"
    assert format_duration(3723) == "1:02:03"
