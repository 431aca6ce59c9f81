"""Closing the window while typed notes cannot be saved (a full disk, a read-only file): the
window asks (Retry, save elsewhere, Discard, Cancel), the text waits in a recovery journal
outside the seminar file, and the next start of that file offers it back."""

import os
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from sqlalchemy import select

from seminar_desk.gui.main_window import MainWindow
from seminar_desk.gui.notes.page import BreakoutsPage
from seminar_desk.gui.settings import UiSettings
from seminar_desk.services.notes.journal import NoteJournal
from seminar_desk.store.models import Note

pytestmark = pytest.mark.usefixtures("qsettings")


class Answers:
    """Stands in for the person at QMessageBox.exec: clicks the named buttons in turn (an
    answer may be a function run first, returning the button's text) and keeps what each
    box said."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *answers: str | Callable[[], str]):
        self.queue = list(answers)
        self.seen: list[str] = []

        def exec_(box: QMessageBox) -> int:
            self.seen.append(f"{box.text()}\n{box.informativeText()}")
            assert box.textFormat() == Qt.TextFormat.PlainText
            assert self.queue, f"an unexpected question: {self.seen[-1]}"
            answer = self.queue.pop(0)
            label = answer() if callable(answer) else answer
            buttons = {b.text(): b for b in box.buttons()}
            assert label in buttons, f"{label!r} not among {sorted(buttons)}"
            buttons[label].click()
            return 0

        monkeypatch.setattr(QMessageBox, "exec", exec_)


def open_window(qtbot, path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("", False)))
    window = MainWindow(UiSettings())
    qtbot.addWidget(window)
    assert window.open_file(path)
    window.show()
    return window


def notes_page(window: MainWindow) -> BreakoutsPage:
    page = window.show_page("Breakouts & notes")
    assert isinstance(page, BreakoutsPage)
    return page


def first_group(page: BreakoutsPage) -> tuple[str, str]:
    item = next(i for i in page.breakouts.items() if i.kind == "breakout")
    group = page.breakouts.groups(item.id)[0]
    page.open_group(group.id)
    return group.id, group.name


class Failing:
    """Makes every save of typed notes fail the way SQLite does on a full or read-only disk."""

    def __init__(self, page: BreakoutsPage, monkeypatch: pytest.MonkeyPatch, message: str):
        self.on = True
        real = page.notes.save_note

        def failing(*args, **kwargs):
            if self.on:
                raise sqlite3.OperationalError(message)
            return real(*args, **kwargs)

        monkeypatch.setattr(page.notes, "save_note", failing)


def type_summary(page: BreakoutsPage, qtbot, text: str) -> None:
    edit = page.editor.edits["summary"]
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(edit, text)
    page.editor.flush()


def stored_summary(path: Path, group_id: str) -> str | None:
    from seminar_desk.services.files import open_desk

    desk = open_desk(path)
    try:
        with desk.read() as s:
            return s.scalars(
                select(Note.body).where(Note.group_id == group_id, Note.section == "summary")
            ).first()
    finally:
        desk.close()


class Pending:
    """The demo open on a group's notes, with text typed that the file will not take."""

    def __init__(self, qtbot, path: Path, monkeypatch: pytest.MonkeyPatch, error: str, text: str):
        self.window = open_window(qtbot, path, monkeypatch)
        self.page = notes_page(self.window)
        self.group_id, self.name = first_group(self.page)
        self.failing = Failing(self.page, monkeypatch, error)
        type_summary(self.page, qtbot, text)
        assert self.page.editor.saver.dirty


def test_closing_waits_for_retry_while_the_disk_is_full(
    qtbot, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pending = Pending(qtbot, demo_path, monkeypatch, "database or disk is full", "Agreed")
    window, group_id, failing = pending.window, pending.group_id, pending.failing

    def disk_freed() -> str:
        failing.on = False
        return "Retry"

    answers = Answers(monkeypatch, "Retry", disk_freed)
    assert not window.close() or not answers.queue
    assert len(answers.seen) == 2  # still failing after the first Retry: asked again
    assert "database or disk is full" in answers.seen[0]
    assert "Agreed" not in answers.seen[0]  # where and when, not the text itself
    assert not window.isVisible()
    assert stored_summary(demo_path, group_id).endswith("Agreed")
    assert NoteJournal(demo_path).entries() == []  # saved: nothing kept aside


def test_cancel_keeps_the_window_and_the_text(
    qtbot, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pending = Pending(qtbot, demo_path, monkeypatch, "disk I/O error", "Do not lose this")
    window, page = pending.window, pending.page
    Answers(monkeypatch, "Cancel")
    assert not window.close()
    assert window.isVisible() and window.ctx is not None
    assert page.editor.saver.dirty
    assert page.editor.edits["summary"].toPlainText().endswith("Do not lose this")
    (entry,) = NoteJournal(demo_path).entries()  # kept outside the database meanwhile
    assert entry.body.endswith("Do not lose this") and entry.section == "summary"
    Answers(monkeypatch, "Discard")
    window.close()


def test_save_elsewhere_then_the_next_start_offers_the_text_back(
    qtbot, demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown
) -> None:
    error, text = "attempt to write a readonly database", " Typed on a read-only file <b>&"
    pending = Pending(qtbot, demo_path, monkeypatch, error, text)
    window, page, group_id, name = pending.window, pending.page, pending.group_id, pending.name
    typed = page.editor.edits["summary"].toPlainText()
    elsewhere = tmp_path / "saved elsewhere.md"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(elsewhere), ""))
    )
    answers = Answers(monkeypatch, "Save the text elsewhere…")
    window.close()
    assert not window.isVisible()
    assert "attempt to write a readonly database" in answers.seen[0]
    assert name in answers.seen[0] and "Summary" in answers.seen[0]
    text = elsewhere.read_text(encoding="utf-8")
    assert typed in text and name in text
    (kept,) = NoteJournal(demo_path).entries()
    seminar_time = kept.typed_at.astimezone(ZoneInfo("Asia/Phnom_Penh"))  # as the stamps
    assert seminar_time.strftime("%Y-%m-%d %H:%M") in text
    assert seminar_time.strftime("%d %b %H:%M") in answers.seen[0]
    assert stored_summary(demo_path, group_id) != typed

    # The next start of the same file: the text is offered with where and when.
    answers = Answers(monkeypatch, "Restore into the notes")
    again = open_window(qtbot, demo_path, monkeypatch)
    assert len(answers.seen) == 1
    assert name in answers.seen[0] and "typed" in answers.seen[0]
    again.close_file()
    assert stored_summary(demo_path, group_id) == typed
    assert NoteJournal(demo_path).entries() == []
    assert not shown.items


def test_discard_closes_and_nothing_is_offered_later(
    qtbot, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = Pending(qtbot, demo_path, monkeypatch, "disk I/O error", "Thrown away").window
    Answers(monkeypatch, "Discard")
    window.close()
    assert not window.isVisible()
    assert NoteJournal(demo_path).entries() == []
    Answers(monkeypatch)  # no question on the next start
    open_window(qtbot, demo_path, monkeypatch).close_file()


def test_decide_later_keeps_the_offer(
    qtbot, demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = Pending(qtbot, demo_path, monkeypatch, "disk I/O error", "Later").window
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "x.md"), ""))
    )
    Answers(monkeypatch, "Save the text elsewhere…")
    window.close()
    Answers(monkeypatch, "Decide later")
    second = open_window(qtbot, demo_path, monkeypatch)
    second.close_file()
    assert len(NoteJournal(demo_path).entries()) == 1


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path | None]:
    """An 8 MiB tmpfs (as root), else None."""
    folder = tmp_path / "disk"
    folder.mkdir()
    mount = ["mount", "-t", "tmpfs", "-o", "size=8m,mode=0700", "tmpfs", str(folder)]
    if os.geteuid() != 0 or subprocess.run(mount, capture_output=True).returncode != 0:
        yield None
        return
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> Path:
    """Take every free byte of the file system (the disk is full)."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as f:  # unbuffered: close() has nothing left to write
        try:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        except OSError:
            pass
    return filler


def test_a_full_disk_under_the_open_window(
    qtbot, demo_path: Path, small_disk: Path | None, tmp_path: Path, monkeypatch, shown
) -> None:
    """The real thing: the seminar's disk fills up while the window is open (where mounting
    is not allowed, SQLite's own error is injected instead)."""
    if small_disk is None:
        path = demo_path
    else:
        path = small_disk / "demo.sqlite"
        path.write_bytes(demo_path.read_bytes())
    window = open_window(qtbot, path, monkeypatch)
    page = notes_page(window)
    group_id, _ = first_group(page)
    if small_disk is None:
        Failing(page, monkeypatch, "database or disk is full")
    else:
        filler = fill(small_disk)
    type_summary(page, qtbot, " typed once the disk was full")
    assert page.editor.saver.dirty
    assert page.editor.saved_state == "Not saved: retrying"
    elsewhere = tmp_path / "rescued.md"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(elsewhere), ""))
    )
    answers = Answers(monkeypatch, "Retry", "Save the text elsewhere…")
    window.close()
    assert len(answers.seen) == 2 and not window.isVisible()
    assert "full" in answers.seen[0]
    assert "typed once the disk was full" in elsewhere.read_text(encoding="utf-8")
    assert len(NoteJournal(path).entries()) == 1
    if small_disk is not None:
        filler.unlink()  # space again: the next start puts the text where it belongs
        Answers(monkeypatch, "Restore into the notes")
        open_window(qtbot, path, monkeypatch).close_file()
        assert stored_summary(path, group_id).endswith("typed once the disk was full")
        assert NoteJournal(path).entries() == []


def test_file_close_and_opening_another_file_ask_too(
    qtbot, demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pending = Pending(qtbot, demo_path, monkeypatch, "disk I/O error", "Pending")
    window, page = pending.window, pending.page
    other = tmp_path / "other.sqlite"
    other.write_bytes(demo_path.read_bytes())
    answers = Answers(monkeypatch, "Cancel", "Cancel")
    assert not window.open_file(other)  # Recent, Open…, the demo: the person stays
    window.close_action.trigger()
    assert len(answers.seen) == 2
    assert window.ctx is not None and window.ctx.desk.db.path == demo_path.resolve()
    assert page.editor.saver.dirty
    Answers(monkeypatch, "Discard")
    window.close_action.trigger()
    assert window.ctx is None


def test_a_file_opened_read_only_keeps_the_offer_for_later(
    qtbot, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import UTC, datetime

    from seminar_desk.services.notes.journal import JournalEntry

    journal = NoteJournal(demo_path)
    journal.record([JournalEntry("i", None, "summary", "kept", "", None, datetime.now(UTC))])
    Answers(monkeypatch)  # no question: the file could not take the text
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("", False)))
    window = MainWindow(UiSettings())
    qtbot.addWidget(window)
    assert window.open_file(demo_path, read_only=True)
    window.close_file()
    assert [e.body for e in journal.entries()] == ["kept"]


def test_typing_on_a_file_opened_read_only_is_said_once_in_a_strip(
    qtbot, demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No box at each page switch: a strip in the editor says the file is read-only and how to
    keep the text; the text is never dropped silently (closing still asks)."""
    Answers(monkeypatch)  # any message box fails the test
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("", False)))
    window = MainWindow(UiSettings())
    qtbot.addWidget(window)
    assert window.open_file(demo_path, read_only=True)
    window.show()
    page = notes_page(window)
    first_group(page)
    editor, edit = page.editor, page.editor.edits["summary"]
    type_summary(page, qtbot, " Typed on the read-only file.")
    strip = editor.problem
    assert strip.isVisible() and strip.text().startswith("This file is read-only: what you type")
    assert "Save the text elsewhere" in strip.text()
    assert editor.saved_state == "Not saved: read-only file"
    assert not editor.timer.isActive()  # no retries every second against a read-only file
    for title in ("Agenda", "Breakouts & notes", "Speakers", "Breakouts & notes"):
        window.show_page(title)  # each switch saves what is waiting: refused without a box
    assert strip.isVisible() and editor.saver.dirty
    qtbot.keyClicks(edit, " More.")  # typing keeps the strip (no "Saving…" blinking)
    assert strip.isVisible() and editor.saved_state == "Not saved: read-only file"

    elsewhere = tmp_path / "kept.md"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(elsewhere), ""))
    )
    qtbot.mouseClick(editor.save_elsewhere_button, Qt.MouseButton.LeftButton)
    assert "Typed on the read-only file. More." in elsewhere.read_text(encoding="utf-8")
    answers = Answers(monkeypatch, "Discard")  # closing still asks about the text
    window.close_action.trigger()
    assert len(answers.seen) == 1 and "not saved" in answers.seen[0]
    assert window.ctx is None


def test_text_kept_aside_is_offered_with_the_same_save_elsewhere_button(
    qtbot, demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = Pending(qtbot, demo_path, monkeypatch, "disk I/O error", "Kept aside").window
    first, second = tmp_path / "at close.md", tmp_path / "next start.md"
    paths = iter([first, second])
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(next(paths)), ""))
    )
    Answers(monkeypatch, "Save the text elsewhere…")
    window.close()
    answers = Answers(monkeypatch, "Save the text elsewhere…")
    open_window(qtbot, demo_path, monkeypatch).close_file()
    assert "kept aside" in answers.seen[0]
    assert "Kept aside" in second.read_text(encoding="utf-8")
    assert NoteJournal(demo_path).entries() == []
