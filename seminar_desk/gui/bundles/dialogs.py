"""The dialogs of bundles and backups: what to export, the merge preview, the conflicts side by
side (Keep mine / Keep theirs / Keep both) and the list of backups. Text from files and
bundles is shown as plain text, never as markup."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from seminar_desk.gui.widgets.forms import TextPreview, ok_cancel, plain_label
from seminar_desk.services.bundles.conflicts import Choice, ConflictView
from seminar_desk.services.bundles.scope import Scope


class ExportDialog(QDialog):
    """Choose what the bundle carries: the whole seminar, a group's work, a day's speakers."""

    def __init__(
        self, parent: QWidget | None, groups: list[tuple[str, str]], days: list[int]
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export bundle")
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label("What should the bundle carry to the other laptop?"))
        self.what = QComboBox()
        self.what.setObjectName("bundle_scope")
        self.what.addItem("The whole seminar", Scope())
        for number, (_group_id, name) in enumerate(groups, 1):
            self.what.addItem(
                f"Breakout group {number}: {name} (notes, recommendations, actions)",
                Scope(group=str(number)),
            )
        for day in days:
            self.what.addItem(f"Day {day}: the speaker logs", Scope(day=day))
        layout.addWidget(self.what)
        layout.addWidget(ok_cancel(self, ok="Export…"))

    def scope(self) -> Scope:
        return self.what.currentData()


class PreviewDialog(TextPreview):
    """What a merge will change, before anything changes."""

    def __init__(self, parent: QWidget | None, lines: list[str], *, new_file: bool = False) -> None:
        super().__init__(
            parent,
            "Import bundle: preview",
            lines,
            "Merge" if not new_file else "Create",
            "The file is backed up first, then changed in one step (Edit › Undo takes it "
            "back). Records changed on both laptops are kept as conflicts for you to resolve."
            if not new_file
            else "A new seminar file is made from the bundle.",
        )
        self.text.setObjectName("bundle_preview")
        self.resize(720, 440)


class ConflictsDialog(QDialog):
    """Each conflict with the two versions side by side; the person keeps one, or both."""

    chosen = Signal(str, str)  # conflict id, Choice

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Resolve conflicts")
        self.views: list[ConflictView] = []
        layout = QVBoxLayout(self)
        self.summary = plain_label("")
        layout.addWidget(self.summary)
        self.list = QListWidget()
        self.list.setObjectName("conflict_list")
        self.list.currentRowChanged.connect(self._show)
        layout.addWidget(self.list, 1)
        self.where = plain_label("")
        layout.addWidget(self.where)
        sides = QHBoxLayout()
        self.mine_label, self.mine = plain_label("This laptop"), QPlainTextEdit()
        self.theirs_label, self.theirs = plain_label("The bundle"), QPlainTextEdit()
        for title, text, name in (
            (self.mine_label, self.mine, "mine"),
            (self.theirs_label, self.theirs, "theirs"),
        ):
            column = QVBoxLayout()
            text.setReadOnly(True)
            text.setObjectName(f"conflict_{name}")
            column.addWidget(title)
            column.addWidget(text)
            sides.addLayout(column)
        layout.addLayout(sides, 3)
        row = QHBoxLayout()
        self.buttons: dict[Choice, QPushButton] = {}
        for choice, text in (
            (Choice.MINE, "Keep &mine"),
            (Choice.THEIRS, "Keep &theirs"),
            (Choice.BOTH, "Keep &both"),
        ):
            button = QPushButton(text)
            button.setObjectName(f"keep_{choice.value}")
            button.setAutoDefault(False)  # Enter must not throw a version away by itself
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
            row.addWidget(button)
            self.buttons[choice] = button
        row.addStretch(1)
        close = QPushButton("Close")
        close.setDefault(True)
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(900, 560)

    def set_conflicts(self, views: list[ConflictView]) -> None:
        current = self.list.currentRow()
        self.views = views
        self.list.clear()
        for view in views:
            self.list.addItem(f"{view.where} — {view.reason}")
        self.summary.setText(
            f"{len(views)} conflict{'s' if len(views) != 1 else ''} to resolve: the same "
            "record was changed on both laptops."
            if views
            else "No conflicts left: every version is settled."
        )
        if views:
            self.list.setCurrentRow(min(max(current, 0), len(views) - 1))
        else:
            self._show(-1)

    def _show(self, row: int) -> None:
        view = self.views[row] if 0 <= row < len(self.views) else None
        self.where.setText(view.where if view else "")
        self.mine.setPlainText(
            view.mine if view and view.mine is not None else ("(deleted here)" if view else "")
        )
        self.theirs.setPlainText(
            view.theirs
            if view and view.theirs is not None
            else ("(deleted in the bundle)" if view else "")
        )
        self.mine_label.setText(
            f"This laptop{(' · ' + view.mine_time) if view and view.mine_time else ''}"
        )
        when = f" · {view.theirs_time}" if view and view.theirs_time else ""
        self.theirs_label.setText(f"The bundle ({view.source}){when}" if view else "The bundle")
        for choice, button in self.buttons.items():
            button.setEnabled(
                view is not None and (choice is not Choice.BOTH or view.can_keep_both)
            )

    def _choose(self, choice: Choice) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.views):
            self.chosen.emit(self.views[row].id, choice.value)


class BackupsDialog(QDialog):
    """The file's backups, newest first: back up now, or put one back."""

    back_up = Signal()
    restore = Signal(str)

    def __init__(self, parent: QWidget | None, folder: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("Backups")
        self.paths: list[str] = []
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(f"Backups of this file, newest first (kept in {folder}):"))
        self.list = QListWidget()
        self.list.setObjectName("backup_list")
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        now = QPushButton("Back up &now")
        now.setObjectName("backup_now")
        now.clicked.connect(self.back_up.emit)
        self.restore_button = QPushButton("&Restore the selected backup…")
        self.restore_button.setObjectName("backup_restore")
        self.restore_button.clicked.connect(self._restore)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        for button in (now, self.restore_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(640, 420)

    def set_backups(self, entries: list[tuple[str, str]]) -> None:
        self.paths = [path for path, _ in entries]
        self.list.clear()
        for _, label in entries:
            self.list.addItem(label)
        if entries:
            self.list.setCurrentRow(0)
        self.restore_button.setEnabled(bool(entries))

    def _restore(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.paths):
            self.restore.emit(self.paths[row])
