"""The provider tree drives the matrix, the findings and the inspection detail."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from inspector_gui.domain.records import FindingQuery
from inspector_gui.store import Store
from inspector_gui.ui import settings as keys
from inspector_gui.ui.extensions import build_window
from inspector_gui.ui.main_window import MainWindow
from inspector_gui.ui.settings import Settings

pytestmark = pytest.mark.qt_log_level_fail("WARNING")  # any Qt warning is a failure here

WEST_YORKSHIRE = "west-yorkshire-crc"


def _matrix_inspections(window: MainWindow) -> list[str]:
    model = window.matrix.model
    return [model.row_at(r).inspection.inspection_id for r in range(model.rowCount())]


def test_selecting_a_provider_updates_matrix_findings_and_detail(qtbot, window, store, click_key,
                                                                 all_findings):
    with qtbot.waitSignal(window.provider_changed, timeout=5000) as signal:
        click_key(window, f"provider:{WEST_YORKSHIRE}")
    assert signal.args == [WEST_YORKSHIRE]
    assert window.current_provider_id() == WEST_YORKSHIRE
    expected_rows = store.rating_matrix(provider_ids=[WEST_YORKSHIRE], latest_only=False)
    assert sorted(_matrix_inspections(window)) == sorted(r.inspection.inspection_id for r in expected_rows)
    expected = store.findings(FindingQuery(provider_ids=(WEST_YORKSHIRE,), limit=10_000))
    assert all_findings(window) == [f.finding_id for f in expected]
    assert window.findings.filters.count.text() == f"{len(expected)} findings"
    assert window.detail.title.text() == "West Yorkshire CRC"


def test_selecting_an_inspection_narrows_findings_to_it(window, store, click_key, all_findings):
    inspection = store.inspections(WEST_YORKSHIRE)[0]
    click_key(window, f"inspection:{inspection.inspection_id}")
    expected = store.findings(FindingQuery(inspection_ids=(inspection.inspection_id,), limit=10_000))
    assert all_findings(window) == [f.finding_id for f in expected]
    current = window.matrix.table.currentIndex()
    assert current.data(0) == "West Yorkshire CRC"
    assert window.detail.fields["Published"].text() == inspection.published.display()


def test_a_group_scopes_the_matrix_to_its_providers(window: MainWindow, store: Store, click_key):
    click_key(window, "group:NPS divisions")
    nps = [p.provider_id for p in store.providers() if p.provider_type == "NPS division"]
    expected = store.rating_matrix(provider_ids=nps)
    assert sorted(_matrix_inspections(window)) == sorted(r.inspection.inspection_id for r in expected)
    assert window.current_provider_id() is None
    assert [f.framework_id for f in window.matrix.model.frameworks] == ["crc-nps-2018"]


def test_all_providers_lists_every_providers_latest_inspection(window: MainWindow, store: Store):
    assert len(_matrix_inspections(window)) == len(store.providers()) == 93
    assert window.findings.model.total == 538


def test_filter_box_and_grouping_rebuild_the_tree(qtbot: QtBot, window: MainWindow):
    panel = window.providers
    qtbot.keyClicks(panel.filter, "yorkshire")
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0 and "(93)" not in
                    panel.model.index(0, 0).data(), timeout=5000)
    assert panel.model.index(0, 0).data().startswith("All providers (")
    panel.filter.clear()
    panel.grouping.set_value("owner")
    panel.grouping.value_changed.emit("owner")
    labels = [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())]
    assert "Purple Futures (5)" in labels
    assert "Sodexo Justice Services (6)" in labels


def test_tree_rows_carry_the_latest_overall_rating_word(window: MainWindow):
    model = window.providers.model
    index = model.index_for_key(f"provider:{WEST_YORKSHIRE}")
    rating_cell = model.index(index.row(), 1, index.parent())
    assert rating_cell.data() == "Requires improvement"


@pytest.fixture
def submissions(monkeypatch: pytest.MonkeyPatch) -> Callable[[MainWindow], Counter[str]]:
    """Count the queries a window submits to its runner, by key."""

    def watch(window: MainWindow) -> Counter[str]:
        counts: Counter[str] = Counter()
        submit = window.runner.submit

        def counted(key: str, *args: object, **kwargs: object) -> None:
            counts[key] += 1
            submit(key, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(window.runner, "submit", counted)
        return counts

    return watch


@pytest.mark.parametrize("selection", ["all", f"provider:{WEST_YORKSHIRE}"])
def test_opening_and_reloading_a_store_runs_each_query_once(qtbot, store_path, settle, submissions,
                                                            selection):
    settings = Settings()
    settings.set(keys.SELECTION, selection)
    settings.sync()
    window = build_window()
    qtbot.addWidget(window)
    window.show()
    counts = submissions(window)
    for opened in (1, 2):
        with qtbot.waitSignal(window.store_changed, timeout=5000):
            window.open_store(store_path) if opened == 1 else window.reload()
        settle(window)
        assert {key: counts[key] for key in ("open", "matrix", "findings/page", "findings/count")} == {
            "open": opened, "matrix": opened, "findings/page": opened, "findings/count": opened}
        assert counts["detail"] == 0
        expected = "West Yorkshire CRC" if selection != "all" else ""
        assert (window.detail.title.text() if window.detail.title.isVisibleTo(window) else "") == expected


def test_the_detail_pane_is_fed_from_the_matrix_query(qtbot, window, store, submissions, click_key):
    counts = submissions(window)
    click_key(window, f"provider:{WEST_YORKSHIRE}")
    newest = store.inspections(WEST_YORKSHIRE)[0]
    assert (counts["matrix"], counts["detail"]) == (1, 0)
    assert window.detail.title.text() == "West Yorkshire CRC"
    assert window.detail.fields["Published"].text() == newest.published.display()
    older = store.inspections(WEST_YORKSHIRE)[-1]
    click_key(window, f"inspection:{older.inspection_id}")
    assert (counts["matrix"], counts["detail"]) == (2, 0)
    assert window.detail.fields["Published"].text() == older.published.display()


def test_the_detail_pane_queries_an_inspection_the_matrix_filters_out(qtbot, window, store, submissions,
                                                                      click_key, settle):
    box = window.matrix.filters["provider_type"]
    box.set_value("PDU")
    box.value_changed.emit("PDU")
    settle(window)
    counts = submissions(window)
    click_key(window, f"provider:{WEST_YORKSHIRE}")
    assert window.matrix.model.rowCount() == 0
    assert counts["detail"] == 1
    assert window.detail.title.text() == "West Yorkshire CRC"


def _collapsed_group(window: MainWindow) -> tuple[str, str]:
    """A group holding providers that the tree has not expanded (their rows are made when it is):
    its key and its first provider's name, as the tree sorts them."""
    catalogue = window.catalogue
    assert catalogue is not None
    pdus = sorted((p for p, _ in catalogue.providers if p.provider_type == "PDU" and p.region),
                  key=lambda p: (p.region.casefold(), p.name.casefold()))
    region = pdus[-1].region
    first = next(p for p in pdus if p.region == region)
    key = f"group:PDUs/{region}"
    assert not window.providers.tree.isExpanded(window.providers.model.index_for_key(key))
    return key, first.name


def test_the_keyboard_opens_a_collapsed_group_and_walks_into_its_providers(qtbot, window, settle):
    key, first = _collapsed_group(window)
    tree = window.providers.tree
    tree.setCurrentIndex(window.providers.model.index_for_key(key))
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Right)
    with qtbot.waitSignal(window.provider_changed, timeout=5000):
        qtbot.keyClick(tree, Qt.Key.Key_Down)
    settle(window)
    assert tree.currentIndex().data() == first
    assert window.detail.title.text() == first


def test_the_tree_filter_finds_a_provider_of_a_group_never_expanded(qtbot, window, settle):
    _, first = _collapsed_group(window)
    qtbot.keyClicks(window.providers.filter, first)
    window.providers.filter.settle()
    settle(window)
    model, tree = window.providers.model, window.providers.tree
    shown = []
    index = model.index(0, 0)
    while index.isValid():
        shown.append(index.data())
        index = tree.indexBelow(index)
    assert first in shown
