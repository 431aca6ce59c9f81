"""Closed vocabularies stored as plain strings in the database.

StrEnum keeps database values readable (and stable across releases) while code gets
exhaustive names; `label` gives the words a person reads.
"""

from enum import StrEnum


class _Labelled(StrEnum):
    @property
    def label(self) -> str:
        """The value in words ("tour_de_table": "Tour de table") unless `_WORDS` says otherwise."""
        words = _WORDS.get((type(self), self.value))
        return words if words is not None else self.value.replace("_", " ").capitalize()


class ItemKind(_Labelled):
    CEREMONY = "ceremony"
    PLENARY = "plenary"
    PANEL = "panel"
    TOUR_DE_TABLE = "tour_de_table"
    BREAKOUT = "breakout"
    BREAK = "break"
    MEAL = "meal"
    SIDE_EVENT = "side_event"
    FIELD_VISIT = "field_visit"
    QA = "qa"


# Breaks and meals are pauses in the programme: nobody takes the floor, nothing is reported.
PAUSE_KINDS = frozenset({ItemKind.BREAK, ItemKind.MEAL})


def takes_speakers(kind: str) -> bool:
    """Whether an item of this kind has a list of speakers (every kind but a pause)."""
    return kind not in PAUSE_KINDS


class OrgKind(_Labelled):
    MEMBER_STATE = "member_state"
    GOVERNMENT_HOST = "government_host"
    UN_ENTITY = "un_entity"
    DONOR = "donor"
    INTERNATIONAL_ORGANISATION = "international_organisation"
    REGIONAL_ORGANISATION = "regional_organisation"
    NGO = "ngo"
    RESEARCH = "research"
    OTHER = "other"


class ParticipantRole(_Labelled):
    DELEGATE = "delegate"
    CHAIR = "chair"
    FACILITATOR = "facilitator"
    RAPPORTEUR = "rapporteur"
    SPEAKER = "speaker"
    RESOURCE_PERSON = "resource_person"
    OBSERVER = "observer"
    SECRETARIAT = "secretariat"


class Gender(_Labelled):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNRECORDED = ""


class Capacity(_Labelled):
    NATIONAL = "national"
    GROUP = "group"
    ORGANISATION = "organisation"


class SpeechType(_Labelled):
    STATEMENT = "statement"
    POINT_OF_ORDER = "point_of_order"
    RIGHT_OF_REPLY = "right_of_reply"
    QUESTION = "question"
    REPORT_BACK = "report_back"


class SpeakerStatus(_Labelled):
    WAITING = "waiting"
    SPEAKING = "speaking"
    PAUSED = "paused"
    DONE = "done"
    WITHDRAWN = "withdrawn"


class NoteSection(_Labelled):
    SUMMARY = "summary"
    KEY_POINTS = "key_points"
    DISCUSSION = "discussion"
    RECOMMENDATIONS = "recommendations"
    ACTION_ITEMS = "action_items"


class RecommendationStatus(_Labelled):
    PROPOSED = "proposed"
    AGREED = "agreed"
    NOTED = "noted"


class ActionStatus(_Labelled):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


_WORDS: dict[tuple[type[_Labelled], str], str] = {
    (ItemKind, "qa"): "Q&A",
    (OrgKind, "member_state"): "State",
    (OrgKind, "government_host"): "Host government",
    (OrgKind, "un_entity"): "UN entity",
    (OrgKind, "ngo"): "NGO",
    (OrgKind, "research"): "Research institute",
    (Gender, ""): "Not recorded",
    (Capacity, "group"): "On behalf of a group",
    (Capacity, "organisation"): "For an organisation",
}
"""The labels that are not their value in words, one table for every vocabulary."""


def label_of(kind: type[_Labelled], value: str) -> str:
    """The readable label of a stored value, or the value itself if a newer release wrote it."""
    try:
        return kind(value).label
    except ValueError:
        return value
