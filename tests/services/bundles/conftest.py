"""Two "laptops": copies of one seminar, the second started from the first's bundle."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from seminar_desk.domain.clock import FakeClock
from seminar_desk.services.bundles.export import export_bundle
from seminar_desk.services.bundles.service import import_bundle
from seminar_desk.services.desk import Desk
from seminar_desk.store.database import Database


@pytest.fixture
def laptops(demo_path: Path, tmp_path: Path, clock: FakeClock) -> Iterator[tuple[Desk, Desk]]:
    a = Desk(Database.open(demo_path), clock)
    export_bundle(a, tmp_path / "start.sdbundle")
    b = Desk(Database.open(tmp_path / "b.sqlite"), clock)
    import_bundle(b, tmp_path / "start.sdbundle")
    yield a, b
    a.close()
    b.close()
