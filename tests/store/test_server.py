"""A seminar held by a PostgreSQL server: URLs, migrations, refusals, read-only access.

These need the test server (SEMINAR_DESK_TEST_PG); see tests/fixtures/pg_server.py.
"""

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.runtime.migration import MigrationContext
from schema_check import schema_differences
from sqlalchemy.engine import make_url

from seminar_desk.services.desk import Desk
from seminar_desk.services.seminar import SeminarService
from seminar_desk.store.address import as_target, describe, is_server_url
from seminar_desk.store.database import Database, known_heads
from seminar_desk.store.errors import ReadOnlyRefusal, StoreError
from seminar_desk.store.migrate import alembic_config
from seminar_desk.store.server import ServerUnreachable


def test_a_url_names_a_server_and_anything_else_a_file() -> None:
    assert is_server_url("postgresql+psycopg://me@host/db")
    assert is_server_url("postgresql://me@host/db")
    assert not is_server_url("postgres.sqlite")
    assert str(as_target("postgres.sqlite")) == "postgres.sqlite"
    assert describe("postgresql://me:secret@host/db") == "postgresql+psycopg://me@host/db"


def test_migrations_build_the_models_schema_on_a_server(pg_url: str) -> None:
    assert schema_differences(pg_url) == []
    db = Database.open(pg_url)
    assert db.kind.server and db.lock is None
    db.close()


def test_every_migration_goes_down_and_up_again_on_a_server(pg_url: str) -> None:
    db = Database.open(pg_url)
    try:
        cfg = alembic_config()
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "base")
            assert set(sa.inspect(conn).get_table_names()) <= {"alembic_version"}
            command.upgrade(cfg, "heads")
            heads = set(MigrationContext.configure(conn).get_current_heads())
        assert heads == known_heads()
    finally:
        db.close()


def test_the_test_role_is_no_superuser(pg_url: str) -> None:
    """What the app needs on a server is what an ordinary database owner may do."""
    db = Database.open(pg_url)
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql(
                "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"
            ).scalar() is False
    finally:
        db.close()


def test_a_wrong_password_is_one_line_naming_the_server_without_the_password(
    pg_url: str,
) -> None:
    wrong = make_url(pg_url).set(password="not-the-password").render_as_string(False)
    with pytest.raises(ServerUnreachable) as caught:
        Database.open(wrong)
    message = str(caught.value)
    assert "not-the-password" not in message and "\n" not in message
    assert make_url(pg_url).database in message and "password" in message


def test_a_read_only_server_seminar_refuses_edits_in_words(pg_demo_url: str) -> None:
    desk = Desk(Database.open_read_only(pg_demo_url, reason="a check"))
    try:
        assert SeminarService(desk).details() is not None
        with pytest.raises(ReadOnlyRefusal, match="read-only"):
            SeminarService(desk).update(title="Not allowed")
    finally:
        desk.close()


def test_a_database_of_another_program_is_refused(pg_url: str) -> None:
    db = Database.open(pg_url)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE alembic_version")
    db.close()
    with pytest.raises(StoreError, match="not a Seminar Desk database"):
        Database.open(pg_url)
