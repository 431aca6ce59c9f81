"""Where a "save report/export as" dialog starts: a place on this laptop, with a sensible name.

Next to a seminar file, as always. A server seminar has no folder (its `db.path` is only a
name): the folder a report or export was last saved to, else the documents folder.
"""

from pathlib import Path

from seminar_desk.gui.settings import UiSettings
from seminar_desk.paths import documents_dir
from seminar_desk.services.desk import Desk


def save_start(desk: Desk, name: str, settings: UiSettings | None = None) -> Path:
    """The path a save dialog offers for an output called `name`."""
    if not desk.db.kind.server:
        return desk.db.path.with_name(name)
    folder = (settings or UiSettings()).export_folder() or documents_dir()
    return folder / name


def saved_to(path: Path | str, settings: UiSettings | None = None) -> None:
    """Remember where the person saved an output, for the next dialog of a server seminar."""
    (settings or UiSettings()).save_export_folder(Path(path).parent)
