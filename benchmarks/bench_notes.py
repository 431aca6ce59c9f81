"""Notes: autosave latency of one section (target p99 < 10 ms) and search over the large
seminar's 5,000 notes (target < 50 ms per query, index warm), on this machine's disk.

Usage: python benchmarks/bench_notes.py [SAVES]
"""

import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

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


def report(
    label: str, timings: list[float], chars: int, target: str = "target p99 < 10 ms"
) -> None:
    print(
        f"{label} ({len(timings)} saves, note of {chars} chars, synchronous=FULL): "
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


def main() -> None:
    saves = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    from sqlalchemy import func, select

    from benchmarks.generate_large import generate
    from seminar_desk.services.desk import Desk
    from seminar_desk.services.notes.autosave import NoteAutosaver
    from seminar_desk.services.notes.search import SearchService
    from seminar_desk.services.notes.service import NotesService, NoteTarget
    from seminar_desk.store.database import Database
    from seminar_desk.store.models import BreakoutGroup, Note

    with tempfile.TemporaryDirectory() as tmp:
        path = generate(Path(tmp) / "large.sqlite")
        desk = Desk(Database.open(path))
        try:
            with desk.read() as s:
                notes_count = s.scalar(select(func.count()).select_from(Note))
                gid = s.scalars(select(BreakoutGroup.id)).first()
            notes = NotesService(desk)
            target = NoteTarget(group_id=gid)
            notes.warm_up(target)
            saver = NoteAutosaver(notes, author=lambda: ("Bench", None))
            text = notes.note_text(target, "discussion")
            # Continuous: every save back to back, SQLite's own checkpoints land inside saves.
            timings: list[float] = []
            for i in range(saves):
                text += SENTENCE[i % len(SENTENCE)]
                saver.edit(target, "discussion", text)
                start = time.perf_counter()
                saver.flush()
                timings.append((time.perf_counter() - start) * 1000)
            report("autosave, back to back", timings, len(text))
            # As typed: bursts of 40 saves (20 s of typing) with a pause, when the page runs
            # `idle()` (a passive WAL checkpoint) outside the timed saves.
            timings = []
            for i in range(saves):
                text += SENTENCE[i % len(SENTENCE)]
                saver.edit(target, "discussion", text)
                start = time.perf_counter()
                saver.flush()
                timings.append((time.perf_counter() - start) * 1000)
                if i % 40 == 39:
                    saver.idle()
            report("autosave, typing with pauses", timings, len(text))
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
