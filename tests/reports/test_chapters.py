"""Chapters of the seminar report: lettered subsections keep distinct letters past Z."""

from seminar_desk.reports.documents.seminar import Chapters


class Headings:
    """Just enough of a Story to record the headings a chapter writes."""

    def __init__(self) -> None:
        self.heads: list[tuple[int, str]] = []

    def heading(self, level: int, text: str) -> None:
        self.heads.append((level, text))


def test_a_chapter_of_thirty_sessions_letters_them_a_to_ad() -> None:
    story = Headings()
    parts = [(f"Session {n}", lambda: None) for n in range(1, 31)]
    Chapters(story).add("Proceedings", parts)  # type: ignore[arg-type]
    subs = [text for level, text in story.heads if level == 1]
    assert subs[0] == "A. Session 1"
    assert subs[25] == "Z. Session 26"
    assert subs[26] == "AA. Session 27"
    assert subs[29] == "AD. Session 30"
    assert len({s.split(".")[0] for s in subs}) == 30  # no letter twice
