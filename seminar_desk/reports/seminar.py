"""The seminar report in the usual UN shape, with contents and annexes.

Title block; I. Introduction and objectives; II. Attendance; III. Opening; IV. Session
summaries; V. Tour de table; VI. Breakout outcomes; VII. Conclusions and recommendations;
VIII. Closing; Annex I programme, Annex II participants by delegation, Annex III actions.
"""

from collections import Counter

from reportlab.lib.units import mm

from seminar_desk.domain.kinds import ItemKind, NoteSection
from seminar_desk.domain.text import fold
from seminar_desk.reports.common import (
    ORG_SECTIONS,
    actions_table,
    fmt_date,
    fmt_dates,
    is_pause,
    org_section,
    recommendations,
    rule,
)
from seminar_desk.reports.document import Story
from seminar_desk.reports.lists import agenda_day, build_participants
from seminar_desk.reports.sessions import SECTION_TITLES, notes_section, person
from seminar_desk.reports.snapshot import ItemSnap, SeminarSnapshot

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


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


def _item_notes(story: Story, item: ItemSnap, level: int) -> None:
    facts = []
    if item.chair:
        facts.append(f"Chair: {person(item.chair)}")
    if item.speakers:
        facts.append(
            ("Speaker: " if len(item.speakers) == 1 else "Speakers: ") + "; ".join(item.speakers)
        )
    for fact in facts:
        story.para(fact, story.s.small)
    # The discussion notes are the rapporteurs' raw record: they go in the session reports;
    # the seminar report carries the summaries and key points, as UN reports do.
    wanted = (NoteSection.SUMMARY, NoteSection.KEY_POINTS)
    shown = False
    for section in wanted:
        notes = item.notes_of(section)
        if notes:
            shown = True
            if section == NoteSection.SUMMARY:
                for note in notes:
                    story.text_block(note.body)
            else:
                notes_section(story, notes, SECTION_TITLES[section], level, authors=False)
    if not shown:
        story.muted("No summary was recorded for this item.")


def title_page(story: Story, snap: SeminarSnapshot) -> None:
    d = snap.details
    s = story.s
    story.bookmark(0, "Title page")
    story.spacer(40)
    story.para("Report of the", s.subtitle)
    story.para(d.title or "Seminar", s.title)
    place = ", ".join(x for x in (d.city, d.country) if x.strip())
    story.para(
        " \u2022 ".join(x for x in (place, fmt_dates(d.start_date, d.end_date)) if x), s.subtitle
    )
    story.spacer(10)
    story.add(rule())
    w = story.width
    story.pairs(
        [
            ("Meeting", d.title),
            ("Venue", ", ".join(x for x in (d.venue, d.city, d.country) if x.strip())),
            ("Dates", fmt_dates(d.start_date, d.end_date)),
            ("Organized by", d.organisers),
            ("With the support of", d.donors),
        ],
        [40 * mm, w - 40 * mm],
    )
    story.add(rule())
    story.spacer(8)
    story.para("Contents", s.h1)
    story.contents_here(levels=2)
    story.page_break()


def attendance(story: Story, snap: SeminarSnapshot) -> None:
    people = snap.participants
    kinds = {o.name: o.kind for o in snap.organisations}
    orgs = {p.org_name for p in people if p.org_name}
    per_section = Counter(org_section(kinds.get(p.org_name, "other")) for p in people)
    org_sections = Counter(org_section(kinds.get(name, "other")) for name in orgs)
    story.para(
        f"{len(people)} participants from {len(orgs)} delegations and organizations were "
        "registered for the seminar. The list of participants is contained in annex II."
    )
    rows = [
        [title, str(org_sections.get(i, 0)), str(per_section.get(i, 0))]
        for i, (title, _) in enumerate(ORG_SECTIONS)
        if per_section.get(i)
    ]
    for d in snap.days:
        count = sum(1 for p in people if d.number in p.days_present)
        rows.append([f"Present on day {d.number} ({fmt_date(d.date)})", "", str(count)])
    w = story.width
    story.table(
        rows,
        [w - 60 * mm, 30 * mm, 30 * mm],
        header=["", "Delegations", "Participants"],
        extra=[("ALIGN", (1, 0), (-1, -1), "RIGHT")],
        plain_cols=(1, 2),
    )


def build_seminar(story: Story, snap: SeminarSnapshot) -> None:
    d = snap.details
    title_page(story, snap)
    parts = classify(snap)
    n = 0

    def chapter(title: str) -> None:
        nonlocal n
        story.heading(0, f"{ROMAN[n]}. {title}")
        n += 1

    chapter("Introduction and objectives")
    if d.introduction.strip():
        story.text_block(d.introduction)
    if d.objectives.strip():
        story.heading(1, "Objectives")
        story.text_block(d.objectives)
    if not d.introduction.strip() and not d.objectives.strip():
        story.muted("No introduction or objectives were recorded.")
    chapter("Attendance")
    attendance(story, snap)
    for key, title in (
        ("opening", "Opening of the seminar"),
        ("sessions", "Summary of the sessions"),
        ("tour", "Tour de table"),
        ("breakout", "Breakout group outcomes"),
    ):
        items = parts[key]
        if key in ("tour", "breakout") and not items:
            continue
        chapter(title)
        if not items:
            story.muted("Nothing was recorded.")
        for item in items:
            story.heading(1, item.title or "(untitled item)")
            _item_notes(story, item, 2)
            if key == "tour" and item.speeches:
                spoke = sorted({s.delegation for s in item.speeches if s.delegation})
                story.para("Delegations that took the floor: " + "; ".join(spoke), story.s.small)
            for g in item.groups:
                story.heading(2, g.name or "(unnamed group)", toc=False)
                if g.facilitator or g.rapporteur:
                    story.para(
                        "; ".join(
                            x
                            for x in (
                                f"Facilitator: {person(g.facilitator)}" if g.facilitator else "",
                                f"Rapporteur: {person(g.rapporteur)}" if g.rapporteur else "",
                            )
                            if x
                        ),
                        story.s.small,
                    )
                for section in (NoteSection.SUMMARY, NoteSection.KEY_POINTS):
                    notes_section(
                        story,
                        tuple(x for x in g.notes if x.section == section),
                        SECTION_TITLES[section],
                        3,
                        authors=False,
                    )
    chapter("Conclusions and recommendations")
    recs = tuple(r for i in snap.items() for r in i.recommendations) + tuple(
        r for i in snap.items() for g in i.groups for r in g.recommendations
    )
    if recs:
        story.para(
            "The participants put forward the following recommendations; their status is "
            "noted after each."
        )
        recommendations(story, recs, source=False)
    else:
        story.muted("No recommendations were recorded.")
    chapter("Closing of the seminar")
    if parts["closing"]:
        for item in parts["closing"]:
            story.heading(1, item.title or "(untitled item)")
            _item_notes(story, item, 2)
    else:
        story.muted("Nothing was recorded.")

    story.page_break()
    story.heading(0, "Annex I. Programme")
    for day in snap.days:
        agenda_day(story, day, 1)
    story.page_break()
    story.heading(0, "Annex II. List of participants")
    build_participants(story, snap, level=0, header=False)
    story.page_break()
    story.heading(0, "Annex III. List of action items")
    actions = tuple(a for i in snap.items() for a in i.actions) + tuple(
        a for i in snap.items() for g in i.groups for a in g.actions
    )
    if actions:
        actions_table(story, actions, source=True)
    else:
        story.muted("No action items were recorded.")
