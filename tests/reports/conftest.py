"""Helpers for reading back the PDFs the builders make (pypdf), shared by tests/reports."""

import io
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from pypdf import PdfReader


@dataclass
class Pdf:
    reader: PdfReader
    pages: list[str]

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    @property
    def flat(self) -> str:
        """All text with whitespace runs collapsed (line wrapping differs from typing)."""
        return " ".join(self.text.split())

    def outline(self) -> list[tuple[int, str, int]]:
        """(depth, title, 1-based page) of every bookmark, in order."""
        out: list[tuple[int, str, int]] = []

        def walk(entries: list, depth: int) -> None:
            for entry in entries:
                if isinstance(entry, list):
                    walk(entry, depth + 1)
                else:
                    page = self.reader.get_destination_page_number(entry) + 1
                    out.append((depth, entry.title, page))

        walk(self.reader.outline, 0)
        return out

    def page_of(self, needle: str, after: int = 0) -> int:
        """The first page (1-based) after page `after` whose text holds `needle`."""
        for number, text in enumerate(self.pages, start=1):
            if number > after and needle in " ".join(text.split()):
                return number
        raise AssertionError(f"{needle!r} is on no page")


def read_pdf(data: bytes) -> Pdf:
    reader = PdfReader(io.BytesIO(data))
    return Pdf(reader, [page.extract_text() or "" for page in reader.pages])


def footer_numbers(pdf: Pdf) -> list[tuple[int, int]]:
    found = []
    for text in pdf.pages:
        match = re.search(r"Page (\d+) of\s*(\d+)", text)
        assert match, text[-200:]
        found.append((int(match.group(1)), int(match.group(2))))
    return found


@pytest.fixture
def pdf_reader() -> Callable[[bytes], Pdf]:
    return read_pdf


@pytest.fixture
def footers() -> Callable[[Pdf], list[tuple[int, int]]]:
    return footer_numbers


# -- a small seminar as plain snapshots, full of text that must not be read as markup --------

TRICKY = ("x<y", "Tom <tom@example.org>", "R&D", "<b>", "<i>never closed", "</para>", "a &amp; b")


def _snapshot():
    from datetime import UTC, date, datetime, time

    from seminar_desk.reports.snapshot import (
        ActionSnap,
        DaySnap,
        GroupSnap,
        ItemSnap,
        NoteSnap,
        OrgSnap,
        PersonSnap,
        RecommendationSnap,
        SeminarInfo,
        SeminarSnapshot,
        SpeechSnap,
    )

    def person(pid: str, name: str, org: str, org_name: str, days: set[int]) -> PersonSnap:
        return PersonSnap(
            pid,
            "Ms.",
            name,
            org,
            org_name,
            "Officer, R&D <lab>",
            "delegate",
            f"{pid}@example.org",
            name.casefold(),
            frozenset(days),
        )

    anna = person("p1", "Nguyễn Thị Hương", "VNM", "Viet Nam", {1, 2})
    tom = person("p2", "Tom <tom@example.org>", "THA", "Thailand", {1})
    sok = person("p3", "Sok Chanthy ស ចន្ធី", "KHM", "Cambodia", {2})
    zone = UTC

    def at(day: int, hh: int, mm: int) -> datetime:
        return datetime(2026, 12, 18 + day, hh, mm, tzinfo=zone)

    speeches = (
        SpeechSnap(at(1, 9, 5), anna.display, "Viet Nam", "national", "", "statement", "done", 185),
        SpeechSnap(
            at(1, 9, 9), tom.display, "Thailand", "group", "ASEAN", "right_of_reply", "done", 61
        ),
    )
    item1 = ItemSnap(
        id="i1",
        day_number=1,
        position=0,
        kind="plenary",
        title="Opening x<y & R&D <b>",
        description="Line one\nLine two <i>",
        room="Hall <A>",
        duration_min=45,
        planned_start=time(9, 0),
        adopted_start=time(9, 0),
        adopted_duration_min=45,
        actual_start=at(1, 9, 4),
        actual_end=at(1, 9, 52),
        chair=anna,
        speakers=(anna.display, tom.display),
        speeches=speeches,
        notes=(
            NoteSnap("summary", "Summary: x<y\nTom <tom@example.org>\nR&D <b> </para>", "Rapp"),
            NoteSnap("key_points", "- first point\n- second <point>", "Rapp"),
        ),
        recommendations=(
            RecommendationSnap("Adopt <b>R&D</b> plan", "States", "agreed", "Opening", 1),
        ),
        actions=(
            ActionSnap(
                "Send <report> to Tom <tom@example.org>",
                "UNRCPD & co",
                date(2027, 1, 31),
                "open",
                "Opening",
                1,
            ),
        ),
        groups=(),
    )
    group = GroupSnap(
        id="g1",
        item_id="i2",
        name="Group <A> & B",
        room="Room 1",
        facilitator=anna,
        rapporteur=tom,
        members=(anna, tom, sok),
        guiding_questions="1. Why x<y?\n2. How?",
        notes=(NoteSnap("summary", "Group summary <unbalanced", "Tom"),),
        recommendations=(),
        actions=(),
    )
    item2 = ItemSnap(
        id="i2",
        day_number=2,
        position=0,
        kind="breakout",
        title="Breakout groups",
        description="",
        room="",
        duration_min=60,
        planned_start=time(9, 0),
        adopted_start=time(9, 0),
        adopted_duration_min=None,
        actual_start=None,
        actual_end=None,
        chair=None,
        speakers=(),
        speeches=(),
        notes=(),
        recommendations=(),
        actions=(),
        groups=(group,),
    )
    item3 = ItemSnap(
        id="i3",
        day_number=2,
        position=1,
        kind="ceremony",
        title="Closing ceremony",
        description="",
        room="",
        duration_min=30,
        planned_start=time(10, 0),
        adopted_start=time(10, 0),
        adopted_duration_min=None,
        actual_start=None,
        actual_end=None,
        chair=sok,
        speakers=(),
        speeches=(),
        notes=(NoteSnap("summary", "Closed at 10:30.", "Rapp"),),
        recommendations=(),
        actions=(),
        groups=(),
    )
    return SeminarSnapshot(
        details=SeminarInfo(
            title="Seminar on x<y & R&D <b>",
            short_title="Short <b> & title",
            venue="Hall",
            city="Hà Nội",
            country="Viet Nam",
            timezone="UTC",
            start_date=date(2026, 12, 19),
            end_date=date(2026, 12, 20),
            organisers="UNRCPD & partners\nMinistry <MFA>",
            donors="Donor <D>",
            objectives="Objective x<y",
            introduction="Intro R&D",
            language="vi",
        ),
        days=(
            DaySnap("d1", 1, date(2026, 12, 19), "First <day>", time(9), time(17), (item1,)),
            DaySnap("d2", 2, date(2026, 12, 20), "Second day", time(9), time(17), (item2, item3)),
        ),
        participants=(anna, sok, tom),
        organisations=(
            OrgSnap("o1", "VNM", "Viet Nam", "member_state"),
            OrgSnap("o2", "THA", "Thailand", "member_state"),
            OrgSnap("o3", "KHM", "Cambodia", "government_host"),
        ),
        taken_at=datetime(2026, 12, 20, 18, 0, tzinfo=UTC),
    )


@pytest.fixture
def snap():
    return _snapshot()
