"""Which delegations are States: one rule, used by the add field, the rapporteur's report-back
and the reports' sections."""

import pytest

from seminar_desk.domain.delegations import is_state
from seminar_desk.domain.kinds import OrgKind


@pytest.mark.parametrize("kind", [OrgKind.MEMBER_STATE, OrgKind.GOVERNMENT_HOST])
def test_member_states_and_the_host_government_are_states(kind: OrgKind) -> None:
    assert is_state(kind)
    assert is_state(kind.value)


@pytest.mark.parametrize(
    "kind",
    [k for k in OrgKind if k not in (OrgKind.MEMBER_STATE, OrgKind.GOVERNMENT_HOST)],
)
def test_organisations_are_not_states(kind: OrgKind) -> None:
    assert not is_state(kind)


@pytest.mark.parametrize("kind", ["", "state", "Member_State", "unknown"])
def test_an_empty_or_unknown_kind_is_not_a_state(kind: str) -> None:
    assert not is_state(kind)


def test_the_reports_list_states_first_by_the_same_rule() -> None:
    from seminar_desk.reports.common import ORG_SECTIONS, org_section

    assert ORG_SECTIONS[0][0] == "States"
    assert [k for k in OrgKind if org_section(k) == 0] == [k for k in OrgKind if is_state(k)]
