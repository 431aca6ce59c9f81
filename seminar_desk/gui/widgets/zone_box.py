"""The seminar's time zone, chosen from the system's IANA zones: type part of a city ("Phnom")
and the list narrows; Enter takes the zone that matches. Never free text."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from seminar_desk.domain.zone import zone_names, zones_matching
from seminar_desk.gui import runner


class ZoneBox(QComboBox):
    """Emits `chosen(name)` when another zone is taken; typed text that names no zone (or
    several) is refused and the saved zone comes back."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItems(list(zone_names()))
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.setCurrentIndex(-1)  # no zone shown until one is saved (not the list's first)
        self.lineEdit().setPlaceholderText("Type a city, e.g. Phnom Penh")
        self.setToolTip("The seminar's time zone: type part of a city and press Enter")
        self._zone = ""
        self.lineEdit().editingFinished.connect(self._confirm)
        self.activated.connect(lambda _index: self._confirm())

    def zone(self) -> str:
        return self._zone

    def set_zone(self, name: str) -> None:
        """Show a saved zone (no signal)."""
        self._zone = name
        self.blockSignals(True)
        index = self.findText(name)
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText(name)
        self.blockSignals(False)

    def _confirm(self) -> None:
        text = self.currentText().strip()
        if text == self._zone:
            return
        found = zones_matching(text)
        exact = bool(found) and found[0].casefold() == "_".join(text.split()).casefold()
        if exact or len(found) == 1:
            name = found[0]
            self.set_zone(name)
            self.chosen.emit(name)
            return
        self.set_zone(self._zone)
        if not found:
            runner.show_refusal(
                self,
                f"Time zone: no zone matches \u201c{text}\u201d. Type part of a city, e.g. "
                "Phnom Penh, Bangkok or New York, and choose from the list.",
            )
        else:
            shown = ", ".join(found[:5]) + (", …" if len(found) > 5 else "")
            runner.show_refusal(
                self,
                f"Time zone: {len(found)} zones match \u201c{text}\u201d ({shown}); "
                "choose one from the list.",
            )
