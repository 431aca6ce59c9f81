"""The bundled fonts reach Qt: Vietnamese renders with the same face everywhere."""

from PySide6.QtGui import QFontDatabase, QFontMetrics

from seminar_desk.gui.shell.fonts import load_bundled_fonts


def test_noto_sans_is_registered_and_covers_vietnamese(qapp) -> None:
    before = qapp.font()
    try:
        families = load_bundled_fonts(qapp)
        assert "Noto Sans" in families
        assert qapp.font().family() == "Noto Sans"
        metrics = QFontMetrics(qapp.font())
        assert all(metrics.inFontUcs4(ord(ch)) for ch in "Nguyễn Văn Đức ạ ắ ổ ự")
    finally:
        # The tests after this one measure text in the default font: leave it as it was.
        QFontDatabase.removeAllApplicationFonts()
        qapp.setFont(before)
