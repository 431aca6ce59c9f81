"""Shared fixtures: a fresh seminar file, the demo seminar, an injected clock, offscreen Qt."""

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Builders of test files shared by several test folders (e.g. `import bad_agendas`).
sys.path.insert(0, str(Path(__file__).parent / "fixtures"))

import pg_server as pg_server_module  # noqa: E402 (tests/fixtures)

from seminar_desk.domain.clock import FakeClock  # noqa: E402
from seminar_desk.services.desk import Desk  # noqa: E402
from seminar_desk.services.seminar.demo import create_demo  # noqa: E402
from seminar_desk.store.database import Database  # noqa: E402

_DEMO_CACHE: dict[str, bytes] = {}


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "seminar.sqlite"


@pytest.fixture
def desk(db_path: Path, clock: FakeClock) -> Iterator[Desk]:
    """An empty seminar file, opened for writing."""
    d = Desk(Database.open(db_path), clock)
    yield d
    d.close()


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    """A file holding the demo seminar (built once per run, then copied)."""
    path = tmp_path / "demo.sqlite"
    if "demo" not in _DEMO_CACHE:
        build = tmp_path / "demo-build.sqlite"
        d = Desk(Database.open(build))
        create_demo(d)
        d.close()
        _DEMO_CACHE["demo"] = build.read_bytes()
    path.write_bytes(_DEMO_CACHE["demo"])
    return path


@pytest.fixture
def demo_desk(demo_path: Path, clock: FakeClock) -> Iterator[Desk]:
    """The demo seminar, opened for writing, with an injected clock."""
    d = Desk(Database.open(demo_path), clock)
    yield d
    d.close()


@pytest.fixture(scope="session")
def pg_server() -> Iterator["pg_server_module.PgServer"]:
    """The PostgreSQL server of the server-store tests (skips, or fails in CI, without one)."""
    server = pg_server_module.connect()
    yield server
    server.close()


def _fill_empty(url: str) -> None:
    Database.open(url).close()


def _fill_demo(url: str) -> None:
    d = Desk(Database.open(url))
    create_demo(d)
    d.close()


@pytest.fixture
def pg_url(pg_server: "pg_server_module.PgServer") -> Iterator[str]:
    """A fresh, empty seminar database on the server (its schema already made)."""
    name = pg_server.create(pg_server.template("empty", _fill_empty))
    yield pg_server.url_of(name)
    pg_server.drop(name)


@pytest.fixture
def pg_demo_url(pg_server: "pg_server_module.PgServer") -> Iterator[str]:
    """A fresh database on the server holding the demo seminar."""
    name = pg_server.create(pg_server.template("demo", _fill_demo))
    yield pg_server.url_of(name)
    pg_server.drop(name)


@pytest.fixture(params=["file", "server"])
def store_kind(request: pytest.FixtureRequest) -> str:
    """Run a test on a SQLite file and on a PostgreSQL server (tests/store, tests/services)."""
    return str(request.param)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked `file_only` (locks, WAL, file names...) run on the file store only."""
    keep: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if params.get("store_kind") == "server" and item.get_closest_marker("file_only"):
            dropped.append(item)
        else:
            keep.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep


@pytest.fixture
def old_path(tmp_path: Path) -> Path:
    """An empty seminar file of the first release (schema 0001_initial), in a folder of its own."""
    from alembic import command

    from seminar_desk.store.connection import make_engine
    from seminar_desk.store.migrate import alembic_config

    path = tmp_path / "old" / "old.sqlite"
    path.parent.mkdir()
    engine = make_engine(path, foreign_keys=False)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001_initial")
    engine.dispose()
    return path


@pytest.fixture
def tmpfs() -> Iterator[Callable[[Path, str], bool]]:
    """`tmpfs(folder, "size=64k")` mounts a small tmpfs on `folder` where we may (root) and
    says whether it did; what it mounted is unmounted after the test."""
    import shutil
    import subprocess

    mounted: list[Path] = []

    def mount(folder: Path, options: str) -> bool:
        if os.geteuid() != 0 or shutil.which("mount") is None:
            return False
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True
        )
        if done.returncode == 0:
            mounted.append(folder)
        return done.returncode == 0

    yield mount
    for folder in reversed(mounted):
        subprocess.run(["umount", "--lazy", str(folder)], check=True)  # even if still open


@pytest.fixture
def read_only_demo(
    tmp_path: Path, demo_path: Path, tmpfs: Callable[[Path, str], bool]
) -> Iterator[Path]:
    """The demo in a folder nobody may write: a read-only tmpfs where we may mount one (root),
    else a 0444 file in a 0555 folder."""
    import shutil
    import subprocess

    folder = tmp_path / "read-only"
    folder.mkdir()
    mounted = tmpfs(folder, "size=16m")
    if not mounted and os.geteuid() == 0:
        pytest.skip("root writes through file modes: needs a read-only mount (not allowed here)")
    path = folder / "demo.sqlite"
    shutil.copyfile(demo_path, path)
    if mounted:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    else:
        path.chmod(0o444)
        folder.chmod(0o555)
    yield path
    if not mounted:
        folder.chmod(0o755)


@pytest.fixture
def qsettings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Keep QSettings of GUI tests in a temporary folder, away from the user's own."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    yield


@pytest.fixture(autouse=True)
def private_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The user data folder (recovery journals of unsaved notes) is the test's own, never the
    home of whoever runs the tests; child processes inherit it."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "user-data"))


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog waits for a click that never comes: a test that opens one fails at once
    (naming the dialog) instead of hanging the run. Tests that expect a dialog patch it."""
    from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

    def refuse(name: str) -> object:
        def _raise(*args: object, **kwargs: object) -> None:
            texts = [a for a in args if isinstance(a, str)]
            raise AssertionError(f"a modal {name} opened in a test: {texts[:2]!r}")

        return staticmethod(_raise)

    blocking = {
        QMessageBox: ("warning", "critical", "information", "question", "about"),
        QInputDialog: ("getText", "getItem", "getInt", "getDouble", "getMultiLineText"),
        QFileDialog: (
            "getOpenFileName",
            "getOpenFileNames",
            "getSaveFileName",
            "getExistingDirectory",
        ),
        QDialog: ("exec",),
    }
    for cls, names in blocking.items():
        for name in names:
            monkeypatch.setattr(cls, name, refuse(f"{cls.__name__}.{name}"))


class ShownMessages:
    """What the GUI runner would have shown: ("refusal", text), ("notice", text) for a live
    key's refusal, or ("error", summary)."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []

    def refusal(self, parent: object, text: str) -> None:
        self.items.append(("refusal", text))

    def notice(self, parent: object, text: str) -> None:
        """A refusal of a live key, said in the message bar (no box, the keyboard stays)."""
        self.items.append(("notice", text))

    def error(self, parent: object, summary: str, details: str) -> None:
        self.items.append(("error", summary))

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, text in self.items if kind is None or k == kind]


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> ShownMessages:
    """Capture the GUI runner's messages instead of opening modal dialogs."""
    from seminar_desk.gui import runner

    messages = ShownMessages()
    monkeypatch.setattr(runner, "presenter", messages)
    return messages
