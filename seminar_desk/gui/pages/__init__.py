"""The places of the main window. Each `page_*.py` module exposes `SPEC: PageSpec`.

Pages are discovered by module name, so a new page touches no other file.
"""

import importlib
import pkgutil

from seminar_desk.gui.pages.base import PageSpec


def page_specs() -> list[PageSpec]:
    specs = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("page_"):
            specs.append(importlib.import_module(f"{__name__}.{info.name}").SPEC)
    return sorted(specs, key=lambda spec: spec.order)
