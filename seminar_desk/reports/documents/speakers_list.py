"""The list of speakers of one item as the chair prints it: who has the floor, who waits in
speaking order with delegation, capacity, speech type and time limit; then the speaker log."""

from reportlab.lib.units import mm

from seminar_desk.reports.common import day_label, fmt_duration, header_block
from seminar_desk.reports.document import Story
from seminar_desk.reports.documents.sessions import capacity, person, speaker_log
from seminar_desk.reports.snapshot import ItemSnap, SeminarSnapshot


def limit_text(story: Story, seconds: int) -> str:
    """'3:00', or 'no limit' for a stopwatch."""
    return fmt_duration(seconds) if seconds > 0 else story.tr("no limit")


def build_speakers(story: Story, snap: SeminarSnapshot, item: ItemSnap) -> None:
    tr = story.tr
    header_block(story, snap, tr("List of speakers"), f"{item.number} {item.title}")
    rows: list[tuple[str, object]] = [
        (tr("Day"), day_label(snap.day(item.day_number), tr)),
        (tr("Room"), item.room),
        (tr("Chair"), person(item.chair)),
        (tr("Speaking time"), limit_text(story, item.speaking_limit_s)),
        (tr("List"), tr("closed") if item.speakers_closed else ""),
    ]
    story.pairs(rows, [30 * mm, story.width - 30 * mm])
    story.spacer(4)
    story.heading(1, tr("Speakers"), toc=False)
    if not item.queue:
        story.para(tr("Nobody is on the list."))
    else:
        w = story.width
        widths = [10 * mm, 0.0, 0.0, 30 * mm, 26 * mm, 16 * mm]
        rest = w - sum(widths)
        widths[1], widths[2] = rest * 0.5, rest * 0.5
        table_rows = []
        number = 0
        for q in item.queue:
            if q.status != "waiting":
                mark = tr("floor")
            elif q.held:
                mark = tr("held")
            else:
                number += 1
                mark = str(number)
            table_rows.append(
                [
                    mark,
                    q.speaker or "\u2014",
                    q.delegation,
                    capacity(tr, q),
                    tr(q.speech_type_label),
                    limit_text(story, q.limit_s),
                ]
            )
        story.table(
            table_rows,
            widths,
            header=[
                tr("No."),
                tr("Speaker"),
                tr("Delegation"),
                tr("Capacity"),
                tr("Type"),
                tr("Limit"),
            ],
            extra=[("ALIGN", (-1, 0), (-1, -1), "RIGHT")],
            plain_cols=(0, 5),
        )
    speaker_log(story, item, 1)
