"""A rapporteur's laptop dies mid-sentence: real processes typing through the autosave path are
killed with SIGKILL, many times, and every file must be sound with at most the last second lost.

Starting Python and importing SQLAlchemy costs most of a second, so one helper process imports
everything once and forks a typist per run; each typist is a real process of its own, opens the
file itself and is killed by the test with SIGKILL at a random moment.
"""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from seminar_desk.services.desk import Desk
from seminar_desk.store.database import Database
from seminar_desk.store.models import AgendaItem, Day, Seminar

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL"),
]

RUNS = 12
PARALLEL = 6
MAX_LOSS_S = 1.0

ZYGOTE = r"""
import os, signal, sys, time
from pathlib import Path
from seminar_desk.services.desk import Desk
from seminar_desk.services.notes.autosave import NoteAutosaver
from seminar_desk.services.notes.service import NotesService, NoteTarget
from seminar_desk.store.database import Database

SENTENCE = "Nguyễn Văn Đức (VNM) said tracing requests take months; ការជួញដូរអាវុធ. "
signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # typists are reaped automatically
print("ready", flush=True)
for line in sys.stdin:
    db_path, item_id, log_path = line.split()
    pid = os.fork()
    if pid:
        print(pid, flush=True)
        continue
    log = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    desk = Desk(Database.open(Path(db_path)))
    saver = NoteAutosaver(NotesService(desk), author=lambda: ("Crash test", None))
    target = NoteTarget(item_id=item_id)
    saver.notes.warm_up(target)  # as the notes page does when it opens
    text = ""
    os.write(log, b"go\n")
    deadline = time.monotonic() + 20
    i = 0
    while time.monotonic() < deadline:
        text += SENTENCE[i % len(SENTENCE)]
        i += 1
        saver.edit(target, "discussion", text)
        os.write(log, f"{len(text)} {time.monotonic()}\n".encode())
        if saver.due():
            saver.flush()
        time.sleep(0.004)
    os._exit(0)
"""

SENTENCE = "Nguyễn Văn Đức (VNM) said tracing requests take months; ការជួញដូរអាវុធ. "


def make_file(path: Path) -> str:
    desk = Desk(Database.open(path))
    try:
        with desk.action("Set up", undoable=False) as act:
            seminar = Seminar(title="Crash test")
            day = Day(seminar=seminar, number=1, date=date(2026, 12, 19))
            item = AgendaItem(day=day, title="Session under test")
            act.session.add_all([seminar, day, item])
            act.session.flush()
            item_id = item.id
    finally:
        desk.close()
    return item_id


def typed_text(n: int) -> str:
    return "".join(SENTENCE[i % len(SENTENCE)] for i in range(n))


def read_log(path: Path) -> list[tuple[int, float]]:
    rows = []
    for line in path.read_text().splitlines():
        parts = line.split()
        if len(parts) == 2:
            rows.append((int(parts[0]), float(parts[1])))
    return rows


def saved_body(path: Path) -> tuple[str, str, str]:
    conn = sqlite3.connect(path)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        row = conn.execute(
            "SELECT body, author_name FROM note WHERE section = 'discussion'"
        ).fetchone()
    finally:
        conn.close()
    body, author = row if row else ("", "")
    return integrity, body, author


def test_killed_typists_lose_at_most_the_last_second(tmp_path: Path) -> None:
    began = time.monotonic()
    template = tmp_path / "template.sqlite"
    item_id = make_file(template)
    rng = random.Random(5)
    zygote = subprocess.Popen(
        [sys.executable, "-c", ZYGOTE],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert zygote.stdin is not None and zygote.stdout is not None
    print(f"\nset-up {time.monotonic() - began:.2f} s")
    results: list[tuple[int, float, int]] = []  # (typed, lost seconds, saved chars)
    live: list[int] = []
    try:
        assert zygote.stdout.readline().strip() == "ready"
        for wave in range(RUNS // PARALLEL):
            runs = []
            for n in range(PARALLEL):
                db = tmp_path / f"run{wave}-{n}.sqlite"
                db.write_bytes(template.read_bytes())
                log = tmp_path / f"run{wave}-{n}.log"
                zygote.stdin.write(f"{db} {item_id} {log}\n")
                zygote.stdin.flush()
                pid = int(zygote.stdout.readline())
                live.append(pid)
                runs.append((db, log, pid))
            for _db, log, _pid in runs:
                while not log.exists() or not log.read_text().startswith("go"):
                    time.sleep(0.01)  # waiting for a real process to start typing
            time.sleep(rng.uniform(0.2, 0.7))  # let them type, then pull the plug one by one
            for db, log, pid in runs:
                time.sleep(rng.uniform(0.0, 0.1))
                killed_at = time.monotonic()
                os.kill(pid, signal.SIGKILL)
                live.remove(pid)
                typed = read_log(log)
                integrity, body, author = saved_body(db)
                assert integrity == "ok", f"{db}: {integrity}"
                expected = typed_text(typed[-1][0]) if typed else ""
                assert expected.startswith(body), "saved text is not what was typed"
                if body:
                    assert author == "Crash test"
                lost_chars = [t for n, t in typed if n > len(body)]
                lost_s = killed_at - lost_chars[0] if lost_chars else 0.0
                results.append((len(expected), lost_s, len(body)))
    finally:
        for pid in live:
            os.kill(pid, signal.SIGKILL)
        zygote.stdin.close()
        zygote.wait(timeout=10)
    worst = max(lost for _, lost, _ in results)
    print(
        f"{time.monotonic() - began:.2f} s: {len(results)} kills, worst loss {worst:.3f} s, "
        f"typed {sum(t for t, _, _ in results)} chars"
    )
    assert len(results) == RUNS
    assert worst <= MAX_LOSS_S
    assert sum(saved > 0 for _, _, saved in results) >= RUNS // 2  # the saves really happened
    # Every file opens again in the app, with its WAL replayed.
    desk = Desk(Database.open(tmp_path / "run0-0.sqlite"))
    desk.close()
