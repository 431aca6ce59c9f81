"""Before the window opens on X11: name the system libraries Qt's xcb plugin lacks.

Without them Qt aborts with "Could not load the Qt platform plugin xcb" and names one package
(xcb-cursor0), even when that one is installed and another is missing. Loading each library the
plugin links against (their sonames, as the dynamic loader finds them) tells exactly which are
absent, so the command can say so in one line, with the Debian/Ubuntu packages to install.
Imports no Qt: it runs before the QApplication exists.
"""

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# (soname the xcb plugin needs, Debian/Ubuntu package holding it); tests check this list
# against the plugin's own dependencies.
XCB_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("libxcb.so.1", "libxcb1"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-render.so.0", "libxcb-render0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-shm.so.0", "libxcb-shm0"),
    ("libxcb-sync.so.1", "libxcb-sync1"),
    ("libxcb-util.so.1", "libxcb-util1"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
)

Loader = Callable[[str], object]


def load_library(soname: str) -> object:
    """Load a shared library by soname as the dynamic loader would; OSError if absent."""
    return ctypes.CDLL(soname)


def uses_xcb(environ: Mapping[str, str], platform: str) -> bool:
    """Whether Qt will open its window through xcb: on Linux, asked for by QT_QPA_PLATFORM, or
    not asked for and an X display without a Wayland session (where Qt prefers Wayland)."""
    if not platform.startswith("linux"):
        return False
    asked = environ.get("QT_QPA_PLATFORM", "").strip()
    if asked:
        return asked.split(";")[0].split(":")[0].strip() == "xcb"
    if environ.get("WAYLAND_DISPLAY") or environ.get("XDG_SESSION_TYPE") == "wayland":
        return False
    return bool(environ.get("DISPLAY"))


def missing_libraries(load: Loader | None = None) -> list[tuple[str, str]]:
    """The (soname, package) pairs of XCB_LIBRARIES that cannot be loaded."""
    load = load or load_library
    missing = []
    for soname, package in XCB_LIBRARIES:
        try:
            load(soname)
        except OSError:
            missing.append((soname, package))
    return missing


def display_answers(display: str) -> bool:
    """Whether the X server named by `display` accepts a connection (through libxcb, which
    is known to load by then)."""
    xcb = ctypes.CDLL("libxcb.so.1")
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return xcb.xcb_connection_has_error(connection) == 0
    finally:
        xcb.xcb_disconnect(connection)


def startup_problem(
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    load: Loader | None = None,
    connect: Callable[[str], bool] | None = None,
) -> str | None:
    """The one line to print instead of opening the window, or None when it can open.

    Qt blames a missing package (xcb-cursor0) for an X display it cannot reach, too."""
    environ = os.environ if environ is None else environ
    if not uses_xcb(environ, platform or sys.platform):
        return None
    missing = missing_libraries(load)
    if missing:
        sonames = ", ".join(soname for soname, _ in missing)
        packages = " ".join(package for _, package in missing)
        return (
            f"seminar-desk: the window cannot open: Qt's X11 (xcb) platform needs {sonames}, "
            f"not found on this system; on Debian/Ubuntu: sudo apt-get install {packages}"
        )
    display = environ.get("DISPLAY", "")
    if not display:
        return "seminar-desk: the window cannot open: no X display (DISPLAY is not set)"
    if not (connect or display_answers)(display):
        return (
            f"seminar-desk: the window cannot open: the X display {display} does not answer "
            "(is the X server running, and may this user use it?)"
        )
    return None
