"""Dialogs of the Delegations tab: one delegation's fields, and where to move its people."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from seminar_desk.domain.kinds import OrgKind
from seminar_desk.gui.participants.editors import problem_label
from seminar_desk.services.participants.delegations import DelegationRow, GroupRow

# The order a secretariat thinks in: States first, then the UN, then the others.
KIND_ORDER = (
    OrgKind.MEMBER_STATE,
    OrgKind.GOVERNMENT_HOST,
    OrgKind.UN_ENTITY,
    OrgKind.REGIONAL_ORGANISATION,
    OrgKind.INTERNATIONAL_ORGANISATION,
    OrgKind.DONOR,
    OrgKind.NGO,
    OrgKind.RESEARCH,
    OrgKind.OTHER,
)


class DelegationDialog(QDialog):
    """Name, code, kind, country and groups of a delegation (new when `row` is None)."""

    def __init__(
        self,
        groups: list[GroupRow],
        row: DelegationRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.row = row
        self.setWindowTitle("Edit delegation" if row else "Add delegation")
        self.name = QLineEdit(row.name if row else "")
        self.name.setPlaceholderText("UN short name, e.g. Viet Nam, UNODC")
        self.code = QLineEdit(row.code if row else "")
        self.code.setPlaceholderText("e.g. VNM; left blank, made from the name")
        self.code.setMaxLength(32)
        self.kind = QComboBox()
        for kind in KIND_ORDER:
            self.kind.addItem(kind.label, kind.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(row.kind if row else "member_state")))
        self.country = QLineEdit(row.country if row else "")
        self.groups = QListWidget()
        for group in groups:
            item = QListWidgetItem(
                f"{group.code} \u2013 {group.name}" if group.name != group.code else group.code
            )
            item.setData(Qt.ItemDataRole.UserRole, group.id)
            member = row is not None and group.id in row.group_ids
            item.setCheckState(Qt.CheckState.Checked if member else Qt.CheckState.Unchecked)
            self.groups.addItem(item)
        self.groups.setMaximumHeight(120)
        self.groups.setCurrentRow(0)  # Tab into the list, Space ticks the first group
        self.new_groups = QLineEdit()
        self.new_groups.setPlaceholderText("new groups, comma-separated, e.g. ASEANAPOL")
        self.problem = problem_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check_and_accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        form = QFormLayout(self)
        form.addRow("&Name", self.name)
        form.addRow("&Code", self.code)
        form.addRow("&Kind", self.kind)
        form.addRow("C&ountry", self.country)
        form.addRow("Groups", self.groups)
        form.setRowVisible(self.groups, bool(groups))  # a new seminar has none yet
        form.addRow("New &groups", self.new_groups)
        form.addRow(self.problem)
        form.addRow(buttons)
        self.setMinimumWidth(480)

    def _check_and_accept(self) -> None:
        if not self.name.text().strip():
            self.problem.setText("A delegation needs a name, e.g. Viet Nam or UNODC.")
            self.name.setFocus()
            return
        self.accept()

    def values(self) -> dict[str, Any]:
        chosen = [
            self.groups.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.groups.count())
            if self.groups.item(i).checkState() == Qt.CheckState.Checked
        ]
        values: dict[str, Any] = {
            "name": self.name.text().strip(),
            "code": self.code.text().strip(),
            "kind": self.kind.currentData(),
            "country": self.country.text().strip(),
            "group_ids": chosen,
        }
        new = [c.strip() for c in self.new_groups.text().split(",") if c.strip()]
        if new:
            values["new_groups"] = new
        return values

    def changes(self) -> dict[str, Any]:
        """What differs from the delegation edited (for one undo step naming only that)."""
        values = self.values()
        if self.row is None:
            return values
        old = {
            "name": self.row.name,
            "code": self.row.code,
            "kind": self.row.kind,
            "country": self.row.country,
        }
        changed = {k: v for k, v in values.items() if k in old and old[k] != v}
        if set(values["group_ids"]) != set(self.row.group_ids) or "new_groups" in values:
            changed["group_ids"] = values["group_ids"]
            if "new_groups" in values:
                changed["new_groups"] = values["new_groups"]
        return changed


class MoveDialog(QDialog):
    """Choose the delegation another one's participants and speeches move to (a merge)."""

    def __init__(
        self,
        source: DelegationRow,
        others: list[DelegationRow],
        text: str,
        ok: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.setWindowTitle("Merge delegations")
        message = QLabel(text)
        message.setTextFormat(Qt.TextFormat.PlainText)
        message.setWordWrap(True)
        self.target = QComboBox()
        for row in others:
            self.target.addItem(f"{row.name} ({row.code})", row.id)
        # No delegation chosen for them: an Enter pressed by habit moves nobody.
        self.target.setPlaceholderText("Choose the delegation they move to…")
        self.target.setCurrentIndex(-1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setEnabled(False)
        self.target.currentIndexChanged.connect(lambda at: self.ok.setEnabled(at >= 0))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self.target)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def target_id(self) -> str | None:
        return self.target.currentData()
