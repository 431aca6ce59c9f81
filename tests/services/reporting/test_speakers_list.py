"""The list of speakers of an item, as the chair prints it, from a real file."""

import io

from pypdf import PdfReader
from sqlalchemy import select

from seminar_desk.reports.request import ReportRequest
from seminar_desk.services.reporting.report_data import load_snapshot
from seminar_desk.services.reporting.reports import find_item, render
from seminar_desk.services.speakers.service import SpeakersService
from seminar_desk.store.models import Participant


def test_list_of_speakers_in_speaking_order_with_limits_then_the_log(demo_desk) -> None:
    snap = load_snapshot(demo_desk)
    item = find_item(snap, "2.2")
    speakers = SpeakersService(demo_desk)
    with demo_desk.read() as s:
        people = {p.name: p.id for p in s.scalars(select(Participant))}
    names = sorted(people)[:3]
    speakers.add(item.id, participant_id=people[names[0]])
    speakers.add(item.id, participant_id=people[names[1]], capacity="group")
    speakers.add(item.id, participant_id=people[names[2]], speech_type="point_of_order")
    speakers.set_item_limit(item.id, 240)
    item = find_item(load_snapshot(demo_desk), "2.2")
    assert [q.speech_type for q in item.queue] == ["point_of_order", "statement", "statement"]
    assert [q.limit_s for q in item.queue] == [60, 240, 300]  # group statements get more
    pdf = render(load_snapshot(demo_desk), ReportRequest("speakers", item_id=item.id)).pdf
    text = " ".join(
        " ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages
    )
    assert "List of speakers" in text and "Speaking time 4:00" in text
    first = text.index(names[2].split()[-1])
    assert first < text.index(names[0].split()[-1]) < text.index(names[1].split()[-1])
    assert "Point of order 1:00" in text and "5:00" in text
