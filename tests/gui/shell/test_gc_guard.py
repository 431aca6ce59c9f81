"""Garbage collection happens on the GUI thread only, never in a worker thread."""

import gc
import threading

from seminar_desk.gui.shell.gc_guard import GuiThreadCollector


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_a_worker_thread_never_collects_and_the_gui_timer_does(qapp) -> None:
    collector = GuiThreadCollector()
    collected_in: list[str] = []

    def note(phase: str, info: dict) -> None:
        if phase == "start":
            collected_in.append(threading.current_thread().name)

    gc.collect()  # every generation empty: what is due below is this test's own doing
    gc.callbacks.append(note)
    collector.start()
    try:

        def allocate() -> None:
            for _ in range(50_000):
                Cycle()  # far past generation 0's threshold

        worker = threading.Thread(target=allocate, name="worker")
        worker.start()
        worker.join()
        assert "worker" not in collected_in
        assert collector.check() >= 0  # the GUI thread's timer collects what is due
        assert collected_in and set(collected_in) == {threading.current_thread().name}
        assert collector.check() == -1  # nothing more is due
    finally:
        collector.stop()
        gc.callbacks.remove(note)
    assert gc.isenabled()
