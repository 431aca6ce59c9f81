"""The one-writer lock holds across processes, hard links and releases (real processes)."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from seminar_desk.store.database import Database
from seminar_desk.store.errors import DatabaseLockedError, StoreError

HOLD = textwrap.dedent("""
    import sys
    from seminar_desk.store.database import Database
    db = Database.open(sys.argv[1])
    print("held", flush=True)
    sys.stdin.read()
    db.close()
""")


@pytest.mark.slow
def test_a_hard_link_cannot_make_a_second_writer(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    Database.open(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
        link = tmp_path / "other name.sqlite"
        os.link(path, link)
        with pytest.raises(StoreError, match="hard links") as info:
            Database.open(link)
        assert str(link) in str(info.value)
        with pytest.raises(StoreError, match="hard links"):
            Database.open(path)
    finally:
        holder.communicate(b"", timeout=60)
    assert holder.returncode == 0


def test_a_symlink_shares_the_lock_of_its_target(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    link = tmp_path / "alias.sqlite"
    link.symlink_to(path)
    first = Database.open(path)
    try:
        with pytest.raises(DatabaseLockedError):
            Database.open(link)
    finally:
        first.close()


def test_release_keeps_the_lock_file_and_forgets_the_pid(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    db = Database.open(path)
    lock = tmp_path / "s.sqlite.lock"
    assert lock.read_text() == str(os.getpid())
    db.close()
    assert lock.exists() and lock.read_text() == ""


CONTEND = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from seminar_desk.store.errors import DatabaseLockedError
    from seminar_desk.store.file.lock import FileLock
    db, journal, rounds = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    held = 0
    while held < rounds:
        lock = FileLock(db)
        try:
            lock.acquire()
        except DatabaseLockedError:
            continue
        fd = os.open(journal, os.O_WRONLY | os.O_APPEND)
        os.write(fd, b"+\\n")
        os.write(fd, b"-\\n")
        os.close(fd)
        lock.release()
        held += 1
""")


@pytest.mark.slow
def test_four_processes_never_hold_the_lock_at_once(tmp_path: Path) -> None:
    """Released locks were unlinked: a process could lock the old file while another locked
    a new one. The journal shows every holder's enter (+) and leave (-): never two + in a row."""
    db = tmp_path / "s.sqlite"
    journal = tmp_path / "journal"
    journal.write_bytes(b"")
    procs = [
        subprocess.Popen([sys.executable, "-c", CONTEND, str(db), str(journal), "400"])
        for _ in range(4)
    ]
    for proc in procs:
        assert proc.wait(timeout=120) == 0
    marks = journal.read_bytes().split()
    assert len(marks) == 4 * 400 * 2
    overlaps = sum(1 for a, b in zip(marks, marks[1:], strict=False) if a == b == b"+")
    assert overlaps == 0
