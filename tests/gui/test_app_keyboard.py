"""The real application on a bare X server (no window manager): its keys work from the start.

Without a window manager nobody gives a new window the keyboard, and Qt runs no shortcut of a
window that is not active: Ctrl+Q and Alt+F did nothing until the window was clicked. These
tests start Xvfb and the application for real and press keys with xdotool (skipped where those
programs are missing).
"""

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (shutil.which("Xvfb") and shutil.which("xdotool")), reason="needs Xvfb and xdotool"
    ),
]
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def display() -> Iterator[str]:
    """A private X server (Xvfb picks a free display number and tells it on a pipe)."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


def _x_env(display: str, tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])),
    )
    return env


def _xdotool(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    return done.stdout.strip()


@pytest.fixture
def app(display: str, demo_path: Path, tmp_path: Path) -> Iterator[tuple[subprocess.Popen, dict]]:
    """Seminar Desk on the demo, its window on screen (the mouse pointer outside it)."""
    env = _x_env(display, tmp_path)
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--db", str(demo_path)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        # The title shows the seminar once the file is open and the pages are built.
        _xdotool(env, "search", "--sync", "--name", "SALW")
        _wait_for_keyboard(env, "SALW")  # it takes the keyboard itself: nobody clicks it
        _xdotool(env, "mousemove", "1360", "760")  # no focus-follows-mouse help
        yield process, env
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(30)


def _wait_for_keyboard(env: dict[str, str], title: str) -> None:
    """Until the window whose title holds `title` has the keyboard (X's input focus)."""
    deadline = time.monotonic() + 30
    while title not in _xdotool(env, "getwindowfocus", "getwindowname"):
        if time.monotonic() > deadline:
            pytest.fail(f"the keyboard never went to “{title}”")
        time.sleep(0.05)  # polling another process; nothing here depends on its speed


def _quits(process: subprocess.Popen, failure: str) -> None:
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        pytest.fail(failure)
    assert process.returncode == 0


def test_ctrl_q_quits_without_a_window_manager(app) -> None:
    process, env = app
    _xdotool(env, "key", "ctrl+q")
    _quits(process, "Ctrl+Q did not quit: the window did not have the keyboard")


def test_alt_f_opens_the_file_menu_without_a_window_manager(app) -> None:
    """Alt+F opens File, Q there is its Quit: the application ends."""
    process, env = app
    _xdotool(env, "key", "alt+f")
    _xdotool(env, "key", "q")
    _quits(process, "Alt+F then Q did not quit: the File menu did not open from the keyboard")


def test_the_keyboard_comes_back_after_a_dialog_without_a_window_manager(app) -> None:
    """Ctrl+O opens the file dialog, Escape closes it: Ctrl+Q still reaches the window."""
    process, env = app
    _xdotool(env, "key", "ctrl+o")
    _wait_for_keyboard(env, "Open a seminar")
    _xdotool(env, "key", "Escape")
    _wait_for_keyboard(env, "Seminar Desk")  # the window's title: "SALW … — Seminar Desk"
    _xdotool(env, "key", "ctrl+q")
    _quits(process, "after the file dialog closed, Ctrl+Q no longer reached the window")
