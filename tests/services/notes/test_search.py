"""Search across notes, recommendations and action items, with folding and Asian scripts."""

import pytest
from sqlalchemy import select, text

from seminar_desk.services.desk import Desk
from seminar_desk.services.notes.search import ANALYZE_AFTER as SEARCH_ANALYZE_AFTER
from seminar_desk.services.notes.search import SearchService
from seminar_desk.services.notes.service import NotesService, NoteTarget
from seminar_desk.store.models import BreakoutGroup, Note


def group_id(desk: Desk, prefix: str) -> str:
    with desk.read() as s:
        return s.scalars(
            select(BreakoutGroup.id).where(BreakoutGroup.name.like(prefix + "%"))
        ).one()


def test_vietnamese_thai_and_khmer_are_found(demo_desk: Desk) -> None:
    notes = NotesService(demo_desk)
    target = NoteTarget(group_id=group_id(demo_desk, "Group A"))
    notes.save_note(
        target,
        "discussion",
        "Ông Nguyễn Văn Đức nói về hải quan.\nคุณสมชายกล่าวถึงการค้าอาวุธผิดกฎหมาย\n"
        "លោកសុខបាននិយាយអំពីការជួញដូរអាវុធ",
        "Priya",
    )
    search = SearchService(demo_desk)
    for query in ("Nguyen", "duc", "ĐỨC", "hai quan", "อาวุธผิด", "ជួញដូរ"):
        hits = search.search(query)
        assert [h.ref_id for h in hits if h.kind == "note" and h.group_id == target.group_id], query
    hit = search.search("Duc")[0]
    assert "Đức" in hit.snippet
    assert hit.section == "discussion" and hit.place.startswith("Day 2 · Group A")


def test_recommendations_and_actions_are_found_with_their_section(demo_desk: Desk) -> None:
    search = SearchService(demo_desk)
    kinds = {(h.kind, h.section) for h in search.search("ASEANAPOL")}
    assert ("recommendation", "recommendations") in kinds
    assert ("action", "action_items") in kinds


def test_all_terms_must_match_and_short_terms_work(demo_desk: Desk) -> None:
    search = SearchService(demo_desk)
    both = search.search("customs seizure")
    assert both and all("custom" in h.snippet.lower() or "seiz" in h.snippet.lower() for h in both)
    assert search.search("customs zzqqx") == []
    assert search.search("3D")  # two letters: LIKE fallback
    assert search.search("") == []


def test_edits_deletes_and_undo_keep_the_index_in_step(demo_desk: Desk) -> None:
    notes = NotesService(demo_desk)
    search = SearchService(demo_desk)
    target = NoteTarget(group_id=group_id(demo_desk, "Group C"))
    notes.save_note(target, "summary", "quokka", "A")
    assert search.search("quokka")
    notes.save_note(target, "summary", "wombat", "A")
    assert search.search("quokka") == [] and search.search("wombat")
    notes.add_outcome("recommendation", target, text="platypus registry", addressee="UNODA")
    assert search.search("platypus")
    demo_desk.undo()
    assert search.search("platypus") == []
    demo_desk.redo()
    assert search.search("platypus")
    with demo_desk.action("Delete note") as act:
        for n in act.session.scalars(select(Note).where(Note.group_id == target.group_id)):
            act.session.delete(n)
    assert search.search("wombat") == []


@pytest.mark.file_only  # a server's triggers are never dropped by a table rebuild
def test_missing_triggers_are_restored(demo_desk: Desk) -> None:
    with demo_desk.db.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER fts_note_ai"))
    search = SearchService(demo_desk)
    search.ensure_index()
    notes = NotesService(demo_desk)
    notes.save_note(NoteTarget(group_id=group_id(demo_desk, "Group B")), "summary", "echidna")
    assert search.search("echidna")
    assert search.reindex() > 0
    assert search.pending() == 0


def test_catch_up_in_steps(demo_desk: Desk) -> None:
    search = SearchService(demo_desk)
    search.reindex()
    with demo_desk.db.engine.begin() as conn:
        conn.execute(text("INSERT INTO fts_pending (kind, ref_id) SELECT 'note', id FROM note"))
    queued = search.pending()
    assert queued > 10
    assert search.catch_up(limit=10) == 10
    assert search.pending() == queued - 10
    assert search.catch_up() == queued - 10
    assert search.pending() == 0
    assert search.search("tracing")


def test_nul_lone_surrogate_and_quoted_phrase(demo_desk: Desk) -> None:
    notes = NotesService(demo_desk)
    target = NoteTarget(group_id=group_id(demo_desk, "Group A"))
    notes.save_note(target, "discussion", "The canary alpha test.", "Priya")
    notes.save_note(target, "summary", "Alpha first, then the canary.", "Priya")
    search = SearchService(demo_desk)
    both = {h.section for h in search.search("canary alpha")}
    assert both == {"discussion", "summary"}
    assert [h.section for h in search.search('"canary alpha"')] == ["discussion"]
    assert {h.section for h in search.search("canary\x00alpha")} == both
    assert {h.section for h in search.search("canary\ud800")} == both
    assert search.search("\x00") == [] and search.search("\ud800") == []


def test_one_catch_up_indexes_new_edited_emptied_and_deleted_rows_together(
    demo_desk: Desk,
) -> None:
    """The queue is indexed in batches: a batch that mixes every kind of change leaves one
    document per row with text, holding its current text only."""
    notes = NotesService(demo_desk)
    search = SearchService(demo_desk)
    search.catch_up()
    a, b = (NoteTarget(group_id=group_id(demo_desk, g)) for g in ("Group A", "Group B"))
    notes.save_note(a, "summary", "narwhal", "A")
    notes.save_note(b, "summary", "dugong", "A")
    search.catch_up()
    notes.save_note(a, "summary", "manatee", "A")  # edited
    notes.save_note(b, "summary", "   ", "A")  # emptied
    notes.save_note(a, "discussion", "okapi", "A")  # new
    with demo_desk.action("Delete a note") as act:  # deleted
        act.session.delete(
            act.session.scalars(select(Note).where(Note.body.like("%tracing%"))).first()
        )
    assert search.pending() >= 4
    search.catch_up()
    assert search.search("narwhal") == [] and search.search("dugong") == []
    assert [h.section for h in search.search("manatee")] == ["summary"]
    assert [h.section for h in search.search("okapi")] == ["discussion"]
    with demo_desk.db.engine.connect() as conn:
        docs = conn.execute(text("SELECT count(*) FROM fts_doc")).scalar()
        texts = conn.execute(text("SELECT count(*) FROM fts_text")).scalar()
        rows = conn.execute(
            text(
                "SELECT (SELECT count(*) FROM note WHERE trim(body) <> '')"
                " + (SELECT count(*) FROM recommendation WHERE trim(text || ' ' ||"
                " coalesce(addressee, '')) <> '')"
                " + (SELECT count(*) FROM action_item WHERE trim(text || ' ' ||"
                " coalesce(owner, '')) <> '')"
            )
        ).scalar()
    assert docs == texts == rows


def test_a_server_s_planner_learns_the_index_size_after_a_large_catch_up(
    demo_desk: Desk,
) -> None:
    """Without statistics the server scanned every indexed note for each search."""
    if not demo_desk.db.kind.server:
        pytest.skip("a file's FTS5 index keeps what its MATCH needs by itself")
    with demo_desk.action("Many notes", undoable=False) as act:
        gid = act.session.scalars(select(BreakoutGroup.id)).first()
        for n in range(SEARCH_ANALYZE_AFTER + 10):
            act.session.add(Note(group_id=gid, section="summary", body=f"tracing {n}"))
    SearchService(demo_desk).catch_up()
    with demo_desk.db.engine.connect() as conn:
        known = conn.execute(text("SELECT reltuples FROM pg_class WHERE relname = 'fts_text'"))
        rows = conn.execute(text("SELECT count(*) FROM fts_text")).scalar()
        assert known.scalar() == rows > SEARCH_ANALYZE_AFTER
