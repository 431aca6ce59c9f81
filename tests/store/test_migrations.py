"""The migrations build exactly the models' schema, and old files are upgraded safely."""

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.runtime.migration import MigrationContext
from schema_check import schema_differences

from seminar_desk.store.connection import make_engine
from seminar_desk.store.database import Database, known_heads
from seminar_desk.store.migrate import alembic_config, script_heads


def _insert_seminar(conn: sa.Connection, title: str) -> None:
    conn.execute(
        sa.text(
            "INSERT INTO seminar (id, title, short_title, venue, city, country, timezone,"
            " organisers, donors, objectives, introduction, language, default_speaking_limit_s,"
            " created_at, updated_at) VALUES ('s1', :title, '', '', '', '', 'UTC', '', '', '',"
            " '', 'en', 180, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        ),
        {"title": title},
    )


def test_migrations_match_models(tmp_path: Path) -> None:
    assert schema_differences(tmp_path / "m.sqlite") == []


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
        _insert_seminar(conn, "Old <seminar> & co")
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


def test_adopted_programme_is_filled_from_the_first_plan(tmp_path: Path) -> None:
    """0006: the start first planned becomes the adopted one (the current start if none was
    kept); the adopted duration is the current duration."""
    path = tmp_path / "before-0006.sqlite"
    engine = make_engine(path, foreign_keys=False)
    cfg = alembic_config()
    stamp = "'2026-01-01 00:00:00', '2026-01-01 00:00:00'"
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005_notes")
        _insert_seminar(conn, "S")
        conn.execute(
            sa.text(
                "INSERT INTO day (id, seminar_id, number, date, start_time, end_time, title,"
                f" created_at, updated_at) VALUES ('d1', 's1', 1, '2026-12-19', '09:00:00',"
                f" '17:00:00', '', {stamp})"
            )
        )
        for item_id, start, first in (("a", "09:30:00", "09:00:00"), ("b", "10:00:00", None)):
            conn.execute(
                sa.text(
                    "INSERT INTO agenda_item (id, day_id, position, kind, title, description,"
                    " duration_min, start_time, start_locked, original_start_time, parallel_key,"
                    " room, speakers_closed, created_at, updated_at) VALUES (:id, 'd1', 0,"
                    f" 'plenary', '', '', 45, :start, 0, :first, '', '', 0, {stamp})"
                ),
                {"id": item_id, "start": start, "first": first},
            )
    engine.dispose()

    db = Database.open(path)
    try:
        with db.engine.connect() as conn:
            rows = conn.execute(
                sa.text(
                    "SELECT id, adopted_start_time, adopted_duration_min, start_time"
                    " FROM agenda_item ORDER BY id"
                )
            ).fetchall()
        assert [(r[0], str(r[1])[:5], r[2], str(r[3])[:5]) for r in rows] == [
            ("a", "09:00", 45, "09:30"),
            ("b", "10:00", 45, "10:00"),
        ]
    finally:
        db.close()


def test_the_migrations_have_one_head() -> None:
    """Two migrations landed side by side leave two heads: the newest must name them all."""
    assert len(script_heads()) == 1, f"several heads: {sorted(script_heads())}"
