"""The base of every list and table model: rows of plain data (service snapshots).

The shared plumbing lives here once: the row and column counts, the bounds check, the header,
replacing the rows (`set_rows`, a reset) or changing only what differs (`keep_rows`), and
moving a row by drag and drop (`DragMoves`). Subclasses say what a row shows:

- `PlainListModel[R]`: one column; `row_data(row, role)`, or `row_data_at(at, role)` when the
  row's place shows (a numbered list).
- `PlainTableModel[R]`: columns named by `titles()` under a horizontal header (`numbered`: the
  rows are numbered in the vertical one); `cell(at, column, role)`; `header(section, role)`
  for more than the titles (tool tips).

Editing (`flags`, `setData`) and sorting stay in the models that do them. Every model passes
`qtmodeltester` in its page's tests.
"""

from collections.abc import Callable, Hashable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


def replace_rows(
    model: QAbstractItemModel,
    old: Sequence[Any],
    new: Sequence[Any],
    key: Callable[[Any], Hashable],
    store: Callable[[list[Any]], None],
    *,
    all_changed: bool = False,
) -> None:
    """Make `model` show `new` instead of `old` with the fewest signals.

    The rows both lists start and end with stay; one row that moved is moved; otherwise the
    stretch between is removed and inserted.
    `store` puts a list in the model. Rows whose value changed get `dataChanged` (every row when
    `all_changed`, or when rows moved: a list numbers its rows).
    """
    old_keys, new_keys = [key(r) for r in old], [key(r) for r in new]
    moved = old_keys != new_keys
    if moved:
        shorter = min(len(old), len(new))
        head = 0
        while head < shorter and old_keys[head] == new_keys[head]:
            head += 1
        tail = 0
        while tail < shorter - head and old_keys[-1 - tail] == new_keys[-1 - tail]:
            tail += 1
        gone, come = len(old) - head - tail, len(new) - head - tail
        was, now = old_keys[head : head + gone], new_keys[head : head + come]
        if gone == come >= 2 and (was[1:] == now[:-1] or was[:-1] == now[1:]):
            # One row moved (drag and drop, Alt+arrows): it keeps its selection.
            down = was[1:] == now[:-1]
            source = head if down else head + gone - 1
            target = head + gone if down else head
            model.beginMoveRows(QModelIndex(), source, source, QModelIndex(), target)
            store(list(new))
            model.endMoveRows()
            gone = come = 0
        if gone:
            model.beginRemoveRows(QModelIndex(), head, head + gone - 1)
            store([*old[:head], *old[len(old) - tail :]])
            model.endRemoveRows()
        if come:
            model.beginInsertRows(QModelIndex(), head, head + come - 1)
            store(list(new))
            model.endInsertRows()
    store(list(new))
    if moved or all_changed:
        changed = range(len(new))
    else:
        changed = [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
    if changed:
        # (a list model's columnCount is private in PySide6: it has one column)
        last = 0 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex()) - 1
        model.dataChanged.emit(model.index(min(changed), 0), model.index(max(changed), last))


class _Rows(Generic[R]):
    """What both bases share: the rows, and the two ways to change them."""

    rows: list[R]

    def set_rows(self, rows: Sequence[R]) -> None:
        """Every row new (a reset: selections and the scroll position go)."""
        self.beginResetModel()  # type: ignore[attr-defined]
        self.rows = list(rows)
        self.endResetModel()  # type: ignore[attr-defined]

    def keep_rows(
        self, rows: Sequence[R], key: Callable[[R], Hashable], *, all_changed: bool = False
    ) -> None:
        """Show `rows`, changing only what differs (`replace_rows`): rows that stay are updated
        in place, so selections, an open completer and the scroll position survive."""
        replace_rows(self, self.rows, rows, key, self._store, all_changed=all_changed)  # type: ignore[arg-type]

    def _store(self, rows: list[R]) -> None:
        self.rows = rows

    def row_total(self) -> int:
        return len(self.rows)


class PlainListModel(_Rows[R], QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        QAbstractListModel.__init__(self, parent)
        self.rows = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self.row_total()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.row_total():
            return None
        return self.row_data_at(index.row(), role)

    def row_data_at(self, at: int, role: int) -> Any:
        """What the row at `at` shows for `role`; override when the place itself shows."""
        return self.row_data(self.rows[at], role)

    def row_data(self, row: R, role: int) -> Any:
        """What `row` shows for `role` (None for a role it does not answer)."""
        raise NotImplementedError


class PlainTableModel(_Rows[R], QAbstractTableModel):
    """Rows by columns under a horizontal header: the counts, the bounds and the header once;
    subclasses say what the columns are called and what a cell shows."""

    numbered = False  # the vertical header numbers the rows (1, 2, ...)

    def __init__(self, parent: Any = None) -> None:
        QAbstractTableModel.__init__(self, parent)
        self.rows = []

    def titles(self) -> Sequence[str]:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self.row_total()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.titles())

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            return self.header(section, role) if 0 <= section < len(self.titles()) else None
        if self.numbered and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1) if 0 <= section < self.row_total() else None
        return None

    def header(self, section: int, role: int) -> Any:
        """The column's header for `role`: its title; override for more (a tool tip)."""
        return self.titles()[section] if role == Qt.ItemDataRole.DisplayRole else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Asked for every cell and role at each paint: each step here counts.
        if not index.isValid():
            return None
        at, column = index.row(), index.column()
        if not (0 <= at < self.row_total() and 0 <= column < len(self.titles())):
            return None
        return self.cell(at, column, role)

    def cell(self, at: int, column: int, role: int) -> Any:
        """What the cell of row `at` shows for `role` (None for a role it does not answer)."""
        raise NotImplementedError


class DragMoves:
    """Rows moved by drag and drop: put before a list or table base (`class M(DragMoves,
    PlainListModel[...])`). The dragged row's `id` travels as `mime_type`; a drop hands it and
    the row it was dropped before to `dropped`, which says what to do once the drag has ended
    (the view still holds it when the drop arrives), or None. The model never removes a row
    itself: the saved order comes back from the service."""

    mime_type: str
    rows: Sequence[Any]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled  # type: ignore[misc]

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [self.mime_type]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        mime = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid() and 0 <= i.row() < len(self.rows)})
        if rows:
            mime.setData(self.mime_type, QByteArray(self.rows[rows[0]].id.encode()))
        return mime

    def canDropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return (
            data.hasFormat(self.mime_type)
            and action == Qt.DropAction.MoveAction
            and self.takes_drops()
        )

    def dropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        row_id = bytes(data.data(self.mime_type).data()).decode()
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.rows)
        then = self.dropped(row_id, row)
        if then is not None:
            QTimer.singleShot(0, then)
        return False  # never let the view remove the dragged row itself

    def takes_drops(self) -> bool:
        return True

    def dropped(self, row_id: str, row: int) -> Callable[[], None] | None:
        """What to do, after the drag, with the row `row_id` dropped before `row`; or None."""
        raise NotImplementedError
