"""Session, breakout and end-of-day reports: what the room produced, item by item."""

from reportlab.lib.units import mm

from seminar_desk.domain.kinds import Capacity, NoteSection
from seminar_desk.reports.chrome import Chrome
from seminar_desk.reports.common import (
    actions_table,
    actual_minutes,
    actual_span,
    adopted_duration,
    day_heading,
    day_label,
    fmt_duration,
    fmt_time,
    header_block,
    is_pause,
    org_section,
    planned_span,
    recommendations,
    replanned_span,
    variance,
)
from seminar_desk.reports.document import Story
from seminar_desk.reports.snapshot import (
    DaySnap,
    GroupSnap,
    ItemSnap,
    NoteSnap,
    PersonSnap,
    QueuedSnap,
    SeminarSnapshot,
    SpeechSnap,
)
from seminar_desk.reports.styles import RULE
from seminar_desk.reports.text.fonts import BOLD

SECTION_TITLES = {
    NoteSection.SUMMARY: "Summary",
    NoteSection.KEY_POINTS: "Key points",
    NoteSection.DISCUSSION: "Discussion",
    NoteSection.RECOMMENDATIONS: "Recommendations (rapporteur's notes)",
    NoteSection.ACTION_ITEMS: "Action items (rapporteur's notes)",
}


def capacity(tr: Chrome, speech: SpeechSnap | QueuedSnap) -> str:
    """'National', 'On behalf of ASEAN'... in the report's language."""
    if speech.capacity == Capacity.GROUP and speech.on_behalf_of:
        return tr("On behalf of {group}", group=speech.on_behalf_of)
    return tr(speech.capacity_label)


def person(p: PersonSnap | None, *, org: bool = True) -> str:
    if p is None:
        return ""
    if org and p.org_name:
        return f"{p.display} ({p.org_name})"
    return p.display


def notes_section(
    story: Story,
    notes: tuple[NoteSnap, ...],
    title: str,
    level: int,
    *,
    authors: bool = True,
    translate: bool = True,
) -> None:
    """A heading and the notes' text as typed, with who wrote them (several rapporteurs).

    `title` is a key of the catalogue unless `translate` is off (it holds a group's name)."""
    if not notes:
        return
    story.heading(level, story.tr(title) if translate else title, toc=False)
    for note in notes:
        story.text_block(note.body)
    names = sorted({n.author for n in notes if n.author.strip()})
    if authors and names:
        story.muted(story.tr("Rapporteur: {names}", names="; ".join(names)))


def all_notes(story: Story, notes: tuple[NoteSnap, ...], level: int) -> None:
    for section in NoteSection:
        notes_section(
            story, tuple(n for n in notes if n.section == section), SECTION_TITLES[section], level
        )
    other = tuple(n for n in notes if n.section not in set(NoteSection))
    notes_section(story, other, "Other notes", level)


def item_facts(story: Story, snap: SeminarSnapshot, item: ItemSnap) -> None:
    tr = story.tr
    day = snap.day(item.day_number)
    planned = f"{planned_span(item)} ({adopted_duration(item)} min)"
    if item.adopted_start is None:
        planned += tr(", added on the day")
    elif replanned_span(item):
        planned += tr("; re-planned to {span}", span=replanned_span(item))
    minutes = actual_minutes(item)
    actual = actual_span(item)
    if actual and minutes is not None:
        actual += tr(" ({n} min; start {variance})", n=minutes, variance=variance(item, tr))
    rows: list[tuple[str, object]] = [
        (story.tr("Day"), day_label(day, story.tr)),
        (story.tr("Item"), f"{item.number} \u2022 {tr(item.kind_label)}"),
        (story.tr("Room"), item.room),
        (story.tr("Planned"), planned),
        (story.tr("Actual"), actual),
        (story.tr("Chair"), person(item.chair)),
        (story.tr("Speakers"), "; ".join(item.speakers)),
    ]
    story.pairs(rows, [30 * mm, story.width - 30 * mm])
    story.spacer(4)


def speaker_log(story: Story, item: ItemSnap, level: int) -> None:
    if not item.speeches:
        return
    tr = story.tr
    story.heading(level, tr("Speaker log"), toc=False)
    w = story.width
    widths = [7 * mm, 12 * mm, 0.0, 0.0, 28 * mm, 23 * mm, 18 * mm]
    rest = w - sum(widths)
    widths[2], widths[3] = rest * 0.55, rest * 0.45
    rows = []
    total = 0
    for n, sp in enumerate(item.speeches, start=1):
        total += sp.duration_s or 0
        rows.append(
            [
                str(n),
                fmt_time(sp.started),
                sp.speaker or "\u2014",
                sp.delegation,
                capacity(tr, sp),
                tr(sp.speech_type_label),
                fmt_duration(sp.duration_s),
            ]
        )
    speeches = tr.plural(len(item.speeches), "{n} speech|{n} speeches")
    rows.append(["", "", tr("Total"), speeches, "", "", fmt_duration(total)])
    story.table(
        rows,
        widths,
        header=[
            "#",
            tr("Time"),
            tr("Speaker"),
            tr("Delegation"),
            tr("Capacity"),
            tr("Type"),
            tr("Duration"),
        ],
        extra=[
            ("ALIGN", (-1, 0), (-1, -1), "RIGHT"),
            ("FONTNAME", (0, -1), (-1, -1), BOLD),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, RULE),
        ],
        plain_cols=(0, 1, 6),
    )


def session_body(story: Story, snap: SeminarSnapshot, item: ItemSnap, level: int) -> None:
    item_facts(story, snap, item)
    if item.description.strip():
        story.heading(level, story.tr("Programme description"), toc=False)
        story.text_block(item.description)
    speaker_log(story, item, level)
    outcomes(story, item, level)
    if item.groups:
        story.heading(level, story.tr("Breakout groups"), toc=False)
        story.bullets([f"{g.name}" + (f" ({g.room})" if g.room else "") for g in item.groups])
        story.muted(
            story.tr("The breakout report gives each group's members, questions and notes.")
        )


def build_session(story: Story, snap: SeminarSnapshot, item: ItemSnap) -> None:
    title = item.title or story.tr("(untitled item)")
    header_block(story, snap, title, story.tr("Session report"))
    session_body(story, snap, item, 1)


def group_body(story: Story, group: GroupSnap, level: int) -> None:
    rows: list[tuple[str, object]] = [
        (story.tr("Room"), group.room),
        (story.tr("Facilitator"), person(group.facilitator)),
        (story.tr("Rapporteur"), person(group.rapporteur)),
    ]
    story.pairs(rows, [30 * mm, story.width - 30 * mm])
    story.spacer(3)
    if group.guiding_questions.strip():
        story.heading(level, story.tr("Guiding questions"), toc=False)
        story.text_block(group.guiding_questions)
    if group.members:
        story.heading(level, story.tr("Members ({n})", n=len(group.members)), toc=False)
        w = story.width
        story.table(
            [[str(n), m.display, m.org_name] for n, m in enumerate(group.members, start=1)],
            [8 * mm, (w - 8 * mm) * 0.5, (w - 8 * mm) * 0.5],
            header=["#", story.tr("Name"), story.tr("Delegation or organization")],
            plain_cols=(0,),
        )
    outcomes(story, group, level)


def outcomes(story: Story, holder: ItemSnap | GroupSnap, level: int) -> None:
    """What an item or a group produced: its notes, recommendations and action items."""
    all_notes(story, holder.notes, level)
    if holder.recommendations:
        story.heading(level, story.tr("Recommendations"), toc=False)
        recommendations(story, holder.recommendations, source=False)
    if holder.actions:
        story.heading(level, story.tr("Action items"), toc=False)
        actions_table(story, holder.actions, source=False)


def build_breakout(
    story: Story, snap: SeminarSnapshot, item: ItemSnap, group: GroupSnap | None
) -> None:
    groups = (group,) if group is not None else item.groups
    title = group.name if group is not None else item.title
    header_block(story, snap, title or story.tr("(untitled)"), story.tr("Breakout report"))
    if group is not None:
        story.para(f"{item.number} {item.title}", story.s.small)
    item_facts(story, snap, item)
    for g in groups:
        if group is None:
            story.heading(1, g.name or story.tr("(unnamed group)"), running=True)
        group_body(story, g, 2 if group is None else 1)


def programme_table(story: Story, day: DaySnap, *, actual: bool = True) -> None:
    w = story.width
    rows = []
    extra: list[tuple[object, ...]] = []
    for n, item in enumerate(day.items, start=1):
        chair = item.chair.display if item.chair else ""
        title: object = item.title
        if is_pause(item):
            title = story.p(item.title, story.s.cell_muted)
        rows.append(
            [
                item.number,
                planned_span(item),
                actual_span(item) or "\u2014",
                variance(item, story.tr),
                title,
                chair,
            ]
        )
        if is_pause(item):
            extra.append(("TEXTCOLOR", (0, n), (-1, n), "#555555"))
    widths = [10 * mm, 22 * mm, 22 * mm, 17 * mm, 0.0, 34 * mm]
    widths[4] = w - sum(widths)
    story.table(
        rows,
        widths,
        header=[story.tr(h) for h in ("No.", "Planned", "Actual", "Start", "Item", "Chair")],
        extra=extra,
        plain_cols=(0, 1, 2, 3),
    )


def attendance_of_day(story: Story, snap: SeminarSnapshot, day: DaySnap) -> None:
    """Who came on the day, by delegation; nothing when nobody's presence was taken."""
    present = [p for p in snap.participants if day.number in p.days_present]
    if not present:  # attendance not taken that day: no "0 of 48 ... attended"
        return
    tr = story.tr
    kinds = {o.name: o.kind for o in snap.organisations}
    by_org: dict[str, list[PersonSnap]] = {}
    for p in present:
        by_org.setdefault(p.org_name or tr("Other participants"), []).append(p)
    registered = "{n} registered participant|{n} registered participants"
    organizations = "{n} delegation or organization|{n} delegations and organizations"
    story.heading(1, tr("Attendance"), running=True)
    story.para(
        tr(
            "{present} of {registered}, from {orgs}, attended on {date}.",
            present=len(present),
            registered=tr.plural(len(snap.participants), registered),
            orgs=tr.plural(len(by_org), organizations),
            date=tr.date(day.date),
        )
    )
    order = sorted(by_org, key=lambda name: (org_section(kinds.get(name, "other")), name))
    w = story.width
    rows = [
        [name, str(len(by_org[name])), "; ".join(p.display for p in by_org[name])] for name in order
    ]
    story.table(
        rows,
        [w * 0.3, 17 * mm, w * 0.7 - 17 * mm],
        header=[story.tr(h) for h in ("Delegation or organization", "Present", "Participants")],
        extra=[("ALIGN", (1, 0), (1, -1), "RIGHT")],
        plain_cols=(1,),
    )


def build_day(story: Story, snap: SeminarSnapshot, day: DaySnap) -> None:
    tr = story.tr
    header_block(story, snap, tr("End-of-day report"), day_heading(day, tr))
    story.heading(1, tr("Programme: planned and actual times"), running=True)
    programme_table(story, day)
    story.heading(1, tr("Proceedings"), running=True)
    for item in day.items:
        if is_pause(item):
            continue
        story.heading(2, f"{item.number} {item.title}", running=True)
        facts = [tr("Planned {span}", span=planned_span(item))]
        if actual_span(item):
            facts.append(tr("actual {span}", span=actual_span(item)))
        if item.chair:
            facts.append(tr("chair: {name}", name=item.chair.display))
        if item.speeches:
            facts.append(tr.plural(len(item.speeches), "{n} speech|{n} speeches"))
        story.para(", ".join(facts), story.s.small)
        for section in (NoteSection.SUMMARY, NoteSection.KEY_POINTS):
            notes_section(story, item.notes_of(section), SECTION_TITLES[section], 3, authors=False)
        for g in item.groups:
            summaries = tuple(n for n in g.notes if n.section == NoteSection.SUMMARY)
            title = tr("{name}: summary", name=g.name)
            notes_section(story, summaries, title, 3, authors=False, translate=False)
    recs = tuple(r for item in day.items for r in item.recommendations) + tuple(
        r for item in day.items for g in item.groups for r in g.recommendations
    )
    if recs:
        story.heading(1, tr("Recommendations of the day"), running=True)
        recommendations(story, recs, source=True)
    actions = tuple(a for item in day.items for a in item.actions) + tuple(
        a for item in day.items for g in item.groups for a in g.actions
    )
    if actions:
        story.heading(1, tr("Action items of the day"), running=True)
        actions_table(story, actions, source=True)
    attendance_of_day(story, snap, day)
