"""`seminar-desk report`: every kind from the command line, lookups and errors."""

import io

import pytest
from pypdf import PdfReader

from seminar_desk.cli.main import main


@pytest.mark.parametrize(
    "args",
    [
        ["session", "--item", "1.8"],
        ["session", "--item", "dark web"],
        ["breakout", "--item", "2.6", "--group", "2"],
        ["breakout", "--group", "stockpile"],
        ["day", "--day", "2"],
        ["seminar", "--paper", "letter"],
        ["agenda", "--day", "1"],
        ["participants"],
        ["participants", "--sign-in", "--day", "1"],
        ["speakers", "--item", "1.8"],
    ],
)
def test_report_kinds(demo_path, tmp_path, capsys, args) -> None:
    out = tmp_path / "r.pdf"
    assert main(["report", *args, "--db", str(demo_path), "-o", str(out)]) == 0
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert len(reader.pages) >= 1
    assert "written to" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["session"], "needs --item"),
        (["session", "--item", "session"], "matches 5 items"),
        (["session", "--item", "nothing like it"], "no agenda item"),
        (["day", "--day", "7"], "no day 7"),
        (["breakout"], "needs --item or --group"),
    ],
)
def test_report_errors(demo_path, tmp_path, capsys, args, message) -> None:
    out = tmp_path / "r.pdf"
    assert main(["report", *args, "--db", str(demo_path), "-o", str(out)]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_a_lookup_bug_is_not_said_as_a_refusal(demo_path, tmp_path, capsys, monkeypatch) -> None:
    """Only NotFound is a person's mistake; a KeyError from a bug goes to the one handler
    (logged, exit 1), not printed as if the person had named a wrong item."""
    import seminar_desk.cli.cmd_report as cmd_report

    def broken(*_args: object) -> None:
        raise KeyError("items_by_number")

    monkeypatch.setattr(cmd_report, "find_item", broken)
    monkeypatch.setattr("seminar_desk.paths.log_path", lambda: tmp_path / "log.txt")
    out = tmp_path / "r.pdf"
    assert main(["report", "session", "--item", "1.8", "--db", str(demo_path), "-o", str(out)]) == 1
    assert "KeyError" in (tmp_path / "log.txt").read_text()


def test_help_explains_item_names(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    assert "day.position" in capsys.readouterr().out


def test_titles_with_terminal_escapes_are_printed_harmless(demo_path, tmp_path, capsys) -> None:
    """A title stored before control characters were refused must not drive the terminal."""
    import sqlite3

    with sqlite3.connect(demo_path) as conn:
        conn.execute("UPDATE agenda_item SET title = '\x1b]0;pwned\x07' || title")
    out = tmp_path / "r.pdf"
    assert main(["report", "session", "--item", "1.8", "--db", str(demo_path), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "\x1b" not in printed and "\x07" not in printed and "\\x1b]0;pwned\\x07" in printed


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["day"], "End-of-day report is about one day, and this seminar has no days yet"),
        (["participants", "--sign-in"], "Sign-in sheets are printed one per day"),
    ],
)
def test_day_reports_of_a_seminar_without_days(tmp_path, capsys, args, message) -> None:
    from seminar_desk.services.files import open_desk
    from seminar_desk.services.seminar.service import SeminarService

    db = tmp_path / "empty.sqlite"
    desk = open_desk(db)
    SeminarService(desk).update(title="No days yet")
    desk.close()
    out = tmp_path / "r.pdf"
    assert main(["report", *args, "--db", str(db), "-o", str(out)]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_internal_and_emails_switches(demo_path, tmp_path) -> None:
    out = tmp_path / "r.pdf"
    assert main(["report", "seminar", "--db", str(demo_path), "-o", str(out)]) == 0
    distributed = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(out.read_bytes())).pages
    )
    assert main(["report", "seminar", "--internal", "--db", str(demo_path), "-o", str(out)]) == 0
    internal = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(out.read_bytes())).pages
    )
    assert "Annex III" not in distributed and "Annex III. List of action items" in internal
    assert "@" not in distributed.split("Annex II")[-1]
    assert main(["report", "participants", "--emails", "--db", str(demo_path), "-o", str(out)]) == 0
    listed = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "@" in listed


def test_word_export_from_the_command_line(demo_path, tmp_path, capsys) -> None:
    from docx import Document

    out = tmp_path / "day-2-report.docx"
    args = ["report", "day", "--day", "2", "--db", str(demo_path), "-o", str(out)]
    assert main(args) == 0
    assert "Word document written to" in capsys.readouterr().out
    doc = Document(str(out))
    assert any(p.style.name.startswith("Heading") for p in doc.paragraphs)
    assert doc.tables
    pdf = tmp_path / "odd.name"
    assert main([*args[:-1], str(pdf), "--format", "docx"]) == 0
    assert pdf.read_bytes()[:2] == b"PK"  # a Word file whatever the name


def test_tents_say_how_many_were_made_and_which_delegations_were_left_out(
    demo_path, tmp_path, capsys
) -> None:
    from seminar_desk.services.desk import Desk
    from seminar_desk.services.participants.delegations import DelegationService
    from seminar_desk.store.database import Database

    desk = Desk(Database.open(demo_path))
    DelegationService(desk).add("Institute Nobody Attends", kind="research")
    desk.close()
    out = tmp_path / "tents.pdf"
    assert main(["report", "tents", "--db", str(demo_path), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    pages = len(PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert f"{pages} name tents; 1 delegation without participants left out: " in printed
    assert "Institute Nobody Attends" in printed
    assert "Institute Nobody Attends" not in " ".join(
        p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages
    )


def test_the_no_op_shaping_switch_is_gone(demo_path, tmp_path, capsys) -> None:
    """Shaping is always on: `--no-shaping` did nothing and is no longer offered."""
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    assert "shaping" not in capsys.readouterr().out
    out = tmp_path / "r.pdf"
    with pytest.raises(SystemExit):
        main(["report", "seminar", "--no-shaping", "--db", str(demo_path), "-o", str(out)])
    assert "unrecognized arguments: --no-shaping" in capsys.readouterr().err
    assert not out.exists()
