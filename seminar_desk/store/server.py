"""Opening a seminar held by a PostgreSQL server (a `postgresql+psycopg://` URL).

Many laptops write one server seminar at once: there is no file lock, no quick_check, no backup
before an upgrade and no temporary copy for reading an older schema (the server's owner backs it
up; its DDL is transactional). A role without superuser rights is enough: nothing here needs an
extension. Connections are checked before use (`pool_pre_ping`), so a server that was restarted
is reconnected to on the next action instead of failing forever; the check is the transaction's
BEGIN, so it costs no round trip of its own (`begin_at_checkout`).
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError

from seminar_desk.store.address import server_url, shown
from seminar_desk.store.errors import ReadOnlyRefusal, StoreError
from seminar_desk.store.notify import announce_at_commit

CONNECT_TIMEOUT_S = 5
APP = "seminar-desk"


class ServerUnreachable(StoreError):
    """The server cannot be reached (down, wrong host, port, user, password or database)."""


def make_server_engine(url: str, *, read_only: bool = False, refusal: str = "") -> Engine:
    """An engine on the server; on a read-only one every write is refused in words."""
    args: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": APP}
    if read_only:
        args["options"] = "-c default_transaction_read_only=on"
    engine = create_engine(
        server_url(url), pool_pre_ping=True, pool_size=4, max_overflow=8, connect_args=args
    )
    begin_at_checkout(engine)
    announce_at_commit(engine)
    if read_only:

        @event.listens_for(engine, "handle_error")
        def _on_error(context: Any) -> None:
            if "read-only transaction" in str(context.original_exception):
                raise ReadOnlyRefusal(
                    refusal or f"{shown(server_url(url))} is open read-only: nothing was changed."
                ) from context.original_exception

    return engine


def begin_at_checkout(engine: Engine) -> None:
    """Check a pooled connection before use with the BEGIN its transaction needs anyway.

    psycopg opens a transaction with a BEGIN of its own, one round trip, before the first
    statement; `pool_pre_ping` cost another (`SELECT 1`) on every action. Here the ping is the
    BEGIN: a dead connection (a server restart, a terminated backend) fails it, and the pool
    replaces the connection before the action starts, nothing written; a sound one is then in
    its transaction, and psycopg sends no BEGIN of its own. A connection checked out and not
    used costs a ROLLBACK when it goes back to the pool.
    """
    import psycopg
    from psycopg import pq

    def do_ping(dbapi_conn: Any) -> bool:
        if dbapi_conn.pgconn.transaction_status != pq.TransactionStatus.IDLE:
            return True  # psycopg's own transaction is open (never so in the pool)
        result = dbapi_conn.pgconn.exec_(b"BEGIN")
        if result.status != pq.ExecStatus.COMMAND_OK:
            detail = (result.error_message or b"").decode(errors="replace").strip()
            raise psycopg.OperationalError(detail or "the server did not start a transaction")
        return True

    engine.dialect.do_ping = do_ping  # type: ignore[method-assign]


def unreachable(where: str, exc: BaseException) -> ServerUnreachable:
    detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    first = detail[0] if detail else type(exc).__name__
    return ServerUnreachable(f"{where}: cannot reach the seminar's server ({first}).")


@dataclass
class ServerStore:
    """An open server seminar's parts, for `Database` to hold."""

    path: Path  # not a file: a stable absolute name (the notes' recovery journal is keyed by it)
    engine: Engine
    url: str
    where: str
    read_only: str


def open_server(
    url: str, newest: set[str], *, read_only: bool = False, reason: str = ""
) -> ServerStore:
    """The server's seminar with its schema at `newest` (upgraded unless read-only: then an
    older schema is refused, as nobody may change it)."""
    parsed = server_url(url)
    where = shown(parsed)
    why = reason or "opened read-only"
    engine = make_server_engine(
        url,
        read_only=read_only,
        refusal=f"{where} is open read-only ({why}): nothing was changed." if read_only else "",
    )
    try:
        heads = server_revisions(engine, where)
        if heads != newest:
            from seminar_desk.store.migrate import upgrade_server  # Alembic only when needed

            if read_only:
                raise StoreError(
                    f"{where} holds an older or newer schema ({', '.join(sorted(heads)) or 'none'})"
                    "; open it for writing once with this release to upgrade it."
                )
            upgrade_server(engine, where)
    except BaseException:
        engine.dispose()
        raise
    name = f"{parsed.username or ''}@{parsed.host or 'localhost'}:{parsed.port or 5432}"
    return ServerStore(
        Path("/", name, parsed.database or "postgres"),
        engine,
        parsed.render_as_string(hide_password=False),
        where,
        why if read_only else "",
    )


def server_revisions(engine: Engine, where: str) -> set[str]:
    """The schema revisions on the server (empty for a new database)."""
    try:
        with engine.connect() as conn:
            if not conn.exec_driver_sql("SELECT to_regclass('alembic_version')").scalar():
                return set()
            return set(conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalars())
    except DBAPIError as exc:
        raise unreachable(where, exc) from exc


def probe(url: str) -> str:
    """Whether the server answers at `url`, and what the database holds, in one sentence
    (File › Connect to server's "Test connection"); ServerUnreachable when it does not."""
    where = shown(server_url(url))
    engine = make_server_engine(url)
    try:
        heads = server_revisions(engine, where)
    finally:
        engine.dispose()
    if not heads:
        return f"Connected to {where}: the database is empty; a new seminar will be made in it."
    return f"Connected to {where}: it holds a Seminar Desk seminar."
