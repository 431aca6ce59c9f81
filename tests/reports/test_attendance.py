"""Attendance in prose counts only what is there: no "0 men", no "0 of 48 attended"."""

from dataclasses import replace

import pytest

from seminar_desk.reports import ReportRequest, build_report


def with_genders(snap, *genders: str):
    people = tuple(replace(p, gender=g) for p, g in zip(snap.participants, genders, strict=True))
    return replace(snap, participants=people)


@pytest.mark.parametrize(
    ("genders", "line"),
    [
        (("female", "female", "female"), "3 participants (3 women) attended"),
        (("male", "male", ""), "3 participants (2 men, 1 not recorded) attended"),
        (("female", "other", ""), "3 participants (1 woman, 1 other, 1 not recorded) attended"),
        (("", "", ""), "3 participants attended"),
    ],
)
def test_the_seminar_attendance_line_leaves_out_zero_counts(snap, pdf_reader, genders, line):
    pdf = pdf_reader(build_report(with_genders(snap, *genders), ReportRequest("seminar")).pdf)
    assert line in pdf.flat
    assert not any(zero in pdf.flat for zero in ("(0 ", " 0 men", " 0 women", "0 other"))


def test_the_day_report_counts_who_came_and_says_nothing_when_nobody_was_counted(
    snap, pdf_reader
) -> None:
    day1 = pdf_reader(build_report(snap, ReportRequest("day", day=1)).pdf).flat
    assert "2 of 3 registered participants, from 2 delegations and organizations, attended" in day1
    nobody = replace(
        snap, participants=tuple(replace(p, days_present=frozenset()) for p in snap.participants)
    )
    empty = pdf_reader(build_report(nobody, ReportRequest("day", day=1)).pdf).flat
    assert "Attendance" not in empty and "0 of 3" not in empty


def test_the_day_attendance_line_in_french(snap, pdf_reader) -> None:
    snap = replace(snap, details=replace(snap.details, language="fr"))
    only_tom = replace(snap, participants=snap.participants[2:])  # Tom, day 1 only
    flat = pdf_reader(build_report(only_tom, ReportRequest("day", day=1)).pdf).flat
    assert (
        "1 sur 1 participant inscrit, au titre de 1 délégation ou organisation, "
        "étaient présents le 19 décembre 2026." in flat
    )
