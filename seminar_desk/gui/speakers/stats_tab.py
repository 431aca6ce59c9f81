"""The Speakers page's 'Statistics' tab: speeches and speaking time of this item, this day or
the whole seminar, by delegation, kind of organisation, gender and speech type."""

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from seminar_desk.domain.speakers.speaking_time import format_duration
from seminar_desk.gui.speakers.models import SORT_ROLE, StatsModel
from seminar_desk.services.desk import Desk
from seminar_desk.services.speakers import stats as speaker_stats
from seminar_desk.services.speakers.rows import ListSnapshot

STAT_SCOPES = ("This item", "This day", "Whole seminar")


def sortable_table(model: QAbstractItemModel, parent: QWidget, stretch: int = 0) -> QTableView:
    """A read-only table of `model`, sorted by a click on a header (by `SORT_ROLE`)."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(False)
    return view


class StatsTab(QWidget):
    """The scope chooser, the totals line, and one table per breakdown."""

    def __init__(self, models_parent: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stats_scope = QComboBox()
        self.stats_scope.addItems(STAT_SCOPES)
        self.stats_total = QLabel()
        self.stats_models = {
            "by_delegation": StatsModel("Delegation", models_parent),
            "by_kind": StatsModel("Kind of organisation", models_parent),
            "by_gender": StatsModel("Gender", models_parent),
            "by_type": StatsModel("Speech type", models_parent),
        }
        layout = QGridLayout(self)
        scope_row = QHBoxLayout()
        scope_row.addWidget(QLabel("Statistics for"))
        scope_row.addWidget(self.stats_scope)
        scope_row.addWidget(self.stats_total, 1)
        layout.addLayout(scope_row, 0, 0, 1, 2)
        self.stats_views = {
            key: sortable_table(model, models_parent) for key, model in self.stats_models.items()
        }
        layout.addWidget(self.stats_views["by_delegation"], 1, 0, 2, 1)
        layout.addWidget(self.stats_views["by_kind"], 1, 1)
        layout.addWidget(self.stats_views["by_gender"], 2, 1)
        layout.addWidget(self.stats_views["by_type"], 3, 1)
        layout.setColumnStretch(0, 3)
        layout.setColumnStretch(1, 2)

    def refresh(self, desk: Desk, snap: ListSnapshot) -> None:
        """Read the chosen scope's statistics around the item on show."""
        scope = self.stats_scope.currentIndex()
        if scope == 0:
            result = speaker_stats.item_stats(desk, snap.item_id)
        elif scope == 1:
            result = speaker_stats.day_stats(desk, snap.day_id)
        else:
            result = speaker_stats.seminar_stats(desk)
        self.stats_total.setText(
            f"{result.title}: {result.speeches} speeches, {format_duration(result.seconds)}"
        )
        for key, model in self.stats_models.items():
            model.set_lines(getattr(result, key))
