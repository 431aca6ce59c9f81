"""The preview of a participant import: who is added, merged or unchanged, which delegations are
matched or new, and every bad row with its row and column; the person may skip the bad rows.

Everything shown comes from the file: plain text only (QTableWidgetItem and plain-text labels
never read markup).
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from seminar_desk.domain.kinds import Gender, OrgKind, label_of
from seminar_desk.services.participants.imports.delegations import NewDelegation
from seminar_desk.services.participants.imports.headers import LABELS
from seminar_desk.services.participants.imports.plan import ImportPlan, delegation_label

MAX_WIDTH = 280
"""A column is at most this wide (pixels); longer text shows in its tooltip."""


def _table(headers: list[str], rows: list[list[str]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    for column in range(len(headers)):
        table.setColumnWidth(column, min(table.columnWidth(column), MAX_WIDTH))
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _shown(field: str, value: str) -> str:
    return label_of(Gender, value) if field == "gender" else value


def _what(new: NewDelegation) -> list[str]:
    """A new delegation's kind, then the groups it joins."""
    return [label_of(OrgKind, new.kind), *(f"in {code}" for code in new.groups)]


def _label(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class ImportPreviewDialog(QDialog):
    """Shows an ImportPlan; accepted means import (skipping the bad rows if `skip_bad_rows`)."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        read = plan.read
        self.setWindowTitle(f"Import participants from {read.source.name}")
        layout = QVBoxLayout(self)
        heading = (
            f"{read.source.name} ({read.format.upper()}): {len(read.people)} participants read"
        )
        if read.problems:
            heading += f", {len(read.bad_rows)} bad rows"
        layout.addWidget(_label(heading))
        for note in read.notes:
            layout.addWidget(_label(f"Note: {note}"))
        columns = _label("Columns: " + "; ".join(read.columns))
        columns.setStyleSheet("color: palette(mid);")
        layout.addWidget(columns)

        self.tabs = QTabWidget()
        self.problems_table = self._problems_tab()
        self.added_table = self._added_tab()
        self.merged_table = self._merged_tab()
        self.unchanged_table = self._unchanged_tab()
        self.delegations_table = self._delegations_tab()
        layout.addWidget(self.tabs, 1)

        self.skip_box = QCheckBox(f"Skip the {len(read.bad_rows)} bad rows and import the rest")
        self.skip_box.setVisible(bool(read.problems))
        self.skip_box.toggled.connect(self._update)
        layout.addWidget(self.skip_box)
        self.summary = _label("")
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button: QPushButton = buttons.addButton(
            "Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry()
        self.resize(min(1240, screen.width() - 40), min(640, screen.height() - 60))
        first_filled = next(
            (i for i in range(self.tabs.count()) if self.tabs.widget(i).rowCount()), 0
        )
        self.tabs.setCurrentIndex(first_filled)  # the bad rows, else what the import does
        self._update()

    @property
    def skip_bad_rows(self) -> bool:
        return self.skip_box.isChecked()

    def _tab(self, table: QTableWidget, title: str) -> QTableWidget:
        self.tabs.addTab(table, title)
        return table

    def _problems_tab(self) -> QTableWidget | None:
        read = self.plan.read
        if not read.problems:
            return None
        rows = [[str(p.row), p.message] for p in read.problems]
        return self._tab(_table(["Row", "What is wrong"], rows), f"Bad rows ({len(read.bad_rows)})")

    def _added_tab(self) -> QTableWidget:
        rows = [
            [
                ", ".join(map(str, p.rows)),
                p.honorific,
                p.name,
                delegation_label(p.delegation),
                p.function,
                label_of(Gender, p.gender) if p.gender else "",
                p.email,
            ]
            for p in self.plan.added
        ]
        headers = ["Row", "Title", "Name", "Delegation", "Function", "Gender", "E-mail"]
        return self._tab(_table(headers, rows), f"To add ({len(rows)})")

    def _merged_tab(self) -> QTableWidget:
        rows = [
            [
                ", ".join(map(str, m.rows)),
                m.name,
                m.delegation,
                "; ".join(
                    f"{LABELS[name]}: {_shown(name, value)}" for name, value in m.values.items()
                ),
            ]
            for m in self.plan.merged
        ]
        headers = ["Row", "Already in the seminar", "Delegation", "Filled in from the file"]
        return self._tab(_table(headers, rows), f"To merge ({len(rows)})")

    def _unchanged_tab(self) -> QTableWidget:
        by_row = {p.row: p for p in self.plan.read.people}
        rows = [[str(r), by_row[r].name] for r in sorted(self.plan.unchanged)]
        return self._tab(
            _table(["Row", "Already there, nothing new"], rows), f"Unchanged ({len(rows)})"
        )

    def _delegations_tab(self) -> QTableWidget:
        rows = [[m.named, m.delegation, "matched"] for m in self.plan.matched]
        rows += [
            [n.named, f"{n.name} ({n.code})", f"new ({', '.join(_what(n))})"]
            for n in self.plan.new_delegations
        ]
        title = (
            f"Delegations ({len(self.plan.matched)} matched, {len(self.plan.new_delegations)} new)"
        )
        return self._tab(_table(["In the file", "Delegation", "Status"], rows), title)

    def _update(self) -> None:
        read = self.plan.read
        blocked = bool(read.problems) and not self.skip_box.isChecked()
        self.import_button.setEnabled(not blocked)
        if blocked:
            bad = len(read.bad_rows)
            rows = "1 row is" if bad == 1 else f"{bad} rows are"
            self.summary.setText(
                f"Nothing can be imported while {rows} wrong: fix the file and import it "
                "again, or skip the bad rows."
            )
        else:
            self.plan.skip_bad_rows = self.skip_box.isChecked()
            self.summary.setText(f"Import: {self.plan.summary}.")
