"""What several reports share: the request, date and time wording, the heading block."""

import re
from datetime import date, datetime, time

from reportlab.lib.units import mm
from reportlab.platypus.flowables import HRFlowable

from seminar_desk.domain.delegations import STATE_KINDS
from seminar_desk.domain.kinds import PAUSE_KINDS, ActionStatus, OrgKind, RecommendationStatus
from seminar_desk.reports.chrome import ENGLISH, Chrome
from seminar_desk.reports.document import Story
from seminar_desk.reports.snapshot import (
    ActionSnap,
    DaySnap,
    ItemSnap,
    RecommendationSnap,
    SeminarSnapshot,
)
from seminar_desk.reports.styles import RULE
from seminar_desk.reports.text.fonts import markup

PRESENT = "•"


def fmt_date(d: date | None, *, weekday: bool = False, tr: Chrome = ENGLISH) -> str:
    return tr.date(d, weekday=weekday)


def fmt_date_short(d: date | None, tr: Chrome = ENGLISH) -> str:
    """'31 Jan 2027': fits a narrow table column."""
    return tr.date_short(d)


def fmt_dates(start: date | None, end: date | None, tr: Chrome = ENGLISH) -> str:
    """'19-20 December 2026', '30 November - 2 December 2026' (en dashes), or one date."""
    return tr.dates(start, end)


def fmt_time(t: time | datetime | None) -> str:
    return "" if t is None else f"{t.hour:02d}:{t.minute:02d}"


def fmt_duration(seconds: int | None) -> str:
    if seconds is None:
        return ""
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def adopted_start(item: ItemSnap) -> time | None:
    """The start in the adopted programme (the current plan for an item added on the day)."""
    return item.adopted_start if item.adopted_start is not None else item.planned_start


def adopted_duration(item: ItemSnap) -> int:
    return item.duration_min if item.adopted_duration_min is None else item.adopted_duration_min


def _span(start: time | None, minutes: int) -> str:
    if start is None:
        return f"{minutes} min"
    end = start.hour * 60 + start.minute + minutes
    return f"{fmt_time(start)}\u2013{(end // 60) % 24:02d}:{end % 60:02d}"


def planned_span(item: ItemSnap) -> str:
    """The item's time in the adopted programme (what the day was planned to be)."""
    return _span(adopted_start(item), adopted_duration(item))


def replanned_span(item: ItemSnap) -> str:
    """The current plan's time when live re-planning moved it off the adopted one, else ''."""
    if item.adopted_start is None or item.planned_start is None:
        return ""
    current = _span(item.planned_start, item.duration_min)
    return "" if current == planned_span(item) else current


def actual_span(item: ItemSnap) -> str:
    if item.actual_start is None:
        return ""
    end = fmt_time(item.actual_end) if item.actual_end else "…"
    return f"{fmt_time(item.actual_start)}\u2013{end}"


def actual_minutes(item: ItemSnap) -> int | None:
    if item.actual_start is None or item.actual_end is None:
        return None
    return round((item.actual_end - item.actual_start).total_seconds() / 60)


def variance(item: ItemSnap, tr: Chrome = ENGLISH) -> str:
    """Late or early start against the adopted programme ('+7 min', '-10 min', 'on time')."""
    start = adopted_start(item)
    if item.actual_start is None or start is None:
        return ""
    planned = start.hour * 60 + start.minute
    actual = item.actual_start.hour * 60 + item.actual_start.minute
    delta = actual - planned
    return tr("on time") if delta == 0 else f"{delta:+d} min"


def day_label(day: DaySnap, tr: Chrome = ENGLISH) -> str:
    return tr("Day {n}, {date}", n=day.number, date=tr.date(day.date, weekday=True))


def day_heading(day: DaySnap, tr: Chrome = ENGLISH) -> str:
    """'Day 1, Saturday, 19 December 2026: Threats...', without a title's own 'Day 1:' (nor
    a title that is only 'Day 1')."""
    title = day.title.strip()
    prefix = re.match(rf"day\s*{day.number}\s*(?:[:.\u2013\u2014-]\s*|$)", title, re.IGNORECASE)
    if prefix:
        title = title[prefix.end() :]
    return f"{day_label(day, tr)}: {title}" if title else day_label(day, tr)


def status_label(
    status: str, kind: type[RecommendationStatus] | type[ActionStatus], tr: Chrome = ENGLISH
) -> str:
    try:
        return tr(kind(status).label)
    except ValueError:
        return status


ORG_SECTIONS = (  # titles are translated where printed (story.tr)
    ("States", STATE_KINDS),
    ("Regional organizations", (OrgKind.REGIONAL_ORGANISATION,)),
    ("United Nations entities", (OrgKind.UN_ENTITY,)),
    ("International organizations", (OrgKind.INTERNATIONAL_ORGANISATION,)),
    ("Donors", (OrgKind.DONOR,)),
    ("Research institutes", (OrgKind.RESEARCH,)),
    ("Non-governmental organizations", (OrgKind.NGO,)),
    ("Other", (OrgKind.OTHER,)),
)


def org_section(kind: str) -> int:
    for index, (_, kinds) in enumerate(ORG_SECTIONS):
        if kind in kinds:
            return index
    return len(ORG_SECTIONS) - 1


def header_block(story: Story, snap: SeminarSnapshot, title: str, subtitle: str = "") -> None:
    """The top of a one-off report: the seminar, where and when, then the report's title."""
    d = snap.details
    s = story.s
    story.para(d.title or story.tr("Seminar"), s.subtitle)
    place = ", ".join(x for x in (d.venue, d.city, d.country) if x.strip())
    when = story.tr.dates(d.start_date, d.end_date)
    story.para(" \u2022 ".join(x for x in (place, when) if x), s.small_center)
    story.add(rule())
    story.heading(0, title, style=s.title)
    if subtitle:
        story.para(subtitle, s.subtitle)
    story.spacer(4)


def recommendations(story: Story, recs: tuple[RecommendationSnap, ...], *, source: bool) -> None:
    """A numbered list: text as typed, then addressee, status and (optionally) source."""
    tr = story.tr
    for n, r in enumerate(recs, start=1):
        extra = [
            tr("Addressed to: {who}", who=r.addressee) if r.addressee.strip() else "",
            status_label(r.status, RecommendationStatus, tr),
            tr("Source: {source}", source=r.source) if source and r.source.strip() else "",
        ]
        meta = " \u2022 ".join(x for x in extra if x)
        xml = markup(r.text)
        if meta:
            xml += f'<br/><font size="8" color="#555555">{markup(meta)}</font>'
        para = story.m(xml, story.s.numbered, raw=r.text + meta)
        para.bulletText = f"{n}."  # type: ignore[attr-defined]
        story.add(para)


def actions_table(story: Story, actions: tuple[ActionSnap, ...], *, source: bool) -> None:
    width = story.width
    tr = story.tr
    header = ["#", tr("Action"), tr("Owner"), tr("Due"), tr("Status")]
    widths = [8 * mm, width - 8 * mm - 38 * mm - 22 * mm - 20 * mm, 38 * mm, 22 * mm, 20 * mm]
    rows = []
    for n, a in enumerate(actions, start=1):
        text = f"{a.text}\n\u2014 {a.source}" if source and a.source.strip() else a.text
        rows.append(
            [str(n), text, a.owner, tr.date_short(a.due), status_label(a.status, ActionStatus, tr)]
        )
    story.table(rows, widths, header=header, plain_cols=(0, 3))


def is_pause(item: ItemSnap) -> bool:
    return item.kind in PAUSE_KINDS


def rule() -> HRFlowable:
    return HRFlowable(width="100%", thickness=0.6, color=RULE, spaceBefore=2, spaceAfter=8)
