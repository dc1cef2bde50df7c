"""*Export this view*: the same tables (the rating matrix per league group, the findings) with the
Notes that state the filters first, as XLSX, an HTML page, a PDF laid out from that page, or CSV
(the findings, after ``#`` lines stating the filters). Every imported string is escaped for the
format it goes into; a rating cell carries its word and its palette colour."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from inspector_gui.domain.palette import swatch
from inspector_gui.errors import ExportError
from inspector_gui.exchange.atomic import atomic_path, write_atomic
from inspector_gui.exchange.encodings import markup as escape
from inspector_gui.exchange.writers.delimited import to_csv
from inspector_gui.exchange.writers.workbook import Notes, RatingValue, Sheet, Value, write_workbook

VIEW_FORMATS = ("xlsx", "pdf", "html", "csv")
UNPRINTED = frozenset({"Source URL", "Inspection", "Domain", "Standard", "Region", "Tied", "Score basis"})
_CSS = ("body{font-family:sans-serif;font-size:10pt} table{border-collapse:collapse;margin-bottom:12pt} "
        "th,td{border:1px solid #999;padding:2px 4px;vertical-align:top;text-align:left} "
        "th{background:#eee} h1{font-size:16pt} h2{font-size:13pt}")


def write_view(fmt: str, target: Path, notes: Notes, sheets: Sequence[Sheet], *, force: bool = False) -> Path:
    """Write the view in ``fmt`` (one of :data:`VIEW_FORMATS`) to ``target``, all or nothing."""
    if fmt == "xlsx":
        return write_workbook(target, notes, sheets, force=force)
    if fmt == "html":
        write_atomic(target, render_view_html(notes, sheets).encode("utf-8"), force=force)
    elif fmt == "csv":
        findings = next((s for s in sheets if s.name == "Findings"), None)
        write_atomic(target, render_view_csv(notes, findings).encode("utf-8-sig"), force=force)
    elif fmt == "pdf":
        with atomic_path(target, force=force) as temp:
            _write_pdf(render_view_html(notes, sheets), temp)
    else:
        raise ExportError(f"a view is written as {', '.join(VIEW_FORMATS)}, not {fmt!r}", target)
    return target


def render_view_html(notes: Notes, sheets: Sequence[Sheet]) -> str:
    facts = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in notes.lines())
    body = [f"<h1>{escape(notes.title)}</h1>", f"<table>{facts}</table>"]
    body += [_table_html(sheet) for sheet in sheets]
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{escape(notes.title)}'
            f"</title><style>{_CSS}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n")


def _table_html(sheet: Sheet) -> str:
    """A sheet as a table, without the columns a page has no room for (URLs, ids, domain and
    standard names: the workbook has them)."""
    keep = [i for i, c in enumerate(sheet.columns) if c not in UNPRINTED]
    head = "".join(f"<th>{escape(sheet.columns[i])}</th>" for i in keep)
    rows = "".join("<tr>" + "".join(_cell_html(row[i]) for i in keep if i < len(row)) + "</tr>\n"
                   for row in sheet.rows)
    return (f"<h2>{escape(sheet.title)}</h2>\n<table><thead><tr>{head}</tr></thead><tbody>\n{rows}"
            "</tbody></table>")


def _cell_html(value: Value) -> str:
    if isinstance(value, RatingValue):
        look = swatch(value.rating, value.applicable)
        return f'<td style="background-color:{look.fill};color:{look.text}">{escape(value.text)}</td>'
    return f"<td>{escape('' if value is None else str(value))}</td>"


def render_view_csv(notes: Notes, findings: Sheet | None) -> str:
    """``#`` lines stating title and filters, then the findings with one header row."""
    preamble = [f"# {notes.title}"] + [f"# {k}: {v}" for k, v in notes.lines()]
    head = "".join(" ".join(line.split()) + "\r\n" for line in preamble)
    if findings is None:
        return head
    rows = ({c: _plain(v) for c, v in zip(findings.columns, row, strict=False)} for row in findings.rows)
    return head + to_csv(findings.columns, rows)


def _plain(value: Value) -> object:
    return value.text if isinstance(value, RatingValue) else value


def _write_pdf(html: str, path: Path) -> None:
    """Lay the HTML out once on landscape A4 pages, then paint page by page (Qt's rich text engine
    loads nothing from outside the HTML)."""
    from PySide6.QtCore import QMarginsF, QRectF, QSizeF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

    from inspector_gui.exchange.writers.pdf_doc import offline_document
    from inspector_gui.offscreen import ensure_application

    ensure_application()
    writer = QPdfWriter(str(path))
    writer.setResolution(96)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter))
    writer.setTitle("Inspector GUI: this view")
    page = writer.pageLayout().paintRectPixels(96)
    document = offline_document(html)
    document.setDefaultFont(QFont("DejaVu Sans", 7))
    document.documentLayout().setPaintDevice(writer)
    document.setPageSize(QSizeF(page.width(), page.height()))
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError("cannot be written (Qt could not start the PDF)", path)
    try:
        for index in range(document.pageCount()):
            if index:
                writer.newPage()
            painter.save()
            painter.translate(0, -index * page.height())
            document.drawContents(painter, QRectF(0, index * page.height(), page.width(), page.height()))
            painter.restore()
    finally:
        painter.end()
