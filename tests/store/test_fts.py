"""The search index's triggers: restored when a rebuilt table lost them, and then every row is
queued again (what changed meanwhile is unknown)."""

from pathlib import Path

from seminar_desk.store.database import Database
from seminar_desk.store.fts import SOURCES, restore_triggers, trigger_ddl


def _triggers(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        return {
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type='trigger' AND name LIKE 'fts_%'"
            )
        }


def test_a_new_file_has_every_trigger_and_nothing_is_restored(db_path: Path) -> None:
    db = Database.open(db_path)
    try:
        assert len(_triggers(db)) == len(trigger_ddl()) == 3 * len(SOURCES)
        with db.engine.begin() as conn:
            assert restore_triggers(conn) is False
    finally:
        db.close()


def test_a_lost_trigger_is_restored_and_every_row_queued(demo_path: Path) -> None:
    db = Database.open(demo_path)
    try:
        with db.engine.begin() as conn:
            conn.exec_driver_sql("DROP TRIGGER fts_note_ai")
            conn.exec_driver_sql("DELETE FROM fts_pending")
            rows = sum(
                conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() or 0
                for table, _ in SOURCES.values()
            )
        assert rows > 0
        assert "fts_note_ai" not in _triggers(db)
        with db.engine.begin() as conn:
            assert restore_triggers(conn) is True
            assert conn.exec_driver_sql("SELECT count(*) FROM fts_pending").scalar() == rows
        assert len(_triggers(db)) == 3 * len(SOURCES)
    finally:
        db.close()
