"""Agenda timings on the large generated seminar (60 items a day).

Usage: python benchmarks/bench_agenda.py [RUNS]
Targets: re-timing a 60-item day < 20 ms and live re-planning < 20 ms (services layer, each one
undoable transaction including the re-time and the undo record); opening the agenda view
< 300 ms (page built and painted offscreen).

Where the time goes (cProfile, Nov 2026): planning itself is ~0.1 ms; a re-time that moves 58
items is dominated by the Desk's undo recorder, which reads a before and an after image of every
changed row one SELECT at a time (~2 x 58 queries), plus the fsync of the commit. Batching
those reads per table (WHERE id IN (...)) brought the same re-time from ~55 ms to ~15-24 ms in
an experiment; see the agenda issue's report.
"""

import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from seminar_desk.domain.agenda.timing import PlanSlot, plan_day  # noqa: E402
from seminar_desk.domain.clock import FakeClock  # noqa: E402
from seminar_desk.services.agenda import AgendaService  # noqa: E402
from seminar_desk.services.desk import Desk  # noqa: E402
from seminar_desk.store.database import Database  # noqa: E402


def large_file(folder: Path) -> Path:
    try:
        from benchmarks.generate_large import generate
    except ImportError:
        generate = None
    path = folder / "large.sqlite"
    if generate is not None:
        return generate(path)
    return sixty_item_file(path)


def sixty_item_file(path: Path) -> Path:
    """Fallback when the shared generator is missing: one day of 60 items."""
    from seminar_desk.services.seminar import SeminarService
    from seminar_desk.store.models import Day, Seminar

    desk = Desk(Database.open(path))
    SeminarService(desk).update(title="Bench", timezone="Asia/Phnom_Penh")
    with desk.action("day", undoable=False) as act:
        seminar = act.session.query(Seminar).one()
        act.session.add(Day(seminar_id=seminar.id, number=1, date=datetime(2026, 12, 19).date()))
    agenda = AgendaService(desk)
    day_id = agenda.days()[0].id
    for i in range(60):
        agenda.add_item(day_id, title=f"Item {i}", duration_min=5 + i % 4 * 5)
    desk.close()
    return path


def ms(samples: list[float]) -> str:
    return f"median {statistics.median(samples) * 1000:6.2f} ms, max {max(samples) * 1000:6.2f} ms"


def main(runs: int = 20) -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-agenda-"))
    try:
        source = large_file(folder)
        work = folder / "work.sqlite"
        shutil.copy(source, work)
        clock = FakeClock()
        desk = Desk(Database.open(work), clock)
        agenda = AgendaService(desk)
        days = agenda.days()
        sizes = {d.id: len(agenda.day(d.id).items) for d in days}
        day_id = max(sizes, key=lambda k: sizes[k])
        day = agenda.day(day_id)
        print(f"file: {source.name}, {len(days)} days, busiest day {sizes[day_id]} items")

        slots = [PlanSlot(10 + i % 5, 720 if i == 20 else None) for i in range(60)]
        samples = []
        for _ in range(runs * 10):
            t = time.perf_counter()
            plan_day(540, slots, day_end=1050)
            samples.append(time.perf_counter() - t)
        print(f"domain plan_day, 60 items:            {ms(samples)}")

        first = day.items[1]
        samples = []
        for run in range(runs):
            t = time.perf_counter()
            agenda.update_item(first.id, title=f"Renamed {run}")
            samples.append(time.perf_counter() - t)
        print(f"baseline: rename one item (1 row):     {ms(samples)}  (same path, nothing moves)")
        samples = []
        for run in range(runs):
            t = time.perf_counter()
            agenda.set_duration(first.id, first.duration_min + 5 * (1 + run % 2))
            samples.append(time.perf_counter() - t)
        print(f"re-time a {len(day.items)}-item day (set_duration):  {ms(samples)}  target < 20 ms")

        day = agenda.day(day_id)  # durations changed above
        zone = ZoneInfo(agenda.timezone().key)
        start_local = datetime.combine(day.date, datetime.min.time(), zone) + timedelta(
            minutes=day.items[0].start
        )
        clock.set(start_local.astimezone(UTC))
        agenda.start_item(day.items[0].id)
        clock.advance(60)
        agenda.start_item(day.items[1].id)
        clock.advance(day.items[1].duration_min * 60)  # from now on it overruns
        samples = []
        for _ in range(runs):
            clock.advance(120)  # the running item overruns: every later item moves
            t = time.perf_counter()
            moved = len(agenda.replan(day_id).moved)
            samples.append(time.perf_counter() - t)
            assert moved == len(day.items) - 2, moved
        print(f"live re-plan of the rest of the day:   {ms(samples)}  target < 20 ms")
        desk.close()

        from PySide6.QtWidgets import QApplication

        from seminar_desk.gui.agenda.page import AgendaPage
        from seminar_desk.gui.bus import ChangeBus
        from seminar_desk.gui.context import DeskContext

        app = QApplication.instance() or QApplication([])
        desk = Desk(Database.open(source))
        samples = []
        for _ in range(max(5, runs // 4)):
            bus = ChangeBus(desk)
            t = time.perf_counter()
            page = AgendaPage(DeskContext(desk, bus))
            page.resize(1280, 800)
            page.show()
            app.processEvents()
            page.grab()
            samples.append(time.perf_counter() - t)
            page.close()
            page.deleteLater()
            bus.detach()
            app.processEvents()
        print(f"open the agenda view (large file):     {ms(samples)}  target < 300 ms")
        desk.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
