"""The projector: the current speaker and the countdown, readable from the back row.

`ProjectorView` places its labels itself, in horizontal bands sized from the window, with no
QLayout: a layout grows to its labels' preferred sizes, which pushed the next speakers off a
1080-pixel screen. Each label gets the largest font, up to its band's share of the screen, at
which its text fits inside it, so a long name is set smaller, never cut (only below `min_px`,
which no screen from 800x450 up reaches, is text elided). White and amber on black for contrast.

`ProjectorWindow` shows the view on the second screen; the Speakers page shows a small live copy
(`gui.speakers.preview`). Only labels whose text changes are touched, so a running countdown
repaints one label a second, at a size set for its widest text so it does not jump.
"""

from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QPalette,
    QResizeEvent,
    QScreen,
)
from PySide6.QtWidgets import QApplication, QLabel, QSizePolicy, QWidget

from seminar_desk.gui.settings import UiSettings
from seminar_desk.gui.speakers.controller import (
    PHASE_COLOURS,
    ProjectorMode,
    SpeakersController,
)
from seminar_desk.services.speakers.rows import ListSnapshot, SpeakerRow

BACKGROUND = QColor("#000000")
FOREGROUND = QColor("#FFFFFF")
DIM = QColor("#B8C4D0")
UPCOMING = 3
ELLIPSIS = "…"
# The screen is (at least) 36 units high and 48 wide; fonts and gaps are set in units.
UNITS_HIGH, UNITS_WIDE = 36, 48
MARGIN_UNITS, GAP_UNITS = 1.2, 0.3
# Below this share of their full size the countdown and the name are too small for their
# role: lesser rows are then left out (never on a screen of 800x450 or more).
CRAMPED = 0.65


@dataclass(frozen=True)
class Fit:
    """How a label is set: `size` font units at most, on up to `lines` lines, bold or not;
    `digits` for a count or a clock, sized for its widest value (see `template`)."""

    size: float
    lines: int = 1
    bold: bool = False
    digits: bool = False

    def template(self, text: str) -> str:
        """Digits drawn as 8s (the widest), so the size holds while the seconds change."""
        if not self.digits:
            return text
        return "".join("8" if c.isdigit() else c for c in max(text, "+88:88", key=len))


class _Label(QLabel):
    """A plain-text label that ignores being given the text it already shows."""

    def __init__(self, fit: Fit, colour: QColor = FOREGROUND) -> None:
        super().__init__()
        self.fit = fit
        self.full_text = ""
        self.max_px = 8  # its share of the screen, set when the view is laid out
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(fit.lines > 1)
        self.set_colour(colour)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    def set_colour(self, colour: QColor) -> None:
        palette = self.palette()
        if palette.color(QPalette.ColorRole.WindowText) != colour:
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            self.setPalette(palette)


def font_at(base: QFont, px: int, fit: Fit) -> QFont:
    font = QFont(base)
    font.setPixelSize(max(1, px))
    font.setBold(fit.bold)
    if fit.digits:
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setFixedPitch(True)
    return font


def drawn(font: QFont, text: str, width: int, flags: int) -> QRect:
    """The box `text` takes, drawn with `font` and alignment/wrap `flags`, `width` wide at most."""
    return QFontMetrics(font).boundingRect(QRect(0, 0, width, 1_000_000), flags, text)


def text_fits(font: QFont, text: str, width: int, height: int, flags: int) -> bool:
    """Whether `text`, drawn with `font` and alignment/wrap `flags`, lies within width x height."""
    box = drawn(font, text, width, flags)
    return box.width() <= width and box.height() <= height


def elide(font: QFont, text: str, width: int, height: int, flags: int) -> str:
    """The longest beginning of `text` that fits with an ellipsis (the last resort)."""
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if text_fits(font, text[:mid].rstrip() + ELLIPSIS, width, height, flags):
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + ELLIPSIS


class ProjectorView(QWidget):
    """Seminar title, item, speaker, countdown, next speakers, clock; or a message, or the clock.

    The view follows the controller's one countdown ticker; whoever shows it holds the ticker.
    """

    def __init__(
        self,
        controller: SpeakersController,
        parent: QWidget | None = None,
        flags: Qt.WindowType = Qt.WindowType.Widget,
        *,
        min_px: int = 8,
    ) -> None:
        super().__init__(parent, flags)
        self.controller = controller
        self.min_px = min_px
        self._relayout = False
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, BACKGROUND)
        palette.setColor(QPalette.ColorRole.WindowText, FOREGROUND)
        self.setPalette(palette)
        self.setAutoFillBackground(True)

        self.seminar = _Label(Fit(1.4), DIM)
        self.clock = _Label(Fit(1.8, bold=True, digits=True))
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.item = _Label(Fit(1.6, lines=2), DIM)
        self.speaker = _Label(Fit(3.6, lines=2, bold=True))
        self.delegation = _Label(Fit(2.4))
        self.capacity = _Label(Fit(1.7), DIM)
        self.countdown = _Label(Fit(9.0, bold=True, digits=True))
        self.next_title = _Label(Fit(1.3), DIM)
        self.next_lines = [_Label(Fit(1.6)) for _ in range(UPCOMING)]
        self.message = _Label(Fit(3.4, lines=4, bold=True))
        self.big_clock = _Label(Fit(10.0, bold=True, digits=True))
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        for label in (self.seminar, self.item, self.next_title, *self.next_lines):
            label.setAlignment(left)
        for label in (
            self.speaker,
            self.delegation,
            self.capacity,
            self.countdown,
            self.message,
            self.big_clock,
        ):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.labels: list[_Label] = [
            self.seminar,
            self.clock,
            self.item,
            self.speaker,
            self.delegation,
            self.capacity,
            self.countdown,
            self.next_title,
            *self.next_lines,
            self.message,
            self.big_clock,
        ]
        for label in self.labels:
            label.setParent(self)

        self.ticker = controller.ticker
        self.ticker.countdown_changed.connect(self._on_countdown)
        self.ticker.clock_changed.connect(self._on_clock)
        controller.snapshot_changed.connect(self._on_snapshot)
        controller.projector_changed.connect(self._apply_mode)
        self._on_snapshot(controller.snapshot)
        self._on_countdown(self.ticker.text, self.ticker.phase)
        self._on_clock(self.ticker.clock)
        self._apply_mode()

    # -- following the controller -------------------------------------------------------------

    def _on_snapshot(self, snap: ListSnapshot | None) -> None:
        self._show(self.seminar, snap.seminar_title if snap else "")
        self._show(self.item, snap.item_title if snap else "")
        current = snap.current if snap else None
        if current is None:
            self._show(self.speaker, "")
            self._show(self.delegation, "")
            self._show(self.capacity, "The floor is open" if snap and snap.waiting else "")
        else:
            self._show(self.speaker, current.title)
            self._show(self.delegation, current.delegation if current.name else "")
            self._show(self.capacity, self._capacity_line(current))
        upcoming = list(snap.waiting[:UPCOMING]) if snap else []
        self._show(self.next_title, "Next speakers" if upcoming else "")
        for i, line in enumerate(self.next_lines):
            if i < len(upcoming):
                row = upcoming[i]
                text = row.title + (f" ({row.delegation_code})" if row.name else "")
                if row.speech_type != "statement":
                    text += f" · {row.speech_label}"
                self._show(line, f"{i + 1}.  {text}")
            else:
                self._show(line, "")
        if self._relayout:
            self._place()

    @staticmethod
    def _capacity_line(row: SpeakerRow) -> str:
        parts = [row.capacity_text]
        if row.speech_type != "statement":
            parts.append(row.speech_label)
        return " · ".join(parts)

    def _on_countdown(self, text: str, phase: str) -> None:
        self.countdown.set_colour(QColor(PHASE_COLOURS.get(phase, "#FFFFFF")))
        self._show(self.countdown, text)

    def _on_clock(self, text: str) -> None:
        self._show(self.clock, text)
        self._show(self.big_clock, text)

    def _apply_mode(self) -> None:
        self._show(self.message, self.controller.message)
        self._place()

    # -- laying out -----------------------------------------------------------------------------

    def _rows(self) -> list[list[_Label] | float]:
        """Top to bottom: rows of labels side by side, and stretches (their weight)."""
        mode = self.controller.mode
        if mode == ProjectorMode.MESSAGE:
            return [[self.seminar], 1.0, [self.message], [self.big_clock], 1.0]
        if mode == ProjectorMode.CLOCK:
            return [[self.seminar], 1.0, [self.big_clock], 1.0]
        return [
            [self.seminar, self.clock],
            [self.item],
            1.0,
            [self.speaker],
            [self.delegation],
            [self.capacity],
            [self.countdown],
            1.0,
            [self.next_title],
            *([line] for line in self.next_lines),
        ]

    def _spared(self) -> list[_Label]:
        """Rows left out, first to last, when even the smallest text would not fit: only in a
        view far smaller than a projector (the preview in a small window)."""
        return [*reversed(self.next_lines), self.next_title, self.item, self.capacity]

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._place()

    def _unit(self) -> float:
        return max(1.0, min(self.height() / UNITS_HIGH, self.width() / UNITS_WIDE))

    def _place(self) -> None:
        """Give each row a band of the height, shrunk alike until all fit; then fit each text."""
        self._relayout = False
        unit = self._unit()
        margin = round(unit * MARGIN_UNITS)
        gap = unit * GAP_UNITS
        width = max(1, self.width() - 2 * margin)
        rows = self._rows()
        spared = self._spared()
        while True:
            bands = [row for row in rows if isinstance(row, list)]
            wanted = [
                max(self._band_height(label, label.fit.size * unit) for label in row)
                for row in bands
            ]
            least = [max(self._band_height(label, self.min_px) for label in row) for row in bands]
            room = self.height() - 2 * margin - gap * (sum(1 for h in wanted if h) - 1)
            scales, common = self._scales(wanted, least, room)
            heights = [
                floor if k is None else int(w * k)
                for w, floor, k in zip(wanted, least, scales, strict=True)
            ]
            cramped = common < CRAMPED or sum(heights) > room
            left_out = next((b for label in spared for b in bands if b[0] is label), None)
            if not cramped or left_out is None:
                break
            rows.remove(left_out)
            spared.remove(left_out[0])
            if left_out[0] is self.next_lines[0]:  # no heading over no one
                rows.remove([self.next_title])
                spared.remove(self.next_title)
        shown = {label for band in bands for label in band}
        for label in self.labels:
            label.setVisible(label in shown)
        spare = max(0.0, room - sum(heights))
        weights = sum(row for row in rows if not isinstance(row, list)) or 1.0
        y = float(margin)
        bands_left = iter(zip(heights, scales, strict=True))
        for row in rows:
            if not isinstance(row, list):
                y += spare * row / weights
                continue
            band, scale = next(bands_left)
            for label in row:
                share = 0 if scale is None else int(label.fit.size * unit * scale)
                label.max_px = max(self.min_px, share)
            self._place_row(row, margin, int(y), width, band)
            y += band + (gap if band else 0)

    @staticmethod
    def _scales(
        wanted: list[int], least: list[int], room: float
    ) -> tuple[list[float | None], float]:
        """One shrink factor for all bands, except those it would take below their smallest
        font (None: set at the smallest size), so the countdown gives way before small lines;
        and that common factor."""
        floored = [False] * len(wanted)
        while True:
            free = sum(w for w, f in zip(wanted, floored, strict=True) if not f)
            taken = sum(m for m, f in zip(least, floored, strict=True) if f)
            scale = max(0.0, min(1.0, (room - taken) / free)) if free else 1.0
            below = [i for i, w in enumerate(wanted) if not floored[i] and w * scale < least[i]]
            if not below:
                return [None if f else scale for f in floored], scale
            for i in below:
                floored[i] = True

    def _band_height(self, label: _Label, px: float) -> int:
        """The height of the label's lines at `px`; none for an empty line of text (the
        countdown and the clock keep their place, so the screen does not jump)."""
        if not label.full_text and not label.fit.digits:
            return 0
        font = font_at(self.font(), round(px), label.fit)
        lines = "\n".join(["Ág"] * label.fit.lines)
        return drawn(font, lines, 1_000_000, self._flags(label)).height()

    def _place_row(self, row: list[_Label], x: int, y: int, width: int, height: int) -> None:
        if len(row) == 1:
            row[0].setGeometry(x, y, width, height)
            self._fit(row[0])
            return
        title, clock = row  # the seminar's title, and the clock at the right
        sample = clock.fit.template("88:88")
        clock.setGeometry(x, y, width // 3, height)
        font = font_at(self.font(), self._largest_px(clock, sample), clock.fit)
        clock_width = min(width // 3, QFontMetrics(font).horizontalAdvance(sample) + 2)
        gap = clock.max_px
        clock.setGeometry(x + width - clock_width, y, clock_width, height)
        title.setGeometry(x, y, max(1, width - clock_width - gap), height)
        self._fit(clock)
        self._fit(title)

    def _show(self, label: _Label, text: str) -> None:
        if text == label.full_text:
            return
        same_shape = label.fit.template(text) == label.fit.template(label.full_text)
        appears_or_goes = (not text) != (not label.full_text)
        label.full_text = text
        if label.fit.digits and same_shape and label.text():
            label.setText(text)  # the size set for this shape still holds: one repaint
        elif appears_or_goes and not label.fit.digits:
            self._relayout = True  # the other lines take or give up its room (see _on_snapshot)
        else:
            self._fit(label)

    def _fit(self, label: _Label) -> None:
        """Set the label's text at the largest size that fits its box; elide only below min_px."""
        text = label.full_text
        px = self._largest_px(label, label.fit.template(text))
        font = font_at(self.font(), px, label.fit)
        box = label.contentsRect()
        flags = self._flags(label)
        if text and not text_fits(font, text, box.width(), box.height(), flags):
            text = elide(font, text, box.width(), box.height(), flags)
        if font != label.font():
            label.setFont(font)
        if label.text() != text:
            label.setText(text)

    def _largest_px(self, label: _Label, text: str) -> int:
        """The largest pixel size, up to the label's share, at which `text` fits its box."""
        box = label.contentsRect()
        flags = self._flags(label)
        low, high = self.min_px, max(self.min_px, label.max_px)

        def fits(px: int) -> bool:
            font = font_at(self.font(), px, label.fit)
            return text_fits(font, text, box.width(), box.height(), flags)

        if not text or fits(high):
            return high
        while low < high:
            mid = (low + high + 1) // 2
            if fits(mid):
                low = mid
            else:
                high = mid - 1
        return low

    @staticmethod
    def _flags(label: QLabel) -> int:
        flags = int(label.alignment().value)
        if label.wordWrap():
            flags |= Qt.TextFlag.TextWordWrap.value
        return flags


def saved_screen_name() -> str:
    return UiSettings().projector_screen()


def save_screen_name(name: str) -> None:
    UiSettings().save_projector_screen(name)


def pick_screen(name: str) -> QScreen | None:
    """The remembered screen if it is connected, else a screen other than the laptop's own."""
    screens = QGuiApplication.screens()
    for screen in screens:
        if screen.name() == name:
            return screen
    primary = QGuiApplication.primaryScreen()
    others = [s for s in screens if s is not primary]
    return others[0] if others else primary


class ProjectorWindow(ProjectorView):
    """The view as a second top-level window, full screen on the chosen screen."""

    def __init__(self, controller: SpeakersController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent, Qt.WindowType.Window)
        self.setObjectName("projector")
        self.setWindowTitle("Seminar Desk — projector")
        self.resize(1280, 720)
        # Shown, it leaves the keyboard with the desk: the chair's F5-F8 must still reach it.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.ticker.hold(self)

    def show_on(self, screen: QScreen | None, *, full_screen: bool = True) -> None:
        """Show on `screen` (remembered for next time), full screen unless told otherwise; the
        desk (the window active before) keeps the keyboard, so the chair's F5-F8 still work."""
        desk = QApplication.activeWindow()
        if screen is not None:
            save_screen_name(screen.name())
            self.setScreen(screen)
            self.setGeometry(screen.availableGeometry())
        if full_screen:  # not showFullScreen(): that would take the keyboard from the desk
            self.setWindowState(self.windowState() | Qt.WindowState.WindowFullScreen)
        self.show()
        if desk is not None and desk is not self:  # platforms that activate what is shown
            desk.activateWindow()
        self.ticker.hold(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        """F11 toggles full screen; Escape leaves it (the facilitator may click here by mistake)."""
        if event.key() == Qt.Key.Key_F11 and self.isFullScreen():
            self.showNormal()
        elif event.key() == Qt.Key.Key_F11:
            self.showFullScreen()
        elif event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self.ticker.release(self)
        super().closeEvent(event)
