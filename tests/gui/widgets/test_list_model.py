"""One base for every list and table model (gui/widgets/list_model.py): no model re-writes the
row and column counts, the bounds, the header or the drag and drop plumbing."""

import ast
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt

from seminar_desk.gui.widgets.list_model import DragMoves, PlainListModel, PlainTableModel

GUI = Path(__file__).resolve().parents[3] / "seminar_desk" / "gui"
QT_BASES = {"QAbstractItemModel", "QAbstractListModel", "QAbstractTableModel"}


def test_every_model_stands_on_the_one_base() -> None:
    direct = []
    for path in GUI.rglob("*.py"):
        if path.name == "list_model.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                names = {b.id for b in node.bases if isinstance(b, ast.Name)}
                if names & QT_BASES:
                    direct.append(f"{path.relative_to(GUI)}: {node.name}")
    assert direct == []


class Row:
    def __init__(self, id: str) -> None:  # noqa: A002 (the rows' own field name)
        self.id = id


class Moves(DragMoves, PlainListModel[Row]):
    mime_type = "application/x-test-row"

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple[str, int]] = []

    def row_data(self, row: Row, role: int) -> object:
        return row.id if role == Qt.ItemDataRole.DisplayRole else None

    def dropped(self, row_id: str, row: int) -> None:
        self.asked.append((row_id, row))


class Numbered(PlainTableModel[Row]):
    numbered = True

    def titles(self) -> tuple[str, ...]:
        return ("Id",)

    def cell(self, at: int, column: int, role: int) -> object:
        return self.rows[at].id if role == Qt.ItemDataRole.DisplayRole else None


def test_a_drop_names_the_dragged_row_and_where_it_goes(qtmodeltester) -> None:
    model = Moves()
    model.set_rows([Row("a"), Row("b"), Row("c")])
    qtmodeltester.check(model)
    mime = model.mimeData([model.index(2), model.index(1)])  # the first row dragged travels
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert not model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert not model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert model.asked == [("b", 0), ("b", 3)]  # the view never removes the row itself
    assert not model.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDragEnabled
    assert model.flags(model.index(0)) & Qt.ItemFlag.ItemIsDragEnabled
    model.keep_rows([Row("c"), Row("a")], lambda r: r.id)
    assert [model.index(i).data() for i in range(model.rowCount())] == ["c", "a"]


def test_a_table_counts_bounds_and_numbers_its_rows(qtmodeltester) -> None:
    model = Numbered()
    model.set_rows([Row("x"), Row("y")])
    qtmodeltester.check(model)
    vertical, horizontal = Qt.Orientation.Vertical, Qt.Orientation.Horizontal
    assert [model.headerData(i, vertical) for i in range(3)] == ["1", "2", None]
    assert model.headerData(0, horizontal) == "Id" and model.headerData(1, horizontal) is None
    assert model.index(1, 0).data() == "y" and model.columnCount() == 1
