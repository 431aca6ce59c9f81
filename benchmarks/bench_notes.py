"""Notes: autosave latency of one section (target p99 < 10 ms) and search over the large
seminar's 5,000 notes (target < 50 ms per query, index warm), on this machine's disk, or with
`--db URL` on a PostgreSQL server (the same targets; the large seminar is copied into a fresh
database, and the reference is a bare psycopg commit on that server instead of bare sqlite3).

Usage: python benchmarks/bench_notes.py [SAVES] [--db postgresql+psycopg://user:pw@host/db]
"""

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.server_db import add_db_option, fresh_database, round_trips  # noqa: E402

QUERIES = [
    "tracing",
    "Nguyen",
    "Duc",
    "customs seizure",
    "ammunition stockpile",
    "อาวุธ",
    "ការជួញដូរ",
    "ASEANAPOL",
    "3D",
    "zzzqx",
]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


SENTENCE = "Nguyễn Văn Đức noted that tracing takes months. "


DURABILITY = "synchronous=FULL"


def report(
    label: str, timings: list[float], chars: int, target: str = "target p99 < 10 ms"
) -> None:
    print(
        f"{label} ({len(timings)} saves, note of {chars} chars, {DURABILITY}): "
        f"p50 {statistics.median(timings):.2f} ms, p99 {percentile(timings, 99):.2f} ms, "
        f"max {max(timings):.2f} ms  ({target})"
    )


def disk_baseline(folder: Path, saves: int) -> list[float]:
    """The same commits in bare sqlite3 (WAL, synchronous=FULL): what the disk alone costs now,
    to tell our overhead from a busy disk."""
    conn = sqlite3.connect(folder / "baseline.sqlite", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO t VALUES (1, '')")
    body, timings = "", []
    for i in range(saves):
        body += SENTENCE[i % len(SENTENCE)]
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute("UPDATE t SET body = ? WHERE id = 1", (body,))
        conn.execute("COMMIT")
        timings.append((time.perf_counter() - start) * 1000)
    conn.close()
    return timings


def server_baseline(url: str, saves: int) -> list[float]:
    """The same commits in bare psycopg on the server: what the server and the way to it cost
    now (one UPDATE and its COMMIT: two round trips), to tell our overhead from theirs."""
    import psycopg
    from sqlalchemy.engine import make_url

    plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(plain) as conn:
        conn.execute("CREATE TABLE bench_baseline (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO bench_baseline VALUES (1, '')")
        conn.commit()
        body, timings = "", []
        for i in range(saves):
            body += SENTENCE[i % len(SENTENCE)]
            start = time.perf_counter()
            conn.execute("UPDATE bench_baseline SET body = %s WHERE id = 1", (body,))
            conn.commit()
            timings.append((time.perf_counter() - start) * 1000)
        conn.execute("DROP TABLE bench_baseline")
        conn.commit()
    return timings


def group_note_saver(desk: Any) -> tuple[Any, Any, str]:
    """An autosaver on the first breakout group's note, warmed up, and the note's text."""
    from sqlalchemy import select

    from seminar_desk.services.notes.autosave import NoteAutosaver
    from seminar_desk.services.notes.service import NotesService, NoteTarget
    from seminar_desk.store.models import BreakoutGroup

    with desk.read() as s:
        gid = s.scalars(select(BreakoutGroup.id)).first()
    notes = NotesService(desk)
    target = NoteTarget(group_id=gid)
    notes.warm_up(target)
    saver = NoteAutosaver(notes, author=lambda: ("Bench", None))
    return saver, target, notes.note_text(target, "discussion")


def timed_autosaves(
    saver: Any, target: Any, text: str, saves: int, pause_every: int = 0
) -> tuple[list[float], str]:
    """Milliseconds of each of `saves` saves, the text one sentence longer each time; with
    `pause_every`, the page's `idle()` (a passive checkpoint) runs between bursts, untimed."""
    timings: list[float] = []
    for i in range(saves):
        text += SENTENCE[i % len(SENTENCE)]
        saver.edit(target, "discussion", text)
        start = time.perf_counter()
        saver.flush()
        timings.append((time.perf_counter() - start) * 1000)
        if pause_every and i % pause_every == pause_every - 1:
            saver.idle()
    return timings, text


def main() -> None:
    global DURABILITY
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("saves", nargs="?", type=int, default=1000)
    add_db_option(parser)
    args = parser.parse_args()
    saves = args.saves
    from sqlalchemy import func, select
    from sqlalchemy import text as sql

    from benchmarks.generate_large import generate
    from seminar_desk.services.desk import Desk
    from seminar_desk.services.notes.search import SearchService
    from seminar_desk.store.database import Database
    from seminar_desk.store.models import Note

    with tempfile.TemporaryDirectory() as tmp:
        store: Path | str = generate(Path(tmp) / "large.sqlite")
        if args.db:
            from seminar_desk.services.files.copy import copy_seminar

            url = fresh_database(args.db)
            start = time.perf_counter()
            print(f"{copy_seminar(store, url).summary()} in {time.perf_counter() - start:.1f} s")
            store = url
        desk = Desk(Database.open(store))
        if desk.db.kind.server:
            with desk.read() as s:
                DURABILITY = "synchronous_commit=" + str(s.scalar(sql("SHOW synchronous_commit")))
        try:
            with desk.read() as s:
                notes_count = s.scalar(select(func.count()).select_from(Note))
                saver, target, text = group_note_saver(desk)
            # Continuous: every save back to back, SQLite's own checkpoints land inside saves.
            timings, text = timed_autosaves(saver, target, text, saves)
            report("autosave, back to back", timings, len(text))
            # As typed: bursts of 40 saves (20 s of typing) with a pause, when the page runs
            # `idle()` (a passive WAL checkpoint) outside the timed saves.
            timings, text = timed_autosaves(saver, target, text, saves, pause_every=40)
            report("autosave, typing with pauses", timings, len(text))
            if desk.db.kind.server:
                baseline = server_baseline(str(store), saves)
                report("bare psycopg commit, same server", baseline, len(text), "reference")
                with round_trips(desk.db.engine) as trips:
                    saver.edit(target, "discussion", text + ".")
                    saver.flush()
                print(f"round trips to the server per autosave: {trips()}")
            else:
                baseline = disk_baseline(Path(tmp), saves)
                report("bare sqlite3 commit, same disk", baseline, len(text), "reference")

            search = SearchService(desk)
            start = time.perf_counter()
            indexed = search.catch_up()
            print(f"first indexing of {indexed} rows: {(time.perf_counter() - start):.2f} s")
            per_query: list[float] = []
            for query in QUERIES:
                runs = []
                for _ in range(20):
                    start = time.perf_counter()
                    hits = search.search(query)
                    runs.append((time.perf_counter() - start) * 1000)
                per_query.append(max(runs))
                print(
                    f"  search {query!r:24} {len(hits):3} hits  median "
                    f"{statistics.median(runs):6.2f} ms  max {max(runs):6.2f} ms"
                )
            print(
                f"search over {notes_count} notes: worst query max {max(per_query):.2f} ms "
                "(target < 50 ms)"
            )
        finally:
            desk.close()


if __name__ == "__main__":
    main()
