"""Fixtures for driving the real main window offscreen: open it on a store, wait until its
background queries have delivered, load every page of findings, and a store holding hostile text."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from inspector_gui.store import Store
from inspector_gui.ui.extensions import build_window
from inspector_gui.ui.main_window import MainWindow

WAIT_MS = 10000
HOSTILE_TEXT = "<img src=x.png><b>bold</b>"
HOSTILE_NAME = '<img src=x.png> Hostile & "Co" PDU'
HOSTILE_INSPECTION = "hostile-pdu-2024-03"
ESCAPING_ID = "../../etc/x"


@dataclass(frozen=True)
class Hostile:
    path: Path
    text: str = HOSTILE_TEXT
    name: str = HOSTILE_NAME


@pytest.fixture
def settle(qtbot: QtBot) -> Callable[[MainWindow], None]:
    """Wait until no query or search debounce of the window is pending."""

    def wait(window: MainWindow) -> None:
        qtbot.waitUntil(lambda: not window.is_busy(), timeout=WAIT_MS)

    return wait


@pytest.fixture
def all_findings(qtbot: QtBot) -> Callable[[MainWindow], list[int]]:
    """Page through every matching finding; the ids in the order shown."""

    def load(window: MainWindow) -> list[int]:
        model = window.findings.model

        def loaded() -> bool:
            model.fetchMore()
            return model.complete and not window.is_busy()

        qtbot.waitUntil(loaded, timeout=WAIT_MS)
        return [model.finding(row).finding_id for row in range(model.rowCount())]

    return load


@pytest.fixture
def open_window(qtbot: QtBot, settle: Callable[[MainWindow], None]) -> Callable[..., MainWindow]:
    """A window on the store at ``path``, 1400x900 unless ``restore`` keeps the saved geometry."""

    def make(path: Path, restore: bool = False) -> MainWindow:
        window = build_window()
        qtbot.addWidget(window)
        if not restore:
            window.resize(1400, 900)
        window.show()
        window.open_store(path)
        settle(window)
        return window

    return make


@pytest.fixture
def window(open_window: Callable[..., MainWindow], store_path: Path) -> MainWindow:
    """The main window on a copy of the bundled-data store, loaded."""
    return open_window(store_path)


@pytest.fixture
def hostile(hostile_store_path: Path, tmp_path: Path) -> Hostile:
    """The shared hostile store (``tests/data/hostile``) plus a finding whose text is markup
    that would load an image and turn bold if Qt read it as rich text."""
    folder = tmp_path / "more-hostile"
    folder.mkdir()
    with (folder / "findings.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([
            ["inspection_id", "domain_code", "standard_code", "kind", "text", "source_url"],
            [HOSTILE_INSPECTION, "1", "1.1", "strength", HOSTILE_TEXT, "https://example.org/<i>"]])
    with Store.open(hostile_store_path, readonly=False) as store:
        store.import_files([folder])
    return Hostile(hostile_store_path)


@dataclass(frozen=True)
class Escaping:
    path: Path
    provider_id: str = ESCAPING_ID


@pytest.fixture
def escaping(store_path: Path, tmp_path: Path) -> Escaping:
    """The bundled-data store plus a provider whose id is a path out of any folder, with one
    inspection."""
    folder = tmp_path / "escaping"
    folder.mkdir()
    rows = {"providers.csv": [["provider_id", "name", "provider_type", "region", "owner"],
                              [ESCAPING_ID, "Escaping PDU", "PDU", "North", ""]],
            "inspections.csv": [["inspection_id", "provider_id", "framework_id", "round", "fieldwork_start",
                                 "published", "overall_rating", "score", "source_url", "notes"],
                                ["escaping-2024-03", ESCAPING_ID, "pdu-2023", "", "", "2024-03", "Good", "",
                                 "https://example.org/report", ""]]}
    for name, table in rows.items():
        with (folder / name).open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(table)
    with Store.open(store_path, readonly=False) as store:
        store.import_files([folder])
    return Escaping(store_path)


@pytest.fixture
def click_key(qtbot: QtBot, settle: Callable[[MainWindow], None]) -> Callable[[MainWindow, str], None]:
    """Click the tree node with this key, as a user would, and wait for the panels."""

    def click(window: MainWindow, key: str) -> None:
        tree = window.providers.tree
        index = window.providers.model.index_for_key(key)
        tree.expand(index.parent())
        tree.scrollTo(index)
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center())
        settle(window)

    return click
