"""Merge properties on random note edits typed on two copies of a seminar (hypothesis):
nothing typed is lost, the same bundle twice changes nothing, and the order in which a third
file takes the two bundles does not matter."""

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from seminar_desk.domain.clock import FakeClock
from seminar_desk.services.agenda import AgendaService
from seminar_desk.services.bundles import conflicts
from seminar_desk.services.bundles.export import export_bundle
from seminar_desk.services.bundles.service import import_bundle
from seminar_desk.services.desk import Desk
from seminar_desk.services.notes.breakouts import BreakoutService
from seminar_desk.services.notes.service import NotesService, NoteTarget
from seminar_desk.services.seminar import SeminarService
from seminar_desk.store.database import Database
from seminar_desk.store.models import MergeConflict, Note

SECTIONS = ["summary", "key_points", "discussion"]  # the base has notes for the first two
texts = st.text(alphabet="abcdefgh xyz", min_size=1, max_size=8)
edit = st.tuples(st.sampled_from(["type", "delete"]), st.integers(0, 5), texts)
edits = st.lists(edit, max_size=6)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[NoteTarget]]:
    """A small seminar: one item with two breakout groups, notes in two sections of each."""
    path = tmp_path_factory.mktemp("base") / "base.sqlite"
    desk = Desk(Database.open(path), FakeClock())
    SeminarService(desk).update(title="Merge properties")
    day_id = AgendaService(desk).add_day().id
    item_id = AgendaService(desk).add_item(day_id, title="Breakouts").id
    targets = [NoteTarget(group_id=BreakoutService(desk).add_group(item_id).id) for _ in range(2)]
    for target in targets:
        for section in SECTIONS[:2]:
            NotesService(desk).save_note(target, section, f"base {section}")
    desk.close()
    return path, targets


class Files:
    def __init__(self, root: Path, base: Path) -> None:
        self.root, self.base, self.open = root, base, []
        self.folder = root

    def next_round(self) -> Path:
        """A new folder for one example (a failed example leaves its files behind)."""
        import tempfile

        self.close()
        self.folder = Path(tempfile.mkdtemp(dir=self.root))
        return self.folder

    def copy(self, name: str) -> Desk:
        path = self.folder / f"{name}.sqlite"
        shutil.copyfile(self.base, path)
        desk = Desk(Database.open(path), FakeClock())
        self.open.append(desk)
        return desk

    def close(self) -> None:
        for desk in self.open:
            desk.close()
        self.open.clear()


@pytest.fixture
def files(
    tmp_path_factory: pytest.TempPathFactory, base: tuple[Path, list[NoteTarget]]
) -> Iterator[Files]:
    found = Files(tmp_path_factory.mktemp("laptops"), base[0])
    yield found
    found.close()


def _apply(
    desk: Desk, targets: list[NoteTarget], steps: list[tuple[str, int, str]], tag: str
) -> None:
    notes = NotesService(desk)
    for kind, index, text in steps:
        target, section = targets[index % 2], SECTIONS[index % 3]
        if kind == "type":
            notes.save_note(target, section, f"{tag}:{text}")
        else:
            with desk.action("Delete note") as act:
                for note in act.session.scalars(
                    select(Note).where(Note.group_id == target.group_id, Note.section == section)
                ):
                    act.session.delete(note)


def _versions(desk: Desk) -> dict[str, frozenset[str]]:
    """Per note: its text here and the texts kept aside as conflicts."""
    import json

    found: dict[str, set[str]] = {}
    with desk.read() as s:
        for note in s.scalars(select(Note)):
            found.setdefault(note.id, set()).add(note.body)
        for c in s.scalars(select(MergeConflict)):
            if c.row is not None:
                found.setdefault(c.record_id, set()).add(json.loads(c.row)["body"])
    return {k: frozenset(v) for k, v in found.items() if v}


def _texts(desk: Desk) -> set[str]:
    return {t for versions in _versions(desk).values() for t in versions}


def _last_typed(steps: list[tuple[str, int, str]], tag: str) -> dict[tuple[int, int], str | None]:
    last: dict[tuple[int, int], str | None] = {}
    for kind, index, text in steps:
        last[(index % 2, index % 3)] = f"{tag}:{text}" if kind == "type" else None
    return last


def _dump(desk: Desk) -> list[tuple[object, ...]]:
    with desk.read() as s:
        notes = [(n.id, n.body, n.section) for n in s.scalars(select(Note).order_by(Note.id))]
        kept = [
            (c.record_id, c.digest)
            for c in s.scalars(select(MergeConflict).order_by(MergeConflict.id))
        ]
    return [*notes, *kept]


@pytest.mark.slow
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(mine=edits, theirs=edits)
def test_merging_loses_nothing_is_idempotent_and_order_independent(
    files: Files, base: tuple[Path, list[NoteTarget]], mine: list, theirs: list
) -> None:
    targets = base[1]
    folder = files.next_round()
    a, b = files.copy("a"), files.copy("b")
    _apply(a, targets, mine, "A")
    _apply(b, targets, theirs, "B")
    export_bundle(a, folder / "a.sdbundle")
    export_bundle(b, folder / "b.sdbundle")

    # order: a third and fourth copy take both bundles in both orders
    c, d = files.copy("c"), files.copy("d")
    import_bundle(c, folder / "a.sdbundle", backup=False)
    import_bundle(c, folder / "b.sdbundle", backup=False)
    import_bundle(d, folder / "b.sdbundle", backup=False)
    import_bundle(d, folder / "a.sdbundle", backup=False)
    assert _versions(c) == _versions(d)
    touched_a = {(i % 2, i % 3) for _, i, _ in mine}
    touched_b = {(i % 2, i % 3) for _, i, _ in theirs}
    if not touched_a & touched_b:  # independent bundles: the very same file
        assert _dump(c) == _dump(d) or (
            [r for r in _dump(c) if len(r) == 3] == [r for r in _dump(d) if len(r) == 3]
        )
        assert conflicts.count(c) == conflicts.count(d) == 0

    # nothing lost: what each laptop last typed is in the other's file after the exchange
    import_bundle(a, folder / "b.sdbundle", backup=False)
    for key, text in _last_typed(theirs, "B").items():
        if text is not None:
            assert text in _texts(a), (key, text)
    for key, text in _last_typed(mine, "A").items():
        if text is not None:
            assert text in _texts(a), (key, text)

    # idempotent: the same bundle again changes nothing
    before = _dump(a)
    again = import_bundle(a, folder / "b.sdbundle", backup=False)
    assert not again.plan.changes_anything
    assert _dump(a) == before
