"""File › Connect to server…: the address of a seminar held by a PostgreSQL server.

Host, port, database, user and password, a "Test connection" button, and the password kept
in the system keyring when there is one (never in the UI settings; without a keyring it is asked
each time). The window then opens the server's URL as it opens a file.
"""

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from seminar_desk.gui.widgets.forms import form_rows, plain_label
from seminar_desk.services.files.server_access import (
    ServerAddress,
    forget_password,
    keyring_available,
    remember_password,
    remembered_password,
    test_connection,
)


class ConnectDialog(QDialog):
    """Asks where the server is; `url()` is what to open once accepted."""

    def __init__(self, last: ServerAddress | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Connect to server")
        last = last or ServerAddress()
        self.host = QLineEdit(last.host)
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(last.port)
        self.database = QLineEdit(last.database)
        self.user = QLineEdit(last.user)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox("Keep the password in the system keyring")
        if keyring_available():
            self.password.setText(remembered_password(last) or "")
            self.remember.setChecked(bool(self.password.text()))
        else:
            self.remember.setEnabled(False)
            self.remember.setText("No system keyring here: the password is asked each time")
        self.test_button = QPushButton("Test connection")
        self.test_button.clicked.connect(self.test)
        self.result = plain_label()
        form = form_rows(
            [
                ("Host", self.host),
                ("Port", self.port),
                ("Database", self.database),
                ("User", self.user),
                ("Password", self.password),
                ("", self.remember),
            ]
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.test_button)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)
        for edit in (self.host, self.database, self.user):
            edit.textChanged.connect(self._update)
        self._update()

    def address(self) -> ServerAddress:
        return ServerAddress(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.user.text().strip(),
        )

    def _update(self) -> None:
        ok = all((self.host.text().strip(), self.database.text().strip(), self.user.text().strip()))
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(ok)
        self.test_button.setEnabled(ok)

    def test(self) -> bool:
        """Try the address now and say what was found, in words."""
        self.result.setText("Connecting…")
        self.result.repaint()
        ok, message = test_connection(self.address(), self.password.text())
        self.result.setText(message)
        self.result.setStyleSheet(f"color: {'#1b7f3b' if ok else '#b00020'};")
        return ok

    def url(self) -> str:
        return self.address().url(self.password.text())

    def accept(self) -> None:
        if self.remember.isEnabled():
            if self.remember.isChecked():
                remember_password(self.address(), self.password.text())
            else:
                forget_password(self.address())
        super().accept()
