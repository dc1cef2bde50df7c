"""Reading a workbook back with openpyxl, checking the conventions every workbook the app writes
keeps (Notes first, one header row in row 2, frozen, no merged cells, no blank rows inside a
table, a rating cell's word with its palette fill); shared by the XLSX tests."""

from __future__ import annotations

from inspector_gui.domain.palette import NOT_APPLICABLE, swatch
from inspector_gui.domain.ratings import GRADED, STATES, Rating

WORDS = {r.label: r for r in (*GRADED, *STATES) if r.label} | {"Not recorded": Rating.NOT_RECORDED}


def table(ws) -> tuple[list[str], list[list]]:
    """Header (row 2) and body rows of a sheet, after checking the layout conventions."""
    assert ws.freeze_panes == "A3"
    assert not ws.merged_cells.ranges
    header = [c.value for c in ws[2]]
    rows = [list(r) for r in ws.iter_rows(min_row=3, values_only=True)]
    assert all(any(v not in (None, "") for v in row) for row in rows), "no blank rows inside a table"
    return header, rows


def notes(wb) -> dict[str, str]:
    ws = wb["Notes"]
    assert wb.sheetnames[0] == "Notes" and ws["A1"].value
    header, rows = table(ws)
    assert header == ["Item", "Value"]
    return {item: value for item, value in rows}


def assert_fill(cell) -> None:
    """A rating cell: its word, and the palette's fill for that word."""
    applicable = cell.value != NOT_APPLICABLE.label
    expected = swatch(WORDS[cell.value]).fill if applicable else NOT_APPLICABLE.fill
    assert cell.fill.fill_type == "solid"
    assert cell.fill.fgColor.rgb.lower() == "ff" + expected[1:].lower()
