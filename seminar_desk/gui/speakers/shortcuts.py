"""The Speakers page's buttons and shortcut actions, bound from the help table (`help.KEYS`).

The floor's keys (F5-F8...) work anywhere in the window while the page shows (focus may still
be in the sidebar) and are off while it is hidden, so the Agenda page's own F5-F8 are not
ambiguous; the projector's work always; keys that edit the list (Delete, Alt+Up...) stay with
the list itself.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QPushButton, QWidget

from seminar_desk.gui.speakers.help import KEYS

GLOBAL_KEYS = frozenset(("projector", "clock"))
PAGE_WIDE_KEYS = frozenset(
    ("start", "next", "pause", "finish", "put_back", "replan", "help", "add")
)


class PageKeys:
    """Makes the page's buttons and actions; `actions` by name, for the menu and the tests."""

    def __init__(self, page: QWidget) -> None:
        self.page = page
        self.actions: dict[str, QAction] = {}

    def button(
        self, name: str, text: str, slot: object, key_slot: object | None = None
    ) -> QPushButton:
        """A button and a same-named shortcut action (keys from the help table)."""
        key = KEYS.get(name, "")
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        if key and "…" not in key:
            button.setToolTip(f"{text} ({key})")
            self.action(name, text, key_slot or slot)
        return button

    def action(self, name: str, text: str, slot: object) -> QAction:
        """The shortcut action `name` (its key from the help table), shown in the menu."""
        action = QAction(text, self.page)
        action.setShortcut(QKeySequence(KEYS[name]))
        action.setShortcutContext(
            Qt.ShortcutContext.WindowShortcut
            if name in GLOBAL_KEYS or name in PAGE_WIDE_KEYS
            else Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        if name in PAGE_WIDE_KEYS:
            action.setEnabled(False)  # until the page shows (see `enable_page_keys`)
        action.triggered.connect(slot)
        self.page.addAction(action)
        self.actions[name] = action
        return action

    def speech_type_keys(self, box: QComboBox) -> None:
        """Alt+1, Alt+2...: the speech type of the next request (the box's rows), on the page."""
        for i in range(box.count()):
            action = QAction(self.page)
            action.setShortcut(QKeySequence(f"Alt+{i + 1}"))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, i=i: box.setCurrentIndex(i))
            self.page.addAction(action)

    def enable_page_keys(self, enabled: bool) -> None:
        """The floor's keys on while the page shows, off while it is hidden."""
        for name in PAGE_WIDE_KEYS:
            if name in self.actions:
                self.actions[name].setEnabled(enabled)
