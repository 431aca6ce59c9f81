"""The speakers controller follows the file's changes itself and owns the one countdown ticker
that the page, its preview and the projector all show."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from seminar_desk.gui.bus import ChangeBus
from seminar_desk.gui.speakers.controller import SpeakersController


def test_the_controller_follows_changes_without_a_page(qtbot, demo_desk) -> None:
    controller = SpeakersController(demo_desk, bus=ChangeBus(demo_desk))
    seen: list[object] = []
    controller.snapshot_changed.connect(seen.append)
    item = controller.item_id
    assert item is not None and controller.snapshot.current is None
    org = next(
        c.organisation_id for c in controller.service.candidates() if c.text.endswith("(BRN)")
    )
    controller.service.add(item, organisation_id=org)
    assert [r.delegation_code for r in controller.snapshot.waiting][-1:] == ["BRN"]
    controller.service.next_speaker(item)
    assert controller.snapshot.current is not None
    assert seen and seen[-1] is controller.snapshot
    demo_desk.undo()
    assert controller.snapshot.current is None


def test_page_preview_and_projector_share_one_ticker(speakers_page, qtbot, clock) -> None:
    page = speakers_page
    page.add_candidate(next(c for c in page.candidates.candidates if c.text.endswith("(KHM)")))
    qtbot.mouseClick(page.findChild(QPushButton, "next"), Qt.MouseButton.LeftButton)
    projector = page.open_projector(full_screen=False)
    qtbot.addWidget(projector)
    ticker = page.controller.ticker
    assert page.ticker is ticker and page.preview.view.ticker is ticker
    assert projector.ticker is ticker
    clock.advance(61)
    ticker.tick()  # one wake-up moves all three countdowns
    texts = {page.countdown.text(), page.preview.view.countdown.text(), projector.countdown.text()}
    assert texts == {"1:59"}


def test_the_ticker_runs_while_the_page_shows_or_the_projector_is_open(speakers_page, qtbot):
    page = speakers_page
    ticker = page.controller.ticker
    assert ticker.active  # the page is on screen
    projector = page.open_projector(full_screen=False)
    qtbot.addWidget(projector)
    page.hide()
    assert ticker.active  # the room still sees the countdown
    page.close_projector()
    assert not ticker.active and not ticker._timer.isActive()
    page.show()
    assert ticker.active
    page.hide()
    assert not ticker.active


def test_an_item_deleted_elsewhere_gives_way_to_another(qtbot, demo_desk) -> None:
    from seminar_desk.services.agenda import AgendaService

    controller = SpeakersController(demo_desk, bus=ChangeBus(demo_desk))
    agenda = AgendaService(demo_desk)
    shown = controller.item_id
    spare = next(i.id for i in controller.service.items() if i.id != shown)
    controller.set_item(spare)
    assert controller.snapshot is not None and controller.item_id == spare
    agenda.delete_items([spare])  # another window; the controller hears it on the bus
    assert controller.item_id not in (None, spare)
    assert controller.snapshot is not None and controller.snapshot.item_id == controller.item_id


def test_a_zone_this_system_does_not_know_reads_as_utc_like_the_agenda(qtbot, demo_desk) -> None:
    """A file made where "Mars/Olympus" exists: the clock is UTC, as on the agenda and in the
    reports, not the laptop's own time."""
    from zoneinfo import ZoneInfo

    from sqlalchemy import select

    from seminar_desk.services.agenda import AgendaService
    from seminar_desk.store.models import Seminar

    with demo_desk.action("A zone from elsewhere", undoable=False) as act:
        act.session.scalars(select(Seminar)).one().timezone = "Mars/Olympus"
    controller = SpeakersController(demo_desk, bus=ChangeBus(demo_desk))
    assert controller.zone == AgendaService(demo_desk).timezone() == ZoneInfo("UTC")
    assert controller.local_now().utcoffset().total_seconds() == 0
