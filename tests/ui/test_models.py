"""Every item model honours Qt's model contract (pytest-qt's qtmodeltester), loaded with real data."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from inspector_gui.domain.grouping import group_providers
from inspector_gui.domain.matrix import build_matrix
from inspector_gui.reports.catalogue import Inspections, load_catalogue, open_catalogue
from inspector_gui.store import Store
from inspector_gui.ui.models.provider_tree import SINCE, ProviderTreeModel
from inspector_gui.ui.models.rating_matrix import RatingMatrixModel

pytestmark = pytest.mark.qt_log_level_fail("WARNING")  # any Qt warning is a failure here


def test_provider_tree_model(qtmodeltester, store: Store):
    model = ProviderTreeModel()
    catalogue = load_catalogue(store.path)
    names = {f: fw.name for f, fw in store.frameworks().items()}
    for grouping in ("type_region", "owner"):
        model.set_groups(group_providers(catalogue.providers, grouping, names), 93, names, catalogue)
        qtmodeltester.check(model)
    assert model.rowCount() > 1
    provider = model.index_for_key("provider:west-yorkshire-crc")
    assert model.rowCount(provider) == len(store.inspections("west-yorkshire-crc")) > 1


def test_a_provider_expanded_before_its_inspections_arrive_gets_them_inserted(qtmodeltester, store: Store):
    """The window shows providers (each with its newest inspection) before every inspection is
    read: a provider opened in that moment has no rows, then gets them as rows inserted."""
    catalogue = open_catalogue(store.path)
    names = {f: fw.name for f, fw in catalogue.frameworks.items()}
    model = ProviderTreeModel()
    model.set_groups(group_providers(catalogue.providers, "type_region", names), 93, names, catalogue)
    provider = model.index_for_key("provider:west-yorkshire-crc")
    assert model.data(provider.siblingAtColumn(1)) == "Requires improvement", "the newest is known at once"
    assert model.hasChildren(provider) and model.rowCount(provider) == 0
    assert not model.index_for_key("inspection:west-yorkshire-crc-2018-10-31").isValid()
    qtmodeltester.check(model)
    since = provider.siblingAtColumn(SINCE)
    assert since.data() is None, "no direction of travel before the inspections"
    catalogue.add_inspections(Inspections(
        {p: store.inspections(p) for p in ("west-yorkshire-crc", "essex-crc")}, complete=True))
    inserted: list[tuple[str, int, int]] = []
    model.rowsInserted.connect(lambda parent, first, last:
                               inserted.append((model.scope(parent).key, first, last)))
    relaid: list[bool] = []
    model.layoutChanged.connect(lambda *_: relaid.append(True))
    model.inspections_arrived()
    assert relaid == [True], "views are told once that every row's Since cell may have changed"
    assert since.data() == model.travel(model.index_for_key("provider:west-yorkshire-crc")
                                        .internalPointer()).short
    assert sorted(inserted) == [("provider:essex-crc", 0, len(store.inspections("essex-crc")) - 1),
                                ("provider:west-yorkshire-crc", 0, 1)]
    assert [model.index(r, 0, provider).data() for r in range(model.rowCount(provider))] == [
        i.published.display() + (f" ({i.round})" if i.round else "")
        for i in store.inspections("west-yorkshire-crc")]
    assert model.index_for_key("inspection:west-yorkshire-crc-2018-10-31").parent() == provider
    qtmodeltester.check(model)


def test_rating_matrix_model_sorted_and_unsorted(qtmodeltester, store: Store):
    model = RatingMatrixModel()
    frameworks = store.frameworks()
    data = build_matrix(store.rating_matrix(latest_only=False), frameworks, "crc-nps-2018")
    model.set_data(data, frameworks)
    qtmodeltester.check(model)
    kept = QPersistentModelIndex(model.index(5, 0))
    row = model.row_at(5)
    model.sort(model.column_of("Score"), Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    assert model.row_at(kept.row()) is row, "persistent indexes follow their rows"
    assert model.rowCount() == 114


def test_findings_model_while_pages_arrive(qtmodeltester, window, all_findings):
    qtmodeltester.check(window.findings.model)
    all_findings(window)
    assert window.findings.model.rowCount() == 538
    qtmodeltester.check(window.findings.model)


def test_models_of_the_live_window(qtmodeltester, window):
    qtmodeltester.check(window.providers.model)
    qtmodeltester.check(window.matrix.model)
