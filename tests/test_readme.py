"""The README's set-up: two commands, and the system libraries Qt needs on Debian/Ubuntu."""

import re
from pathlib import Path

from seminar_desk.gui.shell.xcb_libraries import XCB_LIBRARIES

README = Path(__file__).resolve().parent.parent / "README.md"

# Pulled in by the packages the README names (apt-get installs dependencies).
DEPENDENCIES = {
    "libxcb1",
    "libxkbcommon0",
    "libxcb-image0",
    "libxcb-render0",
    "libxcb-shm0",
    "libxcb-util1",
    "libxcb-xkb1",
}


def set_up() -> str:
    text = README.read_text(encoding="utf-8")
    return text.split("## Set-up", 1)[1].split("\n## ", 1)[0]


def test_two_set_up_commands() -> None:
    assert set_up().count("```sh") == 2


def test_the_apt_line_names_every_xcb_package() -> None:
    line = re.search(r"`sudo apt-get install ([^`]+)`", set_up(), re.S)
    assert line is not None
    named = set(line.group(1).split())
    assert {package for _, package in XCB_LIBRARIES} <= named | DEPENDENCIES
    assert {"libxcb-icccm4", "libxcb-keysyms1"} <= named
