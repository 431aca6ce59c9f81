"""The rapporteur's page for one agenda item or breakout group: five sections, autosaved.

Keystrokes go to a `NoteAutosaver`; a single-shot QTimer fires when it says a save is due
(typing paused, or the oldest unsaved keystroke is half a second old), and focus-out, hiding
the page and closing the window save at once. The label beside the author says "Saved" only
when nothing typed is waiting. Undo and redo of typing are the editor's own (Ctrl+Z inside
the text); recommendations and action items are rows whose edits go on the desk's undo stack
(rows.py).
"""

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from seminar_desk.domain.changes import Area, OpChanges
from seminar_desk.domain.kinds import NoteSection
from seminar_desk.domain.text import fold, nfc
from seminar_desk.gui.agenda.model import plain_tooltip
from seminar_desk.gui.notes.conflict import ConflictBar
from seminar_desk.gui.notes.rows import RowsPanel
from seminar_desk.gui.notes.section_edit import SectionEdit
from seminar_desk.gui.settings import UiSettings
from seminar_desk.gui.widgets.elided_label import ElidedLabel
from seminar_desk.services.agenda import AgendaService
from seminar_desk.services.notes.autosave import NoteAutosaver
from seminar_desk.services.notes.breakouts import Person
from seminar_desk.services.notes.service import (
    NoteConflict,
    NotePage,
    NotesService,
    NoteTarget,
    TargetGone,
)
from seminar_desk.services.seminar import SeminarService

log = logging.getLogger(__name__)

IDLE_MS = 3000
SECTION_TITLES = {
    NoteSection.SUMMARY: "Summary",
    NoteSection.KEY_POINTS: "Key points",
    NoteSection.DISCUSSION: "Discussion notes",
    NoteSection.RECOMMENDATIONS: "Recommendations",
    NoteSection.ACTION_ITEMS: "Action items",
}


class NotesEditor(QWidget):
    """Sections of one item or group; `target` None shows nothing editable."""

    saved_state_changed = Signal(str)

    def __init__(
        self,
        notes: NotesService,
        people: Callable[[], list[Person]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.notes = notes
        self._people = people
        self.target: NoteTarget | None = None
        self.saver = NoteAutosaver(notes, author=self._author, origin=self)
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self._save_if_due)
        self.idle_timer = QTimer(self, singleShot=True, interval=IDLE_MS)
        self.idle_timer.timeout.connect(self.saver.idle)
        self._loading = False
        self._warm = False
        self._asked = False
        self._file_keys: list[str] | None = None
        self._zone: ZoneInfo | None = None

        self.title = QLabel("Choose an agenda item or a breakout group.")
        self.title.setObjectName("notes_title")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.author = QComboBox()
        self.author.setObjectName("rapporteur")
        self.author.setEditable(True)
        placeholder = "Who is writing? Type or choose your name"
        self.author.lineEdit().setPlaceholderText(placeholder)
        # Room for the whole placeholder (22 characters cut it at "Type or cho…").
        self.author.setMinimumContentsLength(len(placeholder) + 2)
        # Typed names change the edit text only; chosen ones change both.
        self.author.editTextChanged.connect(self._author_changed)
        self.author.currentTextChanged.connect(self._author_changed)
        self.state = QLabel("")
        self.state.setObjectName("saved_state")
        # Long names (a title, an organisation) are cut with "…", whole in the tooltip: they
        # widened this row, squeezed the list of groups and pushed the window off a laptop.
        self.author.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.stamp = ElidedLabel("", mode=Qt.TextElideMode.ElideMiddle)  # keeps the time
        self.stamp.setObjectName("note_stamp")
        self.stamp.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top = QHBoxLayout()
        top.addWidget(QLabel("Rapporteur:"))
        top.addWidget(self.author)
        top.addWidget(self.stamp, 1)
        top.addWidget(self.state)

        self.who_banner = QLabel(
            "Choose your name as rapporteur: every note records who wrote it and when."
        )
        self.who_banner.setObjectName("who_banner")
        self.who_banner.setStyleSheet(
            "background: #fff4ce; color: #5c4700; padding: 4px; border-radius: 3px;"
        )

        # Why the text is not saved (a full disk, a file made read-only), in words: the
        # state label beside the author is too short to say it.
        self.problem = QLabel("")
        self.problem.setObjectName("save_problem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(
            "background: #fdecea; color: #8a1c12; padding: 4px; border-radius: 3px;"
        )
        # On a file that cannot take the text, a way to keep it (a text file of the person's
        # choice), said once in the strip rather than in a box at each page switch.
        self.save_elsewhere_button = QPushButton("Save the text elsewhere…")
        self.save_elsewhere_button.setObjectName("save_elsewhere")
        self.save_elsewhere_button.clicked.connect(self._save_elsewhere)
        self.problem_strip = QWidget()
        strip = QHBoxLayout(self.problem_strip)
        strip.setContentsMargins(0, 0, 0, 0)
        strip.addWidget(self.problem, 1)
        strip.addWidget(self.save_elsewhere_button, 0, Qt.AlignmentFlag.AlignTop)
        self.problem_strip.hide()

        self.tabs = QTabWidget()
        self.tabs.setObjectName("note_sections")
        self.edits: dict[str, SectionEdit] = {}
        for section in NoteSection:
            edit = SectionEdit(section.value)
            edit.setPlaceholderText(
                f"{SECTION_TITLES[section]}: plain text; start lines with '- ' for a list."
            )
            edit.textChanged.connect(lambda s=section.value: self._typed(s))
            edit.focus_lost.connect(self.flush)
            edit.installEventFilter(self)
            self.edits[section.value] = edit
        self.recommendations = RowsPanel("recommendation", self)
        self.actions = RowsPanel("action", self)
        for section in NoteSection:
            edit = self.edits[section.value]
            if section is NoteSection.RECOMMENDATIONS:
                page: QWidget = self._split(self.recommendations, edit)
            elif section is NoteSection.ACTION_ITEMS:
                page = self._split(self.actions, edit)
            else:
                page = edit
            self.tabs.addTab(page, SECTION_TITLES[section])

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top)
        self.conflict_bar = ConflictBar(self._settle_conflict)
        layout.addWidget(self.conflict_bar)
        layout.addWidget(self.problem_strip)
        layout.addWidget(self.who_banner)
        layout.addWidget(self.tabs, 1)
        self._fill_authors()
        self._set_state("")
        self.setEnabled(False)

    @staticmethod
    def _split(table: QWidget, edit: QWidget) -> QWidget:
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(table)
        split.addWidget(edit)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        return split

    # -- author -------------------------------------------------------------------------------

    def file_keys(self) -> list[str]:
        """Where this file's rapporteur is remembered (UiSettings.rapporteur says why)."""
        if self._file_keys is None:
            desk = self.notes.desk
            self._file_keys = UiSettings.file_keys(
                SeminarService(desk).identity(), Path(desk.db.path)
            )
        return self._file_keys

    def _fill_authors(self) -> None:
        remembered = UiSettings().rapporteur(self.file_keys())
        people = self._people()
        first = [p for p in people if p.role == "rapporteur"]
        rest = [p for p in people if p.role != "rapporteur"]
        self.author.blockSignals(True)
        self.author.clear()
        for person in first + rest:
            self.author.addItem(person.name, person.id)
        self.author.setEditText(remembered)
        self.author.setToolTip(remembered)
        self.author.lineEdit().setCursorPosition(0)  # a long name shows its beginning
        self.author.blockSignals(False)
        self.who_banner.setVisible(not remembered)

    def _author(self) -> tuple[str, str | None]:
        name = self.author_name()
        index = self.author.findText(name, Qt.MatchFlag.MatchExactly)
        return name, (self.author.itemData(index) if index >= 0 else None)

    def author_name(self) -> str:
        return self.author.currentText().strip()

    def set_author(self, name: str) -> None:
        self.author.setEditText(name)

    def _author_changed(self, name: str) -> None:
        self.author.setToolTip(name.strip())  # the whole name, when the box shows part of it
        UiSettings().save_rapporteur(self.file_keys(), name.strip())
        self.who_banner.setVisible(not name.strip())

    def needs_author(self) -> bool:
        """Nobody named yet in this file, and not asked yet since it was opened."""
        return self.target is not None and not self.author_name() and not self._asked

    def ask_rapporteur(self) -> None:
        """Ask once, on the first key typed in a file where nobody is named: every note and
        row records who wrote it. Cancelling leaves the notes unsigned, and the banner."""
        self._asked = True
        names = [""] + [self.author.itemText(i) for i in range(self.author.count())]
        name, ok = QInputDialog.getItem(
            self,
            "Who is writing?",
            "Your notes in this seminar are signed with your name. Choose or type it:",
            names,
            0,
            True,
        )
        if ok and name.strip():
            self.set_author(name.strip())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.text().strip()
            and self.needs_author()
        ):
            self.ask_rapporteur()  # before the key lands, so it is signed
        return False

    # -- time ---------------------------------------------------------------------------------

    def zone(self) -> ZoneInfo:
        """The seminar's time zone (as on the agenda and the projector), not the laptop's."""
        if self._zone is None:
            self._zone = AgendaService(self.notes.desk).timezone()
        return self._zone

    def today(self) -> date:
        return self.notes.desk.clock.now().astimezone(self.zone()).date()

    # -- loading ------------------------------------------------------------------------------

    def open(self, target: NoteTarget | None, title: str = "") -> None:
        """Show another item or group; whatever was typed for the previous one is saved."""
        self.flush()
        self.target = target
        self.setEnabled(target is not None)
        self.title.setText(title if target is not None else "Choose an agenda item or group.")
        if target is not None and not self._warm:
            self.notes.warm_up(target)
            self._warm = True
        self.reload()

    def reload(self) -> None:
        page = self.notes.page(self.target) if self.target is not None else None
        self._loading = True
        try:
            for section, edit in self.edits.items():
                body = page.sections[section].body if page else ""
                # The file holds the text composed (NFC): decomposed typing is not a change.
                if self.saver.pending_text(self.target, section) is None and (  # type: ignore[arg-type]
                    nfc(edit.toPlainText()) != body
                ):
                    edit.setPlainText(body)
                if page is not None:  # what the next save builds on (another laptop's saves)
                    shown = page.sections[section]
                    self.saver.loaded(self.target, section, shown.version, shown.body)  # type: ignore[arg-type]
        finally:
            self._loading = False
        self._show_rows(page)
        self._show_stamp(page)

    def reload_rows(self) -> None:
        if self.target is not None:
            page = self.notes.page(self.target)
            self._show_rows(page)

    def _show_rows(self, page: NotePage | None) -> None:
        self.recommendations.model.set_rows(page.recommendations if page else [])
        self.actions.model.set_rows(page.actions if page else [])
        self.recommendations.view.resizeRowsToContents()
        self.actions.view.resizeRowsToContents()

    def _show_stamp(self, page: NotePage | None) -> None:
        if page is None:
            self.stamp.setText("")
            return
        latest = max(
            (t for t in page.sections.values() if t.updated_at and t.note_id),
            key=lambda t: t.updated_at,  # type: ignore[arg-type,return-value]
            default=None,
        )
        if latest is None or latest.updated_at is None:
            self.stamp.setText("")
        else:
            when = latest.updated_at.astimezone(self.zone()).strftime("%d %b %H:%M:%S")
            by = f"by {latest.author_name}, " if latest.author_name else ""
            self.stamp.setText(f"Last written {by}{when}")

    # -- autosave -----------------------------------------------------------------------------

    def _typed(self, section: str) -> None:
        if self._loading or self.target is None:
            return
        self.saver.edit(self.target, section, self.edits[section].toPlainText())
        self._set_state("unsaved")
        self.timer.start(max(1, int(self.saver.wait_s() * 1000)))
        self.idle_timer.stop()

    def _save_if_due(self) -> None:
        if self.saver.due():
            self.flush()
        elif self.saver.dirty:
            self.timer.start(max(1, int(self.saver.wait_s() * 1000)))

    def flush(self) -> None:
        """Save now whatever is waiting (focus-out, page switch, closing, tests)."""
        self.timer.stop()
        if not self.saver.dirty:
            return
        try:
            self.saver.flush()
        except NoteConflict:  # kept on screen until the person chooses on the bar
            self._show_conflict()
            return
        except TargetGone as exc:
            self._set_state("gone", str(exc))
            return
        except Exception as exc:  # the text stays pending; the timer tries again
            # A full disk says so on the label; anything else is a bug to find in the log.
            log.warning("a note could not be saved; retrying", exc_info=exc)
            self._set_state("error", str(exc))
            if not self._read_only_file():  # an open read-only file never takes it: no retries
                self.timer.start(1000)
            return
        self._set_state("saved")
        self.idle_timer.start()
        if self.target is not None:
            self._show_stamp(self.notes.page(self.target))

    def _show_conflict(self) -> None:
        for (target, section), conflict in self.saver.conflicts.items():
            if target == self.target:
                self.conflict_bar.show_conflict(section, conflict)
                self.tabs.setCurrentIndex([s.value for s in NoteSection].index(section))
                self._set_state("conflict", str(conflict))
                return

    def _settle_conflict(self, keep: str) -> None:
        """The person's choice on the conflict bar: the editor shows the text that is kept."""
        conflicts = [k for k in self.saver.conflicts if k[0] == self.target]
        if not conflicts:
            self.conflict_bar.hide()
            return
        target, section = conflicts[0]
        text = self.saver.resolve(target, section, keep)
        self._loading = True
        try:
            if text is None:
                self.edits[section].setPlainText(self.notes.note_text(target, section))
            else:
                self.edits[section].setPlainText(text)
        finally:
            self._loading = False
        self.conflict_bar.hide()
        self.flush()
        if not self.saver.conflicts:
            self.reload()

    def settle_unsaved(self) -> bool:
        """Save now; text the file will not take is settled with the person (Retry, save it
        elsewhere, Discard). False: they chose to keep the file open."""
        self.flush()
        if not self.saver.dirty:
            return True
        from seminar_desk.gui.notes.unsaved import settle

        return settle(self.window(), self.saver, self.flush, self.notes)

    def _read_only_file(self) -> str:
        """Why the open file takes no writes ("" when it does)."""
        return str(getattr(self.notes.desk.db, "read_only", "") or "")

    def _save_elsewhere(self) -> None:
        from seminar_desk.gui.notes.unsaved import save_pending_elsewhere

        save_pending_elsewhere(self.window(), self.saver, self.notes)

    def _set_state(self, state: str, detail: str = "") -> None:
        # A file open read-only refuses every save: the strip says so once and stays while
        # text is waiting, instead of blinking "Saving…" at each key.
        read_only = bool(self._read_only_file()) and state in ("unsaved", "error")
        text = {
            "": "",
            "unsaved": "Saving…",
            "saved": "✓ Saved",
            "error": "Not saved: retrying",
            "gone": "Not saved: deleted",
            "conflict": "Not saved: changed elsewhere",
        }[state]
        if read_only:
            state, text = "error", "Not saved: read-only file"
            detail = detail or self._read_only_file()
        self.state.setText(text)
        self.state.setToolTip(plain_tooltip(detail))
        if read_only:
            words = (
                "This file is read-only: what you type is not saved in it. Your text stays on "
                "screen; keep it with “Save the text elsewhere…” (a text file of your choice). "
                "Closing asks again about text not kept."
            )
        elif state == "error":
            words = f"Your text is on screen but not in the file. {detail}"
        else:
            words = ""
        self.problem.setText(words)
        self.save_elsewhere_button.setVisible(state == "error")
        self.problem_strip.setVisible(state == "error")
        colour = {"saved": "#1b7f3b", "unsaved": "#8a6d00"}.get(state, "#b00020" if state else "")
        self.state.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "")
        self.saved_state_changed.emit(state)

    @property
    def saved_state(self) -> str:
        return self.state.text()

    def on_changes(self, changes: OpChanges) -> None:
        if changes.touches(Area.SEMINAR):
            self._zone = None
        if changes.origin is self or self.target is None:
            return
        if changes.touches(Area.SEMINAR):
            self._show_stamp(self.notes.page(self.target))
        if changes.touches(Area.NOTES, Area.BREAKOUTS):
            self.reload()
        if changes.touches(Area.PARTICIPANTS):
            name = self.author_name()
            self._fill_authors()
            self.author.setEditText(name)

    def show_section(self, section: str, term: str = "") -> None:
        """Bring a section to the front and, if given, select the first place of `term`."""
        order = [s.value for s in NoteSection]
        if section in order:
            self.tabs.setCurrentIndex(order.index(section))
        edit = self.edits.get(section)
        if edit is None or not term.strip():
            return
        # Match as the search does ("Duc" selects "Đức"); folding keeps one character per
        # character for NFC text, so positions carry over.
        at = fold(edit.toPlainText()).find(fold(term.strip()))
        if at >= 0:
            cursor = edit.textCursor()
            cursor.setPosition(at)
            cursor.setPosition(at + len(term.strip()), QTextCursor.MoveMode.KeepAnchor)
            edit.setTextCursor(cursor)
            edit.ensureCursorVisible()
