"""The bases of the plain list and table models: rows of plain data set all at once.

Subclasses say what a row shows for a role (`row_data`); the row count, the bounds check and
the reset live here once. Every model still passes `qtmodeltester` in its page's tests.
"""

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


class PlainListModel(QAbstractListModel, Generic[R]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.row_data(self.rows[index.row()], role)

    def row_data(self, row: R, role: int) -> Any:
        """What `row` shows for `role` (None for a role it does not answer)."""
        raise NotImplementedError


class PlainTableModel(QAbstractTableModel):
    """Rows by columns under a horizontal header: the counts and the header once; subclasses
    say how many rows they hold and what the columns are called."""

    def row_total(self) -> int:
        raise NotImplementedError

    def titles(self) -> Sequence[str]:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self.row_total()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.titles())

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        titles = self.titles()
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(titles)
        ):
            return titles[section]
        return None
