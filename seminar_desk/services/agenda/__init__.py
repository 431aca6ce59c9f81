"""The agenda feature: the service that plans and runs days (service.py), and later its
imports and exports. Callers import the public names from here."""

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
