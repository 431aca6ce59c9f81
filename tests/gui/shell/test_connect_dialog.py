"""File › Connect to server…: the address typed in the dialog, tested, then opened; the
password never reaches QSettings."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy.engine import make_url

from seminar_desk.gui.shell.connect_dialog import ConnectDialog
from seminar_desk.services.files.server_access import ServerAddress

pytestmark = pytest.mark.usefixtures("qsettings")


def _fill(qtbot, dialog: ConnectDialog, url: str) -> None:
    parts = make_url(url)
    for edit, value in (
        (dialog.host, parts.host or "localhost"),
        (dialog.database, parts.database or ""),
        (dialog.user, parts.username or ""),
        (dialog.password, parts.password or ""),
    ):
        edit.clear()
        qtbot.keyClicks(edit, value)
    dialog.port.setValue(parts.port or 5432)


def test_the_address_is_tested_and_opened_without_keeping_the_password(
    qtbot, pg_url: str, tmp_path: Path
) -> None:
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    _fill(qtbot, dialog, pg_url)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.result.text().startswith("Connected to ")
    assert make_url(dialog.url()) == make_url(pg_url).set(port=make_url(pg_url).port or 5432)
    dialog.accept()
    password = make_url(pg_url).password or ""
    for key in QSettings().allKeys():
        assert password not in str(QSettings().value(key))


def test_a_wrong_password_is_said_in_the_dialog(qtbot, pg_url: str) -> None:
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    _fill(qtbot, dialog, make_url(pg_url).set(password="wrong").render_as_string(False))
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert "cannot reach" in dialog.result.text() and "wrong" not in dialog.result.text()


def test_open_waits_for_host_database_and_user(qtbot) -> None:
    dialog = ConnectDialog(ServerAddress(host="", database="", user=""))
    qtbot.addWidget(dialog)
    open_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Open)
    assert not open_button.isEnabled()
    qtbot.keyClicks(dialog.host, "db.venue.lan")
    qtbot.keyClicks(dialog.database, "seminar")
    qtbot.keyClicks(dialog.user, "rapporteur")
    assert open_button.isEnabled()
    assert dialog.url() == "postgresql+psycopg://rapporteur@db.venue.lan:5432/seminar"


def test_the_password_goes_to_a_keyring_when_there_is_one(qtbot, monkeypatch) -> None:
    kept: dict[tuple[str, str], str] = {}

    class Ring:
        def get_password(self, service: str, name: str) -> str | None:
            return kept.get((service, name))

        def set_password(self, service: str, name: str, password: str) -> None:
            kept[service, name] = password

        def delete_password(self, service: str, name: str) -> None:
            kept.pop((service, name), None)

    monkeypatch.setattr("seminar_desk.services.files.server_access._keyring", lambda: Ring())
    address = ServerAddress("db.venue.lan", 5432, "seminar", "chair")
    dialog = ConnectDialog(address)
    qtbot.addWidget(dialog)
    assert dialog.remember.isEnabled()
    qtbot.keyClicks(dialog.password, "s3cret")
    dialog.remember.setChecked(True)
    dialog.accept()
    assert kept == {
        ("Seminar Desk", "postgresql+psycopg://chair@db.venue.lan:5432/seminar"): "s3cret"
    }
    again = ConnectDialog(address)
    qtbot.addWidget(again)
    assert again.password.text() == "s3cret"
