"""Asking before an action whose effect a person should see first (clear a list, add twice).

The question is plain text (names typed by users are never markup); No is the default, so an
Enter pressed out of habit does not confirm. Tests patch `QMessageBox.exec` to answer.
"""

from PySide6.QtWidgets import QMessageBox, QWidget

TITLE = "Seminar Desk"


def confirm(parent: QWidget | None, text: str, *, yes: str) -> bool:
    """Ask `text`; True if the person chose the `yes` button (e.g. "Clear list")."""
    from PySide6.QtCore import Qt  # here: loading Qt's namespace costs ~20 ms of start-up

    box = QMessageBox(QMessageBox.Icon.Question, TITLE, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.Yes).setText(yes)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def choose(parent: QWidget | None, text: str, choices: list[str]) -> int | None:
    """Ask `text` with one button per choice and Cancel (the default: Enter chooses nothing);
    the index of the choice taken, None when cancelled."""
    from PySide6.QtCore import Qt

    box = QMessageBox(QMessageBox.Icon.Question, TITLE, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    buttons = [box.addButton(choice, QMessageBox.ButtonRole.AcceptRole) for choice in choices]
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return buttons.index(clicked) if clicked in buttons else None
