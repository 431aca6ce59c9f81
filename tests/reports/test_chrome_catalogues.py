"""Every word a report prints around the user's text has its French form: the keys written in
the code (read from the source) and those that come from data (kinds, statuses, sections...),
met while building every report in French. Other languages print English chrome, on purpose."""

import ast
from dataclasses import replace
from pathlib import Path

import pytest

import seminar_desk
from seminar_desk.reports import ReportOptions, ReportRequest, build_report, chrome
from seminar_desk.reports.build import build_word
from seminar_desk.services.reporting.report_data import load_snapshot

PACKAGE = Path(seminar_desk.__file__).parent


def keys_in_source() -> dict[str, str]:
    """Every string literal given to a Chrome (`tr("...")`, `story.tr("...")`,
    `tr.plural(n, "...")`) in the package: key -> where."""
    found: dict[str, str] = {}
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name == "tr" and node.args:
                arg = node.args[0]
            elif name == "plural" and len(node.args) == 2:
                arg = node.args[1]
            else:
                continue
            candidates = [arg.body, arg.orelse] if isinstance(arg, ast.IfExp) else [arg]
            for c in candidates:
                if isinstance(c, ast.Constant) and isinstance(c.value, str):
                    found[c.value] = f"{path.relative_to(PACKAGE)}:{node.lineno}"
    return found


def test_every_key_written_in_the_code_has_its_french_form() -> None:
    keys = keys_in_source()
    assert len(keys) > 100  # the scan finds them
    missing = {k: where for k, where in keys.items() if k not in chrome.FRENCH}
    assert not missing


@pytest.fixture
def misses(monkeypatch) -> set[str]:
    """The keys a French report asked for and the catalogue lacks."""
    found: set[str] = set()
    call, plural = chrome.Chrome.__call__, chrome.Chrome.plural

    def recording_call(self, text: str, **values: object) -> str:
        if self.language == "fr" and text not in chrome.FRENCH:
            found.add(text)
        return call(self, text, **values)

    def recording_plural(self, n: int, key: str) -> str:
        if self.language == "fr" and key not in chrome.FRENCH:
            found.add(key)
        return plural(self, n, key)

    monkeypatch.setattr(chrome.Chrome, "__call__", recording_call)
    monkeypatch.setattr(chrome.Chrome, "plural", recording_plural)
    return found


REQUESTS = [
    (ReportRequest("seminar"), ReportOptions()),
    (ReportRequest("seminar"), ReportOptions(internal=True, emails=True)),
    (ReportRequest("day", day=1), ReportOptions()),
    (ReportRequest("day", day=2), ReportOptions()),
    (ReportRequest("agenda"), ReportOptions()),
    (ReportRequest("participants"), ReportOptions(emails=True)),
    (ReportRequest("participants"), ReportOptions(sign_in=True)),
    (ReportRequest("tents"), ReportOptions()),
    (ReportRequest("badges"), ReportOptions()),
]


def test_every_report_of_the_demo_in_french_has_all_its_words(demo_desk, misses) -> None:
    snap = load_snapshot(demo_desk)
    snap = replace(snap, details=replace(snap.details, language="fr"))
    requests = list(REQUESTS)
    for item in snap.items():
        requests.append((ReportRequest("session", item_id=item.id), ReportOptions()))
        if item.groups:
            requests.append((ReportRequest("breakout", item_id=item.id), ReportOptions()))
        if item.speeches:
            requests.append((ReportRequest("speakers", item_id=item.id), ReportOptions()))
    for request, options in requests:
        build_report(snap, request, options)
    build_word(snap, ReportRequest("seminar"), ReportOptions(internal=True))
    assert not misses


def test_a_long_seminar_lists_days_present_in_french(snap, misses, pdf_reader) -> None:
    """More days than fit as columns: one "Days present" column and its note, in French."""
    from seminar_desk.reports.snapshot import DaySnap

    days = tuple(
        DaySnap(f"d{n}", n, snap.days[0].date.replace(day=n), "", None, None, ())
        for n in range(1, 21)
    )
    french = replace(snap, days=days, details=replace(snap.details, language="fr"))
    flat = pdf_reader(build_report(french, ReportRequest("participants")).pdf).flat
    assert "Jours de présence" in flat and "numérotés" in flat
    assert not misses


def test_other_languages_print_english_chrome_and_say_so() -> None:
    assert chrome.Chrome("vi")("Contents") == "Contents"
    assert chrome.Chrome("vi").fallback and not chrome.Chrome("fr").fallback
    assert not chrome.Chrome("en").fallback
    assert chrome.Chrome("fr-CA")("Contents") == "Table des matières"
    assert chrome.chrome_name("vi") == "vi (English chrome: no catalogue)"
    assert chrome.chrome_name("fr") == "Français"


def test_a_french_report_has_french_metadata(snap, pdf_reader) -> None:
    snap = replace(snap, details=replace(snap.details, language="fr"))
    result = build_report(snap, ReportRequest("day", day=1))
    meta = pdf_reader(result.pdf).reader.metadata
    assert meta.title.startswith("Rapport de fin de journée : Jour 1, 19 décembre 2026")
    assert meta.subject.startswith("Rapport de fin de journée : Seminar on")
    assert result.title == "End-of-day report: Day 1, 19 December 2026"  # the window's words
