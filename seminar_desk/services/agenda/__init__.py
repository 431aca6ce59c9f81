"""The agenda feature: the service that plans and runs days (service.py), its exports
(export.py) and imports (imports/). Callers import the service's public names from here.

The names load on first use (PEP 562), so a light module of the package, such as the list of
import formats the command line's help shows, does not pull in the database layer.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from seminar_desk.services.agenda.service import (
        EDITABLE,
        AgendaError,
        AgendaService,
        DayInfo,
        DayView,
        ItemView,
        PersonRef,
        Removal,
        ReplanResult,
        SpeakerRef,
        local_datetime,
        to_utc,
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


def __getattr__(name: str) -> object:
    if name in __all__:
        from seminar_desk.services.agenda import service

        return getattr(service, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
