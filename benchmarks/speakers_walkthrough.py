"""Run the demo's tour de table in the real main window, grab the page and the projector, and
count countdown pixels by colour (the issue's screenshot check). Not a timing benchmark.

The clock is a FakeClock moved by hand, so the countdown states are exact: ten delegations
are added by typing, a point of order is taken, then a speaker overruns (normal, amber, red,
overtime). With --hold STATE the projector stays full screen in that state for a minute, for
a real-display screenshot:

    QT_QPA_PLATFORM=offscreen python benchmarks/speakers_walkthrough.py DEMO.sqlite OUTDIR
    ../shared/tools/screenshot /tmp/over.png 12 -- \
        python benchmarks/speakers_walkthrough.py DEMO.sqlite OUTDIR --hold over
"""

import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from seminar_desk.domain.clock import FakeClock
from seminar_desk.gui.app import make_application
from seminar_desk.gui.main_window import MainWindow
from seminar_desk.gui.settings import UiSettings

src, out = Path(sys.argv[1]), Path(sys.argv[2])
hold = sys.argv[4] if len(sys.argv) > 4 else ""
out.mkdir(parents=True, exist_ok=True)
db = out / "walkthrough.sqlite"
shutil.copy(src, db)
app = make_application()
window = MainWindow(UiSettings())
window.resize(1280, 800)
window.open_file(db)
clock = FakeClock(datetime(2026, 12, 19, 9, 25, tzinfo=UTC))  # 16:25 in Phnom Penh
window.ctx.desk.clock = clock
window.show()
window.activateWindow()
QTest.qWaitForWindowExposed(window)
QTest.qWaitForWindowActive(window, 2000)
page = window.show_page("Speakers")
page.controller.refresh()
log: list[str] = []


def typed(text: str, alt_type: int = 0) -> None:
    if alt_type:
        window.activateWindow()
        QTest.qWaitForWindowActive(window, 1000)
        QTest.keyClick(
            page.add_edit, Qt.Key(Qt.Key.Key_0 + alt_type), Qt.KeyboardModifier.AltModifier
        )
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 1000)
    page.add_edit.setFocus()
    QTest.keyClicks(page.add_edit, text)
    QTest.keyClick(page.add_edit, Qt.Key.Key_Return)
    page.completer.popup().hide()
    app.processEvents()


def key(k: Qt.Key) -> None:
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 1000)
    page.list_view.setFocus()
    QTest.keyClick(page.list_view, k)
    app.processEvents()


def count(image, colour: QColor, tol: int = 40) -> int:
    n = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if (
                abs(c.red() - colour.red()) < tol
                and abs(c.green() - colour.green()) < tol
                and abs(c.blue() - colour.blue()) < tol
            ):
                n += 1
    return n


for name in (
    "brunei",
    "cambodia",
    "indonesia",
    "lao",
    "malaysia",
    "myanmar",
    "philippines",
    "singapore",
    "thailand",
    "viet nam",
):
    clock.advance(3)
    typed(name)
log.append(f"waiting after ten adds: {page.queue.waiting_count}")
key(Qt.Key.Key_F5)  # Brunei
log.append(f"after F5: {page.now_name.text()!r}")
clock.advance(95)
typed("tan hui", alt_type=2)  # point of order from Singapore
log.append("queue head after point of order: " + page.queue.rows[0].title)
window.grab().save(str(out / "page-point-of-order.png"))
key(Qt.Key.Key_F5)  # point of order takes the floor
log.append("now: " + page.now_name.text() + " | " + page.now_detail.text())
clock.advance(40)
key(Qt.Key.Key_F5)  # Cambodia
projector = page.open_projector(full_screen=bool(hold))
if not hold:
    projector.resize(1280, 720)
app.processEvents()


def snap(label: str, seconds: float) -> None:
    clock.advance(seconds)
    projector.ticker.tick()
    page.ticker.tick()
    app.processEvents()
    img = projector.grab().toImage()
    img.save(str(out / f"projector-{label}.png"))
    cd = projector.countdown.grab().toImage()
    log.append(
        f"{label}: countdown {projector.countdown.text()!r} phase {projector.ticker.phase}; "
        f"countdown pixels white={count(cd, QColor('#FFFFFF'))} "
        f"amber={count(cd, QColor('#FFB000'))} red={count(cd, QColor('#FF3B30'))}"
    )


snap("normal", 60)
if hold != "normal":
    snap("amber", 100)
if hold not in ("normal", "amber"):
    snap("red", 20)
if hold not in ("normal", "amber", "red"):
    snap("over", 42)
window.grab().save(str(out / "page-overtime.png"))
if not hold:
    page.message_edit.setText("Coffee break until 16:45")
    page.show_message()
    app.processEvents()
    projector.grab().save(str(out / "projector-message.png"))
    page.show_speakers()
    page.tabs.setCurrentIndex(2)
    page.stats_scope.setCurrentIndex(0)
    key(Qt.Key.Key_F7)
    page.refresh_stats()
    app.processEvents()
    window.grab().save(str(out / "page-statistics.png"))
print("\n".join(log))
if hold:
    QTimer.singleShot(60000, app.quit)
    app.exec()
