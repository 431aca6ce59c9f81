"""Pick the builder for a request, set the metadata, lay out the PDF."""

import dataclasses
import threading
from collections.abc import Callable
from dataclasses import dataclass

from seminar_desk.domain.refusal import Refusal
from seminar_desk.reports.chrome import ENGLISH, Chrome
from seminar_desk.reports.document import Story, build_pdf
from seminar_desk.reports.documents.cards import Cards, badges_pdf, tents_pdf
from seminar_desk.reports.documents.lists import build_agenda, build_participants, build_sign_in
from seminar_desk.reports.documents.seminar import build_seminar
from seminar_desk.reports.documents.sessions import build_breakout, build_day, build_session
from seminar_desk.reports.documents.speakers_list import build_speakers
from seminar_desk.reports.page_layout import BuildStats, ReportMeta
from seminar_desk.reports.request import (
    KIND_TITLES,
    CancelFn,
    Cancelled,
    ProgressFn,
    ReportOptions,
    ReportRequest,
    missing,
    missing_days,
    with_first_day,
)
from seminar_desk.reports.snapshot import SeminarSnapshot
from seminar_desk.reports.text.fallback import MissingText, collect_missing

_BUILD_LOCK = threading.Lock()


@dataclass(frozen=True)
class ReportResult:
    pdf: bytes
    pages: int
    title: str
    stats: BuildStats
    # characters no shipped font has (drawn as boxes): the export says which, and where
    missing: tuple[MissingText, ...] = ()
    # what the person should know of the result ("23 name tents; 2 ... left out")
    note: str = ""


def describe(
    snap: SeminarSnapshot, request: ReportRequest, options: ReportOptions, tr: Chrome = ENGLISH
) -> str:
    """The report's title as file dialogs (English) and the PDF's metadata (`tr`) show it."""
    kind = tr(KIND_TITLES[request.kind])
    if request.kind == "participants" and options.sign_in:
        kind = tr("Sign-in sheet")
    what = ""
    if request.kind in ("session", "speakers") and request.item_id:
        item = snap.item(request.item_id)
        what = f"{item.number} {item.title}"
    elif request.kind == "breakout" and request.group_id:
        item, group = snap.group(request.group_id)
        what = f"{item.title} / {group.name}"
    elif request.kind == "breakout" and request.item_id:
        what = snap.item(request.item_id).title
    elif request.day is not None and request.kind in ("day", "agenda", "participants"):
        day = snap.day(request.day)
        what = tr("Day {n}, {date}", n=day.number, date=tr.date(day.date))
    return tr("{kind}: {what}", kind=kind, what=what) if what else kind


def _session(story: Story, snap: SeminarSnapshot, request: ReportRequest, _: ReportOptions) -> None:
    build_session(story, snap, snap.item(request.item_id or ""))


def _breakout(
    story: Story, snap: SeminarSnapshot, request: ReportRequest, _: ReportOptions
) -> None:
    if request.group_id:
        item, group = snap.group(request.group_id)
        build_breakout(story, snap, item, group)
    else:
        build_breakout(story, snap, snap.item(request.item_id or ""), None)


def _day(story: Story, snap: SeminarSnapshot, request: ReportRequest, _: ReportOptions) -> None:
    build_day(story, snap, snap.day(request.day or 1))


def _seminar(story: Story, snap: SeminarSnapshot, _: ReportRequest, options: ReportOptions) -> None:
    build_seminar(story, snap, options)


def _agenda(story: Story, snap: SeminarSnapshot, request: ReportRequest, _: ReportOptions) -> None:
    build_agenda(story, snap, request.day)


def _participants(
    story: Story, snap: SeminarSnapshot, request: ReportRequest, options: ReportOptions
) -> None:
    if options.sign_in:
        build_sign_in(story, snap, request.day)
    else:
        build_participants(story, snap, emails=options.emails)


def _speakers(
    story: Story, snap: SeminarSnapshot, request: ReportRequest, _: ReportOptions
) -> None:
    build_speakers(story, snap, snap.item(request.item_id or ""))


@dataclass(frozen=True)
class CardKind:
    """A kind printed page by page, not as a story: name tents, badges (documents/cards.py)."""

    make: Callable[[SeminarSnapshot, ReportOptions], Cards]


# One builder for each kind of the table (tests/reports check the two agree).
BUILDERS: dict[
    str, Callable[[Story, SeminarSnapshot, ReportRequest, ReportOptions], None] | CardKind
] = {
    "session": _session,
    "breakout": _breakout,
    "day": _day,
    "seminar": _seminar,
    "agenda": _agenda,
    "participants": _participants,
    "speakers": _speakers,
    "tents": CardKind(tents_pdf),
    "badges": CardKind(badges_pdf),
}


def build_report(
    snap: SeminarSnapshot,
    request: ReportRequest,
    options: ReportOptions | None = None,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> ReportResult:
    """The PDF of one report. Refuses (NotFound) a day, item or group the seminar lacks.

    Builds are serialised: reportlab keeps module-level parser and font state, so a page
    count preview and an export must not lay out at the same time on two threads.
    """
    with _BUILD_LOCK, collect_missing() as found:
        result = _build(snap, request, options or ReportOptions(), progress, cancel)
    return dataclasses.replace(result, missing=tuple(found))


def _build(
    snap: SeminarSnapshot,
    request: ReportRequest,
    options: ReportOptions,
    progress: ProgressFn | None,
    cancel: CancelFn | None,
) -> ReportResult:
    if cancel is not None and cancel():
        raise Cancelled()
    builder = BUILDERS[request.kind]
    if isinstance(builder, CardKind):
        cards = builder.make(snap, options)
        return ReportResult(
            pdf=cards.pdf,
            pages=cards.pages,
            title=KIND_TITLES[request.kind],
            stats=BuildStats(cards.pages),
            note=cards.note,
        )
    story = Story(options, language=snap.details.language)
    request, meta, title = _tell(story, snap, request, options)
    pdf, stats = build_pdf(story, meta, options, progress=progress, cancel=cancel)
    return ReportResult(pdf=pdf, pages=stats.pages, title=title, stats=stats)


def _tell(
    story: Story, snap: SeminarSnapshot, request: ReportRequest, options: ReportOptions
) -> tuple[ReportRequest, ReportMeta, str]:
    """Check the request, let its builder fill `story`; the metadata and the title."""
    request = with_first_day(request, snap.days[0].number if snap.days else None)
    if problem := missing_days(request, options, len(snap.days)):
        raise Refusal(problem)
    if problem := missing(request):
        raise Refusal(problem)
    if request.day is not None:
        snap.day(request.day)  # NotFound for a day the seminar does not have
    kind = request.kind
    builder = BUILDERS[kind]
    if isinstance(builder, CardKind):
        raise Refusal(f"{KIND_TITLES[kind]} are printed as PDF only.")
    builder(story, snap, request, options)
    d = snap.details
    title = describe(snap, request, options)
    tr = story.tr  # the document's own metadata is in its language
    shown = describe(snap, request, options, tr)
    full_title = (
        f"{shown} \u2014 {d.short_title or d.title}" if (d.short_title or d.title) else shown
    )
    meta = ReportMeta(
        title=full_title,
        subject=(
            tr("{kind} of the {title}", kind=tr(KIND_TITLES[kind]), title=d.title)
            if d.title
            else tr(KIND_TITLES[kind])
        ),
        author=" / ".join(line.strip() for line in d.organisers.splitlines() if line.strip())
        or "Seminar Desk",
        language=d.language or "en",
        footer=d.short_title or d.title,
        keywords=tuple(x for x in (tr(KIND_TITLES[kind]), d.short_title, d.city) if x),
    )
    return request, meta, title


def build_word(
    snap: SeminarSnapshot, request: ReportRequest, options: ReportOptions | None = None
) -> tuple[bytes, str]:
    """The report as a Word document (DOCX) and its title: the same builders as the PDF."""
    from seminar_desk.reports.word import WordStory
    from seminar_desk.reports.word_writer import write_docx

    options = options or ReportOptions()
    with _BUILD_LOCK:
        story = WordStory(options, language=snap.details.language)
        _, meta, title = _tell(story, snap, request, options)
        data = write_docx(
            story,
            title=meta.title,
            subject=meta.subject,
            author=meta.author,
            language=meta.language,
            footer=meta.footer,
        )
    return data, title
