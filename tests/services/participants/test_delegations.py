"""Delegations: add, edit, remove and merge, each one undo step, refusals in words."""

import pytest
from sqlalchemy import func, select

from seminar_desk.domain.changes import Area
from seminar_desk.domain.refusal import Refusal
from seminar_desk.services.desk import Desk
from seminar_desk.services.participants.delegations import DelegationService, suggested_code
from seminar_desk.store.models import Organisation, Participant, SpeakerEntry


def _by_code(service: DelegationService, code: str):
    return next(d for d in service.delegations() if d.code == code)


def test_a_new_seminar_gets_its_delegations_and_groups(desk: Desk) -> None:
    service = DelegationService(desk)
    assert service.delegations() == []
    asean = service.add_group("ASEAN", "Association of Southeast Asian Nations").id
    added = service.add("Viet Nam", "VNM", "member_state", "Viet Nam", [asean])
    assert added.changes.touches(Area.PARTICIPANTS)
    service.add("World Customs Organization", kind="international_organisation")
    rows = service.delegations()
    assert [(r.code, r.name, r.kind, r.groups) for r in rows] == [
        ("VNM", "Viet Nam", "member_state", ("ASEAN",)),
        ("WCO", "World Customs Organization", "international_organisation", ()),
    ]
    assert rows[0].id == added.id
    desk.undo()
    assert [r.code for r in service.delegations()] == ["VNM"]


def test_codes_are_made_from_names_and_never_taken_twice() -> None:
    assert suggested_code("United Nations Office on Drugs and Crime") == "UNODC"
    assert suggested_code("Cambodia") == "CAMBOD"
    assert suggested_code("Small Arms Survey", ["sas"]) == "SAS2"
    assert suggested_code("") == "ORG"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": "  "}, "A delegation needs a name"),
        ({"code": "VNM"}, "The code VNM is already used by Viet Nam."),
        ({"code": "vnm"}, "The code vnm is already used by Viet Nam."),
        ({"code": "X" * 33}, "longer than 32 characters"),
        ({"kind": "planet"}, "Unknown kind of delegation 'planet'"),
    ],
)
def test_bad_edits_are_refused_and_change_nothing(
    demo_desk: Desk, fields: dict[str, str], message: str
) -> None:
    service = DelegationService(demo_desk)
    thailand = _by_code(service, "THA")
    with pytest.raises(Refusal, match=message):
        service.update(thailand.id, **fields)
    assert _by_code(service, "THA") == thailand


def test_edit_every_field_is_one_undo_step(demo_desk: Desk) -> None:
    service = DelegationService(demo_desk)
    thailand = _by_code(service, "THA")
    un = next(g.id for g in service.groups() if g.code == "UN")
    service.update(
        thailand.id,
        name="Kingdom of Thailand",
        code="TH",
        kind="other",
        country="Siam",
        group_ids=[un],
    )
    row = _by_code(service, "TH")
    assert (row.name, row.kind, row.country, row.groups) == (
        "Kingdom of Thailand",
        "other",
        "Siam",
        ("UN",),
    )
    assert demo_desk.undo_label == "Edit delegation"
    demo_desk.undo()
    assert _by_code(service, "THA") == thailand


def test_removing_a_delegation_in_use_is_refused_with_what_points_at_it(demo_desk: Desk) -> None:
    service = DelegationService(demo_desk)
    viet_nam = _by_code(service, "VNM")
    assert viet_nam.participants > 0 and viet_nam.speeches > 0
    with pytest.raises(
        Refusal, match=r"Viet Nam \(VNM\) still has \d+ participants and \d+ speech"
    ):
        service.remove(viet_nam.id)
    assert _by_code(service, "VNM") == viet_nam


def test_removing_an_unused_delegation_and_undo(demo_desk: Desk) -> None:
    service = DelegationService(demo_desk)
    new = service.add("Mongolia", "MNG", "member_state").id
    service.remove(new)
    assert "MNG" not in {d.code for d in service.delegations()}
    demo_desk.undo()
    assert "MNG" in {d.code for d in service.delegations()}


def test_merge_moves_participants_speeches_and_groups_in_one_step(demo_desk: Desk) -> None:
    from seminar_desk.services.participants.service import ParticipantService

    service = DelegationService(demo_desk)
    eu = next(g.id for g in service.groups() if g.code == "EU")
    twin = service.add("Vietnam", "VN", "member_state", group_ids=[eu]).id
    with demo_desk.read() as s:
        vnm_id = _by_code(service, "VNM").id
        mover = s.scalars(
            select(Participant.id).where(Participant.organisation_id == vnm_id)
        ).first()
    ParticipantService(demo_desk).update(mover, organisation_id=twin)  # one entered as "Vietnam"
    viet_nam = _by_code(service, "VNM")
    changes = service.merge(viet_nam.id, twin)
    assert changes.touches(Area.PARTICIPANTS)
    assert demo_desk.undo_label == "Merge Viet Nam into Vietnam"
    after = {d.code: d for d in service.delegations()}
    assert "VNM" not in after
    assert after["VN"].participants == viet_nam.participants + 1
    assert after["VN"].speeches == viet_nam.speeches > 0
    assert after["VN"].groups == ("ASEAN", "EU")
    with demo_desk.read() as s:
        left = select(func.count()).select_from(SpeakerEntry)
        assert s.scalar(left.where(SpeakerEntry.organisation_id == viet_nam.id)) == 0
    demo_desk.undo()
    assert _by_code(service, "VNM") == viet_nam
    assert _by_code(service, "VN").groups == ("EU",)
    with demo_desk.read() as s:
        assert s.get(Organisation, twin).code == "VN"
        assert s.get(Participant, mover).organisation_id == twin
    demo_desk.redo()
    assert "VNM" not in {d.code for d in service.delegations()}


def test_removing_a_delegation_with_groups_comes_back_whole(demo_desk: Desk) -> None:
    service = DelegationService(demo_desk)
    un = next(g.id for g in service.groups() if g.code == "UN")
    new = service.add("UN Women", "UNW", "un_entity", group_ids=[un])
    assert _by_code(service, "UNW").groups == ("UN",)
    service.remove(new.id)
    demo_desk.undo()
    assert _by_code(service, "UNW").groups == ("UN",)


def test_merging_into_itself_is_refused(demo_desk: Desk) -> None:
    service = DelegationService(demo_desk)
    viet_nam = _by_code(service, "VNM")
    with pytest.raises(Refusal, match="another delegation"):
        service.merge(viet_nam.id, viet_nam.id)


def test_groups_have_unique_codes(desk: Desk) -> None:
    service = DelegationService(desk)
    service.add_group("ASEAN")
    with pytest.raises(Refusal, match="already a group ASEAN"):
        service.add_group("asean")
    with pytest.raises(Refusal, match="needs a short code"):
        service.add_group("  ")
