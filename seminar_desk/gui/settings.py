"""UI state kept in QSettings (geometry, last file, recent files); user data stays in the file."""

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8


class UiSettings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self.qs = settings or QSettings()

    def recent_files(self) -> list[Path]:
        raw = self.qs.value("files/recent", [])
        values = [raw] if isinstance(raw, str) else list(raw or [])
        return [Path(v) for v in values if v]

    def add_recent(self, path: Path) -> None:
        paths = [p for p in self.recent_files() if p != path]
        self.qs.setValue("files/recent", [str(p) for p in [path, *paths][:MAX_RECENT]])
        self.qs.setValue("files/last", str(path))

    def last_file(self) -> Path | None:
        value = self.qs.value("files/last", "")
        return Path(str(value)) if value else None

    def last_page(self) -> str:
        return str(self.qs.value("window/page", "") or "")

    def save_page(self, title: str) -> None:
        self.qs.setValue("window/page", title)

    def geometry(self) -> QByteArray | None:
        value = self.qs.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def save_geometry(self, geometry: QByteArray) -> None:
        self.qs.setValue("window/geometry", geometry)
