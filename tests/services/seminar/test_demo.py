"""The demo seminar, built from its data file (resources/demo/), is the same seminar as before."""

from sqlalchemy import func, select

from seminar_desk.paths import resources_dir
from seminar_desk.services.desk import Desk
from seminar_desk.services.seminar.demo import DEMO_FILE, demo_data
from seminar_desk.store.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    BreakoutGroup,
    BreakoutMember,
    ItemSpeaker,
    Note,
    Organisation,
    OrgGroup,
    Participant,
    Recommendation,
    Seminar,
    SpeakerEntry,
)


def test_the_data_file_is_utf8_text_in_the_resources() -> None:
    path = resources_dir() / DEMO_FILE
    text = path.read_bytes().decode("utf-8")
    assert "Lê Minh Tuấn" in text  # stored as written, not as \\u escapes: editable by hand


def test_the_demo_holds_what_it_held_when_it_was_code(demo_desk: Desk) -> None:
    """Counts and names taken from the demo built by the former demo_data.py."""
    expected = {
        Seminar: 1,
        OrgGroup: 3,
        Organisation: 23,
        Participant: 48,
        Attendance: 92,
        AgendaItem: 19,
        ItemSpeaker: 30,
        BreakoutGroup: 3,
        BreakoutMember: 35,
        SpeakerEntry: 17,
        Note: 14,
        Recommendation: 10,
        ActionItem: 6,
    }
    with demo_desk.read() as s:
        counts = {m: s.scalar(select(func.count()).select_from(m)) for m in expected}
        seminar = s.scalars(select(Seminar)).one()
        names = set(s.scalars(select(Participant.name)))
        titles = list(s.scalars(select(AgendaItem.title).order_by(AgendaItem.day_id)))
        pinned = s.scalars(select(AgendaItem).where(AgendaItem.start_locked)).all()
        opening = s.scalars(
            select(AgendaItem).where(AgendaItem.title == "Registration and opening ceremony")
        ).one()
        chair = opening.chair.name if opening.chair else None
        bodies = "\n".join(s.scalars(select(Note.body)))
    assert counts == expected
    assert seminar.short_title == "SALW Regional Seminar, South-East Asia 2026"
    assert seminar.timezone == "Asia/Phnom_Penh"
    assert str(seminar.start_date) == "2026-12-19" and str(seminar.end_date) == "2026-12-20"
    assert {"Chea Sophal", "Lê Minh Tuấn", "Aoife O'Sullivan", "Nguyễn Văn Đức"} <= names
    assert "Session 1: Regional security implications of illicit SALW trafficking" in titles
    assert sorted(str(i.start_time)[:5] for i in pinned) == ["09:00", "12:30", "12:30", "17:00"]
    assert str(opening.start_time)[:5] == "09:00" and opening.duration_min == 45
    assert chair == "Chea Sophal"
    assert "ការជួញដូរអាវុធខុសច្បាប់" in bodies and "การค้าอาวุธเถื่อน" in bodies


def test_every_row_of_the_data_file_is_in_the_demo(demo_desk: Desk) -> None:
    data = demo_data()
    with demo_desk.read() as s:
        names = set(s.scalars(select(Participant.name)))
        titles = set(s.scalars(select(AgendaItem.title)))
        codes = set(s.scalars(select(Organisation.code)))
        groups = set(s.scalars(select(BreakoutGroup.name)))
    assert names == {p["name"] for p in data["participants"]}
    assert titles == {a["title"] for a in data["agenda"]}
    assert codes == {o["code"] for o in data["organisations"]}
    assert groups == {g["name"] for g in data["breakout_groups"]}


def test_the_demo_lists_people_by_family_name_where_its_data_gives_one(demo_desk: Desk) -> None:
    """The demo sorted everyone by given name (Anucha before Pimchanok); its data now says
    which part is the family name (family first in Khmer and Vietnamese names, none in Malay
    and Myanmar names) and the list sorts by it."""
    from seminar_desk.services.participants.service import ParticipantService

    rows = ParticipantService(demo_desk).participants()
    of = lambda code: [r.name for r in rows if r.organisation_code == code]  # noqa: E731
    assert of("THA") == ["Pimchanok Srisuk", "Anucha Thongdee", "Somchai Wongsawat"]
    assert of("LAO") == ["Souksavanh Phommachanh", "Khamphoui Vongsavanh"]
    assert of("UNRCPD")[:3] == ["Chiara Bellini", "Daniel Ferreira", "Lina Haddad"]
    assert of("KHM") == ["Chea Sophal", "Heng Dara", "Kim Sreymom", "Sok Chanthy"]
    assert of("MMR") == ["Kyaw Zin Htet", "Thandar Aye"]  # no family names: as written
