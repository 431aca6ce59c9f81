"""The Participants page: who attends (filter as you type, attendance per day, check-in) and,
on its second tab, the delegations they come for.
"""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from seminar_desk.domain.changes import Area, OpChanges
from seminar_desk.gui import runner
from seminar_desk.gui.context import DeskContext
from seminar_desk.gui.pages.base import Page, PageSpec
from seminar_desk.gui.participants.attendance import EVERYONE, AttendanceBar
from seminar_desk.gui.participants.delegations_tab import DelegationsTab
from seminar_desk.gui.participants.editors import ChoiceDelegate, ParticipantDialog
from seminar_desk.gui.participants.model import (
    ID_ROLE,
    ParticipantFilter,
    ParticipantTableModel,
)
from seminar_desk.gui.participants.transfer import ParticipantTransfer
from seminar_desk.gui.widgets import ask
from seminar_desk.gui.widgets.record_table import OneDialog, RecordTable, search_field
from seminar_desk.services.participants.delegations import DelegationService
from seminar_desk.services.participants.service import ParticipantRow, ParticipantService

# Widest a column gets when fitted to its content (pixels); the name also takes what is left.
CAPS = {
    "name": 300,
    "organisation_id": 210,
    "function": 200,
    "email": 210,
}
SEARCH_HINT = "Filter: name, delegation, kind, role, gender, function, e-mail…"


class ParticipantsPage(Page, OneDialog):
    def __init__(self, ctx: DeskContext) -> None:
        super().__init__(ctx)
        self.service = ParticipantService(ctx.desk)
        self.model = ParticipantTableModel(self.service)
        self.proxy = ParticipantFilter()
        self.proxy.setSourceModel(self.model)
        self._content: list[int] = []  # each column's width fitted to its content

        self.search = search_field(SEARCH_HINT, self._filter)
        self.search.returnPressed.connect(self.check_in_enter)
        self.search.installEventFilter(self)  # Up and Down pick among the matches (check-in)
        self._picked: str | None = None  # who the arrows picked since the text last changed
        self.count = QLabel()
        self.add_button = QPushButton("Add participant…")
        self.add_button.clicked.connect(self.add_participant)
        self.edit_button = QPushButton("Edit…")
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton("Delete")
        self.delete_button.clicked.connect(self.delete_selected)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        top.addWidget(self.add_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.delete_button)
        self.attendance = AttendanceBar()
        self.attendance.changed.connect(self._attendance_changed)
        # Typed text belongs to the mode it was typed in (a filter, or a name to check in).
        self.attendance.check_in.toggled.connect(lambda _on: self.search.clear())
        self.transfer = ParticipantTransfer(self, ctx)
        self.import_button = QPushButton("Import…")
        self.import_button.clicked.connect(self.transfer.choose_import)
        top.addWidget(self.import_button)

        self.table = RecordTable(self.model, self.proxy, ID_ROLE)
        self.table.setItemDelegate(ChoiceDelegate(self.table))
        self.table.horizontalHeader().setResizeContentsPrecision(200)
        self.table.viewport().installEventFilter(self)

        self.people = people = QWidget()
        layout = QVBoxLayout(people)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.attendance)
        layout.addWidget(self.table)
        self.delegations = DelegationsTab(DelegationService(ctx.desk))
        self.tabs = QTabWidget()
        self.tabs.addTab(people, "&Participants")
        self.tabs.addTab(self.delegations, "&Delegations")
        outer = QVBoxLayout(self)
        outer.addWidget(self.tabs)
        self._days_changed()

    # -- the Participants menu (gui/pages PAGES: there before the page is built) --------------

    def import_list(self, _shown: bool = True) -> None:
        self.transfer.choose_import()

    def export_list(self, _shown: bool = True) -> None:
        self.transfer.choose_export()

    def check_in(self, shown: bool = True) -> None:
        """Ctrl+Shift+A (A for attendance; Ctrl+Shift+K is the projector clock), from any
        page: check-in on the list, ready for the first letters; pressed again on the list,
        check-in ends."""
        listed = shown and self.tabs.currentWidget() is self.people
        self.tabs.setCurrentWidget(self.people)
        self.attendance.check_in.setChecked(not (listed and self.attendance.check_in.isChecked()))

    # -- showing --------------------------------------------------------------------------------

    def _days_changed(self) -> None:
        self.attendance.set_days(self.model.days, self.service.today())
        self._fit_columns()
        self._attendance_changed()

    def _fit_columns(self) -> None:
        """Columns as wide as their content, some capped; see `_spread` for the rest."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        self._content = [self.table.columnWidth(c) for c in range(self.model.columnCount())]
        self._spread()

    def _spread(self) -> None:
        """Capped columns (delegation, function, e-mail) get their width back first when there
        is room, those missing least first; then the name takes what is left. On a small
        screen the columns keep their capped width and the last ones (function, e-mail: after
        the days) scroll into view."""
        if len(self._content) != self.model.columnCount():
            return
        caps = [CAPS.get(c.field) for c in self.model.columns]
        widths = [min(w, cap) if cap else w for w, cap in zip(self._content, caps, strict=True)]
        spare = self.table.viewport().width() - sum(widths)
        short = sorted(range(1, len(widths)), key=lambda c: self._content[c] - widths[c])
        for column in short:  # the ones missing least first: most columns shown whole
            grow = min(max(0, spare), self._content[column] - widths[column])
            widths[column] += grow
            spare -= grow
        widths[0] += max(0, spare)
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """The table's viewport changed size (the window, a scroll bar): spread again. In
        check-in mode, Up and Down in the search field pick one of the people listed, and
        Escape clears the letters typed (with none typed, it ends check-in)."""
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._spread()
        elif (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self.attendance.check_in.isChecked()
        ):
            if self.search.text():
                self.search.clear()
            else:
                self.attendance.check_in.setChecked(False)
            return True
        elif (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
            and self.attendance.check_in.isChecked()
        ):
            self._pick(1 if event.key() == Qt.Key.Key_Down else -1)
            return True
        return False

    def _filter(self, text: str) -> None:
        self._picked = None  # a pick is for the list it was made in
        self.proxy.set_text(text)
        if self.attendance.check_in.isChecked():
            self.table.clearSelection()
        self._update_count()

    def _attendance_changed(self) -> None:
        shown, day = self.attendance.shown(), self.attendance.day_id()
        self.proxy.set_day(None if shown == EVERYONE or day is None else day, shown == "present")
        checking = self.attendance.check_in.isChecked()
        self.search.setPlaceholderText(
            f"Check-in {self.attendance.day_name()}: type a few letters, Enter marks present"
            if checking
            else SEARCH_HINT
        )
        if checking:
            self.search.setFocus()
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(f"{shown} of {total}" if shown != total else f"{total} participants")
        day = self.attendance.day_id()
        present = self.model.present_count(day) if day else 0
        self.attendance.set_count(present, total)

    # -- attendance -----------------------------------------------------------------------------

    def _pick(self, step: int) -> None:
        """Select the next (or previous) person listed: Enter then checks that one in."""
        count = self.proxy.rowCount()
        if count == 0:
            return
        at = self._picked_row()
        at = (0 if step > 0 else count - 1) if at < 0 else max(0, min(count - 1, at + step))
        index = self.proxy.index(at, 0)
        self._picked = index.data(ID_ROLE)
        self.table.selectRow(at)
        self.table.scrollTo(index)
        row = self.model.rows[self.model.row_of(self._picked)]
        self.attendance.last.setText(
            f"Enter marks {row.name} ({row.organisation_code or 'no delegation'}) present"
        )

    def _picked_row(self) -> int:
        """The proxy row of the person the arrows picked, or -1."""
        for at in range(self.proxy.rowCount()):
            if self._picked is not None and self.proxy.index(at, 0).data(ID_ROLE) == self._picked:
                return at
        return -1

    def check_in_enter(self) -> None:
        """In check-in mode, Enter marks the one person listed (or the one picked with the
        arrows) present and clears the field; with several listed it never guesses."""
        if not self.attendance.check_in.isChecked():
            return
        day, typed = self.attendance.day_id(), self.search.text().strip()
        if day is None or (not typed and self._picked is None):
            return
        count = self.proxy.rowCount()
        if count == 0:
            self.attendance.last.setText(
                f"Nobody missing {self.attendance.day_name()} matches “{typed}”"
            )
            return
        at = self._picked_row()
        if at < 0 and count > 1:
            self.attendance.last.setText(
                f"{count} match: keep typing or pick one with the arrows (↑ ↓), then Enter"
            )
            return
        person = self.proxy.index(max(at, 0), 0).data(ID_ROLE)
        row = self.model.rows[self.model.row_of(person)]
        if self.model.mark(person, day, True):
            self.attendance.last.setText(
                f"\u2713 {row.name} ({row.organisation_code or 'no delegation'}) present "
                f"{self.attendance.day_name()}"
            )
            self._picked = None
            self.table.clearSelection()
            self.search.clear()
            self._update_count()

    # -- editing --------------------------------------------------------------------------------

    def selected_rows(self) -> list[ParticipantRow]:
        at = (self.model.row_of(i) for i in self.table.selected_ids())
        return [self.model.rows[i] for i in at if i >= 0]

    def add_participant(self) -> None:
        self.open_dialog(ParticipantDialog(self.model.organisations, None, self), self._added)

    def _added(self, dialog: ParticipantDialog) -> None:
        values = dialog.values()
        name, org = values.pop("name"), values.pop("organisation_id")
        added = runner.call(self, self.service.add, name, org, **values)
        if added is not None:
            self.select(added.id)

    def edit_selected(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 1:
            return
        self.open_dialog(ParticipantDialog(self.model.organisations, rows[0], self), self._edited)

    def _edited(self, dialog: ParticipantDialog) -> None:
        changes = dialog.changes()
        if changes and dialog.person is not None:
            runner.call(self, self.service.update, dialog.person.id, **changes)

    def select(self, participant_id: str) -> None:
        self.table.select(participant_id)

    def delete_selected(self) -> None:
        ids = [r.id for r in self.selected_rows()]
        if not ids:
            return
        kept = self.service.why_kept(ids)
        if kept:
            runner.show_refusal(self, kept)
            return
        who = "1 participant" if len(ids) == 1 else f"{len(ids)} participants"
        question = f"Delete {who}? Edit › Undo (Ctrl+Z) brings them back."
        if ask.confirm(self, question, yes="Delete"):
            runner.call(self, self.service.delete, ids)

    def on_changes(self, changes: OpChanges) -> None:
        if changes.touches(Area.PARTICIPANTS, Area.SPEAKERS):
            self.delegations.reload()
        if changes.origin is self.model:
            self._update_count()
            return
        if changes.touches(Area.PARTICIPANTS, Area.AGENDA, Area.SEMINAR):
            chosen = [r.id for r in self.selected_rows()]
            self.model.reload()
            self._days_changed()
            for person in chosen[:1]:
                self.select(person)


SPEC = PageSpec(order=50, title="Participants", factory=ParticipantsPage)
