"""Python's garbage collection runs on the GUI thread only.

The collector runs in whichever thread happens to allocate when a threshold is crossed. When
that is a worker thread (a report export, an import), a Qt object caught in a reference cycle
is destroyed there, off the GUI thread, and Qt may crash. As Anki and other PySide/PyQt
applications do, automatic collection is switched off and a timer on the GUI thread collects
each generation when its threshold is reached.
"""

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_EVERY_MS = 500


class GuiThreadCollector(QObject):
    """Collects on the GUI thread, generation by generation, as Python's thresholds say."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.timer = QTimer(self, interval=CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        gc.disable()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()

    def check(self) -> int:
        """Collect the oldest generation whose count passed its threshold; returns it or -1."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.threshold[generation]:
                gc.collect(generation)
                return generation
        return -1
