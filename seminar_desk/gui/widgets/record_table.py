"""A page's table of records (participants, delegations): behind a filter as you type, sorted
by name, whole rows selected, a record found again by its id; and the one dialog such a page
has open at a time."""

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QTableView, QWidget


class RecordModel(Protocol):
    def row_of(self, record_id: str) -> int: ...

    def index(self, row: int, column: int) -> Any: ...


D = TypeVar("D", bound=QDialog)


def search_field(hint: str, on_text: Callable[[str], None]) -> QLineEdit:
    """The filter as you type, with a button that clears it."""
    field = QLineEdit(placeholderText=hint)
    field.setClearButtonEnabled(True)
    field.textChanged.connect(on_text)
    return field


class RecordTable(QTableView):
    """The records of `model` shown through `proxy`; each row's id is in `id_role`."""

    def __init__(
        self,
        model: RecordModel,
        proxy: QSortFilterProxyModel,
        id_role: int,
        *,
        single: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.records, self.proxy, self.id_role = model, proxy, id_role
        self.setModel(proxy)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        if single:
            self.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # the name

    def selected_ids(self) -> list[str]:
        return [self.proxy.data(i, self.id_role) for i in self.selectionModel().selectedRows()]

    def select(self, record_id: str) -> None:
        """Select the record's row and scroll to it (if the filter shows it)."""
        at = self.records.row_of(record_id)
        if at < 0:
            return
        index = self.proxy.mapFromSource(self.records.index(at, 0))
        if index.isValid():
            self.selectRow(index.row())
            self.scrollTo(index)


class OneDialog:
    """Mixed into a page: its dialogs are window-modal but not blocking (`open`, not `exec`),
    the answer arrives by signal. The previous dialog goes when the next opens (deleting one
    on close crashed inside its own signal); `dialog` is the one open (tests find it there)."""

    dialog: QDialog | None = None

    def open_dialog(self, dialog: D, on_accepted: Callable[[D], None]) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.accepted.connect(lambda: on_accepted(dialog))
        dialog.open()
