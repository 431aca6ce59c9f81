"""Dialogs of the Delegations tab: one delegation's fields, and where to move its people."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from seminar_desk.domain.kinds import OrgKind
from seminar_desk.gui.widgets.forms import RecordDialog, choice_box, labelled, plain_label
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


class DelegationDialog(RecordDialog):
    """Name, code, kind, country and groups of a delegation (new when `row` is None)."""

    def __init__(
        self,
        groups: list[GroupRow],
        row: DelegationRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "delegation",
            row is not None,
            row.name if row else "",
            "UN short name, e.g. Viet Nam, UNODC",
            "A delegation needs a name, e.g. Viet Nam or UNODC.",
            parent,
        )
        self.row = row
        self.code = QLineEdit(row.code if row else "")
        self.code.setPlaceholderText("e.g. VNM; left blank, made from the name")
        self.code.setMaxLength(32)
        self.kind = choice_box(labelled(KIND_ORDER), row.kind if row else "member_state")
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
        rows = [
            ("&Name", self.name),
            ("&Code", self.code),
            ("&Kind", self.kind),
            ("C&ountry", self.country),
            ("Groups", self.groups),
            ("New &groups", self.new_groups),
        ]
        form = self.lay_out(rows, 480)
        form.setRowVisible(self.groups, bool(groups))  # a new seminar has none yet

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
        message = plain_label(text)
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
