"""The kinds of store, a SQLite file or a PostgreSQL server: the one place where they differ.

Everything above the store is the same for both; what is not (the WAL checkpoint, SQLite's
integrity and foreign key checks, deferring foreign keys while undo replays rows, listing
tables, the search index's SQL) is a method here, so no caller asks "is this SQLite?".
The file lock, quick_check, backups before upgrades and read-only temporary copies belong to
opening a file (`store.database`); a server has none of them (`store.server`).
"""

from collections.abc import Callable

from sqlalchemy import Connection, Engine, inspect

from seminar_desk.store.file.maintenance import (
    foreign_key_problems,
    integrity_problems,
    wal_checkpoint,
)
from seminar_desk.store.fts import FileIndex, ServerIndex
from seminar_desk.store.notify import Listener, announce


class FileKind:
    """A SQLite file: one writer (the file lock), WAL, checks by PRAGMA."""

    server = False
    index = FileIndex()

    def checkpoint(self, engine: Engine) -> None:
        wal_checkpoint(engine)

    def integrity_problems(self, conn: Connection) -> list[str]:
        return integrity_problems(conn)

    def foreign_key_problems(self, conn: Connection) -> list[tuple[str, int, str]]:
        return foreign_key_problems(conn)

    def defer_foreign_keys(self, conn: Connection) -> None:
        """Foreign keys checked at commit, so undo may put rows back in any order."""
        conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")

    def table_names(self, conn: Connection) -> list[str]:
        return inspect(conn).get_table_names()

    def announce(self, conn: Connection, payload: str) -> None:
        """Tell other laptops what this transaction changed (a file has no other laptops)."""
        return None

    def listener(
        self, url: str, on_message: Callable[[str], None], on_state: Callable[[bool], None]
    ) -> "Listener | None":
        """What hears other laptops' announcements (None: nobody else writes a file)."""
        return None


class ServerKind(FileKind):
    """A PostgreSQL server: many writers, the server checks its own pages and every foreign
    key at once (undo inserts parents before children instead: `row_changes.replay`)."""

    server = True
    index = ServerIndex()

    def checkpoint(self, engine: Engine) -> None:
        return None  # the server checkpoints by itself

    def integrity_problems(self, conn: Connection) -> list[str]:
        return []

    def foreign_key_problems(self, conn: Connection) -> list[tuple[str, int, str]]:
        return []  # enforced on every statement: none can exist

    def defer_foreign_keys(self, conn: Connection) -> None:
        return None

    def announce(self, conn: Connection, payload: str) -> None:
        announce(conn, payload)

    def listener(
        self, url: str, on_message: Callable[[str], None], on_state: Callable[[bool], None]
    ) -> "Listener | None":
        return Listener(url, on_message, on_state)


FILE = FileKind()
SERVER = ServerKind()
