"""Letter labels: A..Z, then AA, AB... (never back to A)."""

import pytest

from seminar_desk.domain.text import letters


@pytest.mark.parametrize(
    ("index", "label"),
    [
        (0, "A"),
        (25, "Z"),
        (26, "AA"),
        (27, "AB"),
        (51, "AZ"),
        (52, "BA"),
        (701, "ZZ"),
        (702, "AAA"),
    ],
)
def test_letters_go_on_past_z(index: int, label: str) -> None:
    assert letters(index) == label


def test_counted_says_one_in_the_singular() -> None:
    from seminar_desk.domain.text import counted

    assert [counted(n, "conflict") for n in (0, 1, 2)] == [
        "0 conflicts",
        "1 conflict",
        "2 conflicts",
    ]
    assert counted(1, "speech", "speeches") == "1 speech"
    assert counted(3, "speech", "speeches") == "3 speeches"
