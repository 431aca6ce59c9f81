"""Benchmarks on a PostgreSQL server: `--db URL` names a role that may create databases; each
run works in a fresh database of its own. Round trips are counted per action, since on a
network (or a busy machine, where each one waits for the server's process to be scheduled)
they, not the statements' work, set the time."""

import argparse
import atexit
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, event


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        help="run on a PostgreSQL server (postgresql+psycopg://user:pw@host/db of a role that "
        "may create databases: the benchmark makes a fresh one) instead of a SQLite file",
    )


def fresh_database(url: str, prefix: str = "bench") -> str:
    """A new, empty database next to `url`'s; returns its URL (password kept)."""
    import psycopg
    from sqlalchemy.engine import make_url

    base = make_url(url)
    name = f"{prefix}_{time.time_ns()}"
    plain = base.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
        setting = conn.execute("SHOW synchronous_commit").fetchone()[0]
    print(f"database {name} on {base.host}:{base.port or 5432}, synchronous_commit={setting}")
    atexit.register(_drop, plain, name)
    return base.set(drivername="postgresql+psycopg", database=name).render_as_string(False)


def _drop(plain: str, name: str) -> None:
    """The run's database goes when the benchmark ends: runs leave no databases behind."""
    import psycopg

    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def set_synchronous_commit(engine: Engine, on: bool) -> None:
    """Every new connection of `engine` waits for the server's disk at commit (on) or not."""

    @event.listens_for(engine, "connect")
    def _set(dbapi_conn: object, _record: object) -> None:
        cursor = dbapi_conn.cursor()  # type: ignore[attr-defined]
        cursor.execute(f"SET synchronous_commit TO {'on' if on else 'off'}")
        dbapi_conn.commit()  # type: ignore[attr-defined]

    engine.dispose()  # connections made before follow the setting too


@contextmanager
def round_trips(engine: Engine) -> Iterator[Callable[[], int]]:
    """Count what goes to the server: statements, BEGIN (the pool's check at checkout, or
    psycopg's before the first statement), COMMIT (which carries the action's NOTIFY) or
    ROLLBACK."""
    count = [0]

    def one(*_: object) -> None:
        count[0] += 1

    def began(conn: Connection) -> None:
        # psycopg sends BEGIN before the first statement, unless the pool's check at checkout
        # already began the transaction (store.server.begin_at_checkout, counted as the ping)
        pgconn = getattr(conn.connection.dbapi_connection, "pgconn", None)
        if pgconn is None:  # a file: counted as before
            count[0] += 1
            return
        from psycopg import pq

        if pgconn.transaction_status == pq.TransactionStatus.IDLE:
            count[0] += 1

    hooks = [("before_cursor_execute", one), ("begin", began), ("commit", one), ("rollback", one)]
    for name, fn in hooks:
        event.listen(engine, name, fn)
    ping = engine.dialect.do_ping

    def counted_ping(dbapi_conn: object) -> bool:
        count[0] += 1
        return ping(dbapi_conn)

    engine.dialect.do_ping = counted_ping  # type: ignore[method-assign]
    try:
        yield lambda: count[0]
    finally:
        engine.dialect.do_ping = ping  # type: ignore[method-assign]
        for name, fn in hooks:
            event.remove(engine, name, fn)
