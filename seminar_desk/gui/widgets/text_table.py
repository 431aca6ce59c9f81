"""Tables of plain text for previews (imports): a real model under a real table view, so
columns line up whatever the font, each fits its content, and a long cell shows whole in its
tooltip. The text comes from files: it is shown, never read as markup."""

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from seminar_desk.gui.widgets.list_model import PlainTableModel

Index = QModelIndex | QPersistentModelIndex

WIDEST_SHARE = 0.4
"""A column fitted to its content takes at most this share of the screen's width (at
1366x768 about 540 px: a delegation such as "Nonviolence International Southeast Asia
(NISEA)" shows whole), and never less than WIDEST_LEAST; the last column takes what is
left."""
WIDEST_LEAST = 360


class TextTableModel(PlainTableModel):
    """Rows of text under column titles, set all at once."""

    def __init__(self, titles: Sequence[str], rows: Sequence[Sequence[str]] = ()) -> None:
        super().__init__()
        self._titles = tuple(titles)
        self.rows: list[tuple[str, ...]] = []
        self.set_rows(rows)

    def set_rows(self, rows: Sequence[Sequence[str]]) -> None:
        self.beginResetModel()
        self.rows = [tuple(row) for row in rows]
        self.endResetModel()

    def row_total(self) -> int:
        return len(self.rows)

    def titles(self) -> Sequence[str]:
        return self._titles

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if not 0 <= index.column() < len(row):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row[index.column()]
        return None


class TextTableView(QTableView):
    """A read-only view of a TextTableModel whose columns fit their content."""

    def __init__(self, model: TextTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        model.modelReset.connect(self.fit_columns)
        self.fit_columns()

    def text_model(self) -> TextTableModel:
        model = self.model()
        assert isinstance(model, TextTableModel)
        return model

    def fit_columns(self) -> None:
        """Each column as wide as its content (header included), at most a share of the
        screen."""
        self.resizeColumnsToContents()
        screen = self.screen().availableGeometry().width()
        widest = max(WIDEST_LEAST, int(screen * WIDEST_SHARE))
        for column in range(self.text_model().columnCount()):
            self.setColumnWidth(column, min(self.columnWidth(column), widest))
