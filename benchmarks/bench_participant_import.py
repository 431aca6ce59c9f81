"""Importing a large participant list: reading (every cell checked), planning against the
seminar (delegations matched, people merged) and committing in one undoable action.

Usage: python benchmarks/bench_participant_import.py [ROWS ...]   (default: 1000 5000)
Target: 5,000 participants (CSV and XLSX) imported into the demo seminar, read + plan +
commit, in < 2 s; importing the same file again (all unchanged) as fast. Figures go in the
issue note.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from seminar_desk.domain.clock import FakeClock  # noqa: E402
from seminar_desk.services.desk import Desk  # noqa: E402
from seminar_desk.services.participants.imports.commit import import_participants  # noqa: E402
from seminar_desk.services.participants.imports.reading import read_participants  # noqa: E402
from seminar_desk.services.seminar.demo import create_demo  # noqa: E402
from seminar_desk.store.database import Database  # noqa: E402

DELEGATIONS = [
    "Vietnam",
    "Viet Nam",
    "Lao PDR",
    "Laos",
    "Burma",
    "Kingdom of Cambodia",
    "Thailand",
    "Indonesia",
    "Malaysia",
    "The Philippines",
    "Singapore",
    "Brunei",
    "Timor Leste",
    "UNODC",
    "UN Office for Disarmament Affairs",
    "World Customs Organisation",
    "Small Arms Survey",
]
DELEGATIONS += [f"Institute {n}" for n in range(40)]
GIVEN = ["Văn An", "Thị Hương", "Sophal", "สมชาย", "ສົມພອນ", "Kyaw", "Maria", "João", "Ana"]
FAMILY = ["Nguyễn", "Trần", "Chea", "ใจดี", "ແກ້ວມະນີ", "Aung", "Santos", "da Silva", "Reyes"]


def rows(count: int) -> list[list[str]]:
    out = [["Title", "First name", "Last name", "Delegation", "Position", "E-mail", "Gender"]]
    for i in range(count):
        out.append(
            [
                "Ms." if i % 2 else "Mr.",
                f"{GIVEN[i % len(GIVEN)]} {i}",
                FAMILY[i % len(FAMILY)],
                DELEGATIONS[i % len(DELEGATIONS)],
                f"Officer {i % 30}",
                f"person{i}@example.org" if i % 3 else "",
                "F" if i % 2 else "M",
            ]
        )
    return out


def write_csv(path: Path, count: int) -> Path:
    text = "\r\n".join(";".join(r) for r in rows(count)) + "\r\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    return path


def write_xlsx(path: Path, count: int) -> Path:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    for row in rows(count):
        sheet.append(row)
    book.save(path)
    return path


def timed(what: str, work):  # noqa: ANN001, ANN201
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


def run(count: int, fmt: str, folder: Path) -> None:
    source = (write_csv if fmt == "csv" else write_xlsx)(folder / f"people-{count}.{fmt}", count)
    desk = Desk(Database.open(folder / f"seminar-{count}-{fmt}.sqlite"), FakeClock())
    try:
        create_demo(desk)
        read, read_s = timed("read", lambda: read_participants(source))
        result, commit_s = timed("commit", lambda: import_participants(desk, read))
        again, again_s = timed(
            "again", lambda: import_participants(desk, read_participants(source))
        )
    finally:
        desk.close()
    total = read_s + commit_s
    verdict = "ok" if total < 2 else "SLOW"
    print(
        f"{count:>6} participants ({fmt}): read {read_s:.2f} s + plan and commit "
        f"{commit_s:.2f} s = {total:.2f} s [{verdict}] ({result.plan.summary}); "
        f"the same file again {again_s:.2f} s ({again.plan.summary})"
    )


def main(argv: list[str]) -> None:
    counts = [int(a) for a in argv] or [1000, 5000]
    with tempfile.TemporaryDirectory() as tmp:
        for count in counts:
            for fmt in ("csv", "xlsx"):
                run(count, fmt, Path(tmp))


if __name__ == "__main__":
    main(sys.argv[1:])
