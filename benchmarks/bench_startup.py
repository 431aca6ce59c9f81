"""Cold start: seconds from process launch until the main window is shown (offscreen),
for Seminar Desk on the large generated seminar and for a bare PySide6 window, in one run.

Usage: python benchmarks/bench_startup.py [RUNS]   (target: app < 1.5 x bare window)
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 800); w.show()
app.processEvents()
print("shown", flush=True)
"""

# The same steps as seminar_desk.gui.app.run_gui: show the window, then open the file.
APP = """
import sys
from pathlib import Path
from seminar_desk.gui.app import make_application, open_initial_file
from seminar_desk.gui.main_window import MainWindow
from seminar_desk.gui.settings import UiSettings
app = make_application()
window = MainWindow(UiSettings())
window.show()
app.processEvents()
print("shown", flush=True)
import asyncio
import qasync
asyncio.set_event_loop(qasync.QEventLoop(app))
assert open_initial_file(window, Path(sys.argv[1]))
app.processEvents()
print("ready", flush=True)
window.close()
"""


def launch(code: str, *args: str) -> tuple[float, float]:
    """Seconds until the child printed "shown" and until it printed its last line."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    shown = time.perf_counter() - start
    assert line.strip() == "shown", line
    for line in proc.stdout:
        assert line.strip() == "ready", line
    ready = time.perf_counter() - start
    proc.wait()
    return shown, ready


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    from benchmarks.generate_large import generate

    with tempfile.TemporaryDirectory() as tmp:
        db = generate(Path(tmp) / "large.sqlite")
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        launch(BARE)
        launch(APP, str(db))  # warm the OS file cache for both
        bare, shown, ready = [], [], []
        for _ in range(runs):
            bare.append(launch(BARE)[0])
            s, r = launch(APP, str(db))
            shown.append(s)
            ready.append(r)
    b = statistics.median(bare)
    for label, values in (
        ("bare PySide6 window shown", bare),
        ("Seminar Desk window shown", shown),
        ("Seminar Desk, large file open", ready),
    ):
        runs_ms = ", ".join(f"{x * 1000:.0f}" for x in values)
        median = statistics.median(values)
        print(f"{label:32s} median {median * 1000:5.0f} ms  x{median / b:.2f}  ({runs_ms})")
    print("target: window shown < 1.5 x bare window")


if __name__ == "__main__":
    main()
