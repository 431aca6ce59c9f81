"""Recommendations and action items of one note page: a table per kind, each cell edited with
its own delegate (status combo, due-date calendar, free text stored a second after typing,
names completed from the file), with Add and Delete. Every stored edit is one undoable step
on the desk; the notes editor (editor.py) hosts the two panels.
"""

from collections.abc import Callable
from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from seminar_desk.gui import runner
from seminar_desk.gui.notes.models import ID_ROLE, RowsModel
from seminar_desk.services.notes.service import NotesService, NoteTarget, OutcomeKind


class RowsHost(Protocol):
    """What a rows panel needs from the editor it sits in (also the origin of its edits)."""

    notes: NotesService
    target: NoteTarget | None

    def today(self) -> date: ...

    def needs_author(self) -> bool: ...

    def ask_rapporteur(self) -> None: ...

    def author_name(self) -> str: ...

    def reload_rows(self) -> None: ...


class WideEditorDelegate(QStyledItemDelegate):
    """A column sized to its contents is also as wide as its editor, or the editor's text
    is cut (the Due calendar showed "31 Jan 20" at 1366x768)."""

    _editor_width: int | None = None

    def sizeHint(self, option: Any, index: Any) -> Any:  # noqa: N802 (Qt API)
        hint = super().sizeHint(option, index)
        if self._editor_width is None:
            holder = QWidget()
            self._editor_width = self.createEditor(holder, option, index).sizeHint().width()
            holder.deleteLater()
        hint.setWidth(max(hint.width(), self._editor_width))
        return hint


class StatusDelegate(WideEditorDelegate):
    """A combo box for the status column."""

    def __init__(self, statuses: type[Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.statuses = statuses

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        for status in self.statuses:
            combo.addItem(status.label, status.value)
        return combo

    def setEditorData(self, editor: QWidget, index: Any) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class DueDelegate(WideEditorDelegate):
    """A calendar for the due date; an empty date starts at today where the seminar is."""

    def __init__(self, today: Callable[[], date], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = today

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:  # noqa: N802
        edit = QDateEdit(parent)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setDate(QDate(2000, 12, 30))  # sized for the widest date
        return edit

    def setEditorData(self, editor: QWidget, index: Any) -> None:  # noqa: N802
        assert isinstance(editor, QDateEdit)
        value = index.data(Qt.ItemDataRole.EditRole)
        if not (isinstance(value, QDate) and value.isValid()):
            today = self.today()
            value = QDate(today.year, today.month, today.day)
        editor.setDate(value)

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:  # noqa: N802
        assert isinstance(editor, QDateEdit)
        model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)


ROW_AUTOSAVE_MS = 1000


class TextDelegate(QStyledItemDelegate):
    """Free text of a recommendation or action item. What is typed is stored at most a second
    later, before Enter or Tab closes the cell, so a laptop that dies loses a second, not the
    recommendation; `autosave(row_id, field, text)` stores it without closing the cell."""

    def __init__(
        self, field: str, autosave: Callable[[str, str, str], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.field = field
        self.autosave = autosave

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:  # noqa: N802
        edit = QLineEdit(parent)
        row_id = index.data(ID_ROLE)
        timer = QTimer(edit, singleShot=True, interval=ROW_AUTOSAVE_MS)
        timer.timeout.connect(lambda: self.autosave(row_id, self.field, edit.text()))
        # Not restarted by each key: steady typing is stored every second too.
        edit.textEdited.connect(lambda _text: timer.isActive() or timer.start())
        return edit


class TabPastNames(QObject):
    """Tab (or Shift+Tab) pressed while the list of names shows closes the list, then moves
    to the next cell as it does without the list. Qt moved first: the next cell's editor got
    the keyboard and lost it when the list closed, which closed that editor, so the keys that
    followed went to the table (Down changed row, typing replaced a recommendation's text)."""

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit)
        self.edit = edit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.key() not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            return False
        if isinstance(watched, QWidget):
            watched.hide()
        key = QKeyEvent(event.type(), event.key(), event.modifiers(), event.text())
        QApplication.sendEvent(self.edit, key)  # through the delegate, which moves on
        return True


class NameDelegate(TextDelegate):
    """Addressee or owner: free text, completed from the names already used in the file."""

    def __init__(
        self,
        names: Callable[[], list[str]],
        autosave: Callable[[str, str, str], None],
        field: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(field, autosave, parent)
        self.names = names

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:  # noqa: N802
        edit = super().createEditor(parent, option, index)
        assert isinstance(edit, QLineEdit)
        completer = QCompleter(self.names(), edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        edit.setCompleter(completer)
        # Installed after the completer's own filter, so it sees the keys first.
        completer.popup().installEventFilter(TabPastNames(edit))
        return edit


class RowsView(QTableView):
    """A table whose open cell survives rows removed elsewhere in the model.

    Qt keeps the editor of a row that stays, but sets the view's state to NoState after any
    removal, so Enter and Tab no longer behaved as in a cell being edited."""

    _was_editing = False

    def setModel(self, model: Any) -> None:  # noqa: N802 (Qt API)
        super().setModel(model)
        # Connected after the view's own slot: runs once Qt has reset the state.
        model.rowsRemoved.connect(self._keep_editing)

    def rowsAboutToBeRemoved(self, parent: Any, start: int, end: int) -> None:  # noqa: N802
        row = self.currentIndex().row()
        self._was_editing = self.state() == QAbstractItemView.State.EditingState and not (
            start <= row <= end
        )
        super().rowsAboutToBeRemoved(parent, start, end)

    def _keep_editing(self, *_args: Any) -> None:
        if self._was_editing:
            self.setState(QAbstractItemView.State.EditingState)
        self._was_editing = False


class RowsPanel(QWidget):
    """A table of recommendations or action items with add/delete buttons."""

    def __init__(self, kind: OutcomeKind, editor: RowsHost) -> None:
        super().__init__()
        self.kind = kind
        self.editor = editor
        self.model = RowsModel(kind, self._save, self)
        self.view = RowsView()
        self.view.setObjectName(f"{kind}_table")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, self.model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        # Row heights follow the text column's width: measured while the page was hidden,
        # rows were several times too tall when first shown.
        self._fit_rows = QTimer(self, singleShot=True, interval=0)
        self._fit_rows.timeout.connect(self.view.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._fit_rows.start())
        # And a row whose text was just typed grows to show all of it.
        self.model.dataChanged.connect(lambda *_: self._fit_rows.start())
        status_col = self.model.columnCount() - 1
        if kind == "action":
            self.view.setItemDelegateForColumn(2, DueDelegate(editor.today, self.view))
        text_delegate = TextDelegate("text", self.autosave, self.view)
        text_delegate.closeEditor.connect(self._cell_closed)
        self.view.setItemDelegateForColumn(0, text_delegate)
        self._fresh: str | None = None  # a row just added, dropped if left empty
        name_field = "addressee" if kind == "recommendation" else "owner"
        self.view.setItemDelegateForColumn(
            1,
            NameDelegate(
                lambda: self.notes.known_names(kind), self.autosave, name_field, self.view
            ),
        )
        self.view.setItemDelegateForColumn(
            status_col, StatusDelegate(self.model.statuses, self.view)
        )
        for col in range(1, self.model.columnCount()):
            # Escape in any cell of a row just added and left empty drops it.
            self.view.itemDelegateForColumn(col).closeEditor.connect(self._cell_closed)
        word = "recommendation" if kind == "recommendation" else "action item"
        self.add_button = QPushButton(f"Add {word}")
        self.add_button.clicked.connect(self.add)
        self.delete_button = QPushButton("Delete")
        self.delete_button.clicked.connect(self.delete_selected)
        # The Delete key on the table does what the button does (not in an open cell).
        delete_key = QAction("Delete", self.view)
        delete_key.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.triggered.connect(self.delete_selected)
        self.view.addAction(delete_key)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(buttons)

    @property
    def notes(self) -> NotesService:
        return self.editor.notes

    def _update(self, row_id: str, values: dict[str, Any]) -> bool:
        """Store a row's values through the runner; False when refused (and shown)."""
        stored = runner.call(
            self, self.notes.update_outcome, self.kind, row_id, origin=self.editor, **values
        )
        return stored is not None

    def _save(self, row_id: str, values: dict[str, Any]) -> bool:
        """A cell committed (Enter, Tab, a click elsewhere). The model updates that row in
        place; nothing is reloaded, so the cell Tab opens next is the one Qt chose."""
        return self._update(row_id, values)

    def autosave(self, row_id: str, field: str, text: str) -> None:
        """Store text still being typed in a cell, leaving the cell open."""
        row = next((r for r in self.model.rows if r.id == row_id), None)
        if row is None or getattr(row, field) == text:
            return  # deleted meanwhile (its cell closed with it), or nothing new
        if self._update(row_id, {field: text}):
            # The model knows it is stored, so closing the cell adds no second step to undo.
            self.model.row_stored(row_id, {field: text})

    def add(self) -> None:
        target = self.editor.target
        if target is None:
            return
        if self.editor.needs_author():
            self.editor.ask_rapporteur()
        added = runner.call(
            self,
            self.notes.add_outcome,
            self.kind,
            target,
            author_name=self.editor.author_name(),
            origin=self.editor,
        )
        if added is None:
            return
        self._fresh = added.id
        self.editor.reload_rows()
        last = self.model.index(self.model.rowCount() - 1, 0)
        self.view.setCurrentIndex(last)
        self.view.edit(last)

    def _cell_closed(self, _editor: QWidget, hint: Any = None) -> None:
        if self._fresh is not None:
            # Once the view has closed the cell; never after the panel is gone.
            QTimer.singleShot(0, self, self._drop_if_empty)

    def _drop_if_empty(self) -> None:
        """A row added and left without a word (Escape, or a click elsewhere) is removed, so
        no blank recommendation reaches the register and the report."""
        row_id = self._fresh
        if row_id is None or self.view.state() == QAbstractItemView.State.EditingState:
            return  # still being filled in (Tab to the next cell)
        self._fresh = None
        row = next((r for r in self.model.rows if r.id == row_id), None)
        if row is None:
            return
        others = (row.addressee,) if self.kind == "recommendation" else (row.owner, row.due_date)
        if row.text.strip() or any(others):
            return
        self._delete([row_id])

    def delete_selected(self) -> None:
        self._delete([i.data(ID_ROLE) for i in self.view.selectionModel().selectedRows()])

    def _delete(self, ids: list[str]) -> None:
        """The rows chosen go in one step (one Undo brings them all back)."""
        if ids:
            unique = list(dict.fromkeys(ids))
            runner.call(self, self.notes.delete_outcomes, self.kind, unique, origin=self.editor)
        self.editor.reload_rows()
