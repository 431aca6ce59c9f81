"""The Seminar page: the seminar's own details, saved field by field as one undoable step each."""

from datetime import date, timedelta

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from seminar_desk.domain.changes import Area, OpChanges
from seminar_desk.domain.speakers.speaking_time import MAX_LIMIT_S, SPEECH_LIMIT_KINDS
from seminar_desk.gui import runner
from seminar_desk.gui.context import DeskContext
from seminar_desk.gui.pages.base import Page, PageSpec
from seminar_desk.gui.seminar.days_box import DaysBox
from seminar_desk.gui.widgets import ask
from seminar_desk.gui.widgets.date_field import DateField
from seminar_desk.gui.widgets.zone_box import ZoneBox
from seminar_desk.services.agenda import AgendaService
from seminar_desk.services.reporting.reports import REPORT_LANGUAGES, report_language_name
from seminar_desk.services.seminar.service import SeminarDetails

# (name, label, widest it grows, in average characters): a form that does not stretch a city
# across a 1920-pixel screen, yet takes a long UN meeting title.
LINE_FIELDS = (
    ("title", "Title", 90),
    ("short_title", "Short title", 40),
    ("venue", "Venue", 60),
    ("city", "City", 32),
    ("country", "Country", 32),
    ("document_symbol", "Document symbol", 40),
)
TEXT_WIDTH_CHARS = 100
TEXT_SAVE_DELAY_MS = 700
TEXT_FIELDS = (
    ("organisers", "Organisers"),
    ("donors", "Donors"),
    ("objectives", "Objectives"),
    ("introduction", "Introduction"),
    ("conclusions", "Conclusions (chair's summary)"),
)
# The seminar report's masthead and chrome: (name, label, ((value, shown text), ...)).
CHOICE_FIELDS = (
    ("distribution", "Distribution", (("general", "General"), ("limited", "Limited"))),
    ("language", "Report language", tuple(REPORT_LANGUAGES.items())),
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
        self.zone = ZoneBox()
        self.zone.setObjectName("timezone")
        self.zone.setMaximumWidth(32 * chars)
        self.zone.chosen.connect(lambda name: self._save("timezone", name))
        form.addRow("Time zone", self.zone)
        self.start = DateField("The seminar's start")
        self.end = DateField("The seminar's end")
        for name, edit, label in (
            ("start_date", self.start, "Starts"),
            ("end_date", self.end, "Ends"),
        ):
            edit.setObjectName(name)
            edit.setMaximumWidth(24 * chars)
            edit.chosen.connect(lambda value, n=name: self._save_date(n, value))
            form.addRow(label, edit)
        self.days_box = DaysBox(AgendaService(ctx.desk))
        form.addRow(self.days_box)
        self.limits_box = QGroupBox("Speaking time")
        limits_form = QFormLayout(self.limits_box)
        self.limit = QSpinBox()
        self.limit.setObjectName("statementLimit")
        self.limit.setRange(0, MAX_LIMIT_S)
        self.limit.setSuffix(" s")
        self.limit.setSpecialValueText("No limit (stopwatch)")
        self.limit.setMaximumWidth(28 * chars)
        self.limit.setToolTip("The seminar's default; an agenda item may set its own")
        self.limit.editingFinished.connect(
            lambda: self._save("default_speaking_limit_s", self.limit.value())
        )
        limits_form.addRow("Statement", self.limit)
        self.type_limits: dict[str, QSpinBox] = {}
        for key, label in SPEECH_LIMIT_KINDS[1:]:
            spin = QSpinBox()
            spin.setObjectName(f"{key}Limit")
            spin.setRange(0, MAX_LIMIT_S)
            spin.setSuffix(" s")
            spin.setSpecialValueText("As a statement")
            spin.setMaximumWidth(28 * chars)
            spin.editingFinished.connect(self._save_type_limits)
            self.type_limits[key] = spin
            limits_form.addRow(label, spin)
        form.addRow(self.limits_box)
        self.choices: dict[str, QComboBox] = {}
        for name, label, options in CHOICE_FIELDS:
            combo = QComboBox()
            combo.setObjectName(name)
            combo.setMaximumWidth(32 * chars)
            for value, text in options:
                combo.addItem(text, value)
            combo.currentIndexChanged.connect(
                lambda _i, n=name: self._save(n, self.choices[n].currentData())
            )
            self.choices[name] = combo
            form.addRow(label, combo)
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
        self.load()

    def hideEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        self.flush()
        super().hideEvent(event)  # type: ignore[arg-type]

    def _details(self) -> SeminarDetails:
        """What is saved; a new file with no seminar yet shows what a seminar starts with."""
        return self.ctx.seminar.details() or SeminarDetails()

    def load(self) -> None:
        details = self._details()
        self._loading = True
        try:
            for name, edit in self.lines.items():
                if edit.text() != getattr(details, name):
                    edit.setText(getattr(details, name))
                    edit.setCursorPosition(0)  # a long title shows its beginning
            for name, text_edit in self.texts.items():
                if text_edit.toPlainText() != getattr(details, name):
                    text_edit.setPlainText(getattr(details, name))
            self.zone.set_zone(details.timezone)
            for edit, value in ((self.start, details.start_date), (self.end, details.end_date)):
                edit.set_date(value)
            self.days_box.load()
            has_days = bool(self.days_box.days)
            self.end.setReadOnly(has_days)
            self.end.setToolTip(
                "The last day's date: add or remove days below"
                if has_days
                else self.start.toolTip()
            )
            self.limit.setValue(details.default_speaking_limit_s)
            for name, combo in self.choices.items():
                index = combo.findData(getattr(details, name))
                if index < 0:  # a value this version does not offer: shown, kept as is
                    value = getattr(details, name)
                    # a report language without a catalogue prints English chrome: say so
                    text = report_language_name(value) if name == "language" else value
                    combo.addItem(text, value)
                    index = combo.count() - 1
                combo.setCurrentIndex(index)
            for key, spin in self.type_limits.items():
                spin.setValue(details.speech_limits.get(key, 0))
        finally:
            self._loading = False

    def _save_date(self, name: str, value: date) -> None:
        """Dates typed in; once there are days, a new start moves them all (asked first)."""
        days = self.days_box.days
        if name == "start_date" and days and value != days[0].date:
            shift = (value - days[0].date).days
            last = days[-1].date + timedelta(days=shift)
            question = (
                f"Move all {len(days)} day(s) of the seminar by {abs(shift)} day(s), so it runs "
                f"from {value:%A %d %B %Y} to {last:%A %d %B %Y}? Their agenda items move "
                "with them.\n\nEdit › Undo (Ctrl+Z) moves them back."
            )
            if not ask.confirm(self, question, yes="Move the days"):
                self.load()
                return
            runner.call(
                self, self.ctx.seminar.update, origin=self, move_days=True, start_date=value
            )
            self.load()  # the days and the end date moved too (or nothing did)
            return
        self._save(name, value)
        self.load()  # a start past the end took the end along

    def _save_type_limits(self) -> None:
        """Every kind's limit in one value: 0 ("As a statement") leaves the kind out."""
        limits = {key: spin.value() for key, spin in self.type_limits.items() if spin.value()}
        self._save("speech_limits", limits)

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
        if getattr(self._details(), name) == value:
            return  # e.g. leaving an empty field of a new file, or a limit left at its default
        if runner.call(self, self.ctx.seminar.update, origin=self, **{name: value}) is None:
            self.load()  # refused (and shown): the field shows what is saved again

    def on_changes(self, changes: OpChanges) -> None:
        if changes.touches(Area.SEMINAR, Area.AGENDA) and changes.origin is not self:
            self.load()


SPEC = PageSpec(order=10, title="Seminar", factory=SeminarPage)
