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


SAMPLES = {
    "Noto Sans Khmer": "ការជួញដូរអាវុធ",
    "Noto Sans Thai": "การค้าอาวุธเถื่อน",
    "Noto Sans Lao": "ການຄ້າອາວຸດ",
    "Noto Sans Myanmar": "မြန်မာနိုင်ငံ",
    "Noto Sans Arabic": "الاتجار غير المشروع",
    "Noto Sans Hebrew": "סחר בלתי חוקי",
    "Noto Sans Devanagari": "अवैध हथियार",
    "NanumSquare": "대한민국",
    "Droid Sans Fallback": "武器贸易条约",
}


def test_every_script_is_drawn_with_a_bundled_font(qapp) -> None:
    """Qt falls back to the bundled script fonts, not to whatever the system has (DejaVu Sans
    has Arabic and Hebrew in another style; a bare machine has nothing for the others)."""
    from PySide6.QtGui import QTextLayout

    before = qapp.font()
    try:
        load_bundled_fonts(qapp)
        assert qapp.font().families()[0] == "Noto Sans"
        for family, text in SAMPLES.items():
            layout = QTextLayout(text, qapp.font())
            layout.beginLayout()
            layout.createLine()
            layout.endLayout()
            used = {run.rawFont().familyName() for run in layout.glyphRuns()}
            assert family in used and used <= {family, "Noto Sans"}, (text, used)  # spaces
            for run in layout.glyphRuns():
                assert 0 not in run.glyphIndexes(), text  # no .notdef box
    finally:
        QFontDatabase.removeAllApplicationFonts()
        qapp.setFont(before)
