"""The preview of an agenda import: what the file holds, item by item, in a real table (date,
start, duration, kind, title, room), with the reader's notes and warnings above it."""

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from seminar_desk.domain.agenda.timing import format_minutes
from seminar_desk.domain.kinds import ItemKind, label_of
from seminar_desk.gui.widgets.forms import ok_cancel, plain_label
from seminar_desk.gui.widgets.text_table import TextTableModel, TextTableView
from seminar_desk.services.agenda.imports.model import ImportedAgenda

HEADERS = ["Date", "Start", "Minutes", "Kind", "Title", "Room"]


def preview_rows(agenda: ImportedAgenda) -> list[list[str]]:
    """One row per item, as the table shows it."""
    return [
        [
            f"{item.date:%a %d %b %Y}",
            "--:--" if item.start is None else format_minutes(item.start),
            str(item.duration_min),
            label_of(ItemKind, item.kind),
            item.title,
            item.room,
        ]
        for item in agenda.items
    ]


class AgendaPreviewDialog(QDialog):
    """Accepted means import."""

    def __init__(self, agenda: ImportedAgenda, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import preview: {agenda.source.name}")
        layout = QVBoxLayout(self)
        lines = agenda.preview_lines(0)  # the heading, notes and warnings; the items below
        lines = [line for line in lines if not line.startswith("… and ")]
        for line in lines:
            layout.addWidget(plain_label(line))
        self.table = TextTableView(TextTableModel(HEADERS, preview_rows(agenda)))
        layout.addWidget(self.table, 1)
        layout.addWidget(ok_cancel(self, ok="Import"))
        screen = self.screen().availableGeometry()
        self.resize(min(1100, screen.width() - 40), min(600, screen.height() - 60))
