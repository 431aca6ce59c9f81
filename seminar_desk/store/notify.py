"""Telling the other laptops what changed: PostgreSQL's NOTIFY at commit, LISTEN in a thread.

Each action on a server seminar sends, inside its own transaction, one notification naming
the areas it touched and the desk that made it (`announce`); PostgreSQL delivers it to every
listener only when that transaction commits, and never one that rolled back. The notification
travels with the COMMIT itself (`announce_at_commit`: `SELECT pg_notify(...); COMMIT` in one
message), so announcing costs no round trip of its own. A `Listener`
holds one connection of its own in a background thread and hands each payload to a callback;
when the server goes away it says so (`on_state(False)`) and reconnects every second.
"""

import threading
import weakref
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Engine

CHANNEL = "seminar_desk"
RETRY_S = 1.0
LISTENER_NAME = "seminar-desk-listener"


# The notifications each open transaction will send with its COMMIT, by DB-API connection.
_PENDING: "weakref.WeakKeyDictionary[Any, list[str]]" = weakref.WeakKeyDictionary()


def announce(conn: Connection, payload: str) -> None:
    """Queue a notification; it leaves with the transaction's commit (or never)."""
    _PENDING.setdefault(conn.connection.dbapi_connection, []).append(payload)


def announce_at_commit(engine: Engine) -> None:
    """Send the queued notifications in the COMMIT's own message; forget them on rollback.

    Multiple statements in one message need the simple query protocol: psycopg uses it for a
    query without parameters, so the payloads are quoted by psycopg itself. After that message
    the transaction is over, and psycopg's `commit()` sends nothing more.
    """
    from psycopg import sql

    dialect = engine.dialect
    commit, rollback = dialect.do_commit, dialect.do_rollback

    def do_commit(dbapi_conn: Any) -> None:
        raw = getattr(dbapi_conn, "dbapi_connection", dbapi_conn)
        payloads = _PENDING.pop(raw, None) if raw is not None else None
        if payloads:
            notify = sql.SQL("SELECT pg_notify({}, {}); ")
            query = sql.Composed(
                [notify.format(sql.Literal(CHANNEL), sql.Literal(p)) for p in payloads]
            )
            with raw.cursor() as cursor:
                cursor.execute(query + sql.SQL("COMMIT"))
        commit(dbapi_conn)

    def do_rollback(dbapi_conn: Any) -> None:
        raw = getattr(dbapi_conn, "dbapi_connection", dbapi_conn)
        if raw is not None:
            _PENDING.pop(raw, None)
        rollback(dbapi_conn)

    dialect.do_commit = do_commit  # type: ignore[method-assign]
    dialect.do_rollback = do_rollback  # type: ignore[method-assign]


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
