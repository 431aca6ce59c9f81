"""The seminar file's schema (SQLAlchemy 2 typed ORM).

Every row of user data carries a stable UUID primary key and creation/modification times,
because rapporteurs' files are merged later. Each table declares the `Area` it belongs to so
the services layer can tell views what an action changed without hand-written bookkeeping.
Every change to this module needs an Alembic migration (tests compare the two).
"""

import uuid
from datetime import UTC, date, datetime, time
from functools import cache
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    MappedColumn,
    Relationship,
    declared_attr,
    mapped_column,
    relationship,
)

from seminar_desk.domain.changes import Area
from seminar_desk.domain.speakers.speaking_time import DEFAULT_SPEECH_LIMITS
from seminar_desk.store import nfc  # noqa: F401  (composes every text written: see nfc.py)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    return uuid.uuid4().hex


def utcnow() -> datetime:
    return datetime.now(UTC)


def belongs_to(target: str, *, index: bool = True) -> MappedColumn[Any]:
    """The link to the row this one is part of: deleted with it (ON DELETE CASCADE), and
    indexed so that row finds its parts (`index=False`: a unique key leads with it, or
    nothing looks rows up by it)."""
    return mapped_column(ForeignKey(target, ondelete="CASCADE"), index=index)


def refers_to(target: str, *, index: bool = False) -> MappedColumn[Any]:
    """A link to a row that may be deleted on its own: the link is then cleared (ON DELETE
    SET NULL) and this row stays (a speech stays when its speaker is deleted)."""
    return mapped_column(ForeignKey(target, ondelete="SET NULL"), index=index)


def parts(back_populates: str, *, order_by: str | bool = False) -> Relationship[Any]:
    """The rows that belong to this one (their `belongs_to` link, named `back_populates`):
    loaded, saved and deleted with it."""
    return relationship(
        back_populates=back_populates, cascade="all, delete-orphan", order_by=order_by
    )


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out (SQLite forgets the zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime stored; use an aware UTC datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[object, object]] = {datetime: UTCDateTime}
    area: ClassVar[Area | None] = Area.SEMINAR  # None: bookkeeping no view shows


class Tracked:
    """Stable id and modification times, shared by every table of user data."""

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Seminar(Tracked, Base):
    __tablename__ = "seminar"
    area = Area.SEMINAR

    title: Mapped[str] = mapped_column(Text, default="")
    short_title: Mapped[str] = mapped_column(Text, default="")
    venue: Mapped[str] = mapped_column(Text, default="")
    city: Mapped[str] = mapped_column(Text, default="")
    country: Mapped[str] = mapped_column(Text, default="")
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    organisers: Mapped[str] = mapped_column(Text, default="")
    donors: Mapped[str] = mapped_column(Text, default="")
    objectives: Mapped[str] = mapped_column(Text, default="")
    introduction: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(16), default="en")
    # The seminar report's own parts: the chair's summary / conclusions (prose) and the
    # masthead (an optional document symbol, distribution "general" or "limited").
    conclusions: Mapped[str] = mapped_column(Text, default="", server_default="")
    document_symbol: Mapped[str] = mapped_column(Text, default="", server_default="")
    distribution: Mapped[str] = mapped_column(
        String(16), default="general", server_default="general"
    )
    # Default speaking time in seconds for new lists of speakers; 0 means a stopwatch.
    default_speaking_limit_s: Mapped[int] = mapped_column(Integer, default=180)
    # Seconds for points of order, rights of reply, group statements... (keys of
    # domain.speakers.speaking_time.SPEECH_LIMIT_KINDS); a kind not listed speaks as a statement.
    speech_limits: Mapped[dict[str, int] | None] = mapped_column(
        JSON, default=lambda: dict(DEFAULT_SPEECH_LIMITS)
    )

    days: Mapped[list["Day"]] = parts("seminar", order_by="Day.number")


class Day(Tracked, Base):
    """A day of the seminar. Numbers follow dates (the services renumber after every change);
    they are not a unique key, so undo and redo may restore renumbered days in any order."""

    __tablename__ = "day"
    area = Area.AGENDA

    seminar_id: Mapped[str] = belongs_to("seminar.id", index=False)
    number: Mapped[int] = mapped_column(Integer)
    date: Mapped[date] = mapped_column(Date)
    start_time: Mapped[time] = mapped_column(Time, default=time(9, 0))
    end_time: Mapped[time] = mapped_column(Time, default=time(17, 30))
    title: Mapped[str] = mapped_column(Text, default="")

    seminar: Mapped[Seminar] = relationship(back_populates="days")
    items: Mapped[list["AgendaItem"]] = parts("day", order_by="AgendaItem.position")


class OrgGroup(Tracked, Base):
    """A group that delegations belong to and may speak on behalf of (e.g. ASEAN)."""

    __tablename__ = "org_group"
    area = Area.PARTICIPANTS

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(Text, default="")


class Organisation(Tracked, Base):
    """A delegation (member state) or an organisation (UN agency, NGO, institute...)."""

    __tablename__ = "organisation"
    area = Area.PARTICIPANTS

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32), default="other")
    country: Mapped[str] = mapped_column(Text, default="")

    participants: Mapped[list["Participant"]] = relationship(back_populates="organisation")
    groups: Mapped[list[OrgGroup]] = relationship(secondary="org_group_member")


class OrgGroupMember(Base):
    __tablename__ = "org_group_member"
    area = Area.PARTICIPANTS

    group_id: Mapped[str] = mapped_column(
        ForeignKey("org_group.id", ondelete="CASCADE"), primary_key=True
    )
    organisation_id: Mapped[str] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True
    )


class Participant(Tracked, Base):
    __tablename__ = "participant"
    area = Area.PARTICIPANTS

    honorific: Mapped[str] = mapped_column(String(32), default="")
    name: Mapped[str] = mapped_column(Text)
    # Sort and search key without diacritics, maintained by the services layer.
    sort_name: Mapped[str] = mapped_column(Text, default="", index=True)
    organisation_id: Mapped[str | None] = refers_to("organisation.id", index=True)
    function: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str] = mapped_column(String(32), default="delegate")
    gender: Mapped[str] = mapped_column(String(16), default="")
    email: Mapped[str] = mapped_column(Text, default="")

    organisation: Mapped[Organisation | None] = relationship(back_populates="participants")
    attendance: Mapped[list["Attendance"]] = parts("participant")


class Attendance(Tracked, Base):
    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("participant_id", "day_id"),)
    area = Area.PARTICIPANTS

    participant_id: Mapped[str] = belongs_to("participant.id", index=False)
    day_id: Mapped[str] = belongs_to("day.id")
    present: Mapped[bool] = mapped_column(Boolean, default=True)

    participant: Mapped[Participant] = relationship(back_populates="attendance")
    day: Mapped[Day] = relationship()


class AgendaItem(Tracked, Base):
    __tablename__ = "agenda_item"
    area = Area.AGENDA

    day_id: Mapped[str] = belongs_to("day.id")
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(32), default="plenary")
    title: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    duration_min: Mapped[int] = mapped_column(Integer, default=30)
    # The current plan: recomputed from the day start and durations unless start_locked.
    start_time: Mapped[time | None] = mapped_column(Time)
    start_locked: Mapped[bool] = mapped_column(Boolean, default=False)
    # The adopted programme: what editing the agenda before the day goes live sets, and what
    # reports compare the actual times with. Re-planning live (F8) and edits once an item of
    # the day has started move only start_time/duration_min. None: added on the day.
    adopted_start_time: Mapped[time | None] = mapped_column(Time)
    adopted_duration_min: Mapped[int | None] = mapped_column(Integer)
    # Items sharing a parallel key run at the same time in different rooms.
    parallel_key: Mapped[str] = mapped_column(String(64), default="")
    room: Mapped[str] = mapped_column(Text, default="")
    chair_id: Mapped[str | None] = refers_to("participant.id")
    actual_start: Mapped[datetime | None] = mapped_column()
    actual_end: Mapped[datetime | None] = mapped_column()
    # Lists of speakers: closed lists still take points of order.
    speakers_closed: Mapped[bool] = mapped_column(Boolean, default=False)
    # Seconds per statement for this item; None falls back to the seminar default.
    speaking_limit_s: Mapped[int | None] = mapped_column(Integer)

    day: Mapped[Day] = relationship(back_populates="items")
    chair: Mapped[Participant | None] = relationship()
    speakers: Mapped[list["ItemSpeaker"]] = parts("item", order_by="ItemSpeaker.position")


class ItemSpeaker(Tracked, Base):
    """A scheduled speaker or panellist of an agenda item (the printed programme's names)."""

    __tablename__ = "item_speaker"
    area = Area.AGENDA

    item_id: Mapped[str] = belongs_to("agenda_item.id")
    participant_id: Mapped[str | None] = belongs_to("participant.id", index=False)
    # Free text for speakers who are not participants of the file (e.g. imported schedules).
    name: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    role: Mapped[str] = mapped_column(String(32), default="speaker")

    item: Mapped[AgendaItem] = relationship(back_populates="speakers")
    participant: Mapped[Participant | None] = relationship()


class SpeakerEntry(Tracked, Base):
    """One request for the floor on an item's list of speakers, and the speech if held."""

    __tablename__ = "speaker_entry"
    area = Area.SPEAKERS

    item_id: Mapped[str] = belongs_to("agenda_item.id")
    participant_id: Mapped[str | None] = refers_to("participant.id")
    organisation_id: Mapped[str | None] = refers_to("organisation.id")
    capacity: Mapped[str] = mapped_column(String(32), default="national")
    on_behalf_of_id: Mapped[str | None] = refers_to("org_group.id")
    speech_type: Mapped[str] = mapped_column(String(32), default="statement")
    position: Mapped[float] = mapped_column(Float, default=0.0)
    status: Mapped[str] = mapped_column(String(16), default="waiting")
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Per-speaker override of the time limit in seconds (0 = stopwatch).
    time_limit_s: Mapped[int | None] = mapped_column(Integer)
    started_at: Mapped[datetime | None] = mapped_column()
    ended_at: Mapped[datetime | None] = mapped_column()
    # 1, 2, 3... in the order speeches on the item were ended: "put back last" picks by this,
    # since wall times can go back (a corrected laptop clock). NULL before 0007.
    end_order: Mapped[int | None] = mapped_column(Integer)

    item: Mapped[AgendaItem] = relationship()
    participant: Mapped[Participant | None] = relationship()
    organisation: Mapped[Organisation | None] = relationship()
    on_behalf_of: Mapped[OrgGroup | None] = relationship()
    pauses: Mapped[list["SpeechPause"]] = parts("entry", order_by="SpeechPause.started_at")


class SpeechPause(Tracked, Base):
    __tablename__ = "speech_pause"
    area = Area.SPEAKERS

    entry_id: Mapped[str] = belongs_to("speaker_entry.id")
    started_at: Mapped[datetime] = mapped_column()
    ended_at: Mapped[datetime | None] = mapped_column()

    entry: Mapped[SpeakerEntry] = relationship(back_populates="pauses")


class BreakoutGroup(Tracked, Base):
    __tablename__ = "breakout_group"
    area = Area.BREAKOUTS

    item_id: Mapped[str] = belongs_to("agenda_item.id")
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(Text)
    room: Mapped[str] = mapped_column(Text, default="")
    facilitator_id: Mapped[str | None] = refers_to("participant.id")
    rapporteur_id: Mapped[str | None] = refers_to("participant.id")
    guiding_questions: Mapped[str] = mapped_column(Text, default="")

    item: Mapped[AgendaItem] = relationship()
    facilitator: Mapped[Participant | None] = relationship(foreign_keys=[facilitator_id])
    rapporteur: Mapped[Participant | None] = relationship(foreign_keys=[rapporteur_id])
    members: Mapped[list["BreakoutMember"]] = parts("group")


class BreakoutMember(Tracked, Base):
    __tablename__ = "breakout_member"
    __table_args__ = (UniqueConstraint("group_id", "participant_id"),)
    area = Area.BREAKOUTS

    group_id: Mapped[str] = belongs_to("breakout_group.id", index=False)
    participant_id: Mapped[str] = belongs_to("participant.id")

    group: Mapped[BreakoutGroup] = relationship(back_populates="members")
    participant: Mapped[Participant] = relationship()


class Note(Tracked, Base):
    """A rapporteur's text for one section of an agenda item or a breakout group."""

    __tablename__ = "note"
    area = Area.NOTES

    item_id: Mapped[str | None] = belongs_to("agenda_item.id")
    group_id: Mapped[str | None] = belongs_to("breakout_group.id")
    section: Mapped[str] = mapped_column(String(32), default="summary")
    body: Mapped[str] = mapped_column(Text, default="")
    author_name: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[str | None] = refers_to("participant.id")
    # Bumped by every save; a save typed on an older version is a conflict (several laptops).
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"))

    item: Mapped[AgendaItem | None] = relationship()
    group: Mapped[BreakoutGroup | None] = relationship()

    __mapper_args__: ClassVar[dict[str, object]] = {"version_id_col": version}


class Outcome(Tracked):
    """What a recommendation and an action item share: the item or breakout group it came
    from, its place in that list, its text, who wrote it, and the row it was merged into."""

    area = Area.NOTES

    item_id: Mapped[str | None] = belongs_to("agenda_item.id")
    group_id: Mapped[str | None] = belongs_to("breakout_group.id")
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text, default="")
    author_name: Mapped[str] = mapped_column(Text, default="")

    @declared_attr
    def merged_into_id(cls) -> Mapped[str | None]:
        """Set when merged into another row of its table; the merged row keeps its source."""
        return refers_to(f"{cls.__tablename__}.id")

    @declared_attr
    def item(cls) -> Mapped[AgendaItem | None]:
        return relationship()

    @declared_attr
    def group(cls) -> Mapped[BreakoutGroup | None]:
        return relationship()


class Recommendation(Outcome, Base):
    __tablename__ = "recommendation"

    addressee: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="proposed")


class ActionItem(Outcome, Base):
    __tablename__ = "action_item"

    owner: Mapped[str] = mapped_column(Text, default="")
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="open")


@cache
def area_of_table(name: str) -> Area | None:
    """The area a table belongs to (cached: the mappers are fixed once the models load)."""
    for mapper in Base.registry.mappers:
        if mapper.local_table is not None and mapper.local_table.name == name:  # type: ignore[union-attr]
            return mapper.class_.area
    return None


class SyncRecord(Base):
    """What this file knows of a record's shared history, for merging bundles (issue 15).

    `known` is a JSON list of content digests of versions the record's current version
    descends from (versions that crossed to or from another file, and the version before the
    first local edit). A row here with no record left in its table means the record was
    deleted: the deletion travels in bundles as a tombstone.
    """

    __tablename__ = "sync_record"
    area = None

    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    known: Mapped[str] = mapped_column(Text, default="[]")


class MergeConflict(Tracked, Base):
    """A version of a record that came in a bundle and clashes with this file's version (both
    changed since they last met); kept until a person chooses. `row` is its JSON row, or
    null for a deletion; `known` the digests it descends from."""

    __tablename__ = "merge_conflict"
    __table_args__ = (UniqueConstraint("table_name", "record_id", "digest"),)
    area = Area.SYNC

    table_name: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(200), index=True)
    digest: Mapped[str] = mapped_column(String(64))
    row: Mapped[str | None] = mapped_column(Text)
    known: Mapped[str] = mapped_column(Text, default="[]")
    source: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
