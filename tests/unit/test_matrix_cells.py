"""Cells of the rating matrix across frameworks: rated, not recorded and not applicable differ."""

from __future__ import annotations

from inspector_gui.domain.frameworks import Framework, Standard
from inspector_gui.domain.matrix import Cell, CellState, build_matrix, column_framework
from inspector_gui.domain.ratings import Rating
from inspector_gui.domain.records import MatrixRow
from inspector_gui.store import Store


def _standard(store: Store, framework_id: str, code: str):
    return next(s for s in store.frameworks()[framework_id].standards if s.code == code)


def resolve_cell(row: MatrixRow, column: Standard, frameworks: dict[str, Framework]) -> Cell:
    """The cell the matrix shows for ``row`` under ``column`` (columns of its framework)."""
    data = build_matrix([row], frameworks, column.framework_id)
    return data.cells[0][data.standards.index(column)]


def test_round_2018_19_rows_show_type_specific_standards_as_not_applicable(store: Store):
    rows = store.rating_matrix(round="2018/19")
    frameworks = store.frameworks()
    crc = next(r for r in rows if r.provider.provider_type == "CRC")
    nps = next(r for r in rows if r.provider.provider_type == "NPS division")
    court = _standard(store, "crc-nps-2018", "3.1")
    unpaid = _standard(store, "crc-nps-2018", "4.1")
    assert resolve_cell(crc, court, frameworks).state is CellState.NOT_APPLICABLE
    assert resolve_cell(nps, unpaid, frameworks).state is CellState.NOT_APPLICABLE
    assert resolve_cell(nps, court, frameworks).state is CellState.NOT_RECORDED


def test_a_stated_rating_resolves_with_its_source(store: Store):
    row = store.rating_matrix(inspection_ids=["durham-tees-valley-crc-2020-04"], latest_only=False)[0]
    cell = resolve_cell(row, _standard(store, "crc-nps-2018", "1.1"), store.frameworks())
    assert (cell.state, cell.rating, cell.stated) == (CellState.RATED, Rating.OUTSTANDING, True)
    assert cell.label == "Outstanding"


def test_a_news_report_rating_is_not_stated(store: Store):
    row = store.rating_matrix(inspection_ids=["cumbria-and-lancashire-crc-2019-05-30"],
                              latest_only=False)[0]
    cell = resolve_cell(row, _standard(store, "crc-nps-2018", "1.1"), store.frameworks())
    assert cell.rating is Rating.GOOD
    assert not cell.stated


def test_other_frameworks_match_by_standard_name_not_by_code(store: Store):
    frameworks = store.frameworks()
    pdu_2021 = next(r for r in store.rating_matrix(framework_id="pdu-2021"))
    assessment_2023 = _standard(store, "pdu-2023", "2.1")
    cell = resolve_cell(pdu_2021, assessment_2023, frameworks)
    assert cell.standard is not None and cell.standard.code == "2.2"
    assert cell.standard.name == "Assessment"
    staffing_2023 = _standard(store, "pdu-2023", "1.2")  # 2021 called it "Staff"
    assert resolve_cell(pdu_2021, staffing_2023, frameworks).state is CellState.NOT_APPLICABLE


def test_column_framework_prefers_the_choice_then_the_most_rows(store: Store):
    frameworks = store.frameworks()
    rows = store.rating_matrix(round="2018/19")
    assert column_framework(rows, frameworks).framework_id == "crc-nps-2018"
    assert column_framework(rows, frameworks, "pdu-2021").framework_id == "pdu-2021"
    assert column_framework([], frameworks) is None
