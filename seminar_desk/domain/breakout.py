"""Splitting participants into breakout groups: balanced, reproducible, pure Python.

Groups work best when each mixes delegations and kinds of organisation (a room full of one
customs administration talks to itself), so the assignment spreads the biggest delegations
first and then picks, for every person, the group where their delegation and kind are rarest.
A seed makes the split reproducible: the organisers can re-run it and get the same rooms.
"""

import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

GROUP_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True)
class Candidate:
    """One person to place: who, from which delegation, and what kind of organisation."""

    id: str
    delegation: str = ""
    kind: str = ""


def default_group_name(index: int) -> str:
    """'Group A', 'Group B'... then 'Group 27' when letters run out."""
    return f"Group {GROUP_LETTERS[index]}" if index < len(GROUP_LETTERS) else f"Group {index + 1}"


def assign_groups(
    people: Sequence[Candidate],
    n_groups: int,
    seed: int = 0,
    pinned: Mapping[str, int] | None = None,
) -> list[list[str]]:
    """Split `people` into `n_groups` lists of ids.

    `pinned` maps a person's id to the group index they must be in (a group's facilitator and
    rapporteur). Sizes differ by at most one where pins allow; within that, the group chosen for
    each person is the one with the fewest of the same delegation, then of the same kind.
    """
    if n_groups < 1:
        raise ValueError("At least one group is needed.")
    pinned = dict(pinned or {})
    for index in pinned.values():
        if not 0 <= index < n_groups:
            raise ValueError(f"Pinned group {index} does not exist.")
    rng = random.Random(seed)
    groups: list[list[str]] = [[] for _ in range(n_groups)]
    delegations: list[Counter[str]] = [Counter() for _ in range(n_groups)]
    kinds: list[Counter[str]] = [Counter() for _ in range(n_groups)]
    seen: set[str] = set()
    unique = [p for p in people if not (p.id in seen or seen.add(p.id))]  # type: ignore[func-returns-value]

    def place(person: Candidate, index: int) -> None:
        groups[index].append(person.id)
        if person.delegation:
            delegations[index][person.delegation] += 1
        if person.kind:
            kinds[index][person.kind] += 1

    free: list[Candidate] = []
    for person in unique:
        if person.id in pinned:
            place(person, pinned[person.id])
        else:
            free.append(person)

    # Sizes end within one of each other: `extra` groups may hold one more than `base`.
    base, extra = divmod(len(unique), n_groups)
    size = Counter(p.delegation for p in free)
    rng.shuffle(free)
    # Biggest delegations first, so they are spread before the rooms fill up.
    free.sort(key=lambda p: -size[p.delegation] if p.delegation else 0)
    order = list(range(n_groups))
    for person in free:
        rng.shuffle(order)
        above = sum(len(g) > base for g in groups)
        open_groups = [
            i for i in order if len(groups[i]) < base or (len(groups[i]) == base and above < extra)
        ]
        if not open_groups:  # pins overfilled some rooms: fill the emptiest
            smallest = min(len(g) for g in groups)
            open_groups = [i for i in order if len(groups[i]) == smallest]
        best = min(
            open_groups,
            key=lambda i: (
                delegations[i][person.delegation] if person.delegation else 0,
                kinds[i][person.kind] if person.kind else 0,
                len(groups[i]),
            ),
        )
        place(person, best)
    return groups


def spread(groups: Sequence[Sequence[str]], key: Mapping[str, str]) -> int:
    """The largest number of people sharing one `key` value in one group (lower is better)."""
    worst = 0
    for group in groups:
        counts = Counter(key[p] for p in group if key.get(p))
        worst = max(worst, max(counts.values(), default=0))
    return worst
