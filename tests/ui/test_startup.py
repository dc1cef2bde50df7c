"""Opening a store never holds up the window: it paints at once ("Loading …"), shows providers
and the first findings before every inspection has been read, and marks synthetic data."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from inspector_gui.store.synth import SynthSpec, build_synthetic
from inspector_gui.ui import opening
from inspector_gui.ui.export_dialog import ExportDialog
from inspector_gui.ui.extensions import build_window
from inspector_gui.ui.main_window import MainWindow
from inspector_gui.ui.status import SYNTHETIC_NOTE

pytestmark = pytest.mark.qt_log_level_fail("WARNING")  # any Qt warning is a failure here

WEST_YORKSHIRE = "west-yorkshire-crc"


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], threading.Event]]:
    """Hold one of the opening's background steps (``open_catalogue``, ``load_inspections``)
    until the returned event is set, as a slow disk would."""
    events: list[threading.Event] = []

    def hold(name: str) -> threading.Event:
        real, event = getattr(opening, name), threading.Event()
        events.append(event)
        monkeypatch.setattr(opening, name, lambda *args: event.wait(10) and real(*args))
        return event

    yield hold
    for event in events:
        event.set()


def test_the_window_paints_while_the_store_is_still_loading(qtbot: QtBot, store_path: Path,
                                                             held: Callable[[str], threading.Event],
                                                             settle: Callable[[MainWindow], None]) -> None:
    release = held("open_catalogue")
    window = build_window()
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    window.open_store(store_path)
    qtbot.waitExposed(window)
    QApplication.processEvents()
    assert window.catalogue is None
    assert window.centre.currentWidget() is window.empty and window.empty.isVisible()
    assert window.empty.message.text() == "Loading store.db…" and window.empty.button.isHidden()
    assert window.status.currentMessage() == "Loading store.db…"
    assert window.commands.file_menu.isEnabled() and window.findings.table.isVisible()
    assert not window.grab().isNull()
    release.set()
    settle(window)
    assert window.centre.currentWidget() is window.tabs
    assert window.matrix.model.rowCount() == 93 and window.findings.model.rowCount() == 100


def test_providers_and_findings_show_before_every_inspection_is_read(
        qtbot: QtBot, window: MainWindow, held: Callable[[str], threading.Event]) -> None:
    window.providers.select_key(f"provider:{WEST_YORKSHIRE}")
    release = held("load_inspections")
    with qtbot.waitSignal(window.store_changed, timeout=5000):
        window.reload()
    qtbot.waitUntil(lambda: window.findings.model.rowCount() > 0, timeout=5000)
    assert window.catalogue is not None and not window.catalogue.complete
    assert window.providers.tree.currentIndex().data() == "West Yorkshire CRC"
    selected = window.providers.tree.currentIndex()
    assert window.providers.model.rowCount(selected) == 2, "the selected provider's inspections come first"
    other = window.providers.model.index_for_key("provider:essex-crc")
    window.providers.tree.expand(other)
    assert window.providers.model.rowCount(other) == 0
    with qtbot.waitSignal(window.inspections_loaded, timeout=5000):
        release.set()
    assert window.catalogue.complete
    essex = window.catalogue.inspections_of("essex-crc") or []
    assert window.providers.model.rowCount(other) == len(essex) > 0


def test_export_asked_for_before_the_inspections_arrive_opens_when_they_do(
        qtbot: QtBot, window: MainWindow, held: Callable[[str], threading.Event],
        settle: Callable[[MainWindow], None]) -> None:
    release = held("load_inspections")
    with qtbot.waitSignal(window.store_changed, timeout=5000):
        window.reload()
    window.providers.select_key("provider:essex-crc")
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert not [d for d in window.findChildren(ExportDialog) if d.isVisible()]
    release.set()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(ExportDialog)), timeout=5000)
    dialog = next(d for d in window.findChildren(ExportDialog) if d.isVisible())
    assert dialog.provider.provider_id == "essex-crc"
    dialog.reject()
    settle(window)


def test_group_rows_span_both_columns_and_provider_rows_keep_their_rating(window: MainWindow) -> None:
    tree, model = window.providers.tree, window.providers.model
    crcs = model.index_for_key("group:CRCs")
    region = model.index(0, 0, crcs)
    provider = model.index(0, 0, region)
    assert tree.isFirstColumnSpanned(0, model.index(0, 0).parent()), "All providers"
    assert tree.isFirstColumnSpanned(crcs.row(), crcs.parent())
    assert tree.isFirstColumnSpanned(region.row(), crcs)
    assert provider.data(Qt.ItemDataRole.DisplayRole) and not tree.isFirstColumnSpanned(0, region)


def test_a_synthetic_store_says_so_in_the_title_and_the_status_bar(
        qtbot: QtBot, open_window: Callable[..., MainWindow], store_path: Path, tmp_path: Path) -> None:
    synthetic = build_synthetic(tmp_path / "synth.db", SynthSpec(providers=6, inspections=20, findings=200))
    window = open_window(synthetic)
    assert window.windowTitle() == "synth.db (SYNTHETIC DATA) — Inspector GUI"
    marker = window.status.synthetic
    assert marker.isVisible() and marker.text() == SYNTHETIC_NOTE
    assert marker.textFormat() == Qt.TextFormat.PlainText
    window.status.showMessage("Copied 3 rows with headers", 4000)
    assert marker.isVisible(), "a passing message does not hide it"
    with qtbot.waitSignal(window.store_changed, timeout=5000):
        window.open_store(store_path)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    assert window.windowTitle() == "store.db — Inspector GUI"
    assert not marker.isVisible()
