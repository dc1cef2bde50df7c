"""Writers that turn a provider summary or a league table into a file, all or nothing.

Every format but PDF is plain Python; the PDF writer imports Qt, and only when a PDF is written;
XLSX imports XlsxWriter when a workbook is written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from inspector_gui.domain.frameworks import Framework
from inspector_gui.domain.league import LeagueTable
from inspector_gui.domain.summary import ProviderSummary
from inspector_gui.errors import ExportError
from inspector_gui.exchange.atomic import atomic_path, write_atomic

FORMATS = ("pdf", "html", "md", "csv", "xlsx", "json")
LEAGUE_FORMATS = ("csv", "xlsx", "json")
CHART_FORMATS = ("pdf", "html")
FORMAT_NAMES = {"pdf": "PDF document", "html": "Web page (HTML)", "md": "Markdown",
                "csv": "CSV (spreadsheet)", "xlsx": "Excel workbook (XLSX)", "json": "JSON"}
SUFFIXES = {"pdf": ".pdf", "html": ".html", "md": ".md", "csv": ".csv", "xlsx": ".xlsx", "json": ".json"}
_SUFFIX_FORMATS = {".htm": "html", ".markdown": "md"} | {v: k for k, v in SUFFIXES.items()}


def format_for_path(path: str | Path) -> str | None:
    """The format a file name's suffix asks for, if any (``.htm`` is HTML)."""
    return _SUFFIX_FORMATS.get(Path(path).suffix.lower())


def render_summary(summary: ProviderSummary, fmt: str, chart_png: bytes | None = None) -> bytes:
    """A text format's bytes; CSV carries a byte-order mark so Excel reads it as UTF-8."""
    from inspector_gui.exchange.writers import delimited, html_doc, json_doc, markdown

    renderers: dict[str, Callable[[], str]] = {
        "html": lambda: html_doc.render_html(summary, chart_png),
        "md": lambda: markdown.render_markdown(summary),
        "csv": lambda: delimited.render_csv(summary),
        "json": lambda: json_doc.render_json(summary),
    }
    if fmt not in renderers:
        raise ExportError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")
    return renderers[fmt]().encode("utf-8-sig" if fmt == "csv" else "utf-8")


def write_summary(summary: ProviderSummary, fmt: str, target: str | Path, *, force: bool = False,
                  chart_png: bytes | None = None, keep: Callable[[], None] | None = None,
                  notebook: Mapping[str, tuple[str, str]] | None = None) -> Path:
    """Write the summary in ``fmt`` to ``target`` through a temporary file; returns the path.
    ``keep`` is called once the file is written, before it takes ``target``'s name, and may
    raise to cancel (:func:`~inspector_gui.exchange.atomic.atomic_path`). ``notebook`` (a
    workbook only): the user's tags and notes by finding natural key."""
    target = Path(target)
    if fmt == "xlsx":
        from inspector_gui.exchange.writers.workbook import write_workbook
        from inspector_gui.exchange.writers.xlsx_tables import summary_workbook

        notes, sheets = summary_workbook(summary, notebook)
        return write_workbook(target, notes, sheets, force=force, keep=keep)
    if fmt == "pdf":
        from inspector_gui.exchange.writers.pdf_doc import write_pdf

        with atomic_path(target, force=force, keep=keep) as temp:
            try:
                write_pdf(summary, temp, chart_png)
            except ImportError as exc:
                raise ExportError(f"cannot be written: PDF export needs Qt, which failed to load ({exc})",
                                  target) from None
            except ExportError as exc:
                raise ExportError(exc.message, target) from None
    else:
        write_atomic(target, render_summary(summary, fmt, chart_png), force=force, keep=keep)
    return target


def write_league(table: LeagueTable, fmt: str, target: str | Path, *, force: bool = False,
                 frameworks: Mapping[str, Framework] | None = None) -> Path:
    """Write the league table as CSV, XLSX (one sheet per league group: give ``frameworks``) or
    JSON to ``target``, all or nothing."""
    from inspector_gui.exchange.writers.league import render_league_csv, render_league_json

    if fmt not in LEAGUE_FORMATS:
        raise ExportError(f"the league table is written as CSV, XLSX or JSON, not {fmt!r}")
    if fmt == "xlsx":
        from inspector_gui.exchange.writers.workbook import write_workbook
        from inspector_gui.exchange.writers.xlsx_tables import league_notes, league_sheets

        sheets = league_sheets(table, frameworks or {})
        return write_workbook(target, league_notes(table), sheets, force=force)
    text = render_league_csv(table) if fmt == "csv" else render_league_json(table)
    write_atomic(target, text.encode("utf-8-sig" if fmt == "csv" else "utf-8"), force=force)
    return Path(target)
