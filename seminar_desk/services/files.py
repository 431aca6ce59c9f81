"""Open a seminar file for work: the one way the window and the commands get a Desk."""

from pathlib import Path

from seminar_desk.services.demo import create_demo
from seminar_desk.services.desk import Desk
from seminar_desk.services.seminar import SeminarService
from seminar_desk.store.database import Database


def open_desk(path: Path, *, demo: bool = False) -> Desk:
    """The file opened for writing; with `demo`, an empty file is filled with the demo first.

    Raises StoreError (locked, corrupt, newer release...) with a message naming the file.
    """
    desk = Desk(Database.open(path))
    try:
        if demo and SeminarService(desk).details() is None:
            create_demo(desk)
    except BaseException:
        desk.close()
        raise
    return desk
