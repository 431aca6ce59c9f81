"""The kind a title names on its own, and each kind's usual length."""

import pytest

from seminar_desk.domain.agenda.kinds import default_duration, kind_for_title, parse_kind
from seminar_desk.domain.kinds import ItemKind


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Coffee break", ItemKind.BREAK),
        ("Tea break", ItemKind.BREAK),
        ("coffee/tea break", ItemKind.BREAK),
        ("Coffee break and group photo", ItemKind.BREAK),
        ("Lunch", ItemKind.MEAL),
        ("Working lunch", ItemKind.MEAL),
        ("Q&A", ItemKind.QA),
        ("Side event: women in arms control", ItemKind.SIDE_EVENT),
        ("Field visit to the Poipet border post", ItemKind.FIELD_VISIT),
        ("Opening of the seminar", None),
        ("Lunchtime briefing", None),
        ("Break-out groups", None),
    ],
)
def test_kind_for_title(title: str, kind: ItemKind | None) -> None:
    assert kind_for_title(title) == kind


def test_new_kinds_read_and_last() -> None:
    assert parse_kind("Side event") is ItemKind.SIDE_EVENT
    assert parse_kind("field visit") is ItemKind.FIELD_VISIT
    assert parse_kind("Q&A") is ItemKind.QA and ItemKind.QA.label == "Q&A"
    assert default_duration("field_visit") == 180 and default_duration("unknown") == 60
