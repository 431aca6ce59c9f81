"""Importing a large agenda CSV: reading (parse and check every cell) and committing.

Usage: python benchmarks/bench_import.py [ROWS ...]   (default: 1000 5000, and 100000 refused)
Targets: the largest accepted file (MAX_ITEMS = 5000 rows over 20 days) read in < 2 s and
committed in < 10 s, both on a worker thread with progress; a 100,000-row file is refused
while reading (before anything is committed) in < 2 s. Figures go in the issue note.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from seminar_desk.domain.clock import FakeClock  # noqa: E402
from seminar_desk.services.agenda.imports.commit import import_agenda  # noqa: E402
from seminar_desk.services.agenda.imports.model import AgendaImportError  # noqa: E402
from seminar_desk.services.agenda.imports.registry import read_agenda  # noqa: E402
from seminar_desk.services.desk import Desk  # noqa: E402
from seminar_desk.store.database import Database  # noqa: E402


def write_csv(path: Path, rows: int) -> Path:
    """`rows` items spread over 20 days, with speakers, rooms and descriptions."""
    lines = ["date,start,duration,title,kind,room,chair,speakers,description"]
    for i in range(rows):
        day = 1 + i % 20
        lines.append(
            f"2027-03-{day:02d},,{5 + i % 4 * 5},Session {i},panel,Room {i % 7},"
            f'Chair {i % 50},"Speaker {i % 90}; Speaker {(i + 1) % 90}",Notes for item {i}'
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(rows: int, folder: Path) -> None:
    source = write_csv(folder / f"agenda-{rows}.csv", rows)
    size = source.stat().st_size / 1024 / 1024
    started = time.perf_counter()
    try:
        agenda = read_agenda(source, "Asia/Phnom_Penh")
    except AgendaImportError as exc:
        took = time.perf_counter() - started
        print(f"{rows:>7} rows ({size:.1f} MB): refused in {took:.2f} s: {exc}")
        return
    read_s = time.perf_counter() - started
    desk = Desk(Database.open(folder / f"seminar-{rows}.sqlite"), FakeClock())
    try:
        steps: list[float] = []
        started = time.perf_counter()
        summary = import_agenda(desk, agenda, lambda f, t: steps.append(f))
        commit_s = time.perf_counter() - started
    finally:
        desk.close()
    print(
        f"{rows:>7} rows ({size:.1f} MB): read {read_s:.2f} s, commit {commit_s:.2f} s "
        f"({summary.items} items, {summary.days_created} days, {len(steps)} progress reports)"
    )


def main(argv: list[str]) -> None:
    counts = [int(a) for a in argv] or [1000, 5000, 100_000]
    with tempfile.TemporaryDirectory() as tmp:
        for rows in counts:
            run(rows, Path(tmp))


if __name__ == "__main__":
    main(sys.argv[1:])
