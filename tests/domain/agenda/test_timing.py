"""Day planning: durations drive starts, locked starts hold, parallel blocks, live anchors."""

from datetime import time

from hypothesis import given
from hypothesis import strategies as st

from seminar_desk.domain.agenda.timing import (
    PlanSlot,
    Slot,
    blocks,
    day_minutes,
    delay_minutes,
    format_delay,
    format_minutes,
    from_minutes,
    plan_day,
    retime,
    to_minutes,
    wall_time,
)

NINE = 9 * 60


def test_legacy_retime_and_conversions_still_work():
    assert retime(NINE, [Slot(45), Slot(30), Slot(60, 12 * 60), Slot(15)]) == [540, 585, 720, 780]
    assert to_minutes(time(12, 30)) == 750
    assert from_minutes(25 * 60) == time(23, 59)
    assert wall_time(25 * 60 + 30) == time(1, 30)
    assert day_minutes(time(1, 30), NINE) == 25 * 60 + 30
    assert format_minutes(25 * 60 + 30) == "01:30 (+1)"
    assert format_delay(12) == "+12 min" and format_delay(-5) == "\u22125 min"


def test_plain_retime_is_the_planners_engine():
    """One engine: a locked item that the previous one overruns does not pull the next one
    back, and a locked start before the day's start is the next morning, as when planning."""
    slots = [Slot(120), Slot(30, locked_start=600), Slot(30), Slot(30, locked_start=30)]
    assert retime(NINE, slots) == [540, 600, 660, 24 * 60 + 30]
    assert retime(NINE, slots) == plan_day(NINE, slots).starts


def test_durations_drive_starts_and_locked_items_hold():
    slots = [PlanSlot(60), PlanSlot(90), PlanSlot(60, locked_start=750), PlanSlot(30)]
    plan = plan_day(NINE, slots, day_end=17 * 60)
    assert plan.starts == [540, 600, 750, 810]
    assert plan.warnings == []


def test_item_running_into_a_locked_one_is_a_collision_and_the_rest_follows_it():
    slots = [PlanSlot(60), PlanSlot(165), PlanSlot(60, locked_start=750), PlanSlot(30)]
    plan = plan_day(NINE, slots)
    assert plan.starts == [540, 600, 750, 810]
    [warning] = plan.warnings
    assert warning.index == 2 and warning.kind == "collision"
    assert "12:30" in warning.message and "12:45" in warning.message


def test_day_past_its_planned_end_is_flagged_on_the_last_item():
    plan = plan_day(NINE, [PlanSlot(300), PlanSlot(200)], day_end=17 * 60)
    assert [w.kind for w in plan.warnings] == ["overrun"]
    assert plan.warnings[0].index == 1
    assert plan.end == NINE + 500


def test_parallel_block_runs_together_and_next_item_waits_for_the_longest():
    slots = [
        PlanSlot(30),
        PlanSlot(60, parallel_key="b", people=frozenset({"ann"})),
        PlanSlot(90, parallel_key="b", people=frozenset({"bob"})),
        PlanSlot(15),
    ]
    plan = plan_day(NINE, slots)
    assert plan.starts == [540, 570, 570, 660]
    assert plan.warnings == []


def test_person_booked_in_two_parallel_items_is_warned_on_both():
    slots = [
        PlanSlot(60, parallel_key="b", people=frozenset({"ann", "bob"})),
        PlanSlot(60, parallel_key="b", people=frozenset({"ann"})),
        PlanSlot(60, parallel_key="", people=frozenset({"ann"})),
    ]
    plan = plan_day(NINE, slots)
    assert sorted((w.index, w.kind) for w in plan.warnings) == [
        (0, "double_booked"),
        (1, "double_booked"),
    ]


def test_after_midnight_locked_start_belongs_to_the_same_day():
    slots = [PlanSlot(60, locked_start=23 * 60), PlanSlot(60, locked_start=30)]
    plan = plan_day(11 * 60, slots, day_end=4 * 60)
    assert plan.starts == [23 * 60, 24 * 60 + 30]
    assert plan.warnings == []


def test_live_anchor_and_replan_with_now():
    # Item 0 ran 09:00-09:50 (10 late); item 1 has run 40 of its 30 minutes and goes on.
    slots = [
        PlanSlot(40, actual_start=540, actual_end=590),
        PlanSlot(30, actual_start=590),
        PlanSlot(30),
        PlanSlot(60, locked_start=660),
        PlanSlot(30),
    ]
    planning = plan_day(NINE, slots)
    assert planning.starts == [540, 590, 620, 660, 720]
    live = plan_day(NINE, slots, now=640)
    assert live.starts == [540, 590, 640, 660, 720]
    assert [(w.index, w.kind) for w in live.warnings] == [(3, "collision")]


def test_replan_never_schedules_the_next_item_in_the_past():
    slots = [PlanSlot(30, actual_start=540, actual_end=560), PlanSlot(30), PlanSlot(30)]
    plan = plan_day(NINE, slots, now=600)
    assert plan.starts == [540, 600, 630]


def test_delay_of_running_and_ended_items():
    planned, durations = [540, 600], [60, 30]
    assert delay_minutes(planned, durations, [None, None], [None, None], 700) is None
    assert delay_minutes(planned, durations, [552, None], [None, None], 560) == 12
    # running past its planned end: behind by the overrun
    assert delay_minutes(planned, durations, [540, None], [None, None], 620) == 20
    assert delay_minutes(planned, durations, [540, None], [595, None], 620) == -5


slot_strategy = st.builds(
    PlanSlot,
    duration_min=st.integers(0, 240),
    locked_start=st.one_of(st.none(), st.integers(NINE, 20 * 60)),
    parallel_key=st.sampled_from(["", "", "a", "b"]),
)


@given(st.lists(slot_strategy, max_size=40))
def test_plan_properties(slots):
    plan = plan_day(NINE, slots)
    collisions = {w.index for w in plan.warnings if w.kind == "collision"}
    for i, slot in enumerate(slots):
        assert plan.ends[i] == plan.starts[i] + slot.duration_min
        if slot.locked_start is not None:
            assert plan.starts[i] == slot.locked_start  # a locked start never moves
        else:
            assert plan.starts[i] >= NINE
    # Unlocked blocks never start before the previous block has ended, and a locked item
    # that starts before then is reported.
    cursor = NINE
    for block in blocks(slots):
        for i in block:
            if slots[i].locked_start is None:
                assert plan.starts[i] >= cursor or any(
                    slots[j].locked_start is not None for j in block
                )
            else:
                assert (i in collisions) == (slots[i].locked_start < cursor)
        cursor = max([cursor, *(plan.ends[i] for i in block)])
