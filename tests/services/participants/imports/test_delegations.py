"""Delegations named as people write them find the seminar's own, or the UN's short name."""

import json

import pytest

from seminar_desk.paths import resources_dir
from seminar_desk.services.participants.imports.delegations import (
    Directory,
    Existing,
    NewDelegation,
    name_key,
)

DEMO = [
    Existing("khm", "Cambodia", "KHM", "Cambodia"),
    Existing("lao", "Lao People's Democratic Republic", "LAO", "Lao People's Democratic Republic"),
    Existing("vnm", "Viet Nam", "VNM", "Viet Nam"),
    Existing("mmr", "Myanmar", "MMR", "Myanmar"),
    Existing("tls", "Timor-Leste", "TLS", "Timor-Leste"),
    Existing("brn", "Brunei Darussalam", "BRN", "Brunei Darussalam"),
    Existing("unodc", "United Nations Office on Drugs and Crime", "UNODC"),
    Existing("deu", "Germany (Federal Foreign Office)", "DEU", "Germany"),
    Existing("wgwr", "Working Group for Weapons Reduction, Cambodia", "WGWR", "Cambodia"),
]


@pytest.mark.parametrize(
    ("named", "found"),
    [
        ("Vietnam", "vnm"),
        ("Viet Nam", "vnm"),
        ("VIET NAM ", "vnm"),
        ("Việt Nam", "vnm"),
        ("VNM", "vnm"),
        ("VN", "vnm"),
        ("Lao PDR", "lao"),
        ("Laos", "lao"),
        ("Lao People’s Democratic Republic", "lao"),
        ("Burma", "mmr"),
        ("Cambodia", "khm"),
        ("Kingdom of Cambodia", "khm"),
        ("Timor Leste", "tls"),
        ("East Timor", "tls"),
        ("Brunei", "brn"),
        ("UNODC", "unodc"),
        ("UN Office on Drugs and Crime", "unodc"),
        ("Germany", "deu"),
        ("Working Group for Weapons Reduction", "wgwr"),
        ("Control Arms (UNODC)", "unodc"),
    ],
)
def test_variants_find_the_seminars_delegation(named: str, found: str):
    match = Directory(DEMO).resolve(named)
    assert isinstance(match, Existing) and match.id == found


@pytest.mark.parametrize(
    ("named", "name", "code", "kind"),
    [
        ("Vietnam", "Viet Nam", "VNM", "member_state"),
        ("Lao PDR", "Lao People's Democratic Republic", "LAO", "member_state"),
        ("UK", "United Kingdom of Great Britain and Northern Ireland", "GBR", "member_state"),
        ("Russia", "Russian Federation", "RUS", "member_state"),
        (
            "UN Office for Disarmament Affairs",
            "United Nations Office for Disarmament Affairs",
            "UNODA",
            "un_entity",
        ),
        ("Small Arms Survey", "Small Arms Survey", "SAS", "other"),
    ],
)
def test_a_new_delegation_takes_the_un_name_and_code(named, name, code, kind):
    directory = Directory([])
    made = directory.resolve(named)
    assert isinstance(made, NewDelegation)
    assert (made.name, made.code, made.kind, made.named) == (name, code, kind, named)
    assert directory.resolve(named.upper()) is made  # created once, however many rows
    assert list(directory.new.values()) == [made]


def test_new_codes_never_clash_with_existing_ones():
    directory = Directory([Existing("x", "Something Else", "SAS")])
    made = directory.resolve("Small Arms Survey")
    assert isinstance(made, NewDelegation) and made.code == "SAS2"


def test_the_names_file_covers_asean_timor_leste_the_p5_and_the_demos_un_entities():
    data = json.loads((resources_dir() / "delegations" / "names.json").read_text("utf-8"))
    codes = {entry["code"] for entry in data["delegations"]}
    asean = {"BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM"}
    p5 = {"CHN", "FRA", "RUS", "GBR", "USA"}
    assert asean | {"TLS"} | p5 | {"UNODA", "UNRCPD", "UNODC"} <= codes
    groups = {g["code"] for g in data["groups"]}
    assert all(set(e["groups"]) <= groups for e in data["delegations"]), "an unknown group"
    assert {e["code"] for e in data["delegations"] if "ASEAN" in e["groups"]} == asean
    meanings: dict[str, set[str]] = {}
    for entry in data["delegations"]:
        for text in (entry["name"], entry["code"], *entry["variants"]):
            meanings.setdefault(name_key(text), set()).add(entry["code"])
    assert {k: v for k, v in meanings.items() if len(v) > 1} == {}, "a variant names two"


def test_an_organisations_country_never_wins_over_the_state():
    ngo = Existing("ni", "Nonviolence International Southeast Asia", "NISEA", "Thailand", "ngo")
    made = Directory([ngo]).resolve("Thailand")
    assert isinstance(made, NewDelegation) and (made.code, made.kind) == ("THA", "member_state")
    state = Existing("tha", "Kingdom of Thailand", "THA", "Thailand", "member_state")
    for named in ("Thailand", "THA", "Kingdom of Thailand"):
        match = Directory([ngo, state]).resolve(named)
        assert isinstance(match, Existing) and match.id == "tha"
