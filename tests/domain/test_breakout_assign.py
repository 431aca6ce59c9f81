"""The automatic split into breakout groups: balanced, spread, pinned, reproducible."""

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seminar_desk.domain.breakout import Candidate, assign_groups, default_group_name, spread


def people(n: int, delegations: int = 7, kinds: int = 3) -> list[Candidate]:
    return [Candidate(f"p{i}", f"D{i % delegations}", f"K{i % kinds}") for i in range(n)]


def test_same_seed_same_groups_other_seed_other_groups() -> None:
    crowd = people(40)
    assert assign_groups(crowd, 3, seed=7) == assign_groups(crowd, 3, seed=7)
    assert assign_groups(crowd, 3, seed=7) != assign_groups(crowd, 3, seed=8)


def test_delegations_are_spread_as_evenly_as_possible() -> None:
    crowd = people(42, delegations=6)  # 7 people per delegation, 3 groups -> at most 3 each
    groups = assign_groups(crowd, 3, seed=1)
    assert spread(groups, {p.id: p.delegation for p in crowd}) == 3
    for group in groups:
        kinds = Counter(p.kind for p in crowd if p.id in group)
        assert max(kinds.values()) - min(kinds.values()) <= 1


def test_pinned_people_stay_in_their_group() -> None:
    crowd = people(20)
    groups = assign_groups(crowd, 4, seed=3, pinned={"p0": 2, "p1": 2, "p5": 0})
    assert {"p0", "p1"} <= set(groups[2])
    assert "p5" in groups[0]


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError):
        assign_groups(people(3), 0)
    with pytest.raises(ValueError):
        assign_groups(people(3), 2, pinned={"p0": 5})


def test_group_names() -> None:
    assert default_group_name(0) == "Group A"
    assert default_group_name(2) == "Group C"
    assert default_group_name(26) == "Group 27"


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(0, 60),
    k=st.integers(1, 8),
    d=st.integers(1, 12),
    seed=st.integers(0, 2**16),
)
def test_everyone_placed_once_and_sizes_within_one(n: int, k: int, d: int, seed: int) -> None:
    crowd = people(n, delegations=d)
    groups = assign_groups(crowd, k, seed=seed)
    placed = [pid for g in groups for pid in g]
    assert sorted(placed) == sorted(p.id for p in crowd)
    sizes = [len(g) for g in groups]
    assert max(sizes) - min(sizes) <= 1
    # No delegation is piled up beyond what the group count forces.
    per_delegation = Counter(p.delegation for p in crowd)
    worst = max((-(-c // k) for c in per_delegation.values()), default=0)
    assert spread(groups, {p.id: p.delegation for p in crowd}) <= worst + 1
