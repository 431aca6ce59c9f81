"""The Agenda page's day header: the day tabs (an item dropped on one moves there), the day's
start and planned end, its warnings, and adding or removing a day."""

from collections.abc import Callable
from datetime import time

from PySide6.QtCore import QTime, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QTabBar, QTimeEdit

from seminar_desk.domain.agenda.timing import format_minutes, wall_time
from seminar_desk.gui import runner
from seminar_desk.gui.agenda.day_removal import remove_day
from seminar_desk.gui.agenda.model import ID_ROLE, MIME_TYPE
from seminar_desk.services.agenda import AgendaService, DayInfo, DayView

MAX_WARNING_ROWS = 5


class DayTabs(QTabBar):
    """Day tabs that take an item dropped on them: it moves to the end of that day."""

    def __init__(self, move_to_day: Callable[[str, int], None]) -> None:
        super().__init__()
        self.move_to_day = move_to_day
        self.setAcceptDrops(True)
        self.setExpanding(False)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(MIME_TYPE):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(MIME_TYPE) and self.tabAt(event.position().toPoint()) >= 0:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        index = self.tabAt(event.position().toPoint())
        if index < 0 or not event.mimeData().hasFormat(MIME_TYPE):
            event.ignore()
            return
        item_id = bytes(event.mimeData().data(MIME_TYPE).data()).decode()
        # The table's model never removes rows itself, so a "move" drop is safe to accept.
        event.acceptProposedAction()
        QTimer.singleShot(0, lambda: self.move_to_day(item_id, index))


class DayHeader:
    """The day tabs and times of the Agenda page, mixed into AgendaPage (which gives the
    service, the days, `load_day` and `refresh_live`)."""

    service: AgendaService
    days: list[DayInfo]
    day_view: DayView | None
    warnings: QListWidget
    _loading: bool

    def _build_day_header(self) -> QHBoxLayout:
        """The tabs, then the start and planned end of the shown day."""
        self.tabs = DayTabs(self.move_to_day)
        self.tabs.setObjectName("dayTabs")
        self.tabs.currentChanged.connect(self._tab_changed)
        self.day_start = QTimeEdit()
        self.day_start.setDisplayFormat("HH:mm")
        self.day_start.setToolTip("When the day starts")
        self.day_end = QTimeEdit()
        self.day_end.setDisplayFormat("HH:mm")
        self.day_end.setToolTip("When the day is planned to end")
        self.day_start.editingFinished.connect(lambda: self._save_day("start_time", self.day_start))
        self.day_end.editingFinished.connect(lambda: self._save_day("end_time", self.day_end))
        head = QHBoxLayout()
        head.addWidget(self.tabs, 1)
        head.addWidget(QLabel("Starts"))
        head.addWidget(self.day_start)
        head.addWidget(QLabel("ends"))
        head.addWidget(self.day_end)
        return head

    def current_day_id(self) -> str | None:
        index = self.tabs.currentIndex()
        return self.days[index].id if 0 <= index < len(self.days) else None

    def show_day(self, day_id: str) -> None:
        for i, day in enumerate(self.days):
            if day.id == day_id:
                self.tabs.setCurrentIndex(i)

    def step_tab(self, step: int) -> None:
        index = self.tabs.currentIndex() + step
        if 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)

    def _tab_changed(self, _index: int) -> None:
        if not self._loading:
            self.load_day()

    def _save_day(self, name: str, edit: QTimeEdit) -> None:
        day_id = self.current_day_id()
        if day_id is None or self._loading:
            return
        chosen = time(edit.time().hour(), edit.time().minute())
        view = self.day_view
        current = (
            wall_time(view.start if name == "start_time" else view.planned_end) if view else None
        )
        if chosen != current:
            runner.call(self, self.service.update_day, day_id, origin=self, **{name: chosen})

    def _show_day_details(self) -> None:
        view = self.day_view
        self.warnings.clear()
        self.day_start.setEnabled(view is not None)
        self.day_end.setEnabled(view is not None)
        if view is None:
            self.warnings.setVisible(False)
            self.live_label.setText("No days yet: import an agenda, or press Add day.")
            self.delay_label.clear()
            return
        for edit, minutes in ((self.day_start, view.start), (self.day_end, view.planned_end)):
            t = wall_time(minutes)
            edit.blockSignals(True)
            edit.setTime(QTime(t.hour, t.minute))
            edit.blockSignals(False)
        for item in view.items:
            for warning in item.warnings:
                self.warnings.addItem(f"{format_minutes(item.start)}  {item.title}: {warning}")
                self.warnings.item(self.warnings.count() - 1).setData(ID_ROLE, item.id)
        self._fit_warnings()
        self.refresh_live()

    def _fit_warnings(self) -> None:
        """As tall as its lines (up to MAX_WARNING_ROWS, then it scrolls): no blank band."""
        count = self.warnings.count()
        self.warnings.setVisible(count > 0)
        if count:
            rows = min(count, MAX_WARNING_ROWS)
            frame = 2 * self.warnings.frameWidth()
            self.warnings.setFixedHeight(rows * self.warnings.sizeHintForRow(0) + frame + 2)

    def add_day(self) -> None:
        added = runner.call(self, self.service.add_day, origin=self)
        if added is not None:
            self.show_day(added.id)
            self.load_day()

    def insert_day(self) -> None:
        """A new day before the shown one; the days after it move on if they must."""
        index = max(0, self.tabs.currentIndex())
        added = runner.call(self, self.service.insert_day, index, origin=self)
        if added is not None:
            self.show_day(added.id)
            self.load_day()

    def delete_day(self) -> None:
        """Remove the shown day, after saying what goes with it (undoable)."""
        day_id = self.current_day_id()
        if day_id is not None:
            remove_day(self, self.service, day_id, self)
