"""The Agenda page's import, driven by its key: every bad file ends in one plain message
through the runner within 5 s and nothing imported; a good one runs on a worker thread with
progress, the views follow, and Cancel leaves nothing behind."""

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from bad_agendas import BAD_AGENDAS
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog
from sqlalchemy import func, select

from seminar_desk.gui.agenda.page import AgendaPage
from seminar_desk.gui.bus import ChangeBus
from seminar_desk.gui.context import DeskContext
from seminar_desk.services.desk import Desk
from seminar_desk.store.models import AgendaItem

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def page(qtbot, demo_desk: Desk) -> Iterator[AgendaPage]:
    p = AgendaPage(DeskContext(demo_desk, ChangeBus(demo_desk)))
    qtbot.addWidget(p)
    p.resize(1200, 700)
    with qtbot.waitExposed(p):
        p.show()
    yield p
    p.close()
    p.deleteLater()


def items(desk: Desk) -> int:
    with desk.read() as s:
        return s.scalar(select(func.count()).select_from(AgendaItem)) or 0


def choose(monkeypatch, path: Path) -> None:
    """The file dialog answers `path`."""
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def press_import(qtbot, page: AgendaPage, loop) -> object:
    """Ctrl+Shift+I on the table, then wait (at most 5 s) for the import to end."""

    async def scenario() -> object:
        qtbot.keyClick(page.table, Qt.Key.Key_I, CTRL_SHIFT)
        assert page.import_task is not None, "Ctrl+Shift+I started no import"
        return await asyncio.wait_for(page.import_task, 5)

    return loop.run_until_complete(scenario())


@pytest.mark.parametrize("name", sorted(BAD_AGENDAS))
def test_each_bad_file_shows_one_message_and_imports_nothing(
    name: str, qtbot, page: AgendaPage, loop, tmp_path: Path, monkeypatch, shown
):
    build, expected = BAD_AGENDAS[name]
    path = build(tmp_path)
    choose(monkeypatch, path)
    monkeypatch.setattr(page, "confirm_import", lambda agenda: True)  # a bad file gets no further
    before = items(page.ctx.desk)
    assert press_import(qtbot, page, loop) is False
    (message,) = shown.texts("refusal")
    assert expected in message and message.startswith(path.name)
    assert shown.texts("error") == []
    assert items(page.ctx.desk) == before
    assert not page.import_bar.isVisible() and page.action("import").isEnabled()


def test_a_good_file_imports_on_a_worker_with_progress(
    qtbot, page: AgendaPage, loop, tmp_path: Path, monkeypatch, shown
):
    rows = "".join(f"2026-12-21,,5,Item {i},\n" for i in range(400))
    path = tmp_path / "extra.csv"
    path.write_text("date,start,duration,title,description\n" + rows, encoding="utf-8")
    choose(monkeypatch, path)
    previews = []
    monkeypatch.setattr(page, "confirm_import", lambda agenda: previews.append(agenda) or True)
    steps: list[float] = []
    show_step = page.import_bar.step
    monkeypatch.setattr(page.import_bar, "step", lambda f, t: steps.append(f) or show_step(f, t))
    before, tabs = items(page.ctx.desk), page.tabs.count()
    assert press_import(qtbot, page, loop) is True
    assert items(page.ctx.desk) == before + 400 and shown.items == []
    assert len(previews) == 1 and steps and steps[-2:] == [0.8, 0.9]
    assert page.tabs.count() == tabs + 1  # the views heard of the change
    assert "Imported 400 items" in page.message.text()


def test_cancel_leaves_nothing_imported(
    qtbot, page: AgendaPage, loop, tmp_path: Path, monkeypatch, shown
):
    rows = "".join(f"2026-12-21,,1,Item {i},\n" for i in range(3000))
    path = tmp_path / "long.csv"
    path.write_text("date,start,duration,title,description\n" + rows, encoding="utf-8")
    choose(monkeypatch, path)

    def confirm(agenda: object) -> bool:
        # Cancel is pressed as soon as the window gets control back, while the worker runs.
        QTimer.singleShot(
            0, lambda: qtbot.mouseClick(page.import_bar.cancel_button, Qt.MouseButton.LeftButton)
        )
        return True

    monkeypatch.setattr(page, "confirm_import", confirm)
    before, tabs = items(page.ctx.desk), page.tabs.count()
    assert press_import(qtbot, page, loop) is False
    assert items(page.ctx.desk) == before and page.tabs.count() == tabs
    assert shown.items == []
    assert "nothing was imported" in page.message.text()


def test_the_dialog_offers_the_registered_kinds_and_another_file_is_refused_by_name(
    qtbot, page: AgendaPage, loop, tmp_path: Path, monkeypatch, shown
):
    from seminar_desk.services.agenda.imports.registry import READERS

    path = tmp_path / "programme.doc"
    path.write_text("date,start,duration,title\n2026-12-21,09:00,30,Extra\n", encoding="utf-8")
    asked: list[tuple] = []
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        staticmethod(lambda *a, **k: asked.append(a) or (str(path), "")),
    )
    monkeypatch.setattr(page, "confirm_import", lambda agenda: True)
    before = items(page.ctx.desk)
    assert press_import(qtbot, page, loop) is False
    ((_parent, _title, folder, offered),) = asked
    assert folder == str(page.ctx.desk.db.path.parent)  # beside the seminar file
    agendas = offered.split(";;")[0]
    assert agendas.removeprefix("Agendas (").removesuffix(")").split() == [
        f"*.{suffix}" for reader in READERS for suffix in reader.suffixes
    ]
    (message,) = shown.texts("refusal")
    assert message.startswith("programme.doc: unknown kind of file; expected CSV (.csv, .tsv,")
    assert all(reader.described in message for reader in READERS)
    assert items(page.ctx.desk) == before


def test_the_preview_is_a_table_with_a_column_each(
    qtbot, page: AgendaPage, tmp_path: Path, monkeypatch, qtmodeltester
):
    """Kind and title in columns of their own (no spaces lining them up in a proportional
    font); Import in the preview imports."""
    from seminar_desk.gui.agenda.import_preview import AgendaPreviewDialog

    path = tmp_path / "extra.csv"
    path.write_text(
        "date,start,duration,title,kind,room\n"
        "2026-12-21,09:00,30,Opening of the extra day,ceremony,Bassac Ballroom\n"
        "2026-12-21,,15,Coffee break,break,\n",
        encoding="utf-8",
    )
    choose(monkeypatch, path)
    seen: list[list[list[str]]] = []

    def exec_(dialog: AgendaPreviewDialog) -> int:
        with qtbot.waitExposed(dialog):
            dialog.show()
        model = dialog.table.model()
        qtmodeltester.check(model)
        seen.append(
            [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(2)]
        )
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
        assert headers == ["Date", "Start", "Minutes", "Kind", "Title", "Room"]
        ok = dialog.findChild(QDialogButtonBox).buttons()[0]
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(AgendaPreviewDialog, "exec", exec_)
    before = items(page.ctx.desk)
    page.import_file(path)
    assert seen == [
        [
            [
                "Mon 21 Dec 2026",
                "09:00",
                "30",
                "Ceremony",
                "Opening of the extra day",
                "Bassac Ballroom",
            ],
            ["Mon 21 Dec 2026", "--:--", "15", "Break", "Coffee break", ""],
        ]
    ]
    assert items(page.ctx.desk) == before + 2


def test_export_offers_a_file_beside_the_seminar_file(qtbot, page: AgendaPage, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a: asked.append(a[2]) or ("", ""))
    )
    qtbot.keyClick(page.table, Qt.Key.Key_E, CTRL_SHIFT)
    assert asked == [str(page.ctx.desk.db.path.parent / "agenda.ics")]  # not the current folder
