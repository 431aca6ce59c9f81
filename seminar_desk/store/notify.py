"""Telling the other laptops what changed: PostgreSQL's NOTIFY at commit, LISTEN in a thread.

Each action on a server seminar sends, inside its own transaction, one notification naming
the areas it touched and the desk that made it (`announce`); PostgreSQL delivers it to every
listener only when that transaction commits, and never one that rolled back. A `Listener`
holds one connection of its own in a background thread and hands each payload to a callback;
when the server goes away it says so (`on_state(False)`) and reconnects every second.
"""

import threading
from collections.abc import Callable

from sqlalchemy import Connection, text

CHANNEL = "seminar_desk"
RETRY_S = 1.0
LISTENER_NAME = "seminar-desk-listener"


def announce(conn: Connection, payload: str) -> None:
    """Queue a notification; it leaves with the transaction's commit (or never)."""
    conn.execute(
        text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": payload}
    )


class Listener:
    """LISTENs on the seminar's channel in a daemon thread until `stop()`."""

    def __init__(
        self,
        url: str,
        on_message: Callable[[str], None],
        on_state: Callable[[bool], None] | None = None,
    ) -> None:
        from sqlalchemy.engine import make_url

        self.dsn = make_url(url).set(drivername="postgresql").render_as_string(False)
        self.on_message = on_message
        self.on_state = on_state or (lambda _up: None)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="seminar-listener", daemon=True)
        self.connected = threading.Event()

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=3)

    def _run(self) -> None:
        import psycopg

        up: bool | None = None
        while not self._stop.is_set():
            try:
                with psycopg.connect(
                    self.dsn, autocommit=True, connect_timeout=3, application_name=LISTENER_NAME
                ) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.connected.set()
                    if up is not True:
                        up = True
                        self.on_state(True)
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=0.5, stop_after=50):
                            self.on_message(note.payload)
                        conn.execute("SELECT 1")  # a dead server shows here, not never
            except psycopg.Error:
                self.connected.clear()
                if up is not False:
                    up = False
                    self.on_state(False)
                self._stop.wait(RETRY_S)
