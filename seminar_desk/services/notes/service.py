"""Rapporteurs' notes: section texts saved as they are typed, and structured rows.

Typed text is saved with `undoable=False, keep_history=True`: the editor keeps its own undo
stack, one undo step per autosave would flood the desk's history, and typing must not wipe the
history of the structured edits around it. Recommendations and action items are rows a
person adds, edits and deletes on purpose, so those go through ordinary undoable actions.

When typed text is written is decided by `autosave.NoteAutosaver`.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from sqlalchemy import bindparam, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from seminar_desk.domain.changes import Added, OpChanges
from seminar_desk.domain.kinds import ActionStatus, NoteSection, RecommendationStatus
from seminar_desk.domain.refusal import Gone, Refusal
from seminar_desk.services.desk import Desk
from seminar_desk.services.notes.journal import JournalEntry
from seminar_desk.store.models import ActionItem, AgendaItem, BreakoutGroup, Note, Recommendation

SECTIONS: tuple[NoteSection, ...] = tuple(NoteSection)
_CONFLICT = (
    "Someone else saved this note while you were typing: your text was not saved over "
    "theirs and is still on your screen. Keep both, keep yours or take theirs."
)


@dataclass(frozen=True)
class NoteTarget:
    """What a note is about: an agenda item or a breakout group (exactly one)."""

    item_id: str | None = None
    group_id: str | None = None

    def __post_init__(self) -> None:
        if (self.item_id is None) == (self.group_id is None):
            raise ValueError("A note belongs to an agenda item or to a breakout group.")

    @property
    def key(self) -> str:
        return self.group_id or self.item_id or ""

    def columns(self) -> dict[str, str | None]:
        return {"item_id": self.item_id, "group_id": self.group_id}


@dataclass(frozen=True)
class NoteText:
    section: str
    body: str = ""
    author_name: str = ""
    updated_at: datetime | None = None
    note_id: str | None = None
    version: int | None = None  # what a save typed on this text names (None: no note yet)


@dataclass(frozen=True)
class RecommendationRow:
    id: str
    text: str
    addressee: str
    status: str
    author_name: str
    merged_into_id: str | None
    updated_at: datetime | None


@dataclass(frozen=True)
class ActionRow:
    id: str
    text: str
    owner: str
    due_date: date | None
    status: str
    author_name: str
    merged_into_id: str | None
    updated_at: datetime | None


@dataclass(frozen=True)
class NotePage:
    """Everything a rapporteur's page shows for one item or group."""

    target: NoteTarget
    sections: dict[str, NoteText]
    recommendations: list[RecommendationRow] = field(default_factory=list)
    actions: list[ActionRow] = field(default_factory=list)


class TargetGone(Gone, LookupError):
    """The item or group a note belongs to no longer exists (deleted, or an undo removed it)."""


class RowGone(Gone, LookupError):
    """A recommendation or action item an edit names was deleted meanwhile."""


class NoteConflict(Refusal):
    """Someone else saved this section since the text being saved was loaded: nothing was
    written; `theirs` is what the note holds now, at `version`."""

    def __init__(self, message: str, theirs: str, version: int | None, author: str) -> None:
        super().__init__(message)
        self.theirs = theirs
        self.version = version
        self.author = author


@dataclass(frozen=True)
class SavedNote:
    changes: OpChanges
    version: int | None  # the note's version now (None: no note, nothing was typed)


ANY_VERSION = -1  # a save that replaces whatever the note holds (restoring kept text)


class _RollBack(Exception):
    """Ends a warm-up transaction without keeping anything."""


OutcomeKind = Literal["recommendation", "action"]
"""A kind of structured row on a rapporteur's page, as the register names it too."""


@dataclass(frozen=True)
class _Kind:
    """A kind of structured row on a rapporteur's page: its table, its name in messages, the
    fields an add or edit may set, the vocabulary of its status and the status it starts in."""

    model: type[Recommendation] | type[ActionItem]
    what: str
    fields: frozenset[str]
    status: type[RecommendationStatus] | type[ActionStatus]
    first: RecommendationStatus | ActionStatus


_KINDS: dict[OutcomeKind, _Kind] = {
    "recommendation": _Kind(
        Recommendation,
        "recommendation",
        frozenset({"text", "addressee", "status"}),
        RecommendationStatus,
        RecommendationStatus.PROPOSED,
    ),
    "action": _Kind(
        ActionItem,
        "action item",
        frozenset({"text", "owner", "due_date", "status"}),
        ActionStatus,
        ActionStatus.OPEN,
    ),
}


def outcome_tables() -> dict[OutcomeKind, type[Recommendation] | type[ActionItem]]:
    """Each kind of structured row with its table, in the order the register lists them."""
    return {kind: spec.model for kind, spec in _KINDS.items()}


def _kind(kind: OutcomeKind, values: dict[str, Any]) -> _Kind:
    """The kind's rules, once the fields given are known to be its own."""
    spec = _KINDS[kind]
    unknown = set(values) - spec.fields
    if unknown:
        raise TypeError(f"unknown fields: {', '.join(sorted(unknown))}")
    return spec


def _where(model: Any, target: NoteTarget) -> Any:
    if target.group_id is not None:
        return model.group_id == target.group_id
    return (model.item_id == target.item_id) & model.group_id.is_(None)


# A section's note, the statements built once: every autosave asks, and building and keying a
# new statement cost twice what running it does.
_FIRST = (Note.created_at, Note.id)
_GROUP_NOTE = (
    select(Note)
    .where(Note.group_id == bindparam("group"), Note.section == bindparam("section"))
    .order_by(*_FIRST)
    .limit(1)
)
_ITEM_NOTE = (
    select(Note)
    .where(
        Note.item_id == bindparam("item"),
        Note.group_id.is_(None),
        Note.section == bindparam("section"),
    )
    .order_by(*_FIRST)
    .limit(1)
)


def _section_note(s: Session, target: NoteTarget, section: str) -> Note | None:
    """The note of `target`'s `section` (the first written, should there be two)."""
    if target.group_id is not None:
        return s.scalars(_GROUP_NOTE, {"group": target.group_id, "section": section}).first()
    return s.scalars(_ITEM_NOTE, {"item": target.item_id, "section": section}).first()


class NotesService:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    # -- reading ------------------------------------------------------------------------------

    def page(self, target: NoteTarget) -> NotePage:
        with self.desk.read() as s:
            notes = s.scalars(
                select(Note).where(_where(Note, target)).order_by(Note.created_at, Note.id)
            ).all()
            sections: dict[str, NoteText] = {sec.value: NoteText(sec.value) for sec in SECTIONS}
            for n in notes:
                if sections.get(n.section, NoteText(n.section)).note_id is None:
                    sections[n.section] = NoteText(
                        n.section, n.body, n.author_name, n.updated_at, n.id, n.version
                    )
            recs = s.scalars(
                select(Recommendation)
                .where(_where(Recommendation, target))
                .order_by(Recommendation.position, Recommendation.created_at)
            ).all()
            actions = s.scalars(
                select(ActionItem)
                .where(_where(ActionItem, target))
                .order_by(ActionItem.position, ActionItem.created_at)
            ).all()
            return NotePage(
                target,
                sections,
                [
                    RecommendationRow(
                        r.id,
                        r.text,
                        r.addressee,
                        r.status,
                        r.author_name,
                        r.merged_into_id,
                        r.updated_at,
                    )
                    for r in recs
                ],
                [
                    ActionRow(
                        a.id,
                        a.text,
                        a.owner,
                        a.due_date,
                        a.status,
                        a.author_name,
                        a.merged_into_id,
                        a.updated_at,
                    )
                    for a in actions
                ],
            )

    def note_text(self, target: NoteTarget, section: str) -> str:
        with self.desk.read() as s:
            body = s.scalars(
                select(Note.body)
                .where(_where(Note, target), Note.section == section)
                .order_by(Note.created_at, Note.id)
            ).first()
            return body or ""

    def target_title(self, item_id: str | None, group_id: str | None, section: str) -> str:
        """Where a text belongs, in words: "Group A — Breakout session › Summary"."""
        label = section.replace("_", " ").capitalize()
        with self.desk.read() as s:
            group = s.get(BreakoutGroup, group_id) if group_id else None
            item_id = group.item_id if group is not None else item_id
            item = s.get(AgendaItem, item_id) if item_id else None
            if group is not None:
                where = f"{group.name} — {item.title if item else ''}"
            elif item is not None:
                where = item.title
            else:
                where = "a deleted item or group"
        return f"{where} › {label}"

    def restore(self, entry: JournalEntry) -> OpChanges:
        """Put a text kept aside (see note_journal) back into its section."""
        target = NoteTarget(item_id=entry.item_id, group_id=entry.group_id)
        saved = self.save_note(
            target, entry.section, entry.body, entry.author_name, entry.author_id
        )
        return saved.changes

    def known_names(self, kind: str) -> list[str]:
        """Addressees (kind "recommendation") or owners ("action") already used, for completion."""
        column = Recommendation.addressee if kind == "recommendation" else ActionItem.owner
        with self.desk.read() as s:
            names = s.scalars(select(column).where(column != "").distinct()).all()
        return sorted(set(names), key=str.casefold)

    # -- typed text ---------------------------------------------------------------------------

    def warm_up(self, target: NoteTarget) -> None:
        """Run the save path once in a transaction that is rolled back.

        The first save of a process compiles its SQL and loads lazy modules (a tenth of a second
        or more on a busy laptop); paying that when the page opens keeps the first real save as
        fast as the others. Only a speed-up: on a file that cannot be written (open read-only,
        a full disk) it is skipped, and the page opens as usual.
        """
        if self.desk.db.read_only:
            return
        try:
            with self.desk.action("Warm up", undoable=False, keep_history=True) as act:
                note = Note(section=NoteSection.SUMMARY.value, body="", **target.columns())
                act.session.add(note)
                act.session.flush()
                note.body = "warm"
                note.updated_at = self.desk.clock.now()
                act.session.flush()
                act.session.scalars(
                    select(Note).where(_where(Note, target), Note.section == note.section).limit(1)
                ).first()
                raise _RollBack
        except _RollBack:
            pass
        except (Refusal, OperationalError):  # cannot write now: the real save will say so
            pass

    def save_note(
        self,
        target: NoteTarget,
        section: str,
        body: str,
        author_name: str = "",
        author_id: str | None = None,
        origin: object | None = None,
        base_version: int | None = ANY_VERSION,
    ) -> SavedNote:
        """Write one section's text now (autosave: not on the undo stack), typed on
        `base_version` of the note (None: typed where there was no note yet; by default over
        whatever it holds); another laptop's save since is a NoteConflict, not overwritten.
        """
        try:
            return self._save_text(
                target, section, body, author_name, author_id, origin, base_version
            )
        except StaleDataError as exc:  # another save committed between our read and write
            with self.desk.read() as s:
                note = s.scalars(
                    select(Note).where(_where(Note, target), Note.section == section).limit(1)
                ).first()
            theirs = (note.body, note.version, note.author_name) if note else ("", None, "")
            raise NoteConflict(_CONFLICT, *theirs) from exc

    def _save_text(
        self,
        target: NoteTarget,
        section: str,
        body: str,
        author_name: str,
        author_id: str | None,
        origin: object | None,
        base_version: int | None,
    ) -> SavedNote:
        NoteSection(section)  # a wrong section is a programming error
        with self.desk.action(
            "Type notes", origin=origin, undoable=False, keep_history=True
        ) as act:
            s = act.session
            note = _section_note(s, target, section)
            if (
                note is not None
                and base_version not in (ANY_VERSION, note.version)
                and note.body != body
            ):
                raise NoteConflict(_CONFLICT, note.body, note.version, note.author_name)
            if note is None:
                if not body:
                    return SavedNote(act.changes, None)
                owner = (
                    s.get(BreakoutGroup, target.group_id)
                    if target.group_id
                    else s.get(AgendaItem, target.item_id)
                )
                if owner is None:
                    raise TargetGone("The agenda item or group of this note was deleted.")
                note = Note(section=section, body=body, **target.columns())
                s.add(note)
            elif note.body == body and note.author_name == author_name:
                return SavedNote(act.changes, note.version)
            note.body = body
            note.author_name = author_name
            if author_id is not None:
                note.author_id = author_id
            note.updated_at = self.desk.clock.now()
            act.session.flush()
            version = note.version
        return SavedNote(act.changes, version)

    def checkpoint(self) -> None:
        """Copy the write-ahead log into the file now, while nobody waits for it.

        SQLite does this by itself inside the commit that pushes the log past 1,000 pages,
        which makes that one keystroke's save several times slower; the page calls this when
        typing pauses, so saves during typing rarely pay for it.
        """
        self.desk.db.kind.checkpoint(self.desk.db.engine)

    # -- recommendations and action items ------------------------------------------------------

    def add_outcome(
        self,
        kind: OutcomeKind,
        target: NoteTarget,
        author_name: str = "",
        origin: object | None = None,
        **values: Any,
    ) -> Added:
        """A recommendation or action item at the end of its page's list, as one undoable step;
        `values` are the kind's own fields (text, addressee or owner and due_date, status)."""
        spec = _kind(kind, values)
        values["status"] = str(spec.status(values.get("status", spec.first)))
        model = spec.model
        with self.desk.action(f"Add {spec.what}", origin=origin) as act:
            s = act.session
            last = s.scalar(select(func.max(model.position)).where(_where(model, target)))
            row = model(
                position=(last or 0) + 1, author_name=author_name, **target.columns(), **values
            )
            s.add(row)
            s.flush()
            new_id = row.id
        return Added(act.changes, new_id)

    def update_outcome(
        self, kind: OutcomeKind, row_id: str, origin: object | None = None, **values: Any
    ) -> OpChanges:
        """Set some of a recommendation's or action item's own fields, as one undoable step."""
        spec = _kind(kind, values)
        if "status" in values:
            spec.status(values["status"])
        label = f"Edit {spec.what}"
        with self.desk.action(label, origin=origin) as act:
            row = act.session.get(spec.model, row_id)
            if row is None:
                raise RowGone(
                    f"{label}: this {spec.what} was deleted meanwhile (an undo, or another "
                    "window); what was typed in it is not stored."
                )
            for name, value in values.items():
                if getattr(row, name) != value:
                    setattr(row, name, value)
        return act.changes

    def delete_outcomes(
        self, kind: OutcomeKind, row_ids: list[str], origin: object | None = None
    ) -> OpChanges:
        """Delete the chosen recommendations or action items: one undoable step however many."""
        spec = _KINDS[kind]
        model, what = spec.model, spec.what
        label = f"Delete {what}" if len(row_ids) == 1 else f"Delete {len(row_ids)} {what}s"
        with self.desk.action(label, origin=origin) as act:
            for row in act.session.scalars(select(model).where(model.id.in_(row_ids))).all():
                act.session.delete(row)
        return act.changes
