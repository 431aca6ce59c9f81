"""The migrations build exactly the models' schema, and old files are upgraded safely."""

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from seminar_desk.store.database import Database, known_heads, make_engine
from seminar_desk.store.migrate import alembic_config, script_heads
from seminar_desk.store.models import Base


def _include(obj: object, name: str | None, type_: str, *_: object) -> bool:
    """Virtual full-text tables (fts_*) live only in migrations."""
    return not (type_ == "table" and name is not None and name.startswith("fts_"))


def test_migrations_match_models(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "m.sqlite")
    try:
        with db.engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"include_object": _include, "compare_type": True}
            )
            diffs = [
                d
                for d in compare_metadata(context, Base.metadata)
                if not (d[0] == "remove_table" and str(d[1].name).startswith("fts_"))
            ]
        assert diffs == []
    finally:
        db.close()


def test_new_file_is_at_every_head_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "n.sqlite")
    try:
        with db.engine.connect() as conn:
            heads = set(MigrationContext.configure(conn).get_current_heads())
            assert heads == script_heads()
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
        assert db.backup is None
    finally:
        db.close()


def test_file_of_the_first_release_is_backed_up_and_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = make_engine(path, foreign_keys=False)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001_initial")
        conn.execute(
            sa.text(
                "INSERT INTO seminar (id, title, short_title, venue, city, country, timezone,"
                " organisers, donors, objectives, introduction, language, default_speaking_limit_s,"
                " created_at, updated_at) VALUES ('s1', 'Old <seminar> & co', '', '', '', '',"
                " 'UTC', '', '', '', '', 'en', 180, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
            )
        )
    engine.dispose()

    db = Database.open(path)
    try:
        with db.engine.connect() as conn:
            assert set(MigrationContext.configure(conn).get_current_heads()) == script_heads()
            assert conn.execute(sa.text("SELECT title FROM seminar")).scalar() == (
                "Old <seminar> & co"
            )
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    finally:
        db.close()
    if script_heads() != {"0001_initial"}:
        assert db.backup is not None and db.backup.exists()
        old = sa.create_engine(f"sqlite:///{db.backup}")
        with old.connect() as conn:
            assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == (
                "0001_initial"
            )
        old.dispose()
    else:
        assert db.backup is None  # nothing to upgrade while 0001 is the only release


def test_quick_head_reading_agrees_with_alembic() -> None:
    assert known_heads() == script_heads()
