"""Search across every note, recommendation and action item, as the rapporteur types.

The index (`fts_*` tables, created by migration 0005_notes, outside the ORM) holds text folded
by `domain.text.fold`. Triggers in plain SQL queue the ids of changed rows in `fts_pending`, so
any writer (demo, imports, undo/redo replays) keeps the index honest without knowing it
exists; `catch_up` folds and indexes the queue, and `search` calls it before answering.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, TextClause, bindparam, select, text

from seminar_desk.domain.search import (
    ParsedQuery,
    fold_text,
    parse_query,
    snippet,
    word_start_score,
)
from seminar_desk.services.desk import Desk
from seminar_desk.store.fts import SOURCES, FileIndex, queue_everything
from seminar_desk.store.models import (
    ActionItem,
    AgendaItem,
    BreakoutGroup,
    Day,
    Note,
    Recommendation,
)

KIND_LABELS = {"note": "Note", "recommendation": "Recommendation", "action": "Action item"}
DEFAULT_LIMIT = 50
CHUNK = 500  # rows per batch of statements (well under any bound-parameter limit)
ANALYZE_AFTER = 200  # rows indexed at once after which a server's planner is told (after_bulk)
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class SearchHit:
    """One result, with what the page needs to open it (item or group, section)."""

    kind: str
    ref_id: str
    item_id: str | None
    group_id: str | None
    section: str
    place: str
    snippet: str
    updated_at: datetime | None = None

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


class SearchService:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self._checked = False

    # -- index maintenance --------------------------------------------------------------------

    def ensure_index(self) -> None:
        """Restore missing triggers (and reindex everything) once per open file."""
        if self._checked:
            return
        with self.desk.db.engine.begin() as conn:
            self.desk.db.kind.index.restore_triggers(conn)
        self._checked = True

    def reindex(self) -> int:
        """Queue every row and index it again; returns the number of rows indexed."""
        with self.desk.db.engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM fts_text")
            conn.exec_driver_sql("DELETE FROM fts_doc")
            queue_everything(conn)
        return self.catch_up()

    def pending(self) -> int:
        with self.desk.db.engine.connect() as conn:
            return int(conn.exec_driver_sql("SELECT count(*) FROM fts_pending").scalar() or 0)

    def catch_up(self, limit: int | None = None) -> int:
        """Fold and index queued rows (at most `limit`); returns how many were processed.

        The page calls it in small steps after opening a file, so a freshly imported seminar
        is indexed without freezing the window; a search finishes whatever is left.
        """
        self.ensure_index()
        with self.desk.db.engine.connect() as conn:
            if conn.exec_driver_sql("SELECT 1 FROM fts_pending LIMIT 1").first() is None:
                return 0
        done = 0
        with self.desk.db.engine.begin() as conn:
            cap = "" if limit is None else f" LIMIT {int(limit)}"
            queued = conn.exec_driver_sql(f"SELECT kind, ref_id FROM fts_pending{cap}").all()
            by_kind: dict[str, list[str]] = {}
            for kind, ref_id in queued:
                by_kind.setdefault(kind, []).append(ref_id)
            for kind, ids in by_kind.items():
                if kind not in SOURCES:
                    continue
                for start in range(0, len(ids), CHUNK):
                    done += self._index_chunk(conn, kind, ids[start : start + CHUNK])
            if done >= ANALYZE_AFTER:
                self.desk.db.kind.index.after_bulk(conn)
            if limit is None:
                conn.exec_driver_sql("DELETE FROM fts_pending")
            else:
                conn.execute(
                    text("DELETE FROM fts_pending WHERE kind = :k AND ref_id = :r"),
                    [{"k": k, "r": r} for k, r in queued],
                )
        return done

    @staticmethod
    def _index_chunk(conn: Connection, kind: str, ids: list[str]) -> int:
        """Index one chunk of a kind's queued rows in a handful of statements, not three per
        row: a fresh seminar's 5,000 notes are indexed in well under a second on a file, and
        without thousands of round trips on a server."""
        table, columns = SOURCES[kind]
        texts = {
            row[0]: " ".join(str(v or "") for v in row[1:])
            for row in conn.execute(
                _expanding(f"SELECT id, {', '.join(columns)} FROM {table} WHERE id IN :ids"),
                {"ids": ids},
            )
        }
        bodies = {ref_id: fold_text(body) for ref_id, body in texts.items() if body.strip()}
        docs = _docs(conn, kind, ids)
        if docs:  # their old text goes; rows that are gone or empty lose their doc too
            conn.execute(
                _expanding("DELETE FROM fts_text WHERE rowid IN :ids"), {"ids": [*docs.values()]}
            )
            if dropped := [doc for ref_id, doc in docs.items() if ref_id not in bodies]:
                conn.execute(_expanding("DELETE FROM fts_doc WHERE id IN :ids"), {"ids": dropped})
        if new := [ref_id for ref_id in bodies if ref_id not in docs]:
            conn.execute(
                text("INSERT INTO fts_doc (kind, ref_id) VALUES (:k, :r)"),
                [{"k": kind, "r": ref_id} for ref_id in new],
            )
            docs.update(_docs(conn, kind, new))
        if bodies:
            conn.execute(
                text("INSERT INTO fts_text (rowid, body) VALUES (:d, :b)"),
                [{"d": docs[ref_id], "b": body} for ref_id, body in bodies.items()],
            )
        return len(ids)

    # -- queries ------------------------------------------------------------------------------

    def search(self, query: str, limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
        """Hits for every folded term of `query` (all must occur), latest edits first."""
        parsed = parse_query(query)
        if parsed.empty:
            return []
        self.catch_up()
        with self.desk.db.engine.connect() as conn:
            found = self._matches(conn, parsed, limit, self.desk.db.kind.index)
        hits = self._hydrate(found, parsed)
        # Whole words and word starts before matches inside words ("Duc" before "Reduction"),
        # then the latest edits.
        hits.sort(key=lambda h: h.updated_at or EPOCH, reverse=True)
        hits.sort(key=lambda h: -word_start_score(h.snippet, parsed.terms))
        return hits

    @staticmethod
    def _matches(
        conn: Connection, parsed: ParsedQuery, limit: int, index: FileIndex
    ) -> list[tuple[str, str]]:
        where, params = index.where(parsed)
        params["limit"] = limit
        # Newest rows first: bm25 ranking of trigrams costs ten times more and means little here.
        order = "ORDER BY fts_text.rowid DESC"
        sql = (
            "SELECT d.kind, d.ref_id FROM fts_text JOIN fts_doc d ON d.id = fts_text.rowid "
            f"WHERE {' AND '.join(where)} {order} LIMIT :limit"
        )
        return [(k, r) for k, r in conn.execute(text(sql), params)]

    def _hydrate(self, found: list[tuple[str, str]], parsed: ParsedQuery) -> list[SearchHit]:
        ids: dict[str, list[str]] = {}
        for kind, ref_id in found:
            ids.setdefault(kind, []).append(ref_id)
        rows: dict[tuple[str, str], tuple[Any, ...]] = {}
        with self.desk.read() as s:
            if ids.get("note"):
                for n in s.execute(
                    select(
                        Note.id,
                        Note.item_id,
                        Note.group_id,
                        Note.section,
                        Note.body,
                        Note.updated_at,
                    ).where(Note.id.in_(ids["note"]))
                ):
                    rows["note", n[0]] = (n[1], n[2], n[3], n[4], n[5])
            for kind, model, section in (
                ("recommendation", Recommendation, "recommendations"),
                ("action", ActionItem, "action_items"),
            ):
                if not ids.get(kind):
                    continue
                extra = model.addressee if model is Recommendation else model.owner  # type: ignore[attr-defined]
                for r in s.execute(
                    select(
                        model.id,
                        model.item_id,
                        model.group_id,
                        model.text,
                        extra,
                        model.updated_at,
                    ).where(model.id.in_(ids[kind]))
                ):
                    body = f"{r[3]} — {r[4]}" if r[4] else r[3]
                    rows[kind, r[0]] = (r[1], r[2], section, body, r[5])
            places = self._places(s, rows.values())
        hits: list[SearchHit] = []
        for kind, ref_id in found:
            row = rows.get((kind, ref_id))
            if row is None:
                continue
            item_id, group_id, section, body, updated = row
            hits.append(
                SearchHit(
                    kind=kind,
                    ref_id=ref_id,
                    item_id=item_id,
                    group_id=group_id,
                    section=section,
                    place=places.get(group_id or item_id or "", ""),
                    snippet=snippet(body or "", parsed.terms),
                    updated_at=updated,
                )
            )
        return hits

    @staticmethod
    def _places(s: Any, rows: Any) -> dict[str, str]:
        """'Day 2 · Item title' or 'Day 2 · Group A (Item title)' for each item or group."""
        item_ids = {r[0] for r in rows if r[0]}
        group_ids = {r[1] for r in rows if r[1]}
        places: dict[str, str] = {}
        if group_ids:
            for gid, name, day in s.execute(
                select(BreakoutGroup.id, BreakoutGroup.name, Day.number)
                .join(AgendaItem, BreakoutGroup.item_id == AgendaItem.id)
                .join(Day, AgendaItem.day_id == Day.id)
                .where(BreakoutGroup.id.in_(group_ids))
            ):
                places[gid] = f"Day {day} · {name}"
        if item_ids:
            for iid, title, day in s.execute(
                select(AgendaItem.id, AgendaItem.title, Day.number)
                .join(Day, AgendaItem.day_id == Day.id)
                .where(AgendaItem.id.in_(item_ids))
            ):
                places[iid] = f"Day {day} · {title}"
        return places


def _docs(conn: Connection, kind: str, ids: list[str]) -> dict[str, int]:
    """The index's document ids of these rows of `kind` (those that have one)."""
    query = _expanding("SELECT ref_id, id FROM fts_doc WHERE kind = :k AND ref_id IN :ids")
    return {ref_id: doc for ref_id, doc in conn.execute(query, {"k": kind, "ids": ids})}


def _expanding(sql: str) -> TextClause:
    """`sql` with its `:ids` bound to a list (`IN :ids`)."""
    return text(sql).bindparams(bindparam("ids", expanding=True))
