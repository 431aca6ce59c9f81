"""Reading participant lists: encodings, separators, header synonyms (Indico, OpenSlides),
tidy text, and each bad row named by file, row and column."""

import unicodedata
from pathlib import Path

import participant_lists
import pytest

from seminar_desk.services.participants.imports.model import ParticipantImportError
from seminar_desk.services.participants.imports.reading import (
    FILE_FILTER,
    read_participants,
)


def write(folder: Path, text: str, name: str = "list.csv", encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("separator", [",", ";", "\t"])
@pytest.mark.parametrize(
    ("encoding", "bom"), [("utf-8", False), ("utf-8", True), ("utf-16", True), ("cp1252", False)]
)
def test_each_encoding_and_separator_reads_the_same_people(
    tmp_path: Path, separator: str, encoding: str, bom: bool
):
    path = participant_lists.small_csv(tmp_path, separator, encoding, bom)
    read = read_participants(path)
    assert read.problems == ()
    names = [p.name for p in read.people]
    if encoding == "cp1252":
        assert names == ["Nguyen Thi Huong", "Jérôme Dupont", "Somchai Jaidee"]
        assert read.notes and "Windows-1252" in read.notes[0]
    else:
        assert names == ["Nguyễn Thị Hương", "Jérôme Dupont", "สมชาย ใจดี"]
        assert read.notes == ()
    first, second, third = read.people
    assert (first.honorific, first.delegations, first.gender, first.email) == (
        "Ms.",
        ("Vietnam",),
        "female",
        "huong@mps.gov.vn",
    )
    assert second.function == "Attaché; Embassy" and second.gender == "male"
    assert third.gender == "" and third.delegations == ("Kingdom of Thailand",)


def test_indico_registration_export_columns(tmp_path: Path):
    path = write(
        tmp_path,
        "ID,Name,First Name,Last Name,Email,Affiliation,Position,Title,Country,"
        "Registration date,Registration state\n"
        '7,"CHEA, Sophal",Sophal,Chea,sophal@mfaic.gov.kh,Ministry of Foreign Affairs,'
        "Director,H.E.,Cambodia,2026-11-02,complete\n",
    )
    (person,) = read_participants(path).people
    assert person.name == "Sophal Chea"  # first and last name win over Indico's "LAST, First"
    assert person.honorific == "H.E." and person.function == "Director"
    assert person.email == "sophal@mfaic.gov.kh"
    assert person.delegations == ("Ministry of Foreign Affairs", "Cambodia")


def test_openslides_participant_csv_columns(tmp_path: Path):
    path = write(
        tmp_path,
        "title,first_name,last_name,email,member_number,structure_level,groups,number,"
        "vote_weight,gender,pronoun,username,is_active,is_present,comment\n"
        "Dr.,Ana,Reyes,ana@dfa.gov.ph,17,Philippines,Delegates,12,1,diverse,,areyes,1,1,\n",
    )
    (person,) = read_participants(path).people
    assert (person.honorific, person.name, person.email) == ("Dr.", "Ana Reyes", "ana@dfa.gov.ph")
    assert person.delegations == ("Philippines",) and person.gender == "other"


def test_headers_in_any_case_and_other_words(tmp_path: Path):
    path = write(
        tmp_path,
        "SALUTATION;Given name;SURNAME;Organization;Job Title;E-MAIL;Sex;Role\n"
        "Mr.;Kenji;Sato;UNRCPD;Director;kenji@un.org;m;Resource person\n",
    )
    read = read_participants(path)
    (person,) = read.people
    assert (person.honorific, person.name, person.function) == ("Mr.", "Kenji Sato", "Director")
    assert person.delegations == ("UNRCPD",) and person.role == "resource_person"
    assert "E-mail ← E-MAIL (F)" in read.columns


def test_text_is_tidied_nfc_single_spaces_no_formula_guard(tmp_path: Path):
    decomposed = unicodedata.normalize("NFD", "Trần Văn Đức")
    path = write(tmp_path, f'Name,Function\n  {decomposed}  ,"\'=Chief\n of  staff "\n')
    (person,) = read_participants(path).people
    assert person.name == "Trần Văn Đức" and unicodedata.is_normalized("NFC", person.name)
    assert person.function == "=Chief of staff"


def test_blank_lines_and_title_rows_above_the_header_are_skipped(tmp_path: Path):
    rows = [["Registrations"], [], ["Name", "Country"], [], ["Ana Reyes", "Philippines"], []]
    path = participant_lists.write_xlsx(tmp_path / "list.xlsx", rows)
    (person,) = read_participants(path).people
    assert (person.row, person.name) == (5, "Ana Reyes")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            "Ana Reyes,ana.dfa.gov.ph,F,Ms.",
            "list.csv, row 3, column E-mail (B): expected an e-mail address such as "
            "name@example.org, found 'ana.dfa.gov.ph'.",
        ),
        (
            "Ana Reyes,ana@dfa.gov.ph,woman?,Ms.",
            "list.csv, row 3, column Gender (C): expected female, male, other (or F, M, X) "
            "or a blank cell, found 'woman?'.",
        ),
        (
            ",ana@dfa.gov.ph,F,Ms.",
            "list.csv, row 3, column Name (A): expected a name, found ''.",
        ),
        (
            "Ana Reyes,ana@dfa.gov.ph,F,His Excellency the Ambassador Extraordinary",
            "list.csv, row 3, column Title (D): expected a title such as Mr., Ms., Dr. or "
            "H.E. (at most 32 letters), found 'His Excellency the Ambassador Extraordinary'.",
        ),
        (
            "Ana\x07Reyes,ana@dfa.gov.ph,F,Ms.",
            "list.csv, row 3, column Name (A): expected text without control characters "
            "(found \\x07 at character 4), found 'Ana\\x07Reyes'.",
        ),
    ],
    ids=["email", "gender", "empty-name", "long-title", "control-character"],
)
def test_each_bad_row_is_named_by_file_row_and_column(tmp_path: Path, row: str, message: str):
    good = "Kim Lee,kim@x.org,M,Mr."
    path = write(tmp_path, f"Name,E-mail,Gender,Title\n{good}\n{row}\n")
    read = read_participants(path)
    assert [p.name for p in read.people] == ["Kim Lee"]
    assert [(p.row, p.message) for p in read.problems] == [(3, message)]
    assert read.bad_rows == (3,)
    assert message in str(read.refusal())


def test_a_bad_role_lists_the_roles(tmp_path: Path):
    read = read_participants(write(tmp_path, "Name,Role\nKim Lee,Boss\n"))
    assert "column Role (B): expected one of delegate, chair" in read.problems[0].message


def test_a_list_without_a_name_column_is_refused(tmp_path: Path):
    with pytest.raises(ParticipantImportError) as caught:
        read_participants(write(tmp_path, "Country,E-mail\nFrance,a@b.fr\n"))
    assert str(caught.value) == (
        "list.csv, row 1 (headers): expected a Name column, or First name and Last name; "
        "found 'Country', 'E-mail'."
    )


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("list.pdf", b"Name\nA\n", "list.pdf: unknown kind of file; expected CSV"),
        ("list.csv", b"", "list.csv: the file is empty; expected a header row."),
        ("list.csv", b'Name\n"Ana\n', "a quoted field is never closed"),
        ("list.xlsx", b"not a zip", "list.xlsx: not a readable XLSX workbook"),
        ("list.csv", b"Name,Country\n\n", "list.csv: no participants below the header row."),
    ],
)
def test_unreadable_files_are_refused_whole(tmp_path: Path, name: str, data: bytes, expected):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ParticipantImportError) as caught:
        read_participants(path)
    assert expected in str(caught.value)


def test_the_file_dialog_filter_comes_from_the_readers():
    assert FILE_FILTER.startswith("Participant lists (*.csv *.tsv *.txt *.xlsx *.xlsm)")


def test_the_messy_files_read_forty_people_each():
    for path in (participant_lists.MESSY_CSV, participant_lists.MESSY_XLSX):
        read = read_participants(path)
        assert len(read.people) == 40 and read.problems == ()
        assert all(unicodedata.is_normalized("NFC", p.name) for p in read.people)
        assert all(p.name == p.name.strip() for p in read.people)


def test_a_name_with_a_family_name_column_keeps_the_whole_name(tmp_path: Path):
    path = write(
        tmp_path,
        'Name,Surname\nSophal Chea,Chea\nSophal,Chea\n"WATTANA, Somsak",\nMark Meier,\n',
    )
    people = read_participants(path).people
    assert [(p.name, p.sort_name) for p in people] == [
        ("Sophal Chea", "chea sophal"),
        ("Sophal Chea", "chea sophal"),  # the Name column held the given name only
        ("Somsak WATTANA", "wattana somsak"),
        ("Mark Meier", ""),  # not said: sorted as written
    ]
