"""Participants page › Import… and Export…: the real preview dialog driven with clicks and keys,
bad rows listed and skippable on request, the import one undo step, the window live while a
file is read and committed on worker threads."""

import asyncio
from collections.abc import Iterator
from pathlib import Path

import participant_lists
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QMainWindow

from seminar_desk.gui import runner
from seminar_desk.gui.bus import ChangeBus
from seminar_desk.gui.context import DeskContext
from seminar_desk.gui.participants.import_dialog import ImportPreviewDialog
from seminar_desk.gui.participants.page import ParticipantsPage
from seminar_desk.services.desk import Desk
from seminar_desk.services.participants.imports.commit import preview
from seminar_desk.services.participants.imports.reading import read_participants

BAD = (
    "Name,Country,E-mail,Gender\n"
    "An Lee,Vietnam,an@x.vn,F\nBo Kim,Ruritania,,M\nCy,France,cy-at-x,M\n"
)


@pytest.fixture
def page(qtbot, demo_desk: Desk) -> Iterator[ParticipantsPage]:
    p = ParticipantsPage(DeskContext(demo_desk, ChangeBus(demo_desk)))
    qtbot.addWidget(p)
    p.resize(1280, 700)
    with qtbot.waitExposed(p):
        p.show()
    yield p
    p.close()
    p.deleteLater()


def tab_titles(dialog: ImportPreviewDialog) -> list[str]:
    return [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]


def cells(table) -> list[list[str]]:  # noqa: ANN001
    model = table.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_bad_rows_block_the_import_until_skipped(qtbot, demo_desk: Desk, tmp_path: Path):
    path = tmp_path / "list.csv"
    path.write_text(BAD, encoding="utf-8")
    dialog = ImportPreviewDialog(preview(demo_desk, read_participants(path)))
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    assert tab_titles(dialog) == [
        "Bad rows (1)",
        "To add (2)",
        "To merge (0)",
        "Unchanged (0)",
        "Delegations (1 matched, 1 new)",
    ]
    assert cells(dialog.problems_table) == [
        [
            "4",
            "list.csv, row 4, column E-mail (C): expected an e-mail address such as "
            "name@example.org, found 'cy-at-x'.",
        ]
    ]
    assert cells(dialog.delegations_table) == [
        ["Vietnam", "Viet Nam (VNM)", "matched"],
        ["Ruritania", "Ruritania (RURITA)", "new (Other)"],
    ]
    assert not dialog.import_button.isEnabled()
    assert "Nothing can be imported while 1 row is wrong" in dialog.summary.text()
    box = dialog.skip_box  # a click on the box itself, at its left
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert dialog.import_button.isEnabled() and dialog.skip_bad_rows
    assert dialog.summary.text() == (
        "Import: 2 added, 0 changed, 0 unchanged; 1 new delegation; 1 bad row skipped."
    )
    qtbot.keyClick(dialog.skip_box, Qt.Key.Key_Space)  # and back, from the keyboard
    assert not dialog.import_button.isEnabled()


def choose(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def answer_with(monkeypatch, qtbot, act) -> list[ImportPreviewDialog]:  # noqa: ANN001
    """The preview opens for real; `act(dialog)` plays the person, then it closes."""
    opened: list[ImportPreviewDialog] = []

    def exec_(dialog: ImportPreviewDialog) -> int:
        opened.append(dialog)
        with qtbot.waitExposed(dialog):
            dialog.show()
        act(dialog)
        return dialog.result()

    monkeypatch.setattr(ImportPreviewDialog, "exec", exec_)
    return opened


def test_import_through_the_page_is_one_undo_step(qtbot, page, monkeypatch, shown):
    choose(monkeypatch, participant_lists.MESSY_CSV)
    before = participant_lists.dump(page.ctx.desk)
    opened = answer_with(
        monkeypatch,
        qtbot,
        lambda d: qtbot.mouseClick(d.import_button, Qt.MouseButton.LeftButton),
    )
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    (dialog,) = opened
    assert "To add (39)" in tab_titles(dialog) and "Unchanged (1)" in tab_titles(dialog)
    assert not dialog.skip_box.isVisible()
    assert page.model.rowCount() == 48 + 39
    assert page.ctx.desk.undo_label == "Import participants from messy-participants.csv"
    page.ctx.desk.undo()
    assert participant_lists.dump(page.ctx.desk) == before
    assert page.model.rowCount() == 48
    assert shown.items == []


def test_escape_in_the_preview_imports_nothing(qtbot, page, monkeypatch):
    choose(monkeypatch, participant_lists.MESSY_XLSX)
    before = participant_lists.dump(page.ctx.desk)
    answer_with(monkeypatch, qtbot, lambda d: qtbot.keyClick(d, Qt.Key.Key_Escape))
    page.import_list()
    assert participant_lists.dump(page.ctx.desk) == before


def test_a_file_that_cannot_be_read_is_one_message(page, monkeypatch, tmp_path: Path, shown):
    path = tmp_path / "people.csv"
    path.write_text("Country\nFrance\n", encoding="utf-8")
    choose(monkeypatch, path)
    page.import_list()
    (message,) = shown.texts("refusal")
    assert message.startswith("people.csv, row 1 (headers): expected a Name column")


def test_a_background_import_is_adopted_by_the_windows_desk(qtbot, page, monkeypatch, loop):
    choose(monkeypatch, participant_lists.MESSY_XLSX)

    def skip_then_import(dialog: ImportPreviewDialog) -> None:
        qtbot.keyClick(dialog.import_button, Qt.Key.Key_Space)

    answer_with(monkeypatch, qtbot, skip_then_import)

    async def scenario() -> object:
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
        assert page.transfer.task is not None, "the button started no import"
        return await asyncio.wait_for(page.transfer.task, 10)

    assert loop.run_until_complete(scenario()) is True
    assert page.model.rowCount() == 48 + 39
    assert page.ctx.desk.undo_label == "Import participants from messy-participants.xlsx"
    page.ctx.desk.undo()
    assert page.model.rowCount() == 48


def test_export_through_the_page_reimports_unchanged(page, monkeypatch, tmp_path: Path):
    out = tmp_path / "people.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "CSV (*.csv)"))
    )
    page.export_list()
    plan = preview(page.ctx.desk, read_participants(out))
    assert plan.summary == "0 added, 0 changed, 48 unchanged"


def test_the_status_line_follows_the_import_to_its_end(qtbot, demo_desk, monkeypatch, loop, shown):
    """'Reading FILE…' goes once the file is read: the preview, then the outcome replace it."""
    window = QMainWindow()
    qtbot.addWidget(window)
    page = ParticipantsPage(DeskContext(demo_desk, ChangeBus(demo_desk)))
    window.setCentralWidget(page)
    window.show()
    status = window.statusBar().currentMessage
    seen: list[str] = []

    def look_then_cancel(dialog: ImportPreviewDialog) -> None:
        seen.append(status())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    answer_with(monkeypatch, qtbot, look_then_cancel)

    async def scenario(path: Path) -> str:
        choose(monkeypatch, path)
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
        assert page.transfer.task is not None, "the button started no import"
        await asyncio.wait_for(page.transfer.task, 10)
        return status()

    def run(path: Path) -> str:
        return loop.run_until_complete(scenario(path))

    assert run(participant_lists.MESSY_CSV) == "Nothing imported from messy-participants.csv."
    assert seen == [
        "Read messy-participants.csv: 39 added, 0 changed, 1 unchanged; 1 disagreement with "
        "the seminar: the seminar's values kept; see the preview."
    ]
    bad = participant_lists.MESSY_CSV.parent / "no-such-list.csv"
    show_error = runner.show_error
    monkeypatch.setattr(  # what the status line says while the message shows
        runner, "show_error", lambda parent, exc: seen.append(status()) or show_error(parent, exc)
    )
    assert run(bad) == "Nothing imported: no-such-list.csv could not be read."
    assert len(shown.items) == 1
    assert seen[-1] == "Nothing imported: no-such-list.csv could not be read."


UPDATE = (
    "Name,Delegation,Function,Gender\nChea Sophal,KHM,Minister,\n"
    "Kim Sreymom,KHM,,Male\nHeng Dara,KHM,,\n"
)


def test_disagreements_show_both_sides_and_the_person_picks_one(
    qtbot, page, monkeypatch, tmp_path: Path, qtmodeltester
):
    path = tmp_path / "update.csv"
    path.write_text(UPDATE, encoding="utf-8")
    choose(monkeypatch, path)

    def look_then_take_the_files(dialog: ImportPreviewDialog) -> None:
        assert "Disagreements (2)" in tab_titles(dialog)
        qtmodeltester.check(dialog.disagreements_table.model())
        assert cells(dialog.disagreements_table) == [
            [
                "2",
                "Chea Sophal",
                "Cambodia (KHM)",
                "Function",
                "Secretary of State, Ministry of Foreign Affairs and International Cooperation",
                "Minister",
            ],
            ["3", "Kim Sreymom", "Cambodia (KHM)", "Gender", "Female", "Male"],
        ]
        assert dialog.keep_seminar.isChecked()  # the default
        assert "To merge (0)" in tab_titles(dialog) and "Unchanged (3)" in tab_titles(dialog)
        assert dialog.summary.text().endswith(
            "2 disagreements with the seminar: the seminar's values kept."
        )
        qtbot.mouseClick(dialog.take_file, Qt.MouseButton.LeftButton)
        assert "To merge (2)" in tab_titles(dialog) and "Unchanged (1)" in tab_titles(dialog)
        assert cells(dialog.merged_table) == [
            ["2", "Chea Sophal", "Cambodia (KHM)", "Function: Minister"],
            ["3", "Kim Sreymom", "Cambodia (KHM)", "Gender: Male"],
        ]
        assert dialog.summary.text().endswith("the file's values taken.")
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    answer_with(monkeypatch, qtbot, look_then_take_the_files)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    by_name = {r.name: r for r in page.model.rows}
    assert by_name["Chea Sophal"].function == "Minister"
    assert by_name["Kim Sreymom"].gender == "male"


def test_a_long_delegation_shows_whole_in_the_preview(
    qtbot, demo_desk: Desk, tmp_path: Path, qtmodeltester
):
    path = tmp_path / "ngo.csv"
    path.write_text(
        "Name,Affiliation,Country\nMalee Wongsakul,Nonviolence International Southeast Asia,"
        "Thailand\n",
        encoding="utf-8",
    )
    dialog = ImportPreviewDialog(preview(demo_desk, read_participants(path)))
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    view = dialog.added_table
    qtmodeltester.check(view.model())
    text = "Nonviolence International Southeast Asia (NISEA)"
    assert cells(view)[0][3] == text
    column = [view.model().headerData(c, Qt.Orientation.Horizontal) for c in range(7)].index(
        "Delegation"
    )
    assert view.columnWidth(column) > view.fontMetrics().horizontalAdvance(text)


def test_one_disagreement_is_said_as_one_field(qtbot, page, monkeypatch, tmp_path: Path):
    from PySide6.QtWidgets import QLabel

    path = tmp_path / "one.csv"
    path.write_text("Name,Delegation,Gender\nKim Sreymom,KHM,Male\n", encoding="utf-8")
    choose(monkeypatch, path)
    said: list[str] = []

    def look_then_cancel(dialog: ImportPreviewDialog) -> None:
        said.extend(label.text() for label in dialog.sides.findChildren(QLabel))
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    answer_with(monkeypatch, qtbot, look_then_cancel)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert "Where the file and the seminar disagree (1 field):" in said


def test_import_and_export_dialogs_start_beside_the_seminar_file(
    page, demo_desk: Desk, monkeypatch
):
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a: asked.append(a[2]) or ("", ""))
    )
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a: asked.append(a[2]) or ("", ""))
    )
    page.import_button.click()
    page.export_list()
    folder = demo_desk.db.path.parent
    assert asked == [str(folder), str(folder / "participants.xlsx")]  # not the current folder


def test_the_status_line_follows_the_choice_made_in_the_preview(
    qtbot, demo_desk, monkeypatch, loop, tmp_path: Path
):
    window = QMainWindow()
    qtbot.addWidget(window)
    page = ParticipantsPage(DeskContext(demo_desk, ChangeBus(demo_desk)))
    window.setCentralWidget(page)
    window.show()
    path = tmp_path / "update.csv"
    path.write_text(UPDATE, encoding="utf-8")
    choose(monkeypatch, path)
    seen: list[str] = []

    def take_the_files_then_cancel(dialog: ImportPreviewDialog) -> None:
        seen.append(window.statusBar().currentMessage())
        qtbot.mouseClick(dialog.take_file, Qt.MouseButton.LeftButton)
        seen.append(window.statusBar().currentMessage())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    answer_with(monkeypatch, qtbot, take_the_files_then_cancel)

    async def scenario() -> None:
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
        await asyncio.wait_for(page.transfer.task, 10)

    loop.run_until_complete(scenario())
    assert seen[0].endswith("the seminar's values kept; see the preview.")
    assert seen[1].endswith("the file's values taken; see the preview.")  # not the old choice


def test_a_new_delegation_only_a_move_names_follows_the_choice(
    qtbot, demo_desk: Desk, tmp_path: Path
):
    """Kept in Cambodia, Kim Sreymom's new organisation is not made: the Delegations tab
    listed it as new either way."""
    path = tmp_path / "moved.csv"
    path.write_text(
        "Name,Organisation,E-mail\nKim Sreymom,Mekong Arms Watch,kim.sreymom@customs.gov.kh\n",
        encoding="utf-8",
    )
    dialog = ImportPreviewDialog(preview(demo_desk, read_participants(path)))
    qtbot.addWidget(dialog)
    assert "Delegations (0 matched, 0 new)" in tab_titles(dialog)
    qtbot.mouseClick(dialog.take_file, Qt.MouseButton.LeftButton)
    assert "Delegations (0 matched, 1 new)" in tab_titles(dialog)
    assert cells(dialog.delegations_table)[0][:2] == [
        "Mekong Arms Watch",
        "Mekong Arms Watch (MAW)",
    ]
    assert dialog.summary.text().startswith("Import: 0 added, 1 changed, 0 unchanged; 1 new")
    qtbot.mouseClick(dialog.keep_seminar, Qt.MouseButton.LeftButton)
    assert "Delegations (0 matched, 0 new)" in tab_titles(dialog)
