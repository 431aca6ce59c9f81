"""A seminar on a PostgreSQL server: autosave latency (target p99 < 10 ms on a local server),
search, list-of-speakers operations (target < 5 ms each), and how long a change takes to reach
another laptop's window (target < 2 s; LISTEN/NOTIFY, measured to the listener's callback).

The large seminar (benchmarks/generate_large.py) is copied into a fresh database first.
The role must be allowed to create databases; its session settings are the server's
(synchronous commit on, unless the role says otherwise: `.ci/postgres` turns it off for the
test role only, so measure with another role).

Usage: python benchmarks/bench_server.py postgresql+psycopg://user:pw@127.0.0.1/dbname [SAVES]
"""

import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.bench_notes import group_note_saver, timed_autosaves  # noqa: E402
from benchmarks.server_db import fresh_database, round_trips  # noqa: E402

QUERIES = ["tracing", "Duc", "customs seizure", "อาวุธ", "ការជួញដូរ", "3D", "zzzqx"]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))]


def line(label: str, timings: list[float], target: str) -> None:
    print(
        f"{label} ({len(timings)}): p50 {statistics.median(timings):.2f} ms, "
        f"p99 {percentile(timings, 99):.2f} ms, max {max(timings):.2f} ms  ({target})"
    )


def main() -> None:
    url = fresh_database(sys.argv[1])
    saves = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    from sqlalchemy import select

    from benchmarks.generate_large import generate
    from seminar_desk.services.desk import Desk
    from seminar_desk.services.files.copy import copy_seminar
    from seminar_desk.services.notes.search import SearchService
    from seminar_desk.services.notes.service import NotesService
    from seminar_desk.services.speakers.service import SpeakersService
    from seminar_desk.store.database import Database
    from seminar_desk.store.models import Organisation

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        report = copy_seminar(generate(Path(tmp) / "large.sqlite"), url)
        print(f"{report.summary()} in {time.perf_counter() - start:.1f} s")
    desk, other = Desk(Database.open(url)), Desk(Database.open(url))
    try:
        saver, target, text = group_note_saver(desk)
        timings, text = timed_autosaves(saver, target, text, saves)
        line(f"autosave on the server, note of {len(text)} chars", timings, "target p99 < 10 ms")
        with round_trips(desk.db.engine) as trips:
            saver.edit(target, "discussion", text + ".")
            saver.flush()
        print(f"  round trips per autosave: {trips()}")

        search = SearchService(desk)
        begin = time.perf_counter()
        print(f"first indexing of {search.catch_up()} rows: {time.perf_counter() - begin:.2f} s")
        worst = 0.0
        for query in QUERIES:
            runs = []
            for _ in range(10):
                begin = time.perf_counter()
                hits = search.search(query)
                runs.append((time.perf_counter() - begin) * 1000)
            worst = max(worst, max(runs))
            print(
                f"  search {query!r:22} {len(hits):3} hits  median {statistics.median(runs):.2f} ms"
            )
        print(f"search worst query max {worst:.2f} ms (target < 50 ms)")

        speakers = SpeakersService(desk)
        item = next(i.id for i in speakers.items())
        with desk.read() as s:
            orgs = list(s.scalars(select(Organisation.id)).all())
        adds, nexts = [], []
        for org in orgs[:100]:
            begin = time.perf_counter()
            speakers.add(item, organisation_id=org)
            adds.append((time.perf_counter() - begin) * 1000)
        for _ in range(30):
            begin = time.perf_counter()
            speakers.next_speaker(item)
            nexts.append((time.perf_counter() - begin) * 1000)
        line("add a speaker (row lock, undo record, NOTIFY)", adds, "target < 5 ms")
        line("next speaker", nexts, "target < 5 ms")
        with round_trips(desk.db.engine) as trips:
            speakers.add(item, organisation_id=orgs[0])
        with round_trips(desk.db.engine) as trips_next:
            speakers.next_speaker(item)
        print(f"  round trips: add a speaker {trips()}, next speaker {trips_next()}")

        heard = threading.Event()
        arrived: list[float] = []
        shown: list[float] = []
        theirs = NotesService(other)

        def on_message(payload: str) -> None:
            arrived.append(time.perf_counter())
            # what the other window does next (on its GUI thread): hear which areas changed,
            # and its notes view reads the section again
            if other.receive(payload) is not None:
                theirs.note_text(target, "summary")
                shown.append(time.perf_counter())
            heard.set()

        connected = threading.Event()
        stop = other.follow_others(on_message, lambda up: connected.set() if up else None)
        assert stop is not None
        connected.wait(10)
        delays, reread = [], []
        for i in range(50):
            heard.clear()
            begin = time.perf_counter()
            saver.notes.save_note(target, "summary", f"change {i}")
            heard.wait(5)
            delays.append((arrived[-1] - begin) * 1000)
            reread.append((shown[-1] - begin) * 1000)
        stop()
        line("a save on one laptop heard by another's listener", delays, "target < 2000 ms")
        line("... and read again by the other laptop's notes view", reread, "target < 2000 ms")
        print(
            "  (in real windows add the autosave's wait for a pause in typing, 0.2-0.5 s, and "
            "the repaint; two windows under Xvfb showed a keystroke in the other in 0.5-0.8 s)"
        )
    finally:
        desk.close()
        other.close()


if __name__ == "__main__":
    main()
