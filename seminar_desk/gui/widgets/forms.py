"""The parts every dialog's form is made of, built one way: plain-text labels (names typed by
people are never markup), a box of choices with one chosen, labelled rows, the OK/Cancel row,
a dialog that adds or edits one named record, and a read-only text to confirm before acting."""

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

Row = tuple[str, QWidget | QLayout] | QWidget
"""A form row: a label and its field, or a widget across the whole row."""


def plain_label(text: str = "") -> QLabel:
    """A wrapping label whose text is shown as it is (never read as markup)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def problem_label() -> QLabel:
    """Why OK refuses, in words on the dialog."""
    label = plain_label()
    label.setStyleSheet("color: #b00020")
    return label


def labelled(kinds: Iterable[Any]) -> list[tuple[str, object]]:
    """The choices of a kind of ours (`domain.kinds`): each one's label and value."""
    return [(kind.label, kind.value) for kind in kinds]


def choose(combo: QComboBox, value: object) -> None:
    """Choose the entry whose data is `value`, else the first."""
    combo.setCurrentIndex(max(0, combo.findData(value)))


def choice_box(
    choices: Iterable[tuple[str, object]], current: object = None, parent: QWidget | None = None
) -> QComboBox:
    """A combo box of (label, value) choices with `current` chosen (else the first)."""
    combo = QComboBox(parent)
    for label, value in choices:
        combo.addItem(label, value)
    choose(combo, current)
    return combo


def form_rows(rows: Iterable[Row], parent: QWidget | None = None) -> QFormLayout:
    """A form of labelled fields (an `&` in a label makes Alt+letter go to its field)."""
    form = QFormLayout(parent) if parent is not None else QFormLayout()
    for row in rows:
        if isinstance(row, tuple):
            form.addRow(*row)
        else:
            form.addRow(row)
    return form


def ok_cancel(
    dialog: QDialog, *, ok: str = "", on_ok: Callable[[], None] | None = None
) -> QDialogButtonBox:
    """OK (named `ok`, e.g. "Import") and Cancel; OK runs `on_ok` (a check), else accepts."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    if ok:
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    buttons.accepted.connect(on_ok or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class RecordDialog(QDialog):
    """Add or edit one record that needs a name: `name`, `problem` (why OK refuses) and
    `buttons`; a subclass makes its other fields and calls `lay_out`."""

    def __init__(
        self,
        what: str,
        editing: bool,
        name: str,
        name_hint: str,
        no_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Edit {what}" if editing else f"Add {what}")
        self.name = QLineEdit(name)
        self.name.setPlaceholderText(name_hint)
        self.problem = problem_label()
        self.no_name = no_name
        self.buttons = ok_cancel(self, on_ok=self._check_and_accept)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def lay_out(self, rows: Iterable[Row], width: int) -> QFormLayout:
        """The fields, then why OK refuses, then the buttons."""
        form = form_rows([*rows, self.problem, self.buttons], self)
        self.setMinimumWidth(width)
        return form

    def _check_and_accept(self) -> None:
        if not self.name.text().strip():
            self.problem.setText(self.no_name)
            self.name.setFocus()
            return
        self.accept()


class TextPreview(QDialog):
    """Lines read from a file (plain text, read-only) and what OK will do with them."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        lines: Iterable[str],
        ok: str,
        note: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.text = QPlainTextEdit("\n".join(lines))
        self.text.setReadOnly(True)
        layout.addWidget(self.text)
        if note:
            layout.addWidget(plain_label(note))
        layout.addWidget(ok_cancel(self, ok=ok))
