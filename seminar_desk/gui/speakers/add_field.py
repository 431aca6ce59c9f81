"""The 'add a speaker' row of the Speakers page: a field that completes names and delegations as
you type, the capacity and the speech type beside it, and the Add button.

Exactly one request per gesture: Enter in the completer's popup is handled here (the completer
would also send it to the field), a click in the popup through `activated`. Ctrl+Z in the field
undoes the Desk's last action unless it would undo typing in the field.
"""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QCompleter, QHBoxLayout, QLineEdit, QPushButton, QWidget

from seminar_desk.domain.kinds import Capacity, SpeechType
from seminar_desk.gui.speakers.controller import SpeakersController
from seminar_desk.gui.speakers.models import CANDIDATE_ROLE, CandidateFilter, CandidateModel
from seminar_desk.gui.widgets import ask
from seminar_desk.services.speakers.rows import Candidate

SPEECH_TYPES = tuple(SpeechType)
RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# (name, text, slot, key slot) -> a button with a same-named shortcut (the page's `_button`).
ButtonFactory = Callable[..., QPushButton]


def is_undo_or_redo(event: QKeyEvent) -> bool:
    """The keys of the Edit menu's Undo and Redo (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y)."""
    combo = event.keyCombination().toCombined()
    return (
        event.matches(QKeySequence.StandardKey.Undo)
        or event.matches(QKeySequence.StandardKey.Redo)
        or QKeySequence(combo) == QKeySequence("Ctrl+Y")
    )


class AddSpeakerBar(QWidget):
    """The field, its completer, the capacity and speech type boxes, and the Add button.

    `run(op)` runs a service operation the page's way (refusals shown, True if it went through);
    `show_error` shows a refusal found here.
    """

    def __init__(
        self,
        controller: SpeakersController,
        run: Callable[..., bool],
        show_error: Callable[[str], None],
        button: ButtonFactory,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.service = controller.service
        self._run = run
        self._show_error = show_error
        self.add_edit = QLineEdit()
        self.add_edit.setObjectName("add_speaker")
        self.add_edit.setPlaceholderText("Add a speaker: type part of a name or delegation…")
        self.candidates = CandidateModel(self)
        self.candidate_filter = CandidateFilter(self)
        self.candidate_filter.setSourceModel(self.candidates)
        self.completer = QCompleter(self.candidate_filter, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(12)
        self.add_edit.setCompleter(self.completer)
        self.add_edit.textEdited.connect(self._typed)
        self.completer.popup().installEventFilter(self)
        self.add_edit.installEventFilter(self)
        self.typed_since_add = False
        self.completer.activated[QModelIndex].connect(self._picked)
        self.add_edit.returnPressed.connect(self.enter_in_add)
        self.capacity_box = QComboBox()
        self.capacity_box.setObjectName("capacity")
        self.type_box = QComboBox()
        self.type_box.setObjectName("speech_type")
        for kind in SPEECH_TYPES:
            self.type_box.addItem(kind.label, kind.value)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.add_edit, 1)
        row.addWidget(self.capacity_box)
        row.addWidget(self.type_box)
        row.addWidget(button("add", "Add", self.enter_in_add, self.focus_add))

    def load_candidates(self) -> None:
        self.candidates.set_candidates(self.service.candidates())
        self.capacity_box.clear()
        self.capacity_box.addItem(Capacity.NATIONAL.label, (Capacity.NATIONAL.value, None))
        for group in self.service.groups():
            self.capacity_box.addItem(
                f"On behalf of {group.code}", (Capacity.GROUP.value, group.id)
            )
        self.capacity_box.addItem(Capacity.ORGANISATION.label, (Capacity.ORGANISATION.value, None))

    def focus_add(self) -> None:
        self.add_edit.setFocus()
        self.add_edit.selectAll()

    def _typed(self, text: str) -> None:
        self.typed_since_add = True
        self.candidate_filter.set_text(text)
        if text.strip():
            self.completer.complete()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if (
            watched is self.add_edit
            and event.type() == QEvent.Type.ShortcutOverride
            and is_undo_or_redo(event)  # type: ignore[arg-type]
            and not (self.typed_since_add and self.add_edit.text())
        ):
            # Ctrl+Z/Ctrl+Y belong to the Desk's undo unless they would undo typing in the field.
            event.ignore()
            return True
        popup = self.completer.popup()
        if (
            watched is popup and event.type() == QEvent.Type.KeyPress and event.key() in RETURN_KEYS  # type: ignore[attr-defined]
        ):
            self._enter_in_popup()
            return True  # neither the completer nor the field sees this Enter again
        return super().eventFilter(watched, event)

    def _enter_in_popup(self) -> None:
        """Enter with the completer open: the highlighted candidate, else the best match."""
        popup = self.completer.popup()
        index = popup.currentIndex()
        chosen = index.isValid() and popup.selectionModel().isSelected(index)
        candidate = index.data(CANDIDATE_ROLE) if chosen else None
        popup.hide()
        if isinstance(candidate, Candidate):
            self.add_candidate(candidate)
        else:
            self.enter_in_add()

    def _picked(self, index: QModelIndex) -> None:
        """A click in the completer's popup."""
        candidate = index.data(CANDIDATE_ROLE)
        if isinstance(candidate, Candidate) and self.add_candidate(candidate):
            # The completer puts the chosen text in the field after this slot.
            QTimer.singleShot(0, lambda: self.add_edit.setText(""))

    def enter_in_add(self) -> None:
        text = self.add_edit.text().strip()
        if not text:
            return
        exact = [
            c for c in self.candidates.candidates if text in (c.text, f"{c.text} — delegation")
        ]
        if exact:
            self.add_candidate(exact[0])
            return
        self.candidate_filter.set_text(text)
        if self.candidate_filter.rowCount() == 0:
            self.reset_choices()
            self._show_error(f"No participant or delegation matches “{text}”.")
            return
        first = self.candidate_filter.index(0, 0).data(CANDIDATE_ROLE)
        self.add_candidate(first)

    def add_candidate(self, candidate: Candidate) -> bool:
        """Add the person or delegation with the capacity and speech type chosen beside.

        Whatever happens, the speech type and capacity go back to the usual (a statement in
        national capacity) before any question or refusal shows, so a refused right of reply
        is not silently reused next time.
        """
        speech_type = self.type_box.currentData()
        capacity, group_id = self.capacity_box.currentData() or (Capacity.NATIONAL.value, None)
        self.reset_choices()
        if capacity == Capacity.NATIONAL and candidate.org_kind and not candidate.is_state:
            capacity = Capacity.ORGANISATION.value
        added = self._add(candidate, speech_type, capacity, group_id)
        if added:
            # setText (not clear) also empties the field's own undo: Ctrl+Z is the Desk's now.
            self.add_edit.setText("")
            self.typed_since_add = False
            self.candidate_filter.set_text("")
        return added

    def _add(
        self, candidate: Candidate, speech_type: str, capacity: str, group_id: str | None
    ) -> bool:
        item_id = self.controller.item_id
        if item_id is None:
            self._show_error("Choose an agenda item first.")
            return False
        waiting = self.service.already_waiting(
            item_id,
            participant_id=candidate.participant_id,
            organisation_id=candidate.organisation_id,
            speech_type=speech_type,
        )
        if waiting and not ask.confirm(
            self,
            f"Already waiting on this list of speakers: {', '.join(waiting)}.\n\n"
            f"Add {candidate.text} as another request for the floor (a second intervention)?",
            yes="Add again",
        ):
            return False
        return self._run(
            lambda **kw: self.service.add(
                item_id,
                participant_id=candidate.participant_id,
                organisation_id=candidate.organisation_id,
                capacity=capacity,
                speech_type=speech_type,
                on_behalf_of_id=group_id,
                **kw,
            )
        )

    def reset_choices(self) -> None:
        self.type_box.setCurrentIndex(0)
        self.capacity_box.setCurrentIndex(0)
