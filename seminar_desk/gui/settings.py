"""UI state kept in QSettings (geometry, last file, recent files, page, projector screen...);
user data stays in the file. Every key is declared here, once: no other module reads QSettings
(tests/gui/test_settings.py checks)."""

import hashlib
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8

RECENT_FILES = "files/recent"
LAST_FILE = "files/last"
EXPORT_FOLDER = "files/export_folder"  # where a report or export was last saved
LAST_PAGE = "window/page"
GEOMETRY = "window/geometry"
RAPPORTEUR = "notes/rapporteur/"  # + one of file_keys(): who types notes, per file
PREVIEW_SHOWN = "speakers/preview_shown"  # the Speakers page's projector preview unfolded
PROJECTOR_SCREEN = "projector/screen"  # name of the screen the projector last went to
KEYS = (
    RECENT_FILES,
    LAST_FILE,
    EXPORT_FOLDER,
    LAST_PAGE,
    GEOMETRY,
    RAPPORTEUR,
    PREVIEW_SHOWN,
    PROJECTOR_SCREEN,
)


class UiSettings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self.qs = settings or QSettings()

    def recent_files(self) -> list[Path]:
        raw = self.qs.value(RECENT_FILES, [])
        values = [raw] if isinstance(raw, str) else list(raw or [])
        return [Path(v) for v in values if v]

    def add_recent(self, path: Path) -> None:
        paths = [p for p in self.recent_files() if p != path]
        self.qs.setValue(RECENT_FILES, [str(p) for p in [path, *paths][:MAX_RECENT]])
        self.qs.setValue(LAST_FILE, str(path))

    def last_file(self) -> Path | None:
        value = self.qs.value(LAST_FILE, "")
        return Path(str(value)) if value else None

    def last_folder(self) -> Path | None:
        """The folder of the file last opened or made, while it still exists."""
        last = self.last_file()
        return last.parent if last is not None and last.parent.is_dir() else None

    def export_folder(self) -> Path | None:
        """The folder a report or export was last saved to, while it still exists."""
        value = self.qs.value(EXPORT_FOLDER, "")
        folder = Path(str(value)) if value else None
        return folder if folder is not None and folder.is_dir() else None

    def save_export_folder(self, folder: Path) -> None:
        self.qs.setValue(EXPORT_FOLDER, str(folder))

    def last_page(self) -> str:
        return str(self.qs.value(LAST_PAGE, "") or "")

    def save_page(self, title: str) -> None:
        self.qs.setValue(LAST_PAGE, title)

    def geometry(self) -> QByteArray | None:
        value = self.qs.value(GEOMETRY)
        return value if isinstance(value, QByteArray) else None

    def save_geometry(self, geometry: QByteArray) -> None:
        self.qs.setValue(GEOMETRY, geometry)

    # Who types notes is chosen per file: a name remembered for every file made the demo's
    # rapporteur sign the notes of the next, real seminar (issue 9). It is UI state of this
    # laptop, not seminar data: a copy of the file on a rapporteur's laptop must not arrive
    # signed by the facilitator.

    @staticmethod
    def file_keys(seminar_id: str | None, path: Path) -> list[str]:
        """Keys naming one file: its seminar's id (survives a move), then its path."""
        by_path = hashlib.sha1(str(path.resolve()).encode()).hexdigest()
        return ([f"seminar-{seminar_id}"] if seminar_id else []) + [f"path-{by_path}"]

    def rapporteur(self, file_keys: Sequence[str]) -> str:
        for key in file_keys:
            name = str(self.qs.value(RAPPORTEUR + key, "") or "")
            if name:
                return name
        return ""

    def save_rapporteur(self, file_keys: Sequence[str], name: str) -> None:
        for key in file_keys:
            self.qs.setValue(RAPPORTEUR + key, name)

    def preview_shown(self) -> bool:
        return bool(self.qs.value(PREVIEW_SHOWN, True, type=bool))

    def save_preview_shown(self, shown: bool) -> None:
        self.qs.setValue(PREVIEW_SHOWN, shown)

    def projector_screen(self) -> str:
        return str(self.qs.value(PROJECTOR_SCREEN, "") or "")

    def save_projector_screen(self, name: str) -> None:
        self.qs.setValue(PROJECTOR_SCREEN, name)
