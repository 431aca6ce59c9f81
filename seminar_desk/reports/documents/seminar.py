"""The seminar report in the usual UN shape, with contents and annexes.

Masthead and title block; chapters with Roman numbers, subsections lettered A., B. (a chapter
with one subsection folds it into the chapter), body paragraphs numbered 1, 2, 3... through
the chapters with subparagraphs (a), (b). Chapters: Introduction; Objectives; Organization of
the seminar (opening, attendance, programme of work); Summary of the sessions; Tour de table;
Breakout group outcomes; Conclusions and recommendations; Closing. Annex I programme, annex II
participants; annex III action items only in the internal variant. Empty parts are left out:
a distributed report says nothing about what was not recorded.
"""

from collections import Counter
from collections.abc import Callable

from reportlab.lib.units import mm

from seminar_desk.domain.delegations import is_state
from seminar_desk.domain.kinds import ItemKind, NoteSection, RecommendationStatus
from seminar_desk.domain.text import fold, letters
from seminar_desk.reports.common import (
    actions_table,
    is_pause,
    org_section,
    rule,
    status_label,
)
from seminar_desk.reports.document import LIST_MARK, Story
from seminar_desk.reports.documents.lists import agenda_day, build_participants
from seminar_desk.reports.documents.sessions import person
from seminar_desk.reports.request import ReportOptions
from seminar_desk.reports.snapshot import (
    GroupSnap,
    ItemSnap,
    NoteSnap,
    RecommendationSnap,
    SeminarSnapshot,
)
from seminar_desk.reports.text.fonts import markup

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")

Part = tuple[str, Callable[[], None]]


def _closing(item: ItemSnap, snap: SeminarSnapshot) -> bool:
    if "clos" in fold(item.title):
        return True
    first, last = snap.days[0].number, snap.days[-1].number
    return item.day_number == last and last != first


def classify(snap: SeminarSnapshot) -> dict[str, list[ItemSnap]]:
    parts: dict[str, list[ItemSnap]] = {
        "opening": [],
        "sessions": [],
        "tour": [],
        "breakout": [],
        "closing": [],
    }
    for item in snap.items():
        if is_pause(item):
            continue
        if item.kind == ItemKind.CEREMONY:
            parts["closing" if _closing(item, snap) else "opening"].append(item)
        elif item.kind == ItemKind.TOUR_DE_TABLE:
            parts["tour"].append(item)
        elif item.kind == ItemKind.BREAKOUT or item.groups:
            parts["breakout"].append(item)
        else:
            parts["sessions"].append(item)
    return parts


class Chapters:
    """Roman-numbered chapters of lettered subsections; a lone subsection folds into its
    chapter, a chapter with nothing in it is left out."""

    def __init__(self, story: Story) -> None:
        self.story = story
        self.count = 0
        self.level = 0  # the level of the heading the part being filled sits under

    def add(self, title: str, parts: list[Part], *, keep_title: bool = False) -> None:
        if not parts:
            return
        if len(parts) == 1:  # "V. Tour de table: national experiences", no lone "A."
            folded = title if keep_title else parts[0][0] or title
            self.story.heading(0, f"{ROMAN[self.count]}. {folded}")
            self.count += 1
            self.level = 0
            parts[0][1]()
            return
        self.story.heading(0, f"{ROMAN[self.count]}. {title}")
        self.count += 1
        self.level = 1
        for n, (sub, fill) in enumerate(parts):
            self.story.heading(1, f"{letters(n)}. {sub}")
            fill()


def _has_content(item: ItemSnap) -> bool:
    return bool(
        item.chair
        or item.speakers
        or _notes(item.notes)
        or (item.kind == ItemKind.TOUR_DE_TABLE and item.speeches)
        or any(_notes(g.notes) or g.facilitator or g.rapporteur for g in item.groups)
    )


def _notes(notes: tuple[NoteSnap, ...]) -> tuple[NoteSnap, ...]:
    """The summaries and key points (the seminar report's part of the rapporteurs' notes:
    the discussion record goes in the session reports, as in UN practice)."""
    wanted = (NoteSection.SUMMARY, NoteSection.KEY_POINTS)
    return tuple(n for n in notes if n.section in wanted and n.body.strip())


def key_points(story: Story, notes: tuple[NoteSnap, ...]) -> None:
    """Key points as one numbered lead-in with subparagraphs (a), (b): one per typed line."""
    lines: list[str] = []
    for note in notes:
        for line in note.body.replace("\r\n", "\n").split("\n"):
            if line.strip():
                mark = LIST_MARK.match(line)
                lines.append(line[mark.end() :].strip() if mark else line.strip())
    if lines:
        story.numbered(story.tr("The following key points were made:"))
        story.subparas(lines)


def summaries_and_points(story: Story, notes: tuple[NoteSnap, ...]) -> None:
    for note in notes:
        if note.section == NoteSection.SUMMARY and note.body.strip():
            story.numbered_text(note.body)
    key_points(story, tuple(n for n in notes if n.section == NoteSection.KEY_POINTS))


def item_text(story: Story, item: ItemSnap, level: int) -> None:
    """What the seminar report says of one item (under a heading of `level`): who chaired and
    spoke, in prose, then the summaries and key points, the delegations that spoke (tour de
    table) and the groups, headed one level down."""
    tr = story.tr
    facts = []
    if item.chair:
        facts.append(tr("The session was chaired by {name}.", name=person(item.chair)))
    if item.speakers:
        facts.append(tr("Presentations were made by {names}.", names=tr.join(list(item.speakers))))
    if facts:
        story.numbered(" ".join(facts))
    summaries_and_points(story, _notes(item.notes))
    if item.kind == ItemKind.TOUR_DE_TABLE and item.speeches:
        spoke = sorted({s.delegation for s in item.speeches if s.delegation}, key=fold)
        if spoke:
            story.numbered(tr("Delegations that took the floor: {names}.", names="; ".join(spoke)))
    for group in item.groups:
        group_text(story, group, level + 1)


def group_text(story: Story, group: GroupSnap, level: int) -> None:
    notes = _notes(group.notes)
    if not (notes or group.facilitator or group.rapporteur):
        return
    tr = story.tr
    story.heading(level, group.name or "(unnamed group)", toc=False)
    facts = []
    if group.facilitator:
        facts.append(tr("The group was facilitated by {name}.", name=person(group.facilitator)))
    if group.rapporteur:
        facts.append(tr("The group's rapporteur was {name}.", name=person(group.rapporteur)))
    if facts:
        story.numbered(" ".join(facts))
    summaries_and_points(story, notes)


# -- title page ---------------------------------------------------------------------------


def masthead(story: Story, snap: SeminarSnapshot, options: ReportOptions) -> None:
    """Organizers at the left, the document symbol at the right; under it distribution, date
    of issue and the original language, as on a UN document's first page."""
    d = snap.details
    tr = story.tr
    issued = options.issue_date or snap.taken_at.date()
    distribution = "Limited" if d.distribution.strip().lower() == "limited" else "General"
    right = [
        tr("Distr.: {what}", what=tr(distribution)),
        tr.date(issued),
        "",
        tr("Original: {language}", language=tr.language_name()),
    ]
    if options.internal:
        right += ["", tr("Internal working copy: not for distribution")]
    organisers = [x.strip() for x in d.organisers.splitlines() if x.strip()]
    story.masthead("\n".join(organisers[:2]), d.document_symbol.strip(), right)


def title_page(story: Story, snap: SeminarSnapshot, options: ReportOptions) -> None:
    d = snap.details
    s = story.s
    tr = story.tr
    story.bookmark(0, tr("Title page"))
    masthead(story, snap, options)
    story.spacer(24)
    story.para(tr("Report of the"), s.subtitle)
    story.para(d.title or tr("Seminar"), s.title)
    place = ", ".join(x for x in (d.city, d.country) if x.strip())
    story.para(
        " \u2022 ".join(x for x in (place, tr.dates(d.start_date, d.end_date)) if x), s.subtitle
    )
    story.spacer(10)
    story.add(rule())
    w = story.width
    story.pairs(
        [
            (tr("Venue"), ", ".join(x for x in (d.venue, d.city, d.country) if x.strip())),
            (tr("Dates"), tr.dates(d.start_date, d.end_date)),
            (tr("Organized by"), d.organisers),
            (tr("With the support of"), d.donors),
        ],
        [40 * mm, w - 40 * mm],
    )
    story.add(rule())
    story.spacer(8)
    story.para(tr("Contents"), s.h1)
    story.contents_here(levels=2)
    story.page_break()


# -- attendance ---------------------------------------------------------------------------


def attendance(story: Story, snap: SeminarSnapshot) -> None:
    """'48 participants (21 women, 27 men) attended the seminar, from 23 delegations and
    organizations.' then the States represented and the organizations, in prose."""
    tr = story.tr
    people = snap.participants
    if any(p.days_present for p in people):  # attendance was taken: count who came
        people = tuple(p for p in people if p.days_present)
    if not people:
        return
    kinds = {o.name: o.kind for o in snap.organisations}
    genders = Counter(p.gender for p in people)
    split = []
    if genders.get("female") or genders.get("male"):
        # only the counts that are not zero: "48 participants (48 women)", never "0 men"
        unknown = len(people) - sum(genders.get(g, 0) for g in ("female", "male", "other"))
        counts = (
            (genders.get("female", 0), "{n} woman|{n} women"),
            (genders.get("male", 0), "{n} man|{n} men"),
            (genders.get("other", 0), "{n} other|{n} other"),  # not "not recorded"
            (unknown, "{n} not recorded|{n} not recorded"),
        )
        split = [tr.plural(n, key) for n, key in counts if n]
    count = tr.plural(len(people), "{n} participant|{n} participants")
    if split:
        count += f" ({', '.join(split)})"
    orgs = sorted({p.org_name for p in people if p.org_name}, key=fold)
    story.numbered(
        tr(
            "{count} attended the seminar, from {orgs}.",
            count=count,
            orgs=tr.plural(
                len(orgs),
                "{n} delegation or organization|{n} delegations and organizations",
            ),
        )
        + " "
        + tr("The list of participants is contained in annex II.")
    )
    states = [n for n in orgs if is_state(kinds.get(n, "other"))]
    others = sorted(
        (n for n in orgs if not is_state(kinds.get(n, "other"))),
        key=lambda n: (org_section(kinds.get(n, "other")), fold(n)),
    )
    if states:
        key = (
            "The following State was represented: {names}."
            if len(states) == 1
            else "The following States were represented: {names}."
        )
        story.numbered(tr(key, names=tr.join(states)))
    if others:
        story.numbered(
            tr("The following organizations were also represented: {names}.", names=tr.join(others))
        )


# -- conclusions --------------------------------------------------------------------------


def _recommendation_xml(story: Story, r: RecommendationSnap, internal: bool) -> str:
    tr = story.tr
    xml = markup(r.text.strip())
    notes = []
    if r.addressee.strip():
        notes.append(tr("addressed to {who}", who=r.addressee.strip()))
    if internal:
        notes.append(status_label(r.status, RecommendationStatus, tr))
        if r.source.strip():
            notes.append(r.source.strip())
    if notes:
        xml += f' <font color="#555555">({markup("; ".join(notes))})</font>'
    return xml


def conclusion_parts(story: Story, snap: SeminarSnapshot, options: ReportOptions) -> list[Part]:
    tr = story.tr
    d = snap.details
    recs = [r for i in snap.items() for r in i.recommendations] + [
        r for i in snap.items() for g in i.groups for r in g.recommendations
    ]
    if not options.internal:
        recs = [r for r in recs if r.status == RecommendationStatus.AGREED]
    parts: list[Part] = []
    if d.conclusions.strip():
        parts.append((tr("Conclusions"), lambda: story.numbered_text(d.conclusions)))
    if recs:

        def fill() -> None:
            lead = (
                "The participants put forward the following recommendations:"
                if options.internal
                else "The participants adopted the following recommendations:"
            )
            story.numbered(tr(lead))
            texts = [_recommendation_xml(story, r, options.internal) for r in recs]
            if len(texts) <= 26:
                story.subparas(texts, xml=True)
            else:  # past (z), (aa)... reads badly: each one a numbered paragraph of its own
                for text in texts:
                    story.numbered(text, xml=True)

        parts.append((tr("Recommendations"), fill))
    return parts


# -- the report ---------------------------------------------------------------------------


def build_seminar(
    story: Story, snap: SeminarSnapshot, options: ReportOptions | None = None
) -> None:
    options = options or ReportOptions()
    d = snap.details
    tr = story.tr
    title_page(story, snap, options)
    parts = classify(snap)
    chapters = Chapters(story)

    def items(key: str) -> list[Part]:
        return [
            (
                item.title or "(untitled item)",
                lambda item=item: item_text(story, item, chapters.level),
            )
            for item in parts[key]
            if _has_content(item)
        ]

    if d.introduction.strip():
        chapters.add(tr("Introduction"), [("", lambda: story.numbered_text(d.introduction))])
    if d.objectives.strip():
        chapters.add(
            tr("Objectives of the seminar"), [("", lambda: story.numbered_text(d.objectives))]
        )
    organization: list[Part] = []
    opening = [item for item in parts["opening"] if _has_content(item)]
    if opening:
        organization.append(
            (
                tr("Opening of the seminar"),
                lambda: [item_text(story, i, chapters.level) for i in opening],
            )
        )
    if snap.participants:
        organization.append((tr("Attendance"), lambda: attendance(story, snap)))
    if snap.days:
        organization.append(
            (
                tr("Programme of work"),
                lambda: story.numbered(tr("The programme of work is contained in annex I.")),
            )
        )
    chapters.add(tr("Organization of the seminar"), organization)
    chapters.add(tr("Summary of the sessions"), items("sessions"))
    chapters.add(tr("Tour de table"), items("tour"))
    chapters.add(tr("Breakout group outcomes"), items("breakout"))
    chapters.add(
        tr("Conclusions and recommendations"),
        conclusion_parts(story, snap, options),
        keep_title=True,
    )
    chapters.add(tr("Closing of the seminar"), items("closing"))

    annex = 0

    def annex_heading(title: str) -> None:
        nonlocal annex
        annex += 1
        story.page_break()
        story.heading(0, tr("Annex {n}. {title}", n=ROMAN[annex - 1], title=tr(title)))

    if snap.days:
        annex_heading("Programme")
        for day in snap.days:
            agenda_day(story, day, 1)
    if snap.participants:
        annex_heading("List of participants")
        build_participants(story, snap, level=0, header=False)
    actions = tuple(a for i in snap.items() for a in i.actions) + tuple(
        a for i in snap.items() for g in i.groups for a in g.actions
    )
    if options.internal and actions:
        annex_heading("List of action items")
        actions_table(story, actions, source=True)
