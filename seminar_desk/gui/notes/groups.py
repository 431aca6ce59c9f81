"""Breakout groups of one item: details, members by drag and drop, automatic split,
and the rapporteur's place on the report-back list of speakers."""

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QFocusEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from seminar_desk.domain.changes import Area, OpChanges
from seminar_desk.domain.text import fold
from seminar_desk.gui import runner
from seminar_desk.gui.agenda.model import plain_tooltip
from seminar_desk.gui.notes.models import PEOPLE_MIME, PeopleModel, ids_from_mime, refilter
from seminar_desk.gui.widgets import ask
from seminar_desk.gui.widgets.forms import form_rows
from seminar_desk.services.notes.breakouts import BreakoutService, GroupInfo

PERSON_ID = Qt.ItemDataRole.UserRole + 1


class QuestionsEdit(QPlainTextEdit):
    """Guiding questions; tells when the focus leaves, so what was typed is saved then."""

    focus_left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt API)
        super().focusOutEvent(event)
        self.focus_left.emit()


class MemberList(QListWidget):
    """A group's members; accepts participants dragged from the people list."""

    dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(PEOPLE_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(PEOPLE_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        ids = ids_from_mime(event.mimeData())
        if ids:
            event.acceptProposedAction()
            self.dropped.emit(ids)
        else:
            event.ignore()


class PeopleFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.text = ""

    def set_text(self, text: str) -> None:
        refilter(self, lambda: setattr(self, "text", fold(text.strip())))

    def filterAcceptsRow(self, source_row: int, source_parent: Any) -> bool:  # noqa: N802
        if not self.text:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return self.text in (index.data(Qt.ItemDataRole.UserRole) or "")


def split_question(groups: list[GroupInfo], count: int) -> str:
    """What an automatic split would undo of the members already placed, or "" when the
    groups are still empty (nothing chosen by hand to lose)."""
    placed = [g for g in groups if g.members]
    if not placed:
        return ""
    people = sum(len(g.members) for g in placed)
    lines = [
        f"{len(placed)} of these groups already have members ({people} people), perhaps "
        f"chosen by hand. Splitting automatically into {count} groups places everyone "
        "present that day again: members may move to another group.",
        "Facilitators and rapporteurs stay in their groups.",
    ]
    beyond = [g for g in sorted(groups, key=lambda g: g.position)[count:] if g.members]
    if beyond:
        names = ", ".join(g.name for g in beyond)
        lines.append(f"{names} will have no members (their notes are kept).")
    if count > len(groups):
        lines.append(f"{count - len(groups)} new group(s) will be added.")
    lines.append("Undo (Ctrl+Z) brings the groups back as they are now.")
    return "\n\n".join(lines)


class GroupsPanel(QWidget):
    """Everything about the groups of one breakout item."""

    open_group = Signal(str)

    def __init__(self, service: BreakoutService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.item_id: str | None = None
        self.groups: list[GroupInfo] = []
        self._loading = False
        self._filled_for: str | None = None
        # The group whose questions the editor shows, and their text as stored.
        self._questions_for: str | None = None
        self._questions_stored = ""

        # Groups and the automatic split.
        self.group_list = QListWidget()
        self.group_list.setObjectName("group_list")
        # Long names wrap instead of being cut at the list's edge.
        self.group_list.setWordWrap(True)
        self.group_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.group_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.group_list.currentRowChanged.connect(self._group_selected)
        self.group_list.itemDoubleClicked.connect(
            lambda item: self.open_group.emit(item.data(PERSON_ID))
        )
        self.add_button = QPushButton("Add group")
        self.add_button.clicked.connect(self.add_group)
        self.delete_button = QPushButton("Delete group")
        self.delete_button.clicked.connect(self.delete_group)
        self.count = QSpinBox()
        self.count.setObjectName("group_count")
        self.count.setRange(1, 26)
        self.count.setValue(3)
        self.seed = QSpinBox()
        self.seed.setObjectName("split_seed")
        self.seed.setRange(0, 9999)
        self.seed.setToolTip("The same number gives the same split again.")
        self.split_button = QPushButton("Split participants automatically")
        self.split_button.setObjectName("split")
        self.split_button.setToolTip(
            "Everyone present that day, balanced by delegation and kind of organisation; "
            "facilitators and rapporteurs stay in their groups."
        )
        self.split_button.clicked.connect(self.split)
        split_row = QHBoxLayout()
        split_row.addWidget(QLabel("Groups:"))
        split_row.addWidget(self.count)
        split_row.addWidget(QLabel("Seed:"))
        split_row.addWidget(self.seed)
        group_buttons = QHBoxLayout()
        group_buttons.addWidget(self.add_button)
        group_buttons.addWidget(self.delete_button)
        left = QVBoxLayout()
        left.addWidget(QLabel("Groups"))
        left.addWidget(self.group_list, 1)
        left.addLayout(group_buttons)
        left.addLayout(split_row)
        left.addWidget(self.split_button)

        # One group's details.
        self.name = QLineEdit()
        self.name.setObjectName("group_name")
        self.room = QLineEdit()
        self.room.setObjectName("group_room")
        self.facilitator = QComboBox()
        self.facilitator.setObjectName("group_facilitator")
        self.rapporteur = QComboBox()
        self.rapporteur.setObjectName("group_rapporteur")
        self.questions = QuestionsEdit()
        self.questions.setObjectName("guiding_questions")
        self.questions.setPlaceholderText("One guiding question per line")
        self.questions.setMaximumHeight(110)
        self.name.editingFinished.connect(lambda: self._save(name=self.name.text().strip()))
        self.room.editingFinished.connect(lambda: self._save(room=self.room.text().strip()))
        self.facilitator.activated.connect(
            lambda _: self._save(facilitator_id=self.facilitator.currentData())
        )
        self.rapporteur.activated.connect(
            lambda _: self._save(rapporteur_id=self.rapporteur.currentData())
        )
        self.questions.focus_left.connect(self.save_questions)
        self.questions_button = QPushButton("Save questions")
        self.questions_button.setToolTip(
            "Questions are also saved when you leave the box or choose another group."
        )
        self.questions_button.clicked.connect(self.save_questions)
        details = QGroupBox("Group")
        form = form_rows(
            [
                ("Name", self.name),
                ("Room", self.room),
                ("Facilitator", self.facilitator),
                ("Rapporteur", self.rapporteur),
                ("Guiding questions", self.questions),
                ("", self.questions_button),
            ],
            details,
        )

        self.report_item = QComboBox()
        self.report_item.setObjectName("report_item")
        self.report_button = QPushButton("Put the rapporteur on the list of speakers")
        self.report_button.setObjectName("report_back")
        self.report_button.clicked.connect(self.report_back)
        report_row = QHBoxLayout()
        report_row.addWidget(self.report_item, 1)
        report_row.addWidget(self.report_button)
        form.addRow("Report-back", report_row)

        # Members and the people to drag in.
        self.members = MemberList()
        self.members.setObjectName("members")
        self.members.dropped.connect(self.add_members)
        self.remove_button = QPushButton("Remove from group")
        self.remove_button.clicked.connect(self.remove_selected)
        self.people_model = PeopleModel(self)
        self.people_filter = PeopleFilter(self)
        self.people_filter.setSourceModel(self.people_model)
        self.people = QListView()
        self.people.setObjectName("people")
        self.people.setModel(self.people_filter)
        self.people.setDragEnabled(True)
        self.people.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.people.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.people.doubleClicked.connect(lambda index: self.add_members([index.data(PERSON_ID)]))
        self.find = QLineEdit()
        self.find.setPlaceholderText("Find a participant")
        self.find.textChanged.connect(self.people_filter.set_text)
        members_box = QVBoxLayout()
        self.members_label = QLabel("Members (drop participants here)")
        members_box.addWidget(self.members_label)
        members_box.addWidget(self.members, 1)
        members_box.addWidget(self.remove_button)
        people_box = QVBoxLayout()
        people_box.addWidget(QLabel("Participants (drag into the group, or double-click)"))
        people_box.addWidget(self.find)
        people_box.addWidget(self.people, 1)
        lists = QHBoxLayout()
        lists.addLayout(members_box, 1)
        lists.addLayout(people_box, 1)

        right = QVBoxLayout()
        right.addWidget(details)
        right.addLayout(lists, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 5)
        self.setEnabled(False)

    # -- loading ------------------------------------------------------------------------------

    def open_item(self, item_id: str | None, group_id: str | None = None) -> None:
        self.save_questions()
        self.item_id = item_id
        self.setEnabled(item_id is not None)
        if item_id is not None and item_id != self._filled_for:
            # People and report-back items change rarely; a large seminar has a thousand.
            self._filled_for = item_id
            self.people_model.set_rows(self.service.candidates(item_id))
            self._fill_people_combos()
            self.report_item.clear()
            for item in self.service.report_back_items(item_id):
                self.report_item.addItem(f"Day {item.day_number}: {item.title}", item.id)
        self.reload(group_id)

    def _fill_people_combos(self) -> None:
        everyone = self.service.people()
        for combo in (self.facilitator, self.rapporteur):
            combo.clear()
            combo.addItem("(nobody)", None)
            for person in everyone:
                combo.addItem(person.label, person.id)

    def reload(self, group_id: str | None = None) -> None:
        current = group_id or self.current_group_id()
        self.groups = self.service.groups(self.item_id) if self.item_id else []
        self._loading = True
        try:
            self.group_list.clear()
            for g in self.groups:
                item = QListWidgetItem(
                    f"{g.name}\n{len(g.members)} members · {g.room or 'no room'}"
                )
                item.setToolTip(plain_tooltip(g.name))
                item.setData(PERSON_ID, g.id)
                self.group_list.addItem(item)
            ids = [g.id for g in self.groups]
            row = ids.index(current) if current in ids else (0 if ids else -1)
            self.group_list.setCurrentRow(row)
        finally:
            self._loading = False
        if self.groups:
            self.count.setValue(max(1, len(self.groups)))
        self._show_group()

    def current_group_id(self) -> str | None:
        item = self.group_list.currentItem()
        return item.data(PERSON_ID) if item is not None else None

    def current_group(self) -> GroupInfo | None:
        gid = self.current_group_id()
        return next((g for g in self.groups if g.id == gid), None)

    def _group_selected(self, _row: int) -> None:
        if not self._loading:
            self.save_questions()  # typed for the group shown until now
            self._show_group()

    def _show_group(self) -> None:
        group = self.current_group()
        for widget in (
            self.name,
            self.room,
            self.facilitator,
            self.rapporteur,
            self.questions,
            self.members,
            self.remove_button,
            self.report_button,
            self.questions_button,
            self.delete_button,
        ):
            widget.setEnabled(group is not None)
        self.members.clear()
        if group is None:
            self.name.clear()
            self.room.clear()
            self.questions.clear()
            self._questions_for, self._questions_stored = None, ""
            return
        self.name.setText(group.name)
        self.room.setText(group.room)
        typing = (
            group.id == self._questions_for
            and self.questions.toPlainText() != self._questions_stored
        )
        if not typing and self.questions.toPlainText() != group.guiding_questions:
            self.questions.setPlainText(group.guiding_questions)
        self._questions_for, self._questions_stored = group.id, group.guiding_questions
        for combo, pid in (
            (self.facilitator, group.facilitator_id),
            (self.rapporteur, group.rapporteur_id),
        ):
            combo.setCurrentIndex(max(0, combo.findData(pid)))
        roles = {group.facilitator_id: "facilitator", group.rapporteur_id: "rapporteur"}
        for person in group.members:
            role = roles.get(person.id)
            item = QListWidgetItem(f"{person.label} — {role}" if role else person.label)
            item.setData(PERSON_ID, person.id)
            self.members.addItem(item)
        self.members_label.setText(f"Members of {group.name}: {len(group.members)}")

    # -- actions ------------------------------------------------------------------------------

    def _run(self, fn: Any, *args: Any, **kwargs: Any) -> OpChanges | None:
        """A service call through the GUI runner (a refusal is shown), then the groups as
        stored: a refused edit shows the stored value again."""
        result = runner.call(self, fn, *args, origin=self, **kwargs)
        self.reload()
        return result

    def _save(self, **values: Any) -> None:
        group = self.current_group()
        if group is None or self._loading:
            return
        if all(getattr(group, k) == v for k, v in values.items()):
            return
        self._run(self.service.update_group, group.id, **values)

    def save_questions(self) -> None:
        """Store the questions typed for the group they were typed for (no Save needed)."""
        group_id, text = self._questions_for, self.questions.toPlainText()
        if group_id is None or self._loading or text == self._questions_stored:
            return
        self._questions_stored = text
        self._run(self.service.update_group, group_id, guiding_questions=text)

    def flush(self) -> None:
        """Save what is typed but not stored yet (page hidden, file closing)."""
        self.save_questions()

    def add_group(self) -> None:
        if self.item_id is not None:
            added = runner.call(self, self.service.add_group, self.item_id, origin=self)
            self.reload(added.id if added is not None else None)

    def delete_group(self) -> None:
        group = self.current_group()
        if group is None:
            return
        if ask.confirm(
            self,
            f"Delete {group.name} with its notes, recommendations and action items? "
            "Undo brings it back.",
            yes="Delete group",
        ):
            self._run(self.service.delete_group, group.id)

    def split(self) -> None:
        if self.item_id is None:
            return
        count = self.count.value()
        question = split_question(self.groups, count)
        if question and not ask.confirm(self, question, yes="Split again"):
            return
        self._run(self.service.auto_assign, self.item_id, count, self.seed.value())

    def add_members(self, ids: list[str]) -> None:
        group = self.current_group()
        if group is not None and ids:
            self._run(self.service.add_members, group.id, ids)

    def remove_selected(self) -> None:
        """Everyone selected leaves the group in one step (one Undo brings them all back)."""
        group = self.current_group()
        if group is None:
            return
        ids = [item.data(PERSON_ID) for item in self.members.selectedItems()]
        if ids:
            self._run(self.service.remove_members, group.id, ids)

    def report_back(self) -> None:
        group = self.current_group()
        item_id = self.report_item.currentData()
        if group is None or item_id is None:
            return
        if self._run(self.service.add_rapporteur_to_speakers, group.id, item_id) is not None:
            window = self.window()
            if hasattr(window, "statusBar"):
                window.statusBar().showMessage(
                    f"The rapporteur of {group.name} is on the list of speakers of "
                    f"{self.report_item.currentText()}.",
                    8000,
                )

    def on_changes(self, changes: OpChanges) -> None:
        if changes.origin is self or self.item_id is None:
            return
        if changes.touches(Area.PARTICIPANTS, Area.AGENDA):
            self._filled_for = None
            self.open_item(self.item_id)
        elif changes.touches(Area.BREAKOUTS):
            self.reload()
