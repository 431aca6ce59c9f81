"""The Seminar page: the seminar's own details, saved field by field as one undoable step each."""

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from seminar_desk.domain.changes import Area, OpChanges
from seminar_desk.gui import runner
from seminar_desk.gui.context import DeskContext
from seminar_desk.gui.pages.base import Page, PageSpec

# (name, label, widest it grows, in average characters): a form that does not stretch a city
# across a 1920-pixel screen, yet takes a long UN meeting title.
LINE_FIELDS = (
    ("title", "Title", 90),
    ("short_title", "Short title", 40),
    ("venue", "Venue", 60),
    ("city", "City", 32),
    ("country", "Country", 32),
    ("timezone", "Time zone", 32),
)
TEXT_WIDTH_CHARS = 100
TEXT_SAVE_DELAY_MS = 700
TEXT_FIELDS = (
    ("organisers", "Organisers"),
    ("donors", "Donors"),
    ("objectives", "Objectives"),
    ("introduction", "Introduction"),
)


class SeminarPage(Page):
    def __init__(self, ctx: DeskContext) -> None:
        super().__init__(ctx)
        form_host = QWidget()
        form = QFormLayout(form_host)
        self.lines: dict[str, QLineEdit] = {}
        self.texts: dict[str, QPlainTextEdit] = {}
        self._timers: dict[str, QTimer] = {}
        chars = self.fontMetrics().averageCharWidth()
        for name, label, width in LINE_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(name)
            edit.setMaximumWidth(width * chars)
            edit.editingFinished.connect(lambda n=name: self._save(n, self.lines[n].text()))
            self.lines[name] = edit
            form.addRow(label, edit)
        self.start = QDateEdit(calendarPopup=True)
        self.end = QDateEdit(calendarPopup=True)
        for name, edit, label in (
            ("start_date", self.start, "Starts"),
            ("end_date", self.end, "Ends"),
        ):
            edit.setDisplayFormat("d MMMM yyyy")
            edit.setObjectName(name)
            edit.setMaximumWidth(24 * chars)
            edit.dateChanged.connect(lambda _d, n=name: self._date_changed(n))
            edit.editingFinished.connect(lambda n=name, e=edit: self._save_date(n, e))
            form.addRow(label, edit)
        self.limit = QSpinBox()
        self.limit.setRange(0, 60 * 60)
        self.limit.setSuffix(" s")
        self.limit.setSpecialValueText("No limit (stopwatch)")
        self.limit.setMaximumWidth(28 * chars)
        self.limit.editingFinished.connect(
            lambda: self._save("default_speaking_limit_s", self.limit.value())
        )
        form.addRow("Default speaking time", self.limit)
        for name, label in TEXT_FIELDS:
            edit = QPlainTextEdit()
            edit.setObjectName(name)
            edit.setMinimumHeight(70)
            edit.setMaximumWidth(TEXT_WIDTH_CHARS * chars)
            edit.textChanged.connect(lambda n=name: self._text_changed(n))
            timer = QTimer(self, singleShot=True, interval=TEXT_SAVE_DELAY_MS)
            timer.timeout.connect(lambda n=name: self._save(n, self.texts[n].toPlainText()))
            self._timers[name] = timer
            self.texts[name] = edit
            form.addRow(label, edit)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_host)
        QVBoxLayout(self).addWidget(scroll)
        self._loading = False
        self._dates_typed: set[str] = set()
        self.load()

    def hideEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        self.flush()
        super().hideEvent(event)  # type: ignore[arg-type]

    def load(self) -> None:
        details = self.ctx.seminar.details()
        if details is None:
            return
        self._loading = True
        try:
            for name, edit in self.lines.items():
                if edit.text() != getattr(details, name):
                    edit.setText(getattr(details, name))
                    edit.setCursorPosition(0)  # a long title shows its beginning
            for name, text_edit in self.texts.items():
                if text_edit.toPlainText() != getattr(details, name):
                    text_edit.setPlainText(getattr(details, name))
            for edit, value in ((self.start, details.start_date), (self.end, details.end_date)):
                if value is not None:
                    edit.setDate(QDate(value.year, value.month, value.day))
            self.limit.setValue(details.default_speaking_limit_s)
        finally:
            self._loading = False

    def _date_changed(self, name: str) -> None:
        if not self._loading:
            self._dates_typed.add(name)

    def _save_date(self, name: str, edit: QDateEdit) -> None:
        """Only a date the person changed: an unset date shows 1 January 2000, and leaving
        the field must not write that (nor try to, in a file opened read-only)."""
        if name in self._dates_typed:
            self._dates_typed.discard(name)
            self._save(name, edit.date().toPython())

    def _text_changed(self, name: str) -> None:
        """Long texts are saved once typing pauses, so one pause is one undo step."""
        if not self._loading:
            self._timers[name].start()

    def flush(self) -> None:
        """Save texts whose pause timer is still running (before closing or in tests)."""
        for name, timer in self._timers.items():
            if timer.isActive():
                timer.stop()
                self._save(name, self.texts[name].toPlainText())

    def _save(self, name: str, value: object) -> None:
        if self._loading:
            return
        details = self.ctx.seminar.details()
        if details is not None and getattr(details, name) == value:
            return
        if details is None and value == "":
            return  # leaving an empty field of a file with no seminar yet changes nothing
        if runner.call(self, self.ctx.seminar.update, origin=self, **{name: value}) is None:
            self.load()  # refused (and shown): the field shows what is saved again

    def on_changes(self, changes: OpChanges) -> None:
        if changes.touches(Area.SEMINAR) and changes.origin is not self:
            self.load()


SPEC = PageSpec(order=10, title="Seminar", factory=SeminarPage)
