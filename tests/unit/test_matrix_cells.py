"""Cells of the rating matrix across frameworks: one block of columns per framework, so a rating
is only ever under its own framework's standard; rated, not recorded and not applicable differ."""

from __future__ import annotations

from inspector_gui.domain.frameworks import Framework, Standard
from inspector_gui.domain.matrix import (
    Cell,
    CellState,
    applicable_codes,
    block_order,
    build_matrix,
    cell_for,
)
from inspector_gui.domain.ratings import Rating
from inspector_gui.domain.records import MatrixRow
from inspector_gui.store import Store


def _standard(store: Store, framework_id: str, code: str):
    return next(s for s in store.frameworks()[framework_id].standards if s.code == code)


def resolve_cell(row: MatrixRow, column: Standard, frameworks: dict[str, Framework]) -> Cell:
    """The cell the matrix shows for ``row`` under ``column`` (columns of its framework)."""
    return cell_for(row, column, applicable_codes(row, frameworks))


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


def test_every_recorded_rating_is_under_its_own_framework_header(store: Store):
    """Done when: for every provider, each rating of its latest inspection is shown under its own
    framework's standard, and no cell says n/a for a standard its framework rates it on."""
    frameworks = store.frameworks()
    data = build_matrix(store.rating_matrix(), frameworks)
    assert len(data.rows) == 93
    shown = 0
    for row, cells in zip(data.rows, data.cells, strict=True):
        own = {s.code for s in frameworks[row.inspection.framework_id].standards_for(
            row.provider.provider_type)}
        for column, cell in zip(data.standards, cells, strict=True):
            mine = column.framework_id == row.inspection.framework_id
            assert (cell.state is CellState.OTHER_FRAMEWORK) is not mine
            if mine and column.code in own:
                assert cell.state is not CellState.NOT_APPLICABLE, (row.provider.name, column.title)
            if cell.state is CellState.RATED:
                assert mine and row.cells[column.code].rating is cell.rating
                shown += 1
        rated = {code for code, c in row.cells.items() if c.rating.is_graded}
        placed = {c.standard.code for c in cells if c.state is CellState.RATED and c.standard}
        assert placed == rated, row.provider.name
    assert shown == sum(len(r.cells) for r in data.rows)


def test_west_yorkshire_crc_through_the_gate_is_visible(store: Store):
    data = build_matrix(store.rating_matrix(), store.frameworks())
    number = next(n for n, r in enumerate(data.rows) if r.provider.name == "West Yorkshire CRC")
    gate = _standard(store, "crc-nps-2018", "4.2")
    cell = data.cells[number][data.standards.index(gate)]
    assert (cell.state, cell.rating) == (CellState.RATED, Rating.GOOD)


def test_one_block_per_framework_newest_first_or_the_chosen_one_first(store: Store):
    frameworks = store.frameworks()
    rows = store.rating_matrix()
    order = [f.framework_id for f in block_order(rows, frameworks)]
    assert order == ["pdu-2023", "national-2025", "region-2023", "pdu-2021", "crc-nps-2018"]
    chosen = [f.framework_id for f in block_order(rows, frameworks, "crc-nps-2018")]
    assert chosen[0] == "crc-nps-2018" and sorted(chosen) == sorted(order)
    data = build_matrix(rows, frameworks)
    assert [s.framework_id for s in data.standards] == [
        f for f in order for _ in data.blocks[order.index(f)].standards]
    codes = [(s.framework_id, s.code) for s in data.standards]
    assert len(codes) == len(set(codes)) == 37


def test_a_block_leaves_out_standards_no_row_is_rated_on(store: Store):
    rows = store.rating_matrix(provider_type="NPS division")
    data = build_matrix(rows, store.frameworks())
    assert [b.framework.framework_id for b in data.blocks] == ["crc-nps-2018"]
    assert "4.1" not in [s.code for s in data.standards] and "3.1" in [s.code for s in data.standards]
    assert build_matrix([], store.frameworks()).blocks == ()


def test_the_matrix_shares_each_columns_cells_without_a_rating_and_resolves_them_alike(store: Store):
    """Every row's empty cells are one object per column and state (the garbage collector's
    work on a 2,000-row matrix), and each equals the cell resolved for that row alone."""
    rows = store.rating_matrix(latest_only=False)
    frameworks = store.frameworks()
    data = build_matrix(rows, frameworks)
    for row, cells in zip(data.rows, data.cells, strict=True):
        assert cells == tuple(resolve_cell(row, column, frameworks) for column in data.standards)
    for position in range(len(data.standards)):
        column = [cells[position] for cells in data.cells]
        for state in (CellState.OTHER_FRAMEWORK, CellState.NOT_APPLICABLE, CellState.NOT_RECORDED):
            assert len({id(c) for c in column if c.state is state}) <= 1
        rated = [c for c in column if c.state is CellState.RATED]
        assert len({id(c) for c in rated}) == len(rated), "a rated cell carries its own source"
    assert sum(c.state is CellState.RATED for cells in data.cells for c in cells) > 50
