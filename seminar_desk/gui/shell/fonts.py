"""Register the bundled fonts with Qt, so names in Vietnamese, Khmer, Thai, Lao, Myanmar, Arabic,
Hebrew, Hindi, Chinese, Japanese and Korean show on every machine, including ones without any
of these fonts installed (the same files the PDF reports embed)."""

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from seminar_desk.paths import resources_dir

BODY = "Noto Sans"
# Tried in this order for a character the body font lacks (before the system's own fonts).
FALLBACKS = (
    "Noto Sans Khmer",
    "Noto Sans Thai",
    "Noto Sans Lao",
    "Noto Sans Myanmar",
    "Noto Sans Arabic",
    "Noto Sans Hebrew",
    "Noto Sans Devanagari",
    # Chinese and Japanese before Korean: NanumSquare also has 4,620 hanja in Korean forms,
    # while Droid Sans Fallback has only three Hangul syllables (가 among them).
    "Droid Sans Fallback",
    "NanumSquare",
)


def load_bundled_fonts(app: QApplication) -> list[str]:
    """Add every TTF under resources/fonts; Noto Sans with the script fonts as its fallbacks
    becomes the interface font when found."""
    families: list[str] = []
    for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    if BODY in families:
        fallbacks = [f for f in FALLBACKS if f in families]
        font = QFont(BODY, app.font().pointSize())
        font.setFamilies([BODY, *fallbacks])
        app.setFont(font)
        # Fonts named elsewhere (style sheets, widgets' own fonts) fall back the same way.
        QFont.insertSubstitutions(BODY, fallbacks)
    return families
