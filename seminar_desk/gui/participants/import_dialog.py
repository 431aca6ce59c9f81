"""The preview of a participant import: who is added, merged or unchanged, where the file and
the seminar disagree (and which side wins), which delegations are matched or new, and every bad
row with its row and column; the person may skip the bad rows.

Everything shown comes from the file: plain text only (table models and plain-text labels
never read markup).
"""

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from seminar_desk.domain.kinds import Gender, OrgKind, ParticipantRole, label_of
from seminar_desk.gui.widgets.forms import plain_label
from seminar_desk.gui.widgets.text_table import TextTableModel, TextTableView
from seminar_desk.services.participants.imports.delegations import NewDelegation
from seminar_desk.services.participants.imports.headers import LABELS
from seminar_desk.services.participants.imports.plan import ImportPlan, delegation_label


def _shown(field: str, value: str) -> str:
    """A stored value in words (a gender or role as its label)."""
    if not value:
        return ""
    if field == "gender":
        return label_of(Gender, value)
    if field == "role":
        return label_of(ParticipantRole, value)
    return value


def _what(new: NewDelegation) -> list[str]:
    """A new delegation's kind, then the groups it joins."""
    return [label_of(OrgKind, new.kind), *(f"in {code}" for code in new.groups)]


class ImportPreviewDialog(QDialog):
    """Shows an ImportPlan; accepted means import (skipping the bad rows if `skip_bad_rows`,
    taking the file's side of each disagreement if `prefer_file`)."""

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
        layout.addWidget(plain_label(heading))
        for note in read.notes:
            layout.addWidget(plain_label(f"Note: {note}"))
        columns = plain_label("Columns: " + "; ".join(read.columns))
        columns.setStyleSheet("color: palette(mid);")
        layout.addWidget(columns)

        self.tabs = QTabWidget()
        self.problems_table = self._problems_tab()
        self.added_table = self._added_tab()
        self.merged_table = self._tab(
            ["Row", "Already in the seminar", "Delegation", "Set from the file"], "To merge"
        )
        self.unchanged_table = self._tab(["Row", "Already there, nothing new"], "Unchanged")
        self.disagreements_table = self._disagreements_tab()
        self.delegations_table = self._delegations_tab()
        layout.addWidget(self.tabs, 1)

        self.keep_seminar = QRadioButton("Keep the seminar's values")
        self.take_file = QRadioButton("Take the file's values")
        self.keep_seminar.setChecked(not plan.prefer_file)
        self.take_file.setChecked(plan.prefer_file)
        sides = QButtonGroup(self)
        sides.addButton(self.keep_seminar)
        sides.addButton(self.take_file)
        self.take_file.toggled.connect(self._update)
        self.sides = QWidget()
        line = QHBoxLayout(self.sides)
        line.setContentsMargins(0, 0, 0, 0)
        count = len(plan.disagreements)
        fields = f"{count} field{'s' if count != 1 else ''}"
        question = plain_label(f"Where the file and the seminar disagree ({fields}):")
        question.setWordWrap(False)
        line.addWidget(question)
        line.addWidget(self.keep_seminar)
        line.addWidget(self.take_file)
        line.addStretch(1)
        self.sides.setVisible(bool(count))
        layout.addWidget(self.sides)

        self.skip_box = QCheckBox(f"Skip the {len(read.bad_rows)} bad rows and import the rest")
        self.skip_box.setVisible(bool(read.problems))
        self.skip_box.toggled.connect(self._update)
        layout.addWidget(self.skip_box)
        self.summary = plain_label("")
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
        self._update()
        first_filled = next(
            (i for i in range(self.tabs.count()) if self.tabs.widget(i).model().rowCount()), 0
        )
        self.tabs.setCurrentIndex(first_filled)  # the bad rows, else what the import does

    @property
    def skip_bad_rows(self) -> bool:
        return self.skip_box.isChecked()

    @property
    def prefer_file(self) -> bool:
        return self.take_file.isChecked()

    def _tab(
        self, headers: list[str], title: str, rows: list[list[str]] | None = None
    ) -> TextTableView:
        view = TextTableView(TextTableModel(headers, rows or []))
        view.setProperty("title", title)
        self.tabs.addTab(view, title)
        return view

    def _retitle(self, view: TextTableView) -> None:
        count = view.text_model().rowCount()
        self.tabs.setTabText(self.tabs.indexOf(view), f"{view.property('title')} ({count})")

    def _problems_tab(self) -> TextTableView | None:
        read = self.plan.read
        if not read.problems:
            return None
        rows = [[str(p.row), p.message] for p in read.problems]
        view = self._tab(["Row", "What is wrong"], "Bad rows", rows)
        self.tabs.setTabText(0, f"Bad rows ({len(read.bad_rows)})")
        return view

    def _added_tab(self) -> TextTableView:
        rows = [
            [
                ", ".join(map(str, p.rows)),
                p.honorific,
                p.name,
                delegation_label(p.delegation),
                p.function,
                _shown("gender", p.gender),
                p.email,
            ]
            for p in self.plan.added
        ]
        headers = ["Row", "Title", "Name", "Delegation", "Function", "Gender", "E-mail"]
        view = self._tab(headers, "To add", rows)
        self._retitle(view)
        return view

    def _disagreements_tab(self) -> TextTableView | None:
        if not self.plan.disagreements:
            return None
        rows = [
            [
                str(odd.row),
                merge.name,
                merge.delegation,
                LABELS[odd.field],
                _shown(odd.field, odd.seminar),
                _shown(odd.field, odd.file),
            ]
            for merge, odd in self.plan.disagreements
        ]
        headers = ["Row", "Participant", "Delegation", "Field", "In the seminar", "In the file"]
        view = self._tab(headers, "Disagreements", rows)
        self._retitle(view)
        return view

    def _delegations_tab(self) -> TextTableView:
        return self._tab(["In the file", "Delegation", "Status"], "Delegations")

    def _show_delegations(self) -> None:
        """Matched and new delegations; a new one that only someone's move names is made only
        when the file's values are taken, so it follows the choice."""
        plan, view = self.plan, self.delegations_table
        rows = [[m.named, m.delegation, "matched"] for m in plan.matched]
        rows += [
            [n.named, f"{n.name} ({n.code})", f"new ({', '.join(_what(n))})"]
            for n in plan.new_delegations
        ]
        view.text_model().set_rows(rows)
        title = f"Delegations ({len(plan.matched)} matched, {len(plan.new_delegations)} new)"
        self.tabs.setTabText(self.tabs.indexOf(view), title)

    def _show_merges(self) -> None:
        """The merged and unchanged tabs for the side chosen in disagreements."""
        plan = self.plan
        self.merged_table.text_model().set_rows(
            [
                [
                    ", ".join(map(str, m.rows)),
                    m.name,
                    m.delegation,
                    "; ".join(
                        f"{LABELS[name]}: {_shown(name, value)}"
                        for name, value in m.writes(plan.prefer_file).items()
                    ),
                ]
                for m in plan.merged
            ]
        )
        by_row = {p.row: p for p in plan.read.people}
        self.unchanged_table.text_model().set_rows(
            [[str(r), by_row[r].name] for r in plan.unchanged]
        )
        self._retitle(self.merged_table)
        self._retitle(self.unchanged_table)

    def _update(self) -> None:
        read = self.plan.read
        self.plan.prefer_file = self.take_file.isChecked()
        self._show_merges()
        self._show_delegations()
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
