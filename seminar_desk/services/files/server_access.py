"""Reaching a seminar on a PostgreSQL server: its address, testing it, and its password.

The password is kept only in the system keyring (`keyring`), when the system has one;
otherwise the window asks for it each time. It never goes to the UI settings or any file of ours.
"""

from dataclasses import dataclass

from sqlalchemy.engine import URL

from seminar_desk.store.address import DRIVER, shown
from seminar_desk.store.errors import StoreError
from seminar_desk.store.server import probe

KEYRING_SERVICE = "Seminar Desk"


@dataclass(frozen=True)
class ServerAddress:
    host: str = "localhost"
    port: int = 5432
    database: str = ""
    user: str = ""

    def url(self, password: str = "") -> str:
        url = URL.create(
            DRIVER,
            username=self.user or None,
            password=password or None,
            host=self.host or None,
            port=self.port,
            database=self.database or None,
        )
        return url.render_as_string(hide_password=False)

    @property
    def key(self) -> str:
        """The keyring's name for this account (no password in it)."""
        return shown(URL.create(DRIVER, self.user, None, self.host, self.port, self.database))


def test_connection(address: ServerAddress, password: str) -> tuple[bool, str]:
    """Whether the server answers, and what it holds, in one sentence."""
    try:
        return True, probe(address.url(password))
    except StoreError as exc:
        return False, str(exc)


def _keyring():  # noqa: ANN202 - the module, or None when it cannot be used here
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    return None if isinstance(keyring.get_keyring(), fail.Keyring) else keyring


def keyring_available() -> bool:
    return _keyring() is not None


def remembered_password(address: ServerAddress) -> str | None:
    ring = _keyring()
    try:
        return ring.get_password(KEYRING_SERVICE, address.key) if ring else None
    except Exception:  # noqa: BLE001 - a locked or broken keyring: ask instead
        return None


def remember_password(address: ServerAddress, password: str) -> bool:
    ring = _keyring()
    if ring is None:
        return False
    try:
        ring.set_password(KEYRING_SERVICE, address.key, password)
    except Exception:  # noqa: BLE001 - asked again next time
        return False
    return True


def forget_password(address: ServerAddress) -> None:
    ring = _keyring()
    if ring is None:
        return
    try:
        ring.delete_password(KEYRING_SERVICE, address.key)
    except Exception:  # noqa: BLE001 - nothing was kept
        return
