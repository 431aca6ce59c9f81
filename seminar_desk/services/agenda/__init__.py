"""The agenda feature: the service that plans and runs days (service.py on top of reads.py and
live.py), the snapshots it hands out (views.py), rows inside a transaction (rows.py), the one
re-timing engine's service side (retime.py), its exports (export.py) and imports (imports/).
Callers import the service's public names from here.

The names load on first use (PEP 562), so a light module of the package, such as the list of
import formats the command line's help shows, does not pull in the database layer.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from seminar_desk.services.agenda.rows import EDITABLE, AgendaError, local_datetime, to_utc
    from seminar_desk.services.agenda.service import AgendaService
    from seminar_desk.services.agenda.views import (
        DayInfo,
        DayView,
        ItemView,
        PersonRef,
        Removal,
        ReplanResult,
        SpeakerRef,
    )

__all__ = [
    "EDITABLE",
    "AgendaError",
    "AgendaService",
    "DayInfo",
    "DayView",
    "ItemView",
    "PersonRef",
    "Removal",
    "ReplanResult",
    "SpeakerRef",
    "local_datetime",
    "to_utc",
]


_HOMES = {"AgendaService": "service", "EDITABLE": "rows", "AgendaError": "rows"}
_HOMES |= {"local_datetime": "rows", "to_utc": "rows"}


def __getattr__(name: str) -> object:
    if name in __all__:
        from importlib import import_module

        module = import_module(f"{__name__}.{_HOMES.get(name, 'views')}")
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
