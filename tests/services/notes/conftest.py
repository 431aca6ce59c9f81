"""Shared by the notes service tests: a breakout group's notes in the demo seminar."""

import pytest
from sqlalchemy import select

from seminar_desk.services.desk import Desk
from seminar_desk.services.notes.service import NoteTarget
from seminar_desk.store.models import BreakoutGroup


@pytest.fixture
def group_target(demo_desk: Desk) -> NoteTarget:
    with demo_desk.read() as s:
        gid = s.scalars(select(BreakoutGroup.id).where(BreakoutGroup.name.like("Group B%"))).one()
    return NoteTarget(group_id=gid)
