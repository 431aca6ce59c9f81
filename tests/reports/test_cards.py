"""Name tents and badges: one tent per delegation, eight badges a page, every script."""

import io
from dataclasses import replace

import pytest
from pypdf import PdfReader

from seminar_desk.domain.refusal import Refusal
from seminar_desk.reports import ReportOptions, ReportRequest, build_report

SCRIPTS = {
    "Khmer": "ព្រះរាជាណាចក្រកម្ពុជា",
    "Thai": "ราชอาณาจักรไทย",
    "Lao": "ສາທາລະນະລັດ ປະຊາທິປະໄຕ",
    "Myanmar": "မြန်မာနိုင်ငံ",
    "Vietnamese": "Việt Nam Đức",
}


def fonts(data: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(data))
    found = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            descriptor = descriptor.get_object()
            assert "/FontFile2" in descriptor or "/FontFile" in descriptor, font["/BaseFont"]
            found.add(str(font["/BaseFont"]).split("+")[-1])
    return found


def test_a_tent_for_every_delegation_in_every_script(snap) -> None:
    from seminar_desk.reports.snapshot import OrgSnap

    first = snap.organisations
    orgs = tuple(
        replace(first[n], name=name) if n < len(first) else OrgSnap(f"x{n}", "", name, "ngo")
        for n, name in enumerate(SCRIPTS.values())
    )
    renamed = {o.name: n.name for o, n in zip(first, orgs, strict=False)}
    people = tuple(
        replace(p, org_name=renamed.get(p.org_name, p.org_name)) for p in snap.participants
    )
    people += tuple(  # a tent is for a delegation somebody sits behind
        replace(people[0], id=f"x{n}", org_name=o.name)
        for n, o in enumerate(orgs)
        if o.name not in {p.org_name for p in people}
    )
    snap = replace(snap, organisations=orgs, participants=people)
    result = build_report(snap, ReportRequest("tents"))
    reader = PdfReader(io.BytesIO(result.pdf))
    assert result.pages == len(orgs) == len(reader.pages)
    page = reader.pages[0]
    assert page.mediabox.width > page.mediabox.height  # landscape, folded in two
    used = fonts(result.pdf)
    for family in ("NotoSansKhmer", "NotoSansThai", "NotoSansLao"):
        assert any(f.startswith(family) for f in used), (family, used)
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Việt Nam Đức" in text
    assert "Helvetica" not in " ".join(used)


def test_badges_eight_a_page_with_names_and_delegations(snap) -> None:
    many = tuple(
        replace(p, id=f"{p.id}-{n}", name=f"{p.name} {n}")
        for n in range(4)
        for p in snap.participants
    )
    result = build_report(replace(snap, participants=many), ReportRequest("badges"))
    reader = PdfReader(io.BytesIO(result.pdf))
    assert result.pages == 2 == len(reader.pages)  # 12 badges: 8 + 4
    first = " ".join(reader.pages[0].extract_text().split())
    assert "Short <b> & title" in first and "Cambodia" in first
    assert fonts(result.pdf) <= {"NotoSans-Regular", "NotoSans-Bold"} | {
        f for f in fonts(result.pdf) if f.startswith("NotoSans")
    }
    letter = build_report(snap, ReportRequest("badges"), ReportOptions(paper="letter"))
    assert letter.pages == 1


def test_tents_only_for_delegations_with_participants(snap) -> None:
    """An organization nobody comes from gets no tent; the result says how many were made
    and which were left out."""
    from seminar_desk.reports.snapshot import OrgSnap

    empty = (OrgSnap("x1", "UNX", "Nobody Institute", "ngo"), OrgSnap("x2", "", "Zero Org", "ngo"))
    snap = replace(snap, organisations=snap.organisations + empty)
    result = build_report(snap, ReportRequest("tents"))
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(result.pdf)).pages)
    assert result.pages == 3  # Viet Nam, Thailand, Cambodia: one participant each
    assert "Nobody Institute" not in text and "Zero Org" not in text
    assert result.note == (
        "3 name tents; 2 delegations without participants left out: Nobody Institute, Zero Org."
    )
    nobody = replace(snap, participants=())
    with pytest.raises(Refusal, match="No delegation has participants"):
        build_report(nobody, ReportRequest("tents"))
