"""Editing a participant: the dialog with every field, and the combo box for choice cells."""

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from seminar_desk.domain.kinds import Gender, ParticipantRole
from seminar_desk.gui.participants.model import CHOICES_ROLE, NO_DELEGATION
from seminar_desk.services.participants.service import OrganisationRow, ParticipantRow

Index = QModelIndex | QPersistentModelIndex
HONORIFICS = ("", "Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", "H.E. Mr.", "H.E. Ms.", "Gen.", "Col.")


def problem_label() -> QLabel:
    """Why OK refuses, in words on the dialog (plain text: names are never markup)."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020")
    return label


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for cells whose model offers choices (delegation, role, gender)."""

    def createEditor(  # noqa: N802
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        choices = index.data(CHOICES_ROLE)
        if not choices:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for label, value in choices:
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
        else:
            super().setEditorData(editor, index)

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: QAbstractItemModel, index: Index
    ) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class ParticipantDialog(QDialog):
    """Every field of a participant; `values()` gives what to add, `changes()` what changed."""

    def __init__(
        self,
        organisations: list[OrganisationRow],
        person: ParticipantRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.person = person
        self.setWindowTitle("Edit participant" if person else "Add participant")
        self.honorific = QComboBox()
        self.honorific.setEditable(True)
        self.honorific.addItems(HONORIFICS)
        self.honorific.setCurrentText(person.honorific if person else "")
        self.name = QLineEdit(person.name if person else "")
        self.name.setPlaceholderText("Full name as printed, e.g. Nguyễn Văn Đức")
        self.delegation = QComboBox()
        self.delegation.addItem(NO_DELEGATION, None)
        for org in organisations:
            self.delegation.addItem(f"{org.name} ({org.code})", org.id)
        if person is not None:
            self.delegation.setCurrentIndex(
                max(0, self.delegation.findData(person.organisation_id))
            )
        self.function = QLineEdit(person.function if person else "")
        self.role = QComboBox()
        for role in ParticipantRole:
            self.role.addItem(role.label, role.value)
        self.role.setCurrentIndex(max(0, self.role.findData(person.role if person else "delegate")))
        self.gender = QComboBox()
        for gender in Gender:
            self.gender.addItem(gender.label, gender.value)
        self.gender.setCurrentIndex(max(0, self.gender.findData(person.gender if person else "")))
        self.email = QLineEdit(person.email if person else "")
        self.problem = problem_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._check_and_accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Title", self.honorific)
        form.addRow("&Name", self.name)
        form.addRow("&Delegation", self.delegation)
        form.addRow("&Function", self.function)
        form.addRow("&Role", self.role)
        form.addRow("&Gender", self.gender)
        form.addRow("&E-mail", self.email)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        self.setMinimumWidth(460)

    def _check_and_accept(self) -> None:
        if not self.name.text().strip():
            self.problem.setText("A participant needs a name.")
            self.name.setFocus()
            return
        self.accept()

    def values(self) -> dict[str, Any]:
        return {
            "honorific": self.honorific.currentText().strip(),
            "name": self.name.text().strip(),
            "organisation_id": self.delegation.currentData(),
            "function": self.function.text().strip(),
            "role": self.role.currentData(),
            "gender": self.gender.currentData(),
            "email": self.email.text().strip(),
        }

    def changes(self) -> dict[str, Any]:
        """The fields that differ from the participant edited (all of them for a new one)."""
        if self.person is None:
            return self.values()
        return {k: v for k, v in self.values().items() if getattr(self.person, k) != v}
