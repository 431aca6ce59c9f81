"""The attendance line of the Participants tab: which day, who shows, today's count, and the
check-in mode (type a few letters, Enter marks the one match present and the field clears; with
several matches Enter says how many, and Up and Down pick one).
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from seminar_desk.services.participants.service import DayRow

EVERYONE, PRESENT, MISSING = "everyone", "present", "missing"
SHOW = ((EVERYONE, "Everyone"), (PRESENT, "Present"), (MISSING, "Missing"))


class AttendanceBar(QWidget):
    """Chooses the attendance day and who is shown; says how many are present that day."""

    changed = Signal()  # the day, what is shown, or the check-in mode changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today: DayRow | None = None
        self._shown_before = 0
        self.check_in = QPushButton("Check-in")
        self.check_in.setCheckable(True)
        self.check_in.setToolTip(
            "Check-in mode (Ctrl+Shift+A): type a few letters of a name in the field; Enter marks "
            "the one person listed present on the chosen day (with several, pick one with the "
            "arrows first)"
        )
        self.show_combo = QComboBox()
        for value, label in SHOW:
            self.show_combo.addItem(label, value)
        self.day_combo = QComboBox()
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.last = QLabel()
        self.last.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check_in)
        layout.addWidget(QLabel("Show"))
        layout.addWidget(self.show_combo)
        layout.addWidget(QLabel("on"))
        layout.addWidget(self.day_combo)
        layout.addWidget(self.count)
        layout.addSpacing(12)
        layout.addWidget(self.last, 1)
        self.check_in.toggled.connect(self._mode)
        self.show_combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.day_combo.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def set_days(self, days: list[DayRow], today: DayRow | None) -> None:
        """Offer the seminar's days, keeping the chosen one; the first time, today's."""
        chosen = self.day_id() or (today.id if today else None)
        self.today = today
        self.day_combo.blockSignals(True)
        self.day_combo.clear()
        for day in days:
            suffix = " \u2013 today" if today and day.id == today.id else ""
            self.day_combo.addItem(f"{day.label}{suffix}", day.id)
        self.day_combo.setCurrentIndex(max(0, self.day_combo.findData(chosen)))
        self.day_combo.blockSignals(False)
        self.setEnabled(bool(days))

    def day_id(self) -> str | None:
        return self.day_combo.currentData()

    def day_name(self) -> str:
        """'today' or 'on Day 2 (04 Mar)', for sentences."""
        day = self.day_id()
        if day is None:
            return ""
        if self.today and day == self.today.id:
            return "today"
        return "on " + self.day_combo.currentText()

    def shown(self) -> str:
        """Who the table shows on the chosen day: everyone, present or missing."""
        if self.check_in.isChecked():
            return MISSING
        return str(self.show_combo.currentData())

    def set_count(self, present: int, total: int) -> None:
        if self.day_id() is None:
            self.count.setText("No days yet: add them on the Agenda page (Add day)")
        else:
            self.count.setText(f"{present} of {total} present {self.day_name()}")

    def _mode(self, on: bool) -> None:
        """Check-in lists who is still missing; leaving it shows what was shown before."""
        self.show_combo.blockSignals(True)
        if on:
            self._shown_before = self.show_combo.currentIndex()
            self.show_combo.setCurrentIndex(self.show_combo.findData(MISSING))
        else:
            self.show_combo.setCurrentIndex(self._shown_before)
        self.show_combo.blockSignals(False)
        self.show_combo.setEnabled(not on)
        self.check_in.setText("Stop check-in" if on else "Check-in")
        self.last.setText("Type a few letters of a name, then Enter" if on else "")
        self.changed.emit()
