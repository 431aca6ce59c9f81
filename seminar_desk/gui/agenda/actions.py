"""The Agenda page's actions: each with its key, tip and place (toolbar, page-wide or table
only), and the Agenda menu of the main window that lists them."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar

from seminar_desk.gui.live_keys import AGENDA_KEYS, HELP_KEY, LIVE_KEYS
from seminar_desk.gui.pages.base import page_menu

# Keys that act on the shown page wherever the focus is in the window: running live, changing
# the shown day, import and export. None of them edits text, so no field needs them.
PAGE_WIDE_KEYS = frozenset(
    (*AGENDA_KEYS, "help", "show_prev_day", "show_next_day", "import", "export")
)


class AgendaActions:
    """Builds the Agenda page's actions, mixed into AgendaPage (which gives the slots)."""

    toolbar: QToolBar
    _actions: dict[str, QAction]

    def _build_actions(self) -> None:
        specs = (
            ("add", "&Add item", "Insert", self.add_item, "Add an item after the selected one"),
            ("edit", "&Edit…", "Ctrl+E", self.edit_item, "Edit every field of the item"),
            ("duplicate", "D&uplicate", "Ctrl+D", self.duplicate_item, "Copy the item below"),
            ("delete", "&Delete", QKeySequence.StandardKey.Delete, self.delete_items, ""),
            ("up", "Move &up", "Ctrl+Up", lambda: self.move_selected(-1), "Earlier in the day"),
            ("down", "Move do&wn", "Ctrl+Down", lambda: self.move_selected(1), "Later"),
            ("prev_day", "To previous day", "Ctrl+Shift+Up", lambda: self.move_day(-1), ""),
            ("next_day", "To next day", "Ctrl+Shift+Down", lambda: self.move_day(1), ""),
            *(
                (k.agenda_action, k.verb, k.key, slot, f"{k.on_agenda} ({k.key})")
                for k, slot in zip(
                    LIVE_KEYS,
                    (self.start_selected, self.end_current, self.start_next, self.replan),
                    strict=True,
                )
            ),
            ("help", "Keyboard shortcuts", HELP_KEY, self.show_help, "Every key (F1)"),
            (
                "parallel",
                "In parallel",
                "Ctrl+Shift+G",  # Ctrl+Shift+P is the projector's, anywhere in the window
                lambda: self.set_parallel(True),
                "Run the selected neighbouring items at the same time (breakout rooms)",
            ),
            (
                "sequential",
                "One after another",
                "",
                lambda: self.set_parallel(False),
                "Stop running the selected items in parallel",
            ),
            ("show_prev_day", "Previous day", "Ctrl+PgUp", lambda: self.step_tab(-1), ""),
            ("show_next_day", "Next day", "Ctrl+PgDown", lambda: self.step_tab(1), ""),
            ("add_day", "Add day", "", self.add_day, "Add a day after the last one"),
            ("insert_day", "Insert day", "", self.insert_day, "Insert a day before the shown one"),
            ("delete_day", "Remove day", "", self.delete_day, "Remove the shown day (undoable)"),
            ("import", "Import…", "Ctrl+Shift+I", self.choose_import, "CSV, XLSX, ICS, XML"),
            ("export", "Export…", "Ctrl+Shift+E", self.choose_export, "ICS or CSV"),
        )
        toolbar_keys = {
            "add",
            "edit",
            "duplicate",
            "delete",
            "up",
            "down",
            "parallel",
            "add_day",
            "delete_day",
            "import",
            "export",
        }
        for key, text, shortcut, slot, tip in specs:
            action = QAction(text, self)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            # Live keys work as soon as the page shows, even with the focus still in the
            # sidebar that was clicked to get here; only while the page is visible (a hidden
            # page's actions never fire). Editing keys (Delete, Insert...) stay with the table.
            action.setShortcutContext(
                Qt.ShortcutContext.WindowShortcut
                if key in PAGE_WIDE_KEYS
                else Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
            action.setToolTip(tip or text.replace("&", ""))
            action.triggered.connect(slot)
            if key in PAGE_WIDE_KEYS:
                action.setEnabled(False)  # until the page shows (see showEvent)
            self.addAction(action)
            self._actions[key] = action
            if key in toolbar_keys:
                self.toolbar.addAction(action)
        self._build_menu()

    def _build_menu(self) -> None:
        """An Agenda menu in the main window (keys shown beside each), removed with the page."""
        keys = (*AGENDA_KEYS, None, "import", "export", None, "help")
        actions = [self._actions[k] if k else None for k in keys]
        self.menu = page_menu(self, "&Agenda", actions, before=("Speakers", "Help"))
