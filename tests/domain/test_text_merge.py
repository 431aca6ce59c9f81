"""Keep both, line by line: shared lines once, differing lines marked, one-sided changes
taken as they are when the common ancestor is known."""

from hypothesis import given
from hypothesis import strategies as st

from seminar_desk.domain.text_merge import merge_texts

BASE = "Opening remarks.\nCustoms raised marking.\nPolice raised tracing.\nClosing."


def test_lines_both_versions_have_are_kept_once_and_the_rest_marked_in_order() -> None:
    mine = "Opening remarks.\nCustoms raised marking and record-keeping.\nClosing."
    theirs = "Opening remarks.\nCustoms raised marking.\nPolice raised tracing.\nClosing."
    assert merge_texts(mine, theirs, "Laptop A", "Laptop B").splitlines() == [
        "Opening remarks.",
        "[Laptop A] Customs raised marking and record-keeping.",
        "[Laptop B] Customs raised marking.",
        "[Laptop B] Police raised tracing.",
        "Closing.",
    ]


def test_the_same_text_twice_is_the_text_once() -> None:
    assert merge_texts(BASE + "\n", BASE, "A", "B") == BASE
    assert merge_texts(BASE, BASE, "A", "B", base="") == BASE


def test_with_the_ancestor_a_change_on_one_side_only_is_taken_without_marks() -> None:
    mine = BASE.replace("Opening remarks.", "Opening remarks by the Chair.")
    theirs = BASE.replace("Police raised tracing.", "Police raised tracing.\nATT noted.")
    assert merge_texts(mine, theirs, "A", "B", base=BASE).splitlines() == [
        "Opening remarks by the Chair.",
        "Customs raised marking.",
        "Police raised tracing.",
        "ATT noted.",
        "Closing.",
    ]
    # a line deleted on one side and left alone on the other is deleted
    gone = BASE.replace("Police raised tracing.\n", "")
    assert merge_texts(gone, BASE, "A", "B", base=BASE) == gone


def test_with_the_ancestor_a_line_changed_on_both_sides_is_marked() -> None:
    mine = BASE.replace("Closing.", "Closing at 17:00.")
    theirs = BASE.replace("Closing.", "Closing at 17:30.")
    assert merge_texts(mine, theirs, "Dara, this laptop", "Ana, another laptop", BASE).split("\n")[
        -2:
    ] == ["[Dara, this laptop] Closing at 17:00.", "[Ana, another laptop] Closing at 17:30."]


LINES = st.lists(st.sampled_from(["a", "b", "c", "d", ""]), max_size=8)


@given(LINES, LINES, st.none() | LINES)
def test_no_line_of_either_version_is_lost(mine: list[str], theirs: list[str], base) -> None:
    merged = merge_texts(
        "\n".join(mine), "\n".join(theirs), "A", "B", None if base is None else "\n".join(base)
    ).splitlines()
    plain = [line.removeprefix("[A] ").removeprefix("[B] ") for line in merged]
    for version, label in ((mine, "A"), (theirs, "B")):
        for line in set(version) - {""}:
            if base is None or line not in base:  # a line from the ancestor may be deleted
                assert line in plain, (line, label, merged)
