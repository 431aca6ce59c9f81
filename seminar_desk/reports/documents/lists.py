"""The printed programme and the list of participants (with a sign-in sheet variant)."""

from collections.abc import Sequence

from reportlab.lib.units import mm

from seminar_desk.reports.chrome import ENGLISH, Chrome
from seminar_desk.reports.common import (
    ORG_SECTIONS,
    PRESENT,
    day_heading,
    day_label,
    header_block,
    is_pause,
    org_section,
    planned_span,
)
from seminar_desk.reports.document import Story
from seminar_desk.reports.snapshot import DaySnap, ItemSnap, PersonSnap, SeminarSnapshot
from seminar_desk.reports.styles import MUTED, ZEBRA
from seminar_desk.reports.text.fonts import markup


def _item_cell(story: Story, item: ItemSnap) -> object:
    """Title in bold, then description, chair, speakers, room and groups, all escaped."""
    xml = f"<b>{markup(item.title or '(untitled)')}</b>"
    raw = item.title + item.description
    if item.description.strip():
        xml += "<br/>" + markup(item.description.strip())
    lines = []
    tr = story.tr
    if item.chair:
        lines.append(tr("Chair: {name}", name=item.chair.display))
    if item.speakers:
        key = "Speaker: {names}" if len(item.speakers) == 1 else "Speakers: {names}"
        lines.append(tr(key, names="; ".join(item.speakers)))
    for g in item.groups:
        lines.append(f"{g.name}" + (f" \u2014 {g.room}" if g.room else ""))
    if lines:
        raw += "".join(lines)
        xml += (
            '<br/><font size="8" color="#444444">'
            + "<br/>".join(markup(line) for line in lines)
            + "</font>"
        )
    return story.m(xml, story.s.cell_muted if is_pause(item) else story.s.cell, raw=raw)


def agenda_day(story: Story, day: DaySnap, level: int) -> None:
    title = day_heading(day, story.tr)
    story.heading(level, title, running=True)
    w = story.width
    rows: list[list[object]] = []
    extra: list[tuple[object, ...]] = []
    for n, item in enumerate(day.items):
        rows.append([planned_span(item), _item_cell(story, item), item.room])
        if is_pause(item):
            extra.append(("BACKGROUND", (0, n + 1), (-1, n + 1), ZEBRA))
            extra.append(("TEXTCOLOR", (0, n + 1), (-1, n + 1), MUTED))
    if not rows:
        return
    tr = story.tr
    story.table(
        rows,
        [24 * mm, w - 24 * mm - 36 * mm, 36 * mm],
        header=[tr("Time"), tr("Item"), tr("Room")],
        plain_cols=(0,),
        extra=extra,
        zebra=False,
    )


def build_agenda(story: Story, snap: SeminarSnapshot, day: int | None) -> None:
    header_block(story, snap, story.tr("Programme"))
    days = [d for d in snap.days if day is None or d.number == day]
    for d in days:
        agenda_day(story, d, 1)


def by_delegation(
    people: Sequence[PersonSnap], snap: SeminarSnapshot, tr: Chrome = ENGLISH
) -> list[tuple[str, list[tuple[str, list[PersonSnap]]]]]:
    """Sections (States, organizations...) of delegations, each with its people, in order."""
    kind_of = {o.name: o.kind for o in snap.organisations}
    groups: dict[str, list[PersonSnap]] = {}
    for p in people:
        groups.setdefault(p.org_name or tr("Other participants"), []).append(p)
    sections: list[tuple[str, list[tuple[str, list[PersonSnap]]]]] = []
    for index, (title, _) in enumerate(ORG_SECTIONS):
        names = sorted(
            (n for n in groups if org_section(kind_of.get(n, "other")) == index),
            key=lambda n: n.casefold(),
        )
        if names:
            sections.append((title, [(n, groups[n]) for n in names]))
    return sections


MIN_FUNCTION_W = 60 * mm
"""Narrowest "Function and e-mail" column; fewer days than fit beside it get a column each."""


def build_participants(
    story: Story,
    snap: SeminarSnapshot,
    *,
    level: int = 0,
    header: bool = True,
    emails: bool = False,
) -> None:
    """Grouped by delegation, with attendance: a column per day with a dot where the person
    was present while the days fit the page (about a week), else one "Days present" column
    ("all", "1–5, 8"), so a seminar of any length prints readably. Personal e-mail
    addresses only when asked for (`emails`): the list is usually handed out."""
    tr = story.tr
    if header:
        header_block(story, snap, tr("List of participants"))
    days = [d.number for d in snap.days]
    w = story.width
    day_w = 9 * mm
    name_w = 52 * mm
    function_head = "Function and e-mail" if emails else "Function"
    per_day = len(days) <= int((w - name_w - MIN_FUNCTION_W) // day_w)
    if per_day:
        widths = [name_w, w - name_w - day_w * len(days), *([day_w] * len(days))]
        head = [tr("Name"), tr(function_head), *[tr("D{n}", n=n) for n in days]]
    else:
        present_w = 34 * mm
        widths = [name_w, w - name_w - present_w, present_w]
        head = [tr("Name"), tr(function_head), tr("Days present")]
    for section, delegations in by_delegation(snap.participants, snap, tr):
        story.heading(level + 1, tr(section), running=True)
        for name, people in delegations:
            story.heading(level + 2, name, toc=False, running=True)
            rows = []
            for p in people:
                func = p.function + (f"\n{p.email}" if emails and p.email else "")
                if per_day:
                    marks = [PRESENT if n in p.days_present else "" for n in days]
                else:
                    marks = [days_present_text(p.days_present, days, tr)]
                rows.append([p.display, func, *marks])
            story.table(
                rows,
                widths,
                header=head,
                extra=[("ALIGN", (2, 0), (-1, -1), "CENTER")],
                plain_cols=range(2, len(head)),
            )
    total = len(snap.participants)
    story.spacer(6)
    if per_day:
        story.muted(
            tr(
                "{total} participants. D1, D2\u2026 are the days of the seminar; "
                "\u2022 marks presence.",
                total=total,
            )
        )
    else:
        story.muted(
            tr(
                "{total} participants. Days present are numbered from day 1 ({date}) "
                "to day {last}.",
                total=total,
                date=tr.date(snap.days[0].date),
                last=days[-1],
            )
        )


def days_present_text(present: frozenset[int], days: list[int], tr: Chrome = ENGLISH) -> str:
    """ "all", "none", or runs of day numbers: "1\u20135, 8, 10\u201312"."""
    numbers = [n for n in days if n in present]
    if not numbers:
        return tr("none")
    if len(numbers) == len(days):
        return tr("all")
    runs: list[list[int]] = []
    for n in numbers:
        if runs and days.index(n) == days.index(runs[-1][-1]) + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts = []
    for run in runs:
        if len(run) == 1:
            parts.append(str(run[0]))
        else:  # two days side by side read better as "3, 4" than "3–4"
            parts.append(f"{run[0]}\u2013{run[-1]}" if len(run) > 2 else f"{run[0]}, {run[1]}")
    return ", ".join(parts)


def build_sign_in(story: Story, snap: SeminarSnapshot, day: int | None) -> None:
    """One sheet per day: number, name, delegation and a tall, empty signature column."""
    days = [d for d in snap.days if day is None or d.number == day]
    w = story.width
    for i, d in enumerate(days):
        if i:
            story.page_break()
        story.page_group(f"day{d.number}", day_label(d, story.tr))
        header_block(story, snap, story.tr("Sign-in sheet"), day_label(d, story.tr))
        story.running_head(f"{story.tr('Sign-in sheet')}, {day_label(d, story.tr)}")
        rows = []
        people = [
            p
            for _, group in by_delegation(snap.participants, snap, story.tr)
            for _, ps in group
            for p in ps
        ]
        for n, p in enumerate(people, start=1):
            rows.append([str(n), p.display, p.org_name, ""])
        story.table(
            rows,
            [10 * mm, w * 0.34, w * 0.3, w * 0.36 - 10 * mm],
            header=[
                story.tr("No."),
                story.tr("Name"),
                story.tr("Delegation or organization"),
                story.tr("Signature"),
            ],
            zebra=False,
            plain_cols=(0, 3),
            extra=[("TOPPADDING", (0, 1), (-1, -1), 7), ("BOTTOMPADDING", (0, 1), (-1, -1), 9)],
        )
