"""The places of the main window, in sidebar order.

Each entry names the module that holds the page (exposing `SPEC: PageSpec`): a feature's page
under `seminar_desk.gui` (`speakers.page`), or a plain name for a module in this folder.
Modules are imported only when their page is first shown, so opening a file does not load
what other pages need (reportlab, search...). tests/gui/test_pages.py checks that this list
and the modules' SPECs agree.
"""

import importlib
from dataclasses import dataclass

from seminar_desk.gui.pages.base import PageSpec


@dataclass(frozen=True)
class MenuEntry:
    """An entry of a page's menu that the window makes when the file opens, before the page
    exists: choosing it (or pressing its key, anywhere in the window) builds the page, shows
    it and calls its method `method(shown)` (`shown`: the page was in view already)."""

    text: str
    method: str
    key: str = ""


@dataclass(frozen=True)
class PageRef:
    title: str
    module: str
    # Built right after the file opens (not at first view): the page adds menus and
    # shortcuts the window needs before anyone visits it (the projector, for one; the
    # Agenda menu listing the live keys).
    warm: bool = False
    menu: tuple[MenuEntry, ...] = ()
    """A lazy page's menu (titled as the page), there from the start in sidebar order."""

    def load(self) -> PageSpec:
        where = "seminar_desk.gui" if "." in self.module else __name__
        spec: PageSpec = importlib.import_module(f"{where}.{self.module}").SPEC
        return spec


PAGES: tuple[PageRef, ...] = (
    PageRef("Seminar", "seminar.page"),
    PageRef("Agenda", "agenda.page", warm=True),
    PageRef("Speakers", "speakers.page", warm=True),
    PageRef("Breakouts & notes", "notes.page"),
    PageRef(
        "Participants",
        "participants.page",
        menu=(
            MenuEntry("&Import participants…", "import_list"),
            MenuEntry("&Export participants…", "export_list"),
            MenuEntry("&Check-in mode", "check_in", "Ctrl+Shift+A"),
        ),
    ),
    PageRef("Reports", "reporting.page"),
)


def page_specs() -> list[PageSpec]:
    """Every page's spec (imports every page module; for tests and tools, not for start-up)."""
    return [ref.load() for ref in PAGES]
