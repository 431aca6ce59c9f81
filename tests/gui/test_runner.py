"""The one GUI runner: refusals become messages, other failures an error dialog, never lost."""

import asyncio
import sys

import pytest

from seminar_desk.domain.refusal import Gone, Refusal
from seminar_desk.gui import runner


def test_call_returns_the_result(shown):
    assert runner.call(None, lambda a, b=0: a + b, 2, b=3) == 5
    assert shown.items == []


def test_refusal_is_shown_as_its_own_words(shown):
    def refuse() -> None:
        raise Gone("Group B was deleted meanwhile.")

    assert runner.call(None, refuse) is None
    assert shown.items == [("refusal", "Group B was deleted meanwhile.")]


def test_unexpected_error_is_logged_and_shown(shown, caplog):
    def broken() -> None:
        raise KeyError("agenda_item")

    assert runner.call(None, broken) is None
    assert shown.texts("error") == ["Something went wrong: KeyError: 'agenda_item'"]
    assert "unexpected error" in caplog.text


def test_store_errors_are_refusals():
    from seminar_desk.services.agenda import AgendaError
    from seminar_desk.store.errors import DatabaseLockedError

    assert issubclass(DatabaseLockedError, Refusal)
    assert issubclass(AgendaError, Refusal)


def test_background_reports_and_returns_none(shown, qapp):
    def slow_failure() -> int:
        raise Refusal("The file is read-only.")

    result = asyncio.run(runner.background(None, slow_failure))
    assert result is None
    assert shown.texts("refusal") == ["The file is read-only."]
    assert asyncio.run(runner.background(None, lambda: 7)) == 7


def test_excepthook_shows_what_escapes_a_slot(shown, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    runner.install_excepthook()
    try:
        raise RuntimeError("timer slot failed")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert shown.texts("error") == ["Something went wrong: RuntimeError: timer slot failed"]


def test_dialog_presenter_shows_plain_text(qtbot, monkeypatch: pytest.MonkeyPatch):
    """User text such as <b>R&D</b> is shown as typed, not as markup."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    seen: list[tuple[str, Qt.TextFormat]] = []

    def fake_exec(box: QMessageBox) -> int:
        seen.append((box.text(), box.textFormat()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    runner.DialogPresenter().refusal(None, "<b>R&D</b> x<y")
    assert seen == [("<b>R&D</b> x<y", Qt.TextFormat.PlainText)]


def test_the_status_bar_says_the_newest_refusal(shown, qtbot):
    """It kept an older "Not saved: Nobody is waiting…" next to the message bar's newer
    refusal about the closed list: only a "Saved" message was ever replaced."""
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    window.statusBar().showMessage("Saved: Add to the list")

    def refuse(text: str) -> None:
        raise Refusal(text)

    runner.live(window, refuse, "Nobody is waiting to speak.")
    assert window.statusBar().currentMessage() == "Not saved: Nobody is waiting to speak."
    runner.live(window, refuse, "The list of speakers is closed.")
    assert window.statusBar().currentMessage() == "Not saved: The list of speakers is closed."
    assert shown.texts("notice")[-1] == "The list of speakers is closed."
    window.statusBar().showMessage("Opened read-only (locked): changes are refused")
    runner.live(window, refuse, "Nobody is waiting to speak.")  # a message not about saving
    assert window.statusBar().currentMessage().startswith("Opened read-only")
