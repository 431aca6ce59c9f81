"""The item editor: every field of an agenda item, chair and speakers picked from participants."""

from datetime import time

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTime
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from seminar_desk.domain.agenda.limits import MAX_DURATION, MIN_DURATION
from seminar_desk.domain.agenda.timing import wall_time
from seminar_desk.domain.kinds import ItemKind
from seminar_desk.domain.text import fold
from seminar_desk.gui.agenda.model import plain_tooltip
from seminar_desk.services.agenda import ItemView, PersonRef, SpeakerRef

SEPARATOR = "; "


class PeopleIndex:
    """Participant names as the completers show them, and back from text to ids."""

    def __init__(self, people: list[PersonRef]) -> None:
        self.people = people
        self.displays = [p.display for p in people]
        self._ids: dict[str, str] = {}
        for p in people:
            self._ids.setdefault(fold(p.display), p.id)
            self._ids.setdefault(fold(p.name), p.id)
        self._names = {p.id: p.name for p in people}

    def find(self, text: str) -> str | None:
        return self._ids.get(fold(text.strip()))

    def name(self, person_id: str) -> str:
        return self._names.get(person_id, "")


FOLDED_ROLE = Qt.ItemDataRole.UserRole + 1


class NameCompleter(QCompleter):
    """Completes participant names without caring for accents ("nguyen" finds "Nguyễn").

    With `several`, it completes the name after the last ";", so one line holds many speakers.
    """

    def __init__(self, names: list[str], parent: QWidget, *, several: bool = False) -> None:
        super().__init__(parent)
        self.several = several
        model = QStandardItemModel(self)
        for name in names:
            entry = QStandardItem(name)
            entry.setData(fold(name), FOLDED_ROLE)
            model.appendRow(entry)
        self.setModel(model)
        self.setCompletionRole(FOLDED_ROLE)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)

    def splitPath(self, path: str) -> list[str]:  # noqa: N802
        typed = path.split(";")[-1] if self.several else path
        return [fold(typed.strip())]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802
        chosen = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if not self.several:
            return chosen
        widget = self.widget()
        text = widget.text() if isinstance(widget, QLineEdit) else ""
        done = [part.strip() for part in text.split(";")[:-1] if part.strip()]
        return SEPARATOR.join([*done, chosen])


class ItemEditor(QDialog):
    """Edit one item; `values()` returns only what changed, for one undoable update."""

    def __init__(self, item: ItemView, people: PeopleIndex, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Agenda item")
        self.item = item
        self.people = people
        form = QFormLayout(self)
        self.kind = QComboBox()
        for kind in ItemKind:
            self.kind.addItem(kind.label, kind.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(item.kind)))
        self.title = QLineEdit(item.title)
        self.duration = QSpinBox()
        self.duration.setRange(MIN_DURATION, MAX_DURATION)  # the limits imports have too
        self.duration.setSuffix(" min")
        self.duration.setValue(item.duration_min)
        self.locked = QCheckBox("Locked at")
        self.locked.setChecked(item.start_locked)
        self.start = QTimeEdit()
        self.start.setDisplayFormat("HH:mm")
        start = wall_time(item.start)
        self.start.setTime(QTime(start.hour, start.minute))
        self.start.setEnabled(item.start_locked)
        self.locked.toggled.connect(self.start.setEnabled)
        when = QHBoxLayout()
        when.addWidget(self.locked)
        when.addWidget(self.start)
        when.addStretch(1)
        self.parallel = QLineEdit(item.parallel_key)
        self.parallel.setPlaceholderText("same word on neighbouring items = they run in parallel")
        self.room = QLineEdit(item.room)
        self.chair = QLineEdit(people.name(item.chair_id) if item.chair_id else "")
        self.chair.setObjectName("chair")
        self.chair.setCompleter(NameCompleter(people.displays, self.chair))
        self.speakers = QLineEdit(SEPARATOR.join(s.name for s in item.speakers))
        self.speakers.setObjectName("speakers")
        self.speakers.setCompleter(NameCompleter(people.displays, self.speakers, several=True))
        self.description = QPlainTextEdit(item.description)
        form.addRow("Kind", self.kind)
        form.addRow("Title", self.title)
        form.addRow("Duration", self.duration)
        form.addRow("Start", when)
        form.addRow("Parallel group", self.parallel)
        form.addRow("Room", self.room)
        form.addRow("Chair", self.chair)
        form.addRow("Speakers", self.speakers)
        form.addRow("Description", self.description)
        # Why OK refuses, in words on the dialog (a red border alone says nothing).
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b03a2e;")
        self.problem.hide()
        form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(560, 480)

    def chair_id(self) -> str | None:
        text = self.chair.text().strip()
        return self.people.find(text) if text else None

    def speaker_refs(self) -> list[SpeakerRef]:
        refs = []
        for part in self.speakers.text().split(";"):
            name = part.strip()
            if name:
                person = self.people.find(name)
                refs.append(SpeakerRef(person, self.people.name(person) if person else name))
        return refs

    def chair_problem(self) -> str | None:
        text = self.chair.text().strip()
        if text and self.chair_id() is None:
            return f"“{text}” is not a participant; add them on the Participants page first."
        return None

    def values(self) -> dict[str, object]:
        item = self.item
        out: dict[str, object] = {}
        kind = self.kind.currentData()
        if kind != item.kind:
            out["kind"] = kind
        if self.title.text() != item.title:
            out["title"] = self.title.text()
        if self.duration.value() != item.duration_min:
            out["duration_min"] = self.duration.value()
        locked = self.locked.isChecked()
        chosen = self.start.time()
        start = time(chosen.hour(), chosen.minute())
        if locked and (not item.start_locked or start != wall_time(item.start)):
            out["start_time"] = start
            out["start_locked"] = True
        elif not locked and item.start_locked:
            out["start_locked"] = False
        for name, widget, current in (
            ("parallel_key", self.parallel, item.parallel_key),
            ("room", self.room, item.room),
        ):
            if widget.text().strip() != current:
                out[name] = widget.text().strip()
        if self.chair_id() != item.chair_id and self.chair_problem() is None:
            out["chair_id"] = self.chair_id()
        refs = self.speaker_refs()
        if [(r.participant_id, r.name) for r in refs] != [
            (s.participant_id, s.name) for s in item.speakers
        ]:
            out["speakers"] = refs
        if self.description.toPlainText() != item.description:
            out["description"] = self.description.toPlainText()
        return out

    def accept(self) -> None:
        problem = self.chair_problem()
        if problem:
            self.chair.setToolTip(plain_tooltip(problem))
            self.chair.setStyleSheet("border: 1px solid #b03a2e;")
            self.problem.setText(problem)
            self.problem.show()
            self.chair.setFocus()
            return
        super().accept()
