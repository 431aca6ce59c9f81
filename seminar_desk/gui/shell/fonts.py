"""Register the bundled Noto Sans with Qt, so names in Vietnamese (and every Latin diacritic)
look the same on every machine, including ones without system fonts."""

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from seminar_desk.paths import resources_dir


def load_bundled_fonts(app: QApplication) -> list[str]:
    """Add every TTF under resources/fonts; use Noto Sans as the interface font if found."""
    families: list[str] = []
    for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    if "Noto Sans" in families:
        font = QFont("Noto Sans", app.font().pointSize())
        app.setFont(font)
    return families
