"""The rating matrix: league sorting, keyboard navigation, drill-down, copy, frameworks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, Qt
from PySide6.QtWidgets import QApplication

from inspector_gui.domain.league import score_entry
from inspector_gui.domain.matrix import CellState
from inspector_gui.domain.records import FindingQuery
from inspector_gui.ui.models.rating_matrix import OVERALL, PROVIDER, PUBLISHED
from inspector_gui.ui.roles import CellRole, ItemRole

pytestmark = pytest.mark.qt_log_level_fail("WARNING")  # any Qt warning is a failure here


def _click_header(qtbot, window, column: int) -> None:
    window.matrix.table.scrollTo(window.matrix.model.index(0, column))
    header = window.matrix.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() - 5))


def _scores(window) -> list:
    model = window.matrix.model
    return [score_entry(model.index(r, 0).data(ItemRole)) for r in range(model.rowCount())]


def test_sorting_by_score_is_a_league_table_with_unscored_rows_last(qtbot, window):
    score_column = window.matrix.model.column_of("Score")
    _click_header(qtbot, window, score_column)
    if window.matrix.table.horizontalHeader().sortIndicatorOrder() != Qt.SortOrder.DescendingOrder:
        _click_header(qtbot, window, score_column)
    scores = _scores(window)
    scored = [s for s in scores if s.share is not None]
    assert len(scored) >= 5
    assert scores[:len(scored)] == scored, "every scored row comes before every unscored row"
    shares = [s.share for s in scored]
    assert shares == sorted(shares, reverse=True)
    rank_column = window.matrix.model.column_of("Rank")
    ranks = [window.matrix.model.index(r, rank_column).data() for r in range(len(scored))]
    assert ranks[:2] == ["=1", "=1"], "the two 3-of-27 scores tie"
    assert all(window.matrix.model.index(r, rank_column).data() == "" for r in range(len(scored), 10))
    _click_header(qtbot, window, score_column)
    ascending = _scores(window)
    assert ascending[-1].share is None, "unscored rows stay last in ascending order too"
    assert ascending[0].share is not None


def test_arrow_keys_move_across_cells_with_accessible_names(qtbot, window):
    table = window.matrix.table
    table.setFocus()
    table.setCurrentIndex(window.matrix.model.index(0, PROVIDER))
    for _ in range(3):
        qtbot.keyClick(table, Qt.Key.Key_Right)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    current = table.currentIndex()
    assert (current.row(), current.column()) == (1, 3)
    standard = window.matrix.model.standard_at(current.column())
    name = current.data(Qt.ItemDataRole.AccessibleTextRole)
    row = current.data(ItemRole)
    assert name.startswith(f"{row.provider.name}, {standard.title}, ")
    assert name.split(", ")[-1] in ("not recorded", "not applicable", "Requires improvement",
                                    "Inadequate", "Good", "Outstanding") or "(" in name


def test_enter_on_a_cell_shows_that_inspections_findings_for_the_standard(qtbot, window, store, settle,
                                                                          all_findings):
    model = window.matrix.model
    target = next((r, c) for r in range(model.rowCount()) for c in range(model.columnCount())
                  if (cell := model.index(r, c).data(CellRole)) is not None
                  and cell.state is CellState.RATED and cell.standard.code == "1.1")
    table = window.matrix.table
    table.setFocus()
    table.setCurrentIndex(model.index(*target))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    settle(window)
    row = model.index(target[0], 0).data(ItemRole)
    expected = store.findings(FindingQuery(inspection_ids=(row.inspection.inspection_id,),
                                           standard_code="1.1", limit=1000))
    assert all_findings(window) == [f.finding_id for f in expected]
    assert window.findings.focus_bar.isVisible()
    assert "1.1 Leadership" in window.findings.focus_bar.label.text()
    window.findings.clear_focus()
    settle(window)
    assert window.findings.model.total == 538


def test_copy_puts_the_selection_with_headers_on_the_clipboard_as_tsv(qtbot, window):
    table = window.matrix.table
    model = window.matrix.model
    selection = QItemSelection(model.index(0, PUBLISHED), model.index(1, OVERALL))
    table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QApplication.clipboard().text().splitlines()
    assert lines[0] == "Provider\tPublished\tOverall"
    first = model.index(0, 0).data(ItemRole)
    assert lines[1] == (f"{first.provider.name}\t{first.inspection.published.iso() or '—'}\t"
                        f"{first.inspection.overall.label}")
    assert len(lines) == 3


def test_copying_findings_rows_includes_every_column_header(qtbot, window):
    table = window.findings.table
    table.selectRow(0)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QApplication.clipboard().text().splitlines()
    assert lines[0] == "Kind\tDomain\tStandard\tProvider\tPublished\tTags\tFinding"
    assert lines[1].endswith(window.findings.model.finding(0).text)


def test_round_filter_shows_the_round_under_its_framework_with_not_applicable_cells(qtbot, window, settle):
    box = window.matrix.filters["round"]
    box.set_value("2018/19")
    box.value_changed.emit("2018/19")
    settle(window)
    model = window.matrix.model
    assert model.rowCount() == 28
    assert model.framework.framework_id == "crc-nps-2018"
    crc_row = next(r for r in range(model.rowCount()) if model.row_at(r).provider.provider_type == "CRC")
    court = next(c for c in range(model.columnCount()) if (s := model.standard_at(c)) and s.code == "3.1")
    assert model.cell_at(crc_row, court).state is CellState.NOT_APPLICABLE
    assert model.index(crc_row, court).data() == "not applicable"


def test_every_inspection_toggle_shows_all_114(qtbot, window, settle):
    window.matrix.every_action.trigger()
    settle(window)
    assert window.matrix.model.rowCount() == 114
    assert window.matrix.summary.text().startswith("114 inspections")


def test_show_inspections_narrows_matrix_and_findings_until_cleared(qtbot, window, store, settle,
                                                                    all_findings):
    ids = store.inspections_in_period("year", "2019")
    window.show_inspections(ids, "2019")
    settle(window)
    model = window.matrix.model
    assert sorted(model.row_at(r).inspection.inspection_id for r in range(model.rowCount())) == sorted(ids)
    expected = store.findings(FindingQuery(inspection_ids=tuple(ids), limit=10_000))
    assert all_findings(window) == [f.finding_id for f in expected]
    assert window.matrix.banner.isVisible()
    window.matrix.clear_drill()
    settle(window)
    assert model.rowCount() == 93
