"""What an action changed, so each view refreshes only what it shows (Anki's OpChanges)."""

from dataclasses import dataclass, field
from enum import StrEnum


class Area(StrEnum):
    SEMINAR = "seminar"
    AGENDA = "agenda"
    PARTICIPANTS = "participants"
    SPEAKERS = "speakers"
    BREAKOUTS = "breakouts"
    NOTES = "notes"
    SYNC = "sync"  # what bundles brought and what is left to resolve


@dataclass(frozen=True)
class OpChanges:
    """The areas an action touched, the action's label, and who started it (to skip echoes)."""

    areas: frozenset[Area] = field(default_factory=frozenset)
    label: str = ""
    origin: object | None = None

    def touches(self, *areas: Area) -> bool:
        return any(a in self.areas for a in areas)

    @property
    def empty(self) -> bool:
        return not self.areas

    def __or__(self, other: "OpChanges") -> "OpChanges":
        return OpChanges(self.areas | other.areas, self.label or other.label, self.origin)


@dataclass(frozen=True)
class Added:
    """What an add-operation changed and the id of the row it made (Anki's OpChangesWithId),
    so callers name what they use (`added.id`) instead of unpacking a tuple."""

    changes: OpChanges
    id: str


__all__ = ["Added", "Area", "OpChanges"]
