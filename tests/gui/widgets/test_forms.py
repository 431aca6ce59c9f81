"""The shared form parts: a record dialog refuses a blank name in words, a preview shows file
text as it is and OK answers, a choice box starts on the value it was given."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from seminar_desk.domain.kinds import Gender
from seminar_desk.gui.widgets.forms import RecordDialog, TextPreview, choice_box, labelled


def test_a_record_dialog_refuses_a_blank_name_then_accepts_a_typed_one(qtbot) -> None:
    dialog = RecordDialog("thing", False, "", "e.g. a name", "A thing needs a name.")
    qtbot.addWidget(dialog)
    dialog.lay_out([("&Name", dialog.name)], 300)
    with qtbot.waitExposed(dialog):
        dialog.show()
    assert dialog.windowTitle() == "Add thing"
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.problem.text() == "A thing needs a name."
    qtbot.keyClicks(dialog.name, "Widget")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()


def test_a_preview_shows_markup_as_text_and_enter_confirms(qtbot) -> None:
    lines = ["<b>Opening</b> & welcome", "Panel"]
    dialog = TextPreview(None, "Import preview", lines, "Import", note="<i>nothing</i> yet")
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    assert dialog.text.toPlainText() == "<b>Opening</b> & welcome\nPanel"
    assert dialog.text.isReadOnly()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # OK ("Import") is the default button
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_choice_box_starts_on_its_value_or_the_first(qtbot) -> None:
    box = choice_box(labelled(Gender), "female")
    qtbot.addWidget(box)
    assert box.currentData() == "female"
    other = choice_box([("None", None), ("Two", 2)], 3)
    qtbot.addWidget(other)
    assert other.currentIndex() == 0
    qtbot.keyClicks(other, "Two")
    assert other.currentData() == 2
