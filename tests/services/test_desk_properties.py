"""Property: any sequence of edits, undone completely, leaves the file as it was; redone
completely, leaves it as after the last edit."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seminar_desk.services.desk import Desk
from seminar_desk.services.participants import ParticipantService
from seminar_desk.services.seminar import SeminarService
from seminar_desk.store.database import Database

texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
edits = st.lists(
    st.one_of(
        st.tuples(st.just("seminar"), st.sampled_from(["title", "venue", "city"]), texts),
        st.tuples(st.just("add"), st.just("name"), texts.filter(lambda t: t.strip() != "")),
        st.tuples(st.just("rename"), st.just("name"), texts.filter(lambda t: t.strip() != "")),
        st.tuples(st.just("delete"), st.just(""), st.just("")),
    ),
    min_size=1,
    max_size=8,
)


def snapshot(desk: Desk) -> tuple:
    details = SeminarService(desk).details()
    people = sorted((p.id, p.name) for p in ParticipantService(desk).participants())
    return (details, people)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=edits)
def test_undo_all_then_redo_all(tmp_path_factory, steps) -> None:
    path: Path = tmp_path_factory.mktemp("prop") / "p.sqlite"
    desk = Desk(Database.open(path))
    try:
        seminar, people = SeminarService(desk), ParticipantService(desk)
        seminar.update(title="Start")
        people.add("First person")
        desk.clear_history()
        start = snapshot(desk)
        done = 0
        for kind, field, value in steps:
            ids = [p.id for p in people.participants()]
            if kind == "seminar":
                seminar.update(**{field: value})
            elif kind == "add":
                people.add(value)
            elif kind == "rename" and ids:
                people.update(ids[0], name=value)
            elif kind == "delete" and ids:
                people.delete(ids[-1:])
            else:
                continue
            done += 1
        end = snapshot(desk)
        while desk.undo_label is not None:
            desk.undo()
        assert snapshot(desk) == start
        while desk.redo_label is not None:
            desk.redo()
        assert snapshot(desk) == end
    finally:
        desk.close()
