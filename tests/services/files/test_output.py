"""The one output writer: all or nothing, never over a seminar, never through a link."""

import errno
import hashlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from seminar_desk.services.files import OutputRefused, access, write_output


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def small_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tmpfs: Callable[[Path, str], bool]
) -> Path:
    """A folder on a 64 KiB tmpfs (as root), else a folder whose writes fail with ENOSPC
    after 64 KiB (injected), so the test runs in CI either way."""
    folder = tmp_path / "disk"
    folder.mkdir()
    if not tmpfs(folder, "size=64k,mode=0700"):
        budget = {"left": 64 * 1024}
        real_write = os.write

        def write(fd: int, data: bytes | memoryview) -> int:
            if len(data) > budget["left"]:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            budget["left"] -= len(data)
            return real_write(fd, data)

        monkeypatch.setattr(access, "_write_all", lambda fd, data: write(fd, data))
    return folder


def test_a_full_disk_leaves_the_old_file_and_no_temporary_file(small_disk: Path) -> None:
    target = small_disk / "report.pdf"
    write_output(target, b"%PDF old report")
    before = digest(target)
    with pytest.raises(OutputRefused, match="could not be written") as info:
        write_output(target, b"%PDF" + b"x" * 200_000)
    assert str(target) in str(info.value)
    assert digest(target) == before
    assert [p.name for p in small_disk.iterdir()] == ["report.pdf"]


def test_the_seminar_and_its_companions_are_refused(demo_path: Path) -> None:
    before = digest(demo_path)
    for name in ("demo.sqlite", "demo.sqlite-wal", "demo.sqlite-shm", "demo.sqlite.lock"):
        with pytest.raises(OutputRefused, match="seminar file"):
            write_output(demo_path.with_name(name), b"%PDF", database=demo_path)
    assert digest(demo_path) == before


def test_any_sqlite_file_is_refused_whatever_its_name(demo_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "agenda.ics"
    other.write_bytes(demo_path.read_bytes())
    with pytest.raises(OutputRefused, match="seminar file"):
        write_output(other, b"BEGIN:VCALENDAR")
    link = tmp_path / "other name"
    os.link(demo_path, link)
    with pytest.raises(OutputRefused):
        write_output(link, b"%PDF", database=demo_path)
    assert other.read_bytes() == demo_path.read_bytes()


def test_no_writing_through_a_symbolic_link(tmp_path: Path) -> None:
    real = tmp_path / "precious.txt"
    real.write_text("keep me")
    link = tmp_path / "report.pdf"
    link.symlink_to(real)
    with pytest.raises(OutputRefused, match="symbolic link"):
        write_output(link, b"%PDF")
    assert real.read_text() == "keep me" and link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["precious.txt", "report.pdf"]


def test_a_replaced_output_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "agenda.ics"
    target.write_bytes(b"old")
    os.chmod(target, 0o644)
    write_output(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/fdinfo").is_dir(), reason="needs Linux /proc")
def test_a_file_another_program_is_writing_is_not_replaced(tmp_path: Path) -> None:
    import subprocess
    import sys

    target = tmp_path / "minutes.txt"
    target.write_text("typed so far\n")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; f = open(sys.argv[1], 'a'); print('open', flush=True); "
            "sys.stdin.read(); f.write('more\\n')",
            str(target),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        with pytest.raises(OutputRefused, match=f"open for writing .*process {holder.pid}"):
            write_output(target, b"%PDF")
    finally:
        holder.communicate("", timeout=60)
    assert target.read_text() == "typed so far\nmore\n"
    write_output(target, b"%PDF")  # once it is closed, it may be replaced
    assert target.read_bytes() == b"%PDF"
