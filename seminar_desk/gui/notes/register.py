"""The consolidated register view: filters, merge of duplicates, and a way back to the source."""

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from seminar_desk.domain.changes import Area, OpChanges
from seminar_desk.domain.kinds import ActionStatus, RecommendationStatus
from seminar_desk.gui import runner
from seminar_desk.gui.notes.models import ENTRY_ROLE, RegisterModel, RegisterProxy
from seminar_desk.gui.widgets.save_place import save_start, saved_to
from seminar_desk.services.notes.register import RegisterEntry, RegisterService
from seminar_desk.services.notes.register_export import RegisterFilter, export_register


class RegisterPanel(QWidget):
    open_entry = Signal(object)  # RegisterEntry

    def __init__(self, service: RegisterService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.model = RegisterModel(self)
        self.proxy = RegisterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setObjectName("register")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setWordWrap(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.doubleClicked.connect(lambda index: self.open_entry.emit(index.data(ENTRY_ROLE)))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RegisterModel.TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        for column in (RegisterModel.SOURCE_COLUMN, RegisterModel.WHO_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self._fitted_width = -1
        # Row heights follow the text column's final width (a row measured before the last
        # column settled cut its last line with "…").
        self._fit_rows = QTimer(self, singleShot=True, interval=0)
        self._fit_rows.timeout.connect(self.view.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._fit_rows.start())
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # programme order until asked

        self.kind = QComboBox()
        self.kind.setObjectName("filter_kind")
        self.kind.addItem("Recommendations and actions", None)
        self.kind.addItem("Recommendations", "recommendation")
        self.kind.addItem("Action items", "action")
        self.day = QComboBox()
        self.day.setObjectName("filter_day")
        self.item = QComboBox()
        self.item.setObjectName("filter_item")
        self.group = QComboBox()
        self.group.setObjectName("filter_group")
        self.status = QComboBox()
        self.status.setObjectName("filter_status")
        self.status.addItem("Any status", None)
        for status in list(RecommendationStatus) + list(ActionStatus):
            if self.status.findData(status.value) < 0:
                self.status.addItem(status.label, status.value)
        self.who = QLineEdit()
        self.who.setObjectName("filter_who")
        self.who.setPlaceholderText("Addressee or owner")
        self.show_merged = QCheckBox("Show merged duplicates")
        self.show_merged.setChecked(True)
        for combo in (self.kind, self.day, self.item, self.group, self.status):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.who.textChanged.connect(self._filters_changed)
        self.show_merged.toggled.connect(self._filters_changed)

        self.merge_button = QPushButton("Merge selected into the first")
        self.merge_button.setObjectName("merge")
        self.merge_button.clicked.connect(self.merge_selected)
        self.unmerge_button = QPushButton("Separate")
        self.unmerge_button.clicked.connect(self.unmerge_selected)
        self.count = QLabel("")
        self.count.setObjectName("register_count")
        self.export_button = QPushButton("Export…")
        self.export_button.setObjectName("register_export")
        self.export_button.setToolTip("The rows shown, as an Excel workbook or CSV, for follow-up")
        self.export_button.clicked.connect(lambda: self.export())

        filters = QHBoxLayout()
        for widget in (self.kind, self.day, self.item, self.group):
            filters.addWidget(widget, 1)
        filters2 = QHBoxLayout()
        filters2.addWidget(self.status, 1)
        filters2.addWidget(self.who, 2)
        filters2.addWidget(self.show_merged)
        actions = QHBoxLayout()
        actions.addWidget(self.export_button)
        actions.addStretch(1)
        actions.addWidget(self.count)
        actions.addWidget(self.merge_button)
        actions.addWidget(self.unmerge_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(filters2)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        self._dirty = True

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Source and addressee take a share of the width, so the text keeps the most (at
        1366 px fixed widths left it a quarter of the table)."""
        width = self.view.viewport().width()
        if width == self._fitted_width:
            return
        self._fitted_width = width
        header = self.view.horizontalHeader()
        for column, share, low, high in (
            (RegisterModel.SOURCE_COLUMN, 0.16, 130, 220),
            (RegisterModel.WHO_COLUMN, 0.13, 125, 180),
        ):
            header.resizeSection(column, max(low, min(high, int(width * share))))
        self.view.resizeRowsToContents()

    def reload(self) -> None:
        entries = self.service.entries()
        self.model.set_entries(entries)
        self._fill_filter(
            self.day, "Every day", sorted({(e.day_number, f"Day {e.day_number}") for e in entries})
        )
        self._fill_filter(
            self.item,
            "Every agenda item",
            list(dict.fromkeys((e.item_id, e.item_title) for e in entries)),
        )
        self._fill_filter(
            self.group,
            "Every group",
            list(dict.fromkeys((e.group_id, e.group_name) for e in entries if e.group_id)),
        )
        self.view.resizeRowsToContents()
        self._dirty = False
        self._update_count()

    @staticmethod
    def _fill_filter(combo: QComboBox, everything: str, values: list[tuple[Any, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for value, label in values:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def chosen(self) -> RegisterFilter:
        """The rows the filters let through, in the view and in an export."""
        return RegisterFilter(
            kind=self.kind.currentData(),
            day=self.day.currentData(),
            item_id=self.item.currentData(),
            group_id=self.group.currentData(),
            status=self.status.currentData(),
            who=self.who.text(),
            merged=self.show_merged.isChecked(),
        )

    def _filters_changed(self) -> None:
        self.proxy.set_filter(self.chosen())
        self.view.resizeRowsToContents()
        self._update_count()

    def export(self, path: Path | None = None) -> int | None:
        """Write the rows the filters let through (XLSX, or CSV by the name's ending)."""
        if path is None:
            start = save_start(self.service.desk, "register.xlsx")
            name, _ = QFileDialog.getSaveFileName(
                self, "Export the register", str(start), "Excel workbook (*.xlsx);;CSV (*.csv)"
            )
            if not name:
                return None
            saved_to(name)
            path = Path(name)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_suffix(".xlsx")
        fmt = path.suffix.lower().lstrip(".")
        count = runner.call(self, export_register, self.service.desk, fmt, path, self.chosen())
        if count is not None:
            self.count.setText(f"{count} rows exported to {path.name}")
        return count

    def _update_count(self) -> None:
        self.count.setText(f"{self.proxy.rowCount()} of {self.model.rowCount()} shown")

    def selected_entries(self) -> list[RegisterEntry]:
        rows = sorted(self.view.selectionModel().selectedRows(), key=lambda i: i.row())
        return [i.data(ENTRY_ROLE) for i in rows]

    def merge_selected(self) -> None:
        entries = self.selected_entries()
        if len(entries) < 2:
            runner.show_refusal(self, "Select two rows or more to merge; the first is kept.")
            return
        if len({e.kind for e in entries}) > 1:
            runner.show_refusal(self, "Recommendations and action items cannot be merged together.")
            return
        keep, *others = entries
        runner.call(
            self, self.service.merge, keep.kind, keep.id, [e.id for e in others], origin=self
        )
        self.reload()

    def unmerge_selected(self) -> None:
        """Every selected merged row separated in one service call: one undo step."""
        rows = [(e.kind, e.id) for e in self.selected_entries() if e.merged_into_id]
        if rows:
            runner.call(self, self.service.unmerge, rows, origin=self)
        self.reload()

    def on_changes(self, changes: OpChanges) -> None:
        if changes.origin is self:
            return
        if changes.touches(Area.NOTES, Area.BREAKOUTS, Area.AGENDA):
            if self.isVisible():
                self.reload()
            else:
                self._dirty = True

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt API)
        if self._dirty:
            self.reload()
        super().showEvent(event)

    def select_filter(self, **values: Any) -> None:
        """Set filter combos by data (tests, and 'show in register' from a page)."""
        for name, value in values.items():
            combo = getattr(self, name)
            combo.setCurrentIndex(max(0, combo.findData(value)))
