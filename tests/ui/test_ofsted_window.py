"""The window on the bundled Ofsted set: opened from File → Bundled data, it names the Open
Government Licence attribution (status bar, About), its findings panel says the set has none,
and a store holding two inspectorates groups the tree by inspectorate first."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from inspector_gui import paths
from inspector_gui.store import Store
from inspector_gui.store.default import default_store_path
from inspector_gui.ui.dialogs.help import about_text
from inspector_gui.ui.main_window import MainWindow

OGL = "Contains public sector information licensed under the Open Government Licence v3.0 (Ofsted)"
SHEET = paths.data_dir() / "ofsted-ilacs" / "ofsted_csc_ilacs_history.csv"
MAPPING = paths.data_dir() / "ofsted-ilacs.toml"


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Probation's bundled data and Ofsted's in one store."""
    path = tmp_path_factory.mktemp("both") / "both.db"
    with Store.create(path) as store:
        store.import_files([paths.data_dir()])
        store.import_spreadsheet(SHEET, MAPPING)
    return path


def test_bundled_data_menu_opens_the_ofsted_set(open_window: Callable[..., MainWindow],
                                                store_path: Path, qtbot: QtBot) -> None:
    window = open_window(store_path)
    actions = window.commands.datasets
    assert [a.text() for a in window.commands.bundled_menu.actions()] == [a.text() for a in actions.values()]
    actions["ofsted-ilacs"].trigger()
    qtbot.waitUntil(lambda: window.current_store_path() == default_store_path("ofsted-ilacs")
                    and not window.is_busy(), timeout=120_000)
    info = window.catalogue.info
    assert (info.counts["providers"], info.counts["inspections"]) == (153, 497)
    assert window.status.attribution.text() == OGL
    assert OGL in about_text(window.catalogue)
    assert window.findings.no_findings.isVisible() and not window.findings.splitter.isVisible()
    assert "no findings" in window.findings.no_findings.text()


def test_two_inspectorates_group_the_tree_first(open_window: Callable[..., MainWindow], both: Path) -> None:
    window = open_window(both)
    model = window.providers.model
    root = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert any(t.startswith("HM Inspectorate of Probation (93)") for t in root), root
    assert any(t.startswith("Ofsted (153)") for t in root), root
    assert not window.findings.no_findings.isVisible()


@pytest.mark.parametrize("width", [1400, 1024])
def test_the_status_bar_keeps_counts_and_attribution_apart(open_window: Callable[..., MainWindow],
                                                           both: Path, width: int, qtbot: QtBot) -> None:
    window = open_window(both)
    window.resize(width, 700)
    qtbot.waitUntil(lambda: window.status.width() <= width)
    status = window.status
    status.layout().activate()
    counts, attribution, path = status.counts, status.attribution, status.path
    assert counts.width() >= counts.sizeHint().width(), "the counts are never cut"
    assert counts.geometry().right() < attribution.geometry().left()
    assert attribution.geometry().right() < path.geometry().left() or not path.isVisible()
    assert attribution.toolTip() and OGL in attribution.toolTip()
    if width == 1400:
        assert not attribution.is_elided() and attribution.shown_text() == OGL
    else:
        assert attribution.shown_text().endswith("…") or not attribution.is_elided()
