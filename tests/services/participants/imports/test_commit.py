"""Committing a participant list: added, merged (never doubled), delegations matched or made,
the same file twice changes nothing, and a bad row changes nothing at all."""

import unicodedata
from pathlib import Path

import participant_lists
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from seminar_desk.domain.changes import Area
from seminar_desk.services.desk import Desk
from seminar_desk.services.participants.imports.commit import import_participants, preview
from seminar_desk.services.participants.imports.model import ParticipantImportError
from seminar_desk.services.participants.imports.plan import Disagreement, person_key, rows_of
from seminar_desk.services.participants.imports.reading import read_participants
from seminar_desk.store.models import Organisation, OrgGroup, OrgGroupMember, Participant


def people(desk: Desk) -> dict[str, tuple[str, str, str, str, str]]:
    """name -> (delegation code, function, gender, e-mail, honorific)."""
    with desk.read() as s:
        return {
            p.name: (
                p.organisation.code if p.organisation else "",
                p.function,
                p.gender,
                p.email,
                p.honorific,
            )
            for p in s.scalars(select(Participant))
        }


def write(folder: Path, text: str, name: str = "list.csv") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_messy_csv_into_a_new_seminar_then_the_xlsx_merges(desk: Desk):
    first = import_participants(desk, read_participants(participant_lists.MESSY_CSV))
    assert first.changes.touches(Area.PARTICIPANTS)
    assert first.plan.summary == "40 added, 0 changed, 0 unchanged; 21 new delegations"
    found = people(desk)
    assert len(found) == 40
    assert all(unicodedata.is_normalized("NFC", name) for name in found)
    assert found["Nguyễn Thị Hương"][0] == "VNM" and found["Trần Văn Đức"][0] == "VNM"
    assert found["ແກ້ວມະນີ ສົມພອນ"][0] == "LAO" and found["အောင်ကျော်"][0] == "MMR"
    assert found["Chan Dara"][1] == "Police Colonel; arms registry"
    with desk.read() as s:
        viet_nam = s.scalars(select(Organisation).where(Organisation.code == "VNM")).one()
        assert (viet_nam.name, viet_nam.kind) == ("Viet Nam", "member_state")
    second = import_participants(desk, read_participants(participant_lists.MESSY_XLSX))
    # The same 40 in Indico's columns, other variants, given name first: 5 gain a gender.
    assert second.plan.summary == "0 added, 5 changed, 35 unchanged"
    assert len(people(desk)) == 40
    assert people(desk)["Chan Dara"][2] == "male"


def test_new_states_join_their_groups_made_if_missing(desk: Desk):
    read = read_participants(participant_lists.MESSY_CSV)
    plan = preview(desk, read)
    assert plan.new_groups == ["ASEAN", "UN"]
    lines = plan.preview_lines()
    assert "New group: ASEAN (Association of Southeast Asian Nations)" in lines
    assert "New delegation: Viet Nam (VNM), named “Vietnam”, in ASEAN" in lines
    import_participants(desk, read)
    with desk.read() as s:
        members = {
            g.code: sorted(
                s.scalars(
                    select(Organisation.code)
                    .join(OrgGroupMember, OrgGroupMember.organisation_id == Organisation.id)
                    .where(OrgGroupMember.group_id == g.id)
                )
            )
            for g in s.scalars(select(OrgGroup))
        }
    assert members == {
        "ASEAN": ["BRN", "IDN", "KHM", "LAO", "MMR", "MYS", "PHL", "SGP", "THA", "VNM"],
        "UN": ["UNODA", "UNODC", "UNRCPD"],
    }


def test_the_same_file_twice_changes_nothing_the_second_time(demo_desk: Desk):
    read = read_participants(participant_lists.MESSY_CSV)
    import_participants(demo_desk, read)
    before = participant_lists.dump(demo_desk)
    again = import_participants(demo_desk, read)
    assert again.plan.summary.startswith("0 added, 0 changed")
    assert again.changes.empty
    assert participant_lists.dump(demo_desk) == before


def test_someone_already_there_is_merged_not_doubled(demo_desk: Desk, tmp_path: Path):
    with demo_desk.action("blank") as act:  # the demo's Chea Sophal without an e-mail
        person = act.session.scalars(
            select(Participant).where(Participant.name == "Chea Sophal")
        ).one()
        person.email, person.function = "", "Secretary of State"
    path = write(
        tmp_path,
        "Name,Delegation,E-mail,Function\n"
        "SOPHAL Chea,Kingdom of Cambodia,sophal@mfaic.gov.kh,Minister\n"
        "chea sophal,KHM,other@mfaic.gov.kh,\n",
    )
    result = import_participants(demo_desk, read_participants(path))
    # Row 3's other e-mail is someone else of that name: added, not dropped (see below).
    assert result.plan.summary == (
        "1 added, 1 changed, 0 unchanged; 1 disagreement with the seminar: the seminar's "
        "values kept"
    )
    (merge,) = result.plan.merged
    assert merge.values == {"email": "sophal@mfaic.gov.kh"} and merge.rows == [2]
    assert merge.disagreements == [Disagreement("function", "Secretary of State", "Minister", 2)]
    found = people(demo_desk)
    assert "SOPHAL Chea" not in found
    assert found["chea sophal"][3] == "other@mfaic.gov.kh"
    # Blank fields filled in; what the seminar already says is kept.
    assert found["Chea Sophal"][1:4] == ("Secretary of State", "male", "sophal@mfaic.gov.kh")


def test_the_same_person_twice_in_a_file_is_added_once(desk: Desk, tmp_path: Path):
    path = write(
        tmp_path,
        "Name,Country,E-mail,Gender\nNguyễn Văn An,Vietnam,,M\nNGUYEN Van An,VNM,an@x.vn,\n",
    )
    result = import_participants(desk, read_participants(path))
    assert result.plan.summary == "1 added, 0 changed, 0 unchanged; 1 new delegation"
    assert people(desk) == {"Nguyễn Văn An": ("VNM", "", "male", "an@x.vn", "")}


def test_two_e_mails_under_one_name_are_two_people_both_shown(desk: Desk, tmp_path: Path):
    """The later row used to fill in blanks of the first and lose its e-mail; now each
    address is a person of its own, both in the preview's list to add."""
    path = write(
        tmp_path,
        "Name,Country,E-mail,Function\n"
        "Nguyễn Văn An,Vietnam,an@mps.gov.vn,Police\n"
        "NGUYEN Van An,VNM,an.nguyen@customs.gov.vn,\n"
        "Nguyen Van An,Vietnam,AN@mps.gov.vn,Colonel\n",
    )
    plan = preview(desk, read_participants(path))
    assert [(p.rows, p.email, p.function) for p in plan.added] == [
        ([2, 4], "an@mps.gov.vn", "Police"),
        ([3], "an.nguyen@customs.gov.vn", ""),
    ]
    assert "Add row 3: NGUYEN Van An (Viet Nam (VNM))" in plan.preview_lines()
    import_participants(desk, read_participants(path))
    with desk.read() as s:
        mails = sorted(s.scalars(select(Participant.email)))
    assert mails == ["an.nguyen@customs.gov.vn", "an@mps.gov.vn"]


def test_the_same_person_under_a_new_organisation_is_found_by_name_and_e_mail(
    demo_desk: Desk, tmp_path: Path
):
    """Name and e-mail find someone in whatever delegation; the move is a disagreement, kept
    or taken like any other field (also into a delegation the import makes)."""
    path = write(
        tmp_path,
        "Name,Delegation,E-mail\n"
        "SOPHAL Chea,Thailand,Chea.Sophal@mfaic.gov.kh\n"
        "Kim Sreymom,Small Arms Survey,kim.sreymom@customs.gov.kh\n",
    )
    before = len(people(demo_desk))
    plan = preview(demo_desk, read_participants(path))
    assert plan.added == []
    assert [(m.name, d.field, d.seminar, d.file) for m, d in plan.disagreements] == [
        ("Chea Sophal", "delegation", "Cambodia (KHM)", "Thailand (THA)"),
        ("Kim Sreymom", "delegation", "Cambodia (KHM)", "Small Arms Survey (SAS)"),
    ]
    import_participants(demo_desk, read_participants(path))
    assert people(demo_desk)["Chea Sophal"][0] == "KHM"
    import_participants(demo_desk, read_participants(path), prefer_file=True)
    found = people(demo_desk)
    assert len(found) == before
    assert (found["Chea Sophal"][0], found["Kim Sreymom"][0]) == ("THA", "SAS")


def test_a_move_to_a_new_delegation_makes_it_only_when_taken(demo_desk: Desk, tmp_path: Path):
    """Kept in Cambodia, Kim Sreymom's new organisation is not made (empty); taken, it is."""
    path = write(
        tmp_path,
        "Name,Organisation,E-mail\nKim Sreymom,Mekong Arms Watch,kim.sreymom@customs.gov.kh\n",
    )
    plan = preview(demo_desk, read_participants(path))
    assert plan.new_delegations == [] and plan.summary.startswith("0 added, 0 changed")
    plan.prefer_file = True
    assert [n.name for n in plan.new_delegations] == ["Mekong Arms Watch"]
    import_participants(demo_desk, read_participants(path))
    with demo_desk.read() as s:
        names = set(s.scalars(select(Organisation.name)))
    assert "Mekong Arms Watch" not in names
    import_participants(demo_desk, read_participants(path), prefer_file=True)
    with demo_desk.read() as s:
        kim = s.scalars(select(Participant).where(Participant.name == "Kim Sreymom")).one()
        assert kim.organisation.name == "Mekong Arms Watch"


def test_same_name_in_another_delegation_is_another_person(demo_desk: Desk, tmp_path: Path):
    path = write(tmp_path, "Name,Delegation\nChea Sophal,Thailand\n")
    result = import_participants(demo_desk, read_participants(path))
    assert result.plan.summary == "1 added, 0 changed, 0 unchanged"


def test_the_preview_shows_matched_and_new_delegations(demo_desk: Desk, tmp_path: Path):
    path = write(tmp_path, "Name;Country\nAn;Vietnam\nBo;Viet Nam\nCy;Ruritania\nDi;Laos\n")
    plan = preview(demo_desk, read_participants(path))
    assert [(m.named, m.delegation) for m in plan.matched] == [
        ("Laos", "Lao People's Democratic Republic (LAO)"),
        ("Vietnam", "Viet Nam (VNM)"),
    ]
    assert [(d.name, d.code, d.kind) for d in plan.new_delegations] == [
        ("Ruritania", "RURITA", "other")
    ]
    assert "New delegation: Ruritania (RURITA), named “Ruritania”" in plan.preview_lines()


def test_a_bad_row_changes_nothing_unless_skipped(demo_desk: Desk, tmp_path: Path):
    path = write(tmp_path, "Name,Country,E-mail\nAn,Ruritania,an@x.org\nBo,France,bo-at-x.org\n")
    read = read_participants(path)
    before = participant_lists.dump(demo_desk)
    with pytest.raises(ParticipantImportError) as caught:
        import_participants(demo_desk, read)
    assert str(caught.value) == (
        "list.csv, row 3, column E-mail (C): expected an e-mail address such as "
        "name@example.org, found 'bo-at-x.org'."
    )
    assert participant_lists.dump(demo_desk) == before
    skipped = import_participants(demo_desk, read, skip_bad_rows=True)
    assert (
        skipped.plan.summary
        == "1 added, 0 changed, 0 unchanged; 1 new delegation; 1 bad row skipped"
    )
    assert "An" in people(demo_desk) and "Bo" not in people(demo_desk)


def test_an_import_is_one_undo_step(demo_desk: Desk):
    before = participant_lists.dump(demo_desk)
    import_participants(demo_desk, read_participants(participant_lists.MESSY_CSV))
    assert demo_desk.undo_label == "Import participants from messy-participants.csv"
    demo_desk.undo()
    assert participant_lists.dump(demo_desk) == before
    demo_desk.redo()
    assert len(participant_lists.dump(demo_desk)[0]) == 48 + 39


NAMES = st.sampled_from(["Ana Reyes", "Nguyễn Văn An", "NGUYEN Van An", "สมชาย ใจดี", "Bo", ""])
GOOD = {
    "Name": NAMES,
    "First name": NAMES,
    "Last name": NAMES,
    "Country": st.sampled_from(["Vietnam", "Lao PDR", "Ruritania", "VNM", ""]),
    "E-mail": st.sampled_from(["a@b.org", "", "mailto:c@d.vn"]),
    "Gender": st.sampled_from(["F", "m", "", "diverse"]),
    "Title": st.sampled_from(["Ms.", "H.E.", ""]),
    "Role": st.sampled_from(["chair", "Delegate", ""]),
    "Notes": st.text(max_size=8),
}
"""Columns and values a list may hold; each cell is sometimes random text instead."""


@st.composite
def tables(draw: st.DrawFn) -> list[list[str]]:
    header = draw(st.lists(st.sampled_from(sorted(GOOD)), min_size=1, max_size=5, unique=True))
    cell = {h: st.one_of(*[GOOD[h]] * 6, st.text(max_size=8)) for h in header}
    rows = draw(st.lists(st.lists(st.one_of(*(cell[h] for h in header)), max_size=6), max_size=6))
    return [header, *rows]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    table=tables(),
    separator=st.sampled_from([",", ";", "\t"]),
    noise=st.one_of(st.just(""), st.text(max_size=20)),
    skip=st.booleans(),
)
def test_random_csv_imports_completely_or_changes_nothing(
    desk: Desk, tmp_path: Path, table, separator, noise, skip
):
    text = "\n".join(separator.join(r) for r in table) + noise
    path = tmp_path / "random.csv"
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    before = participant_lists.dump(desk)
    try:
        read = read_participants(path)
        result = import_participants(desk, read, skip_bad_rows=skip)
    except ParticipantImportError:
        assert participant_lists.dump(desk) == before
        return
    # Every good row is accounted for, and every person it names is now in the seminar.
    assert rows_of(result.plan) == {p.row for p in read.people}
    keys = {person_key(name) for name in people(desk)}
    assert {person_key(p.name) for p in read.people} <= keys
    after = participant_lists.dump(desk)
    assert len(after[0]) == len(before[0]) + len(result.plan.added)


def _add_ngo(desk: Desk) -> None:
    with desk.action("ngo", undoable=False) as act:
        act.session.add(
            Organisation(
                code="NISEA",
                name="Nonviolence International Southeast Asia",
                kind="ngo",
                country="Thailand",
            )
        )


def test_a_country_is_the_state_never_an_ngo_based_there(desk: Desk, tmp_path: Path):
    _add_ngo(desk)
    path = write(tmp_path, "Name,Country\nSomchai,Thailand\n")
    import_participants(desk, read_participants(path))
    assert people(desk)["Somchai"][0] == "THA"
    with desk.read() as s:
        thailand = s.scalars(select(Organisation).where(Organisation.code == "THA")).one()
        assert (thailand.name, thailand.kind) == ("Thailand", "member_state")
        assert thailand.country == "Thailand"  # a new State's country is itself


def test_an_affiliation_naming_an_organisation_wins_over_the_country(desk: Desk, tmp_path: Path):
    path = write(
        tmp_path,
        "Name,Affiliation,Country\n"
        "Somchai,Nonviolence International Southeast Asia,Thailand\n"
        "Malee,Peace Network Bangkok,Thailand\n"
        "Sophal,Ministry of Foreign Affairs,Cambodia\n",
    )
    _add_ngo(desk)
    import_participants(desk, read_participants(path))
    found = people(desk)
    assert found["Somchai"][0] == "NISEA"  # the existing NGO
    assert found["Sophal"][0] == "KHM"  # a State's ministry is in the State's delegation
    with desk.read() as s:
        malee = s.scalars(select(Participant).where(Participant.name == "Malee")).one()
        assert malee.organisation is not None
        assert malee.organisation.name == "Peace Network Bangkok"  # a new NGO, not Thailand
        assert malee.organisation.country == ""  # only a State's country is filled in


DISAGREEING = (
    "Name,Delegation,Title,Function,E-mail,Role\n"
    "Sophal Chea,KHM,H.E. Mr.,Minister,sophal@new.gov.kh,\n"
    "KIM Sreymom,Cambodia,Ms.,"
    '"deputy director, anti-smuggling department, general department of customs and excise",'
    "kim.sreymom@customs.gov.kh,Speaker\n"
)


def test_disagreements_are_listed_and_the_seminars_values_kept(demo_desk: Desk, tmp_path: Path):
    path = write(tmp_path, DISAGREEING)
    before = people(demo_desk)
    plan = preview(demo_desk, read_participants(path))
    found = [(m.name, d) for m, d in plan.disagreements]
    assert found == [
        (
            "Chea Sophal",
            Disagreement(
                "function",
                "Secretary of State, Ministry of Foreign Affairs and International Cooperation",
                "Minister",
                2,
            ),
        ),
        ("Chea Sophal", Disagreement("email", "chea.sophal@mfaic.gov.kh", "sophal@new.gov.kh", 2)),
        ("Kim Sreymom", Disagreement("role", "delegate", "speaker", 3)),  # case alone is none
    ]
    assert plan.summary == (
        "0 added, 0 changed, 2 unchanged; 3 disagreements with the seminar: the seminar's "
        "values kept"
    )
    assert "Disagrees row 2: Chea Sophal (Cambodia (KHM)): Function: seminar “Secretary" in (
        "\n".join(plan.preview_lines())
    )
    result = import_participants(demo_desk, read_participants(path))
    assert result.plan.merged == [] and people(demo_desk) == before


def test_the_files_values_win_when_preferred(demo_desk: Desk, tmp_path: Path):
    path = write(tmp_path, DISAGREEING)
    before = participant_lists.dump(demo_desk)
    result = import_participants(demo_desk, read_participants(path), prefer_file=True)
    assert result.plan.summary == (
        "0 added, 2 changed, 0 unchanged; 3 disagreements with the seminar: the file's values taken"
    )
    after = people(demo_desk)
    assert after["Chea Sophal"][1] == "Minister"
    assert after["Chea Sophal"][3] == "sophal@new.gov.kh"
    with demo_desk.read() as s:
        kim = s.scalars(select(Participant).where(Participant.name == "Kim Sreymom")).one()
        assert kim.role == "speaker"
        assert kim.function.startswith("Deputy Director")  # only case differed: kept
    demo_desk.undo()  # one step
    assert participant_lists.dump(demo_desk) == before


INDICO = (
    "ID,Name,Title,First Name,Last Name,Email,Affiliation,Position,Country,"
    "Registration date,Registration state\n"
    '2,"WONGSAKUL, Malee",Ms.,Malee,Wongsakul,malee@ni.net,'
    "Nonviolence International Southeast Asia,Programme Officer,Thailand,2026-11-03,complete\n"
    '3,"SRISAI, Somchai",Mr.,Somchai,Srisai,somchai@ijm.org,International Justice Mission,'
    "Investigator,Thailand,2026-11-03,complete\n"
    '4,"TANAKA, Hiroshi",Mr.,Hiroshi,Tanaka,h.tanaka@mofa.go.jp,Embassy of Japan in Thailand,'
    "First Secretary,Thailand,2026-11-04,complete\n"
    '5,"BOONMA, Anan",Pol. Col.,Anan,Boonma,anan@police.go.th,Royal Thai Police,'
    "Superintendent,Thailand,2026-11-04,complete\n"
    '6,"HALL, Sarah",Dr.,Sarah,Hall,s.hall@unodc.org,UNODC,Crime Prevention Officer,Thailand,'
    "2026-11-05,complete\n"
    '7,"PHAN, Dara",Ms.,Dara,Phan,dara@rupp.edu.kh,'
    '"Department of International Studies, Royal University of Phnom Penh",Lecturer,Cambodia,'
    "2026-11-06,complete\n"
    '8,"KEO, Vanna",Mr.,Vanna,Keo,vanna@mfaic.gov.kh,Ministry of Foreign Affairs,Director,'
    "Cambodia,2026-11-06,complete\n"
)


def test_an_indico_export_puts_each_person_in_the_most_specific_delegation(
    demo_desk: Desk, tmp_path: Path
):
    """The affiliation decides before the country: an NGO based in Thailand is the NGO, an
    embassy the State it represents; a State's own body with no State named is the
    country's."""
    import_participants(demo_desk, read_participants(write(tmp_path, INDICO)))
    with demo_desk.read() as s:
        where = {
            p.name: (p.organisation.name, p.organisation.kind)
            for p in s.scalars(select(Participant))
            if p.organisation is not None
        }
    assert where["Malee Wongsakul"] == ("Nonviolence International Southeast Asia", "ngo")
    assert where["Somchai Srisai"][0] == "International Justice Mission"  # not a State mission
    assert where["Hiroshi Tanaka"] == ("Japan", "member_state")
    assert where["Anan Boonma"] == ("Thailand", "member_state")
    assert where["Sarah Hall"][0] == "United Nations Office on Drugs and Crime"
    dara = "Department of International Studies, Royal University of Phnom Penh"
    assert where["Dara Phan"][0] == dara
    assert where["Vanna Keo"][0] == "Cambodia"


def test_family_names_sort_the_list_of_participants(desk: Desk, tmp_path: Path):
    """First and last name columns: the name shows given name first, lists sort by family
    name; a Name cell "FAMILY, Given" (Indico, UN lists) is read the same way."""
    from seminar_desk.services.participants.service import ParticipantService
    from seminar_desk.services.reporting.report_data import load_snapshot

    path = write(
        tmp_path,
        "First Name,Last Name,Country\nAnna,Zuber,Austria\nZoe,Abel,Austria\nMark,Meier,Austria\n",
    )
    import_participants(desk, read_participants(path))
    import_participants(
        desk,
        read_participants(
            write(tmp_path, "Name,Country\n\"CHEA, Sophal\",Austria\nBo Berg,Austria\n", "b.csv")
        ),
    )
    service = ParticipantService(desk)
    names = [r.name for r in service.participants()]
    assert names == ["Zoe Abel", "Bo Berg", "Sophal CHEA", "Mark Meier", "Anna Zuber"]
    listed = [p.name for p in load_snapshot(desk).participants]  # the printed list's order
    assert listed == names
    # An edited name keeps its family name last: still sorted by it.
    zoe = next(r for r in service.participants() if r.name == "Zoe Abel")
    service.update(zoe.id, name="Zoé Abel")
    assert [r.name for r in service.participants()][0] == "Zoé Abel"
    anna = next(r for r in service.participants() if r.name == "Anna Zuber")
    service.update(anna.id, name="Anna Aalto")
    assert [r.name for r in service.participants()][0] == "Anna Aalto"
