"""File → Export this view…: XLSX, PDF, HTML and CSV of what the window shows, the first page or
sheet stating the filters; read back and compared with the store."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from pypdf import PdfReader

from inspector_gui.ui.view_export import FILTERS

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def _narrow(window, settle) -> None:
    f = window.findings.filters
    f.set_domain("Case supervision")
    f.search.setText("risk")
    f.search.settle()
    settle(window)


def _export(window, settle, path, fmt, qtbot=None):
    window.view_export.choose_file = lambda parts: (str(path), FILTERS[fmt])
    window.view_export.start()
    if qtbot is not None:  # a PDF lays out some thirty pages: allow for a loaded machine
        qtbot.waitUntil(lambda: not window.is_busy(), timeout=90_000)
    settle(window)
    assert window.view_export.last_message is None
    return path


def test_xlsx_of_this_view_states_its_filters_and_holds_its_findings(qtbot, window, settle, all_findings,
                                                                     tmp_path):
    _narrow(window, settle)
    ids = all_findings(window)
    out = _export(window, settle, tmp_path / "view", "xlsx")
    wb = openpyxl.load_workbook(tmp_path / "view.xlsx")
    assert wb.sheetnames[0] == "Notes" and wb.sheetnames[-1] == "Findings" and out
    notes = {r[0]: r[1] for r in wb["Notes"].iter_rows(min_row=3, values_only=True)}
    assert notes["Filter: search"] == "risk" and notes["Filter: domains"] == "crc-nps-2018 2"
    assert notes["Filter: selection"] == "All providers"
    assert notes["Filter: matrix shows"] == "only each provider's latest inspection"
    findings = [r[0] for r in wb["Findings"].iter_rows(min_row=3, values_only=True)]
    assert findings == ids
    matrix_rows = sum(ws.max_row - 2 for ws in wb.worksheets[1:-1])
    assert matrix_rows == window.matrix.model.rowCount()
    assert wb["Findings"].cell(2, 12).value == "Your tags"


def test_pdf_html_and_csv_of_this_view_start_with_the_filters(qtbot, window, settle, all_findings, tmp_path):
    _narrow(window, settle)
    ids = all_findings(window)
    pdf = _export(window, settle, tmp_path / "view.pdf", "pdf", qtbot)
    first = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert "Filter: search" in first and "risk" in first and "Filter: domains" in first
    html = _export(window, settle, tmp_path / "view.html", "html").read_text(encoding="utf-8")
    assert html.index("Filter: search") < html.index("<h2>")
    assert "background-color:" in html
    text = _export(window, settle, tmp_path / "view.csv", "csv").read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    assert lines[0].startswith("# ") and "# Filter: search: risk" in lines
    body = [line for line in lines if not line.startswith("#")]
    rows = list(csv.reader(io.StringIO("\n".join(body))))
    assert rows[0][0] == "Finding id" and [int(r[0]) for r in rows[1:]] == ids


def test_the_matrix_and_findings_context_menus_offer_it_and_excel_of_their_own(
        qtbot, window, settle, all_findings, tmp_path):
    exporter = window.view_export
    action = exporter.action
    assert action in window.matrix.table.actions() and action in window.findings.table.actions()
    assert action.shortcut().toString() == "Ctrl+Shift+X"
    assert exporter.matrix_action in window.matrix.table.actions()
    assert exporter.findings_action in window.findings.table.actions()
    _narrow(window, settle)
    ids = all_findings(window)
    exporter.choose_file = lambda parts: (str(tmp_path / "f.xlsx"), FILTERS["xlsx"])
    exporter.findings_action.trigger()
    settle(window)
    book = openpyxl.load_workbook(tmp_path / "f.xlsx")
    assert book.sheetnames == ["Notes", "Findings"] and book["Notes"]["A1"].value == "Findings"
    assert [r[0] for r in book["Findings"].iter_rows(min_row=3, values_only=True)] == ids
    exporter.choose_file = lambda parts: (str(tmp_path / "m.xlsx"), FILTERS["xlsx"])
    exporter.matrix_action.trigger()
    settle(window)
    book = openpyxl.load_workbook(tmp_path / "m.xlsx")
    assert "Findings" not in book.sheetnames and len(book.sheetnames) > 1
    cell = book.worksheets[1].cell(3, 9)
    assert cell.value in ("Outstanding", "Good", "Requires improvement", "Inadequate", "Not rated",
                          "Not recorded") and cell.fill.fill_type == "solid"
