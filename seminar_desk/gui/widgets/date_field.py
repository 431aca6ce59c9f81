"""A date field that takes what people type ("3 March 2027", "3/3/2027" in their locale's
order, "2027-03-03") and refuses anything else with a message that says what it takes."""

from datetime import date

from PySide6.QtCore import QEvent, QLocale, QSize, Signal
from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame, QWidget

from seminar_desk.domain.agenda.parse import TYPED_DATE_EXAMPLES, parse_typed_date
from seminar_desk.gui import runner


def shown_date(value: date | None) -> str:
    """How a date reads in the field: "3 March 2027"."""
    return "" if value is None else f"{value.day} {value:%B %Y}"


def day_first() -> bool:
    """Whether the locale writes the day before the month (3/3 is then 3 March)."""
    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat).lower()
    return pattern.find("d") < pattern.find("m")


class DateField(QLineEdit):
    """Emits `chosen(date)` when a typed date is confirmed (Enter or leaving the field) and
    differs from the one shown; a text that is not a date is refused and the date comes back."""

    chosen = Signal(object)

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.what = what
        self._date: date | None = None
        self.setPlaceholderText(TYPED_DATE_EXAMPLES.split(",")[0])
        self.setToolTip(f"Type a date: {TYPED_DATE_EXAMPLES}")
        self.editingFinished.connect(self._confirm)
        self._fit_dates()

    def _fit_dates(self) -> None:
        """Never narrower than the widest date ("30 September 2026"): a row short of room
        (the Seminar page's days at 1366x768) would otherwise cut the year off."""
        metrics = self.fontMetrics()
        widest = max(
            metrics.horizontalAdvance(shown_date(date(2026, month, 28 if month == 2 else 30)))
            for month in range(1, 13)
        )
        text, frame = self.textMargins(), self.contentsMargins()
        inner = widest + 4 + text.left() + text.right() + frame.left() + frame.right()
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        size = self.style().sizeFromContents(
            QStyle.ContentsType.CT_LineEdit, option, QSize(inner, metrics.height()), self
        )
        self.setMinimumWidth(size.width())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_dates()

    def value(self) -> date | None:
        return self._date

    def set_date(self, value: date | None) -> None:
        """Show a saved date (no signal)."""
        self._date = value
        self.setText(shown_date(value))
        self.setCursorPosition(0)

    def _confirm(self) -> None:
        text = self.text().strip()
        if text == shown_date(self._date) or (not text and self._date is None):
            return
        typed = parse_typed_date(text, day_first=day_first())
        if typed is None:
            self.set_date(self._date)
            runner.show_refusal(
                self,
                f"{self.what}: \u201c{text}\u201d is not a date. Type e.g. {TYPED_DATE_EXAMPLES}.",
            )
            return
        self.setText(shown_date(typed))
        if typed != self._date:
            self._date = typed  # a refused save shows the saved date again (set_date)
            self.chosen.emit(typed)
