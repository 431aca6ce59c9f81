"""Round trips keep the seminar: the demo's agenda exported, passed through a real CalDAV server
(Radicale, which re-serialises every event) or written as CSV, and imported into a fresh file
comes back item by item the same."""

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from seminar_desk.services.agenda import AgendaService
from seminar_desk.services.agenda.export import export_agenda
from seminar_desk.services.agenda.imports.commit import import_agenda
from seminar_desk.services.agenda.imports.registry import read_agenda
from seminar_desk.services.desk import Desk
from seminar_desk.store.database import Database

Row = tuple[object, ...]


def agenda_rows(desk: Desk) -> list[Row]:
    """Every item as the programme shows it: what a round trip must keep."""
    service = AgendaService(desk)
    rows = []
    for info in service.days():
        for item in service.day(info.id).items:
            rows.append(
                (
                    info.date,
                    item.start,
                    item.duration_min,
                    item.title,
                    item.kind,
                    item.room,
                    item.chair_name,
                    tuple(s.name for s in item.speakers),
                    item.description,
                )
            )
    return rows


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def radicale(tmp_path: Path) -> Iterator[str]:
    """A Radicale server on 127.0.0.1 (no authentication, storage in a temporary folder)."""
    port = free_port()
    storage = tmp_path / "radicale"
    storage.mkdir()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "radicale",
            "--config",
            "",
            "--server-hosts",
            f"127.0.0.1:{port}",
            "--auth-type",
            "none",
            "--rights-type",
            "owner_only",
            "--storage-filesystem-folder",
            str(storage),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:  # the server is up when it accepts a connection
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    _out, err = process.communicate(timeout=5)
                    pytest.fail(f"Radicale did not start: {err.decode(errors='replace')}")
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def request(method: str, url: str, data: bytes | None = None) -> bytes:
    headers = {"Content-Type": "text/calendar; charset=utf-8"} if data is not None else {}
    with urllib.request.urlopen(
        urllib.request.Request(url, data=data, method=method, headers=headers), timeout=30
    ) as response:
        assert 200 <= response.status < 300
        return response.read()


@pytest.mark.slow
def test_the_demo_through_radicale_comes_back_the_same(
    demo_desk: Desk, desk: Desk, tmp_path: Path, radicale: str
):
    exported = tmp_path / "demo.ics"
    assert export_agenda(demo_desk, "ics", exported) == 19
    request("MKCOL", f"{radicale}/secretariat/")
    request("PUT", f"{radicale}/secretariat/seminar/", exported.read_bytes())
    served = request("GET", f"{radicale}/secretariat/seminar/")
    assert b"PYVOBJECT" in served  # Radicale wrote it anew, not our bytes
    back = tmp_path / "from-radicale.ics"
    back.write_bytes(served)
    import_agenda(desk, read_agenda(back))
    original, copy = agenda_rows(demo_desk), agenda_rows(desk)
    assert len(copy) == 19
    for left, right in zip(original, copy, strict=True):
        assert left == right
    # Twice round: nothing grows.
    again = tmp_path / "again.ics"
    export_agenda(desk, "ics", again)
    request("PUT", f"{radicale}/secretariat/again/", again.read_bytes())
    back.write_bytes(request("GET", f"{radicale}/secretariat/again/"))
    third = Desk(Database.open(tmp_path / "third.sqlite"), desk.clock)
    try:
        import_agenda(third, read_agenda(back))
        assert agenda_rows(third) == original
    finally:
        third.close()


def test_the_demo_through_csv_comes_back_the_same(demo_desk: Desk, desk: Desk, tmp_path: Path):
    exported = tmp_path / "demo.csv"
    assert export_agenda(demo_desk, "csv", exported) == 19
    import_agenda(desk, read_agenda(exported))
    for left, right in zip(agenda_rows(demo_desk), agenda_rows(desk), strict=True):
        assert left == right
