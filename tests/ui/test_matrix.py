"""The rating matrix: league sorting, keyboard navigation, drill-down, copy, frameworks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QObject, QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from inspector_gui.domain.matrix import CellState
from inspector_gui.domain.records import FindingQuery
from inspector_gui.ui.models.rating_matrix import LEADING, OVERALL, PROVIDER, PUBLISHED
from inspector_gui.ui.roles import CellRole, FrameworkRole, ItemRole, NameRole, TitleRole
from inspector_gui.ui.scores import league_text

pytestmark = pytest.mark.qt_log_level_fail("WARNING")  # any Qt warning is a failure here


def _click_header(qtbot, window, column: int) -> None:
    window.matrix.table.scrollTo(window.matrix.model.index(0, column))
    header = window.matrix.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() - 5))


def test_sorting_by_rank_lists_each_league_group_in_rank_order(qtbot, window):
    model = window.matrix.model
    _click_header(qtbot, window, model.column_of("Rank"))
    if window.matrix.table.horizontalHeader().sortIndicatorOrder() != Qt.SortOrder.AscendingOrder:
        _click_header(qtbot, window, model.column_of("Rank"))
    entries = [model._data.entries[model._order[r]] for r in range(model.rowCount())]
    ranked = [e for e in entries if e.rank is not None]
    assert entries[:len(ranked)] == ranked, "unranked rows come after every ranked one"
    places = [(e.group.order, e.rank) for e in ranked]
    assert places == sorted(places), "groups stay together, each in rank order"
    league = model.column_of("League")
    first = model.index(0, league)
    assert first.data() == league_text(entries[0])
    tip = model.index(0, model.column_of("Rank")).data(Qt.ItemDataRole.ToolTipRole)
    assert entries[0].group.label in tip and entries[0].group.ranking in tip
    national = next(r for r in range(model.rowCount())
                    if model.row_at(r).provider.provider_type == "national")
    assert model.index(national, model.column_of("Rank")).data() == ""


def test_stated_scores_are_marked_in_the_score_column(qtbot, window, settle):
    window.matrix.every_action.trigger()
    settle(window)
    model = window.matrix.model
    row = next(r for r in range(model.rowCount())
               if model.row_at(r).inspection.inspection_id == "lambeth-pdu-2022-10")
    assert model.index(row, model.column_of("Score")).data() == "3 of 27 · stated"
    tip = model.index(row, model.column_of("Score")).data(Qt.ItemDataRole.ToolTipRole)
    assert "stated by a source, with no standard ratings recorded" in tip


def test_all_providers_show_a_block_per_framework_with_names_in_the_header(qtbot, window):
    model = window.matrix.model
    assert [f.framework_id for f in model.frameworks] == [
        "pdu-2023", "national-2025", "region-2023", "pdu-2021", "crc-nps-2018"]
    header = window.matrix.table.horizontalHeader()
    titles = [model.headerData(c, Qt.Orientation.Horizontal, TitleRole) for c in range(model.columnCount())]
    assert "crc-nps-2018 4.2 Through the Gate" in titles and "pdu-2021 1.2 Staff" in titles
    gate = titles.index("crc-nps-2018 4.2 Through the Gate")
    assert model.headerData(gate, Qt.Orientation.Horizontal, NameRole) == "Through the Gate"
    assert model.headerData(gate, Qt.Orientation.Horizontal, FrameworkRole) == (
        "crc-nps-2018", "CRC and NPS standards 2018-2020")
    assert header.height() >= 2 * header.band_height() + 3 * header.fontMetrics().lineSpacing()
    west = next(r for r in range(model.rowCount()) if model.row_at(r).provider.name == "West Yorkshire CRC")
    assert model.index(west, gate).data() == "Good"


def test_the_provider_column_stays_in_view_when_scrolling_right(qtbot, window):
    table = window.matrix.table
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
    qtbot.wait(10)
    assert table.horizontalScrollBar().value() > 0
    frozen = table.frozen
    assert frozen.isVisible() and frozen.x() <= table.frameWidth() + 1
    assert frozen.width() == table.columnWidth(PROVIDER) >= 220
    assert [c for c in range(window.matrix.model.columnCount()) if not frozen.isColumnHidden(c)] == [PROVIDER]
    assert frozen.indexAt(QPoint(5, 5)).data() == window.matrix.model.row_at(0).provider.name
    assert table.horizontalHeader().covered == table.columnWidth(PROVIDER), \
        "band names start right of the frozen column"


def test_a_click_on_the_frozen_provider_header_sorts_without_selecting_the_column(qtbot, window, settle):
    table = window.matrix.table
    header, sorted_by = table.frozen.horizontalHeader(), table.horizontalHeader()
    orders = []
    for _ in range(2):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(header.sectionViewportPosition(PROVIDER) + 20, header.height() // 2))
        settle(window)
        orders.append((sorted_by.sortIndicatorSection(), sorted_by.sortIndicatorOrder()))
    assert [section for section, _ in orders] == [PROVIDER, PROVIDER] and orders[0][1] != orders[1][1]
    assert not table.selectionModel().selectedColumns()
    assert len(table.selectionModel().selectedIndexes()) <= 1


def test_arrow_keys_move_across_cells_with_accessible_names(qtbot, window):
    table = window.matrix.table
    table.setFocus()
    table.setCurrentIndex(window.matrix.model.index(0, PROVIDER))
    for _ in range(len(LEADING)):
        qtbot.keyClick(table, Qt.Key.Key_Right)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    current = table.currentIndex()
    assert (current.row(), current.column()) == (1, len(LEADING))
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
    assert [f.framework_id for f in model.frameworks] == ["crc-nps-2018"]
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


def test_a_group_of_one_provider_is_summarised_in_the_singular(window, settle):
    from inspector_gui.ui.scope import Scope

    window.matrix.set_scope(Scope("group:one", "One", ("west-yorkshire-crc",)))
    settle(window)
    assert window.matrix.model.rowCount() == 1
    assert window.matrix.summary.text().startswith("1 provider (latest inspection)")



class _Paints(QObject):
    """Counts the paints of a widget that cover all of it."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.widget, self.whole = widget, 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and event.rect().contains(self.widget.rect()):
            self.whole += 1
        return False


def test_new_rows_are_laid_out_before_the_first_paint(qtbot, window, settle):
    """The matrix and the findings table lay out (scroll bars, rows) when their rows arrive, not in
    Qt's delayed layout, which would repaint the whole viewport once more after the first paint."""
    seen: dict[str, int] = {}
    matrix, findings = window.matrix.table, window.findings.table
    paints = _Paints(matrix.viewport())
    window.matrix.shown.connect(lambda: setattr(paints, "whole", 0))  # after the panel's own handler
    window.findings.model.page_loaded.connect(
        lambda: seen.setdefault("findings", findings.verticalScrollBar().maximum()))
    window.matrix.every_action.setChecked(True)  # 114 rows
    window.findings.refresh()
    settle(window)
    qtbot.wait(100)
    assert window.matrix.model.rowCount() == 114
    assert paints.whole == 1, "the matrix's viewport painted once with its new rows"
    assert seen["findings"] > 0, "the findings' scroll range was set with the first page"
