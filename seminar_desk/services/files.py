"""Open a seminar file for work: the one way the window and the commands get a Desk."""

from pathlib import Path

from seminar_desk.paths import data_dir
from seminar_desk.services.demo import create_demo
from seminar_desk.services.desk import Desk
from seminar_desk.services.seminar import SeminarService
from seminar_desk.store.database import Database


def make_data_folder(path: Path) -> None:
    """The default folder (and only it) is made when missing, private (0700): a typo'd
    folder elsewhere is refused rather than created."""
    path = Path(path).expanduser()
    if not path.parent.exists() and path.parent == data_dir():
        path.parent.mkdir(parents=True, mode=0o700, exist_ok=True)


def open_desk(path: Path, *, demo: bool = False) -> Desk:
    """The file opened for writing; with `demo`, an empty file is filled with the demo first.

    Raises StoreError (locked, corrupt, newer release...) with a message naming the file.
    """
    make_data_folder(path)
    desk = Desk(Database.open(path))
    try:
        if demo and SeminarService(desk).details() is None:
            create_demo(desk)
    except BaseException:
        desk.close()
        raise
    return desk
