"""Bundles: merging a bundle of 1,000 notes into the large generated seminar (target < 2 s),
and the same bundle again (nothing to change). The rapporteur's file is a copy of the large
seminar in which 1,000 notes were retyped (their bases recorded as typing records them).

Usage: python benchmarks/bench_bundles.py
"""

import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

COUNT = 1000


def main() -> None:
    from sqlalchemy import select

    from benchmarks.generate_large import generate
    from seminar_desk.services.bundles import format as fmt
    from seminar_desk.services.bundles.records import digest, load_known, row_to_json, table_named
    from seminar_desk.services.bundles.service import import_bundle
    from seminar_desk.services.desk import Desk
    from seminar_desk.store.database import Database
    from seminar_desk.store.models import Note, Seminar, SyncRecord

    folder = Path(tempfile.mkdtemp(prefix="bench-bundles-"))
    try:
        large = generate(folder / "large.sqlite")
        laptop = folder / "laptop.sqlite"
        shutil.copyfile(large, laptop)
        rapporteur = Desk(Database.open(laptop))
        with rapporteur.action("Retype notes", undoable=False, keep_history=True) as act:
            notes = act.session.scalars(select(Note).order_by(Note.id).limit(COUNT)).all()
            for note in notes:
                note.body = note.body + " Retyped in the breakout room."
        table = table_named("note")
        assert table is not None
        with rapporteur.read() as s:
            conn = s.connection()
            seminar = conn.execute(select(Seminar.id, Seminar.title)).one()
            rows = [
                dict(r)
                for r in conn.execute(select(table).order_by(table.c.id).limit(COUNT)).mappings()
            ]
            known = {
                r.record_id: load_known(r.known)
                for r in conn.execute(select(SyncRecord).where(SyncRecord.table_name == "note"))
            }
        rapporteur.close()
        lines = [
            {
                "id": r["id"],
                "known": sorted(known.get(r["id"], set()) | {digest(table, r)}),
                "row": row_to_json(table, r),
            }
            for r in rows
        ]
        manifest = {
            "format": fmt.FORMAT,
            "version": fmt.VERSION,
            "seminar_id": seminar.id,
            "seminar_title": seminar.title,
            "scope": {"label": f"{COUNT} notes"},
        }
        bundle = folder / "notes.sdbundle"
        bundle.write_bytes(fmt.build(manifest, {"note": lines}, []))

        facilitator = Desk(Database.open(large))
        start = time.perf_counter()
        result = import_bundle(facilitator, bundle, backup=False)
        merged = time.perf_counter() - start
        counts = result.plan.counts().get("note")
        print(
            f"merge of {COUNT} changed notes into the large seminar: {merged * 1000:.0f} ms "
            f"(target < 2000 ms); notes new/changed/deleted/conflicts: {counts}"
        )
        start = time.perf_counter()
        again = import_bundle(facilitator, bundle, backup=False)
        print(
            f"the same bundle again: {(time.perf_counter() - start) * 1000:.0f} ms, "
            f"changes anything: {again.plan.changes_anything}"
        )
        from seminar_desk.services.backups import back_up

        start = time.perf_counter()
        back_up(facilitator.db, "import")
        print(
            f"the backup before a merge ({large.stat().st_size // 2**20} MB file): "
            f"{(time.perf_counter() - start) * 1000:.0f} ms"
        )
        facilitator.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
