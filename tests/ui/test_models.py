"""Every item model honours Qt's model contract (pytest-qt's qtmodeltester), loaded with real data."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from inspector_gui.domain.grouping import group_providers
from inspector_gui.domain.matrix import build_matrix
from inspector_gui.store import Store
from inspector_gui.ui.models.provider_tree import ProviderTreeModel
from inspector_gui.ui.models.rating_matrix import RatingMatrixModel

pytestmark = pytest.mark.qt_log_level_fail("WARNING")  # any Qt warning is a failure here


def test_provider_tree_model(qtmodeltester, store: Store):
    model = ProviderTreeModel()
    names = {f: fw.name for f, fw in store.frameworks().items()}
    for grouping in ("type_region", "owner"):
        model.set_groups(group_providers(store.provider_tree(), grouping, names), 93, names)
        qtmodeltester.check(model)
    assert model.rowCount() > 1


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
