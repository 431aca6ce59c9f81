"""QSettings keys are declared once, on the settings object; no other module reads QSettings."""

import re
from pathlib import Path

from PySide6.QtCore import QSettings

from seminar_desk.gui import settings
from seminar_desk.gui.settings import KEYS, UiSettings

PACKAGE = Path(settings.__file__).resolve().parent.parent


def test_keys_are_declared_once() -> None:
    assert len(KEYS) == len(set(KEYS))
    assert {"files/recent", "window/page", "speakers/preview_shown", "projector/screen"} <= set(
        KEYS
    )


def test_no_other_module_uses_qsettings() -> None:
    users = [
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if p != Path(settings.__file__).resolve() and "QSettings" in p.read_text(encoding="utf-8")
    ]
    assert users == []


def test_settings_module_uses_only_declared_keys() -> None:
    text = Path(settings.__file__).read_text(encoding="utf-8")
    literal_keys = re.findall(r"\.(?:value|setValue)\(\s*[\"']", text)
    assert literal_keys == []


def test_preview_and_projector_screen_round_trip(qapp, qsettings) -> None:
    ui = UiSettings(QSettings())
    assert ui.preview_shown() is True and ui.projector_screen() == ""
    ui.save_preview_shown(False)
    ui.save_projector_screen("HDMI-1")
    again = UiSettings(QSettings())
    assert again.preview_shown() is False and again.projector_screen() == "HDMI-1"
