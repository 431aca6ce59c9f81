"""Start-up on a bare Linux desktop: missing xcb libraries are named, in one line, before Qt."""

import shutil
import subprocess
from pathlib import Path

import pytest

from seminar_desk.gui import app
from seminar_desk.gui.shell import xcb_libraries
from seminar_desk.gui.shell.xcb_libraries import (
    XCB_LIBRARIES,
    display_answers,
    startup_problem,
    uses_xcb,
)

X11 = {"DISPLAY": ":0"}
NOWHERE = ":987"  # no X server runs there
# What a fresh desktop lacked in the issue: the window would not open until both were installed.
ABSENT = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}


def fake_loader(absent: set[str]):
    tried: list[str] = []

    def load(soname: str) -> object:
        tried.append(soname)
        if soname in absent:
            raise OSError(f"{soname}: cannot open shared object file: No such file or directory")
        return object()

    load.tried = tried  # type: ignore[attr-defined]
    return load


def test_the_missing_libraries_and_their_packages_in_one_line() -> None:
    line = startup_problem(X11, "linux", fake_loader(ABSENT))
    assert line is not None and "\n" not in line
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in line
    assert line.endswith("sudo apt-get install libxcb-icccm4 libxcb-keysyms1")
    # Only what is missing: not the package Qt's own message named although it was there.
    assert "libxcb-cursor0" not in line


def answers(_display: str) -> bool:
    return True


def test_nothing_to_say_when_every_library_loads_and_the_display_answers() -> None:
    load = fake_loader(set())
    assert startup_problem(X11, "linux", load, answers) is None
    assert load.tried == [soname for soname, _ in XCB_LIBRARIES]  # type: ignore[attr-defined]
    # This machine runs the GUI under Xvfb: the real loader finds them all.
    assert startup_problem(X11, "linux", connect=answers) is None


def test_a_display_that_does_not_answer_is_named_not_a_package() -> None:
    """Qt said "xcb-cursor0 is needed" when Xvfb had simply not started yet."""
    everything = fake_loader(set())
    assert not display_answers(NOWHERE)  # the real libxcb, asked for a display nobody runs
    line = startup_problem({"DISPLAY": NOWHERE}, "linux", everything)
    assert line == (
        f"seminar-desk: the window cannot open: the X display {NOWHERE} does not answer "
        "(is the X server running, and may this user use it?)"
    )
    line = startup_problem({"QT_QPA_PLATFORM": "xcb"}, "linux", everything, answers)
    assert line == "seminar-desk: the window cannot open: no X display (DISPLAY is not set)"


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({"DISPLAY": ":0"}, "linux", True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb:nograb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb;wayland"}, "linux", True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland;xcb"}, "linux", False),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland"}, "linux", False),
        ({}, "linux", False),
        ({"DISPLAY": ":0"}, "darwin", False),
        ({"DISPLAY": ":0"}, "win32", False),
    ],
)
def test_checked_only_when_qt_will_use_xcb(environ, platform, expected) -> None:
    assert uses_xcb(environ, platform) is expected
    line = startup_problem(environ, platform, fake_loader(ABSENT))
    assert (line is not None) is expected


def test_the_command_exits_2_with_the_line_before_qt_starts(monkeypatch, capsys) -> None:
    from seminar_desk.cli.main import main

    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setattr(xcb_libraries, "load_library", fake_loader(ABSENT))

    def no_qt() -> None:
        raise AssertionError("the QApplication was made although the window cannot open")

    monkeypatch.setattr(app, "make_application", no_qt)
    assert main([]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in err


def test_the_command_names_a_display_that_does_not_answer(monkeypatch, capsys) -> None:
    from seminar_desk.cli.main import main

    monkeypatch.setattr("sys.platform", "linux")
    for name in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DISPLAY", NOWHERE)
    monkeypatch.setattr(xcb_libraries, "load_library", fake_loader(set()))
    monkeypatch.setattr(app, "make_application", lambda: pytest.fail("Qt was started"))
    assert main([]) == 2
    assert f"the X display {NOWHERE} does not answer" in capsys.readouterr().err


def _plugin_needs() -> set[str]:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    needed: set[str] = set()
    for lib in (qt / "plugins/platforms/libqxcb.so", qt / "lib/libQt6XcbQpa.so.6"):
        if lib.exists():
            out = subprocess.run(
                ["readelf", "-d", str(lib)], capture_output=True, text=True, check=True
            ).stdout
            needed |= {
                line.split("[", 1)[1].rstrip("]") for line in out.splitlines() if "(NEEDED)" in line
            }
    return needed


@pytest.mark.skipif(shutil.which("readelf") is None, reason="readelf (binutils) not installed")
def test_the_list_covers_every_xcb_library_the_plugin_links_against() -> None:
    needs = _plugin_needs()
    if not needs:
        pytest.skip("this PySide6 has no xcb plugin")
    xcb = {n for n in needs if n.startswith(("libxcb", "libxkbcommon", "libX11-xcb"))}
    assert xcb <= {soname for soname, _ in XCB_LIBRARIES}
    assert "libxcb-icccm.so.4" in xcb and "libxcb-keysyms.so.1" in xcb
