"""The Seminar page's Days: each day's date and theme, inserting a day before any other, adding
one after the last, and removing any day (asked first when it holds items). Each change is one
undoable step of the agenda service; the seminar's dates follow the days."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from seminar_desk.gui import runner
from seminar_desk.gui.agenda.day_removal import remove_day
from seminar_desk.gui.widgets.date_field import DateField
from seminar_desk.services.agenda import AgendaService, DayInfo

THEME_WIDTH_CHARS = 60


class DaysBox(QGroupBox):
    """One row per day: "Day N", its date, its theme, Insert before, Remove; then Add day."""

    def __init__(self, service: AgendaService, parent: QWidget | None = None) -> None:
        super().__init__("Days", parent)
        self.service = service
        # Its own origin: the page around it (start and end dates) reloads on these changes.
        self.origin = self
        self.grid = QGridLayout(self)
        self.dates: list[DateField] = []
        self.themes: list[QLineEdit] = []
        self.inserts: list[QPushButton] = []
        self.removes: list[QPushButton] = []
        self.days: list[DayInfo] = []
        self.add_button = QPushButton("Add day")
        self.add_button.setObjectName("addDay")
        self.add_button.setToolTip("A day after the last one")
        self.add_button.clicked.connect(lambda: self._insert(None))
        self.empty = QLabel("No days yet: add the first one, or import an agenda.")
        self.numbers: list[QLabel] = []
        self._rebuild([])

    def load(self) -> None:
        """Show the days; rows are rebuilt only when days come or go, so typing is not lost."""
        days = runner.call(self, self.service.days) or []
        if [d.id for d in days] != [d.id for d in self.days]:
            self._rebuild(days)
        self.days = days
        for row, day in enumerate(days):
            self.numbers[row].setText(f"Day {day.number}")
            if not self.dates[row].hasFocus() or self.dates[row].value() != day.date:
                self.dates[row].set_date(day.date)
            if self.themes[row].text() != day.title and not self.themes[row].hasFocus():
                self.themes[row].setText(day.title)
                self.themes[row].setCursorPosition(0)

    def _rebuild(self, days: list[DayInfo]) -> None:
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None and widget not in (self.add_button, self.empty):
                widget.deleteLater()
        self.numbers, self.dates, self.themes, self.inserts, self.removes = [], [], [], [], []
        chars = self.fontMetrics().averageCharWidth()
        for row, day in enumerate(days):
            number = QLabel(f"Day {day.number}")
            when = DateField(f"Day {day.number}'s date")
            when.setObjectName(f"dayDate{row}")
            when.setMaximumWidth(max(22 * chars, when.minimumWidth()))
            when.chosen.connect(lambda value, i=day.id: self._save(i, date=value))
            theme = QLineEdit()
            theme.setObjectName(f"dayTheme{row}")
            theme.setPlaceholderText("Theme of the day")
            theme.setMaximumWidth(THEME_WIDTH_CHARS * chars)
            theme.setMinimumWidth(THEME_WIDTH_CHARS * chars // 2)
            theme.editingFinished.connect(lambda i=day.id, e=theme: self._save_theme(i, e))
            insert = QPushButton("Insert day before")
            insert.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            insert.setObjectName(f"insertDay{row}")
            insert.clicked.connect(lambda _checked=False, r=row: self._insert(r))
            remove = QPushButton("Remove")
            remove.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            remove.setObjectName(f"removeDay{row}")
            remove.clicked.connect(lambda _checked=False, i=day.id: self._remove(i))
            for column, widget in enumerate((number, when, theme, insert, remove)):
                self.grid.addWidget(widget, row, column)
            self.numbers.append(number)
            self.dates.append(when)
            self.themes.append(theme)
            self.inserts.append(insert)
            self.removes.append(remove)
        self.empty.setVisible(not days)
        self.grid.addWidget(self.empty, len(days), 0, 1, 3)
        self.grid.addWidget(self.add_button, len(days) + 1, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
        self.grid.setColumnStretch(2, 1)  # the theme grows to its widest,
        self.grid.setColumnStretch(5, 1)  # what is left over goes after the buttons

    def _save(self, day_id: str, **values: object) -> None:
        if runner.call(self, self.service.update_day, day_id, origin=self.origin, **values) is None:
            self.load()

    def _save_theme(self, day_id: str, edit: QLineEdit) -> None:
        day = next((d for d in self.days if d.id == day_id), None)
        if day is not None and edit.text().strip() != day.title:
            self._save(day_id, title=edit.text().strip())

    def _insert(self, index: int | None) -> None:
        added = runner.call(self, self.service.insert_day, index, origin=self.origin)
        if added is not None:
            self.load()
            row = next((i for i, d in enumerate(self.days) if d.id == added.id), None)
            if row is not None:  # once the new row is on screen: its theme is typed next
                QTimer.singleShot(0, self.themes[row].setFocus)

    def _remove(self, day_id: str) -> None:
        if remove_day(self, self.service, day_id, self.origin):
            self.load()
