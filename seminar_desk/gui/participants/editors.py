"""Editing a participant: the dialog with every field, and the combo box for choice cells."""

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from seminar_desk.domain.kinds import Gender, ParticipantRole
from seminar_desk.gui.participants.model import CHOICES_ROLE, NO_DELEGATION
from seminar_desk.gui.widgets.forms import RecordDialog, choice_box, choose, labelled
from seminar_desk.services.participants.service import OrganisationRow, ParticipantRow

Index = QModelIndex | QPersistentModelIndex
HONORIFICS = ("", "Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", "H.E. Mr.", "H.E. Ms.", "Gen.", "Col.")


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for cells whose model offers choices (delegation, role, gender)."""

    def createEditor(  # noqa: N802
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        choices = index.data(CHOICES_ROLE)
        if not choices:
            return super().createEditor(parent, option, index)
        return choice_box(choices, parent=parent)

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            choose(editor, index.data(Qt.ItemDataRole.EditRole))
        else:
            super().setEditorData(editor, index)

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: QAbstractItemModel, index: Index
    ) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class ParticipantDialog(RecordDialog):
    """Every field of a participant; `values()` gives what to add, `changes()` what changed."""

    def __init__(
        self,
        organisations: list[OrganisationRow],
        person: ParticipantRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "participant",
            person is not None,
            person.name if person else "",
            "Full name as printed, e.g. Nguyễn Văn Đức",
            "A participant needs a name.",
            parent,
        )
        self.person = person
        self.honorific = QComboBox()
        self.honorific.setEditable(True)
        self.honorific.addItems(HONORIFICS)
        self.honorific.setCurrentText(person.honorific if person else "")
        self.delegation = choice_box(
            [(NO_DELEGATION, None), *((f"{o.name} ({o.code})", o.id) for o in organisations)],
            person.organisation_id if person else None,
        )
        self.function = QLineEdit(person.function if person else "")
        self.role = choice_box(labelled(ParticipantRole), person.role if person else "delegate")
        self.gender = choice_box(labelled(Gender), person.gender if person else "")
        self.email = QLineEdit(person.email if person else "")
        rows = [
            ("Title", self.honorific),
            ("&Name", self.name),
            ("&Delegation", self.delegation),
            ("&Function", self.function),
            ("&Role", self.role),
            ("&Gender", self.gender),
            ("&E-mail", self.email),
        ]
        self.lay_out(rows, 460)

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
