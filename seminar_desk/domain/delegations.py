"""Kinds of delegation: the one place that says which organisations are States.

A State's delegates speak in national capacity by default (others for their organisation), and
reports list States first. The host government is a State too.
"""

from seminar_desk.domain.kinds import OrgKind

STATE_KINDS = frozenset({OrgKind.MEMBER_STATE.value, OrgKind.GOVERNMENT_HOST.value})


def is_state(kind: str) -> bool:
    """Whether an organisation of this kind (an `OrgKind` value) is a State's delegation."""
    return kind in STATE_KINDS
