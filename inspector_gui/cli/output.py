"""Printing rows as an aligned table, CSV or JSON: the three formats every listing offers."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import click

from inspector_gui.errors import one_line, terminal_text
from inspector_gui.exchange.json_text import dumps

FORMATS = ("table", "csv", "json")


def say(text: str, *, err: bool = False, data: bool = False) -> None:
    """Print a line (or lines) of output with every control, bidi and undecodable character
    escaped (:func:`~inspector_gui.errors.terminal_text`). ``data`` output (CSV, JSON, Markdown,
    HTML) goes to a file or a pipe exactly as it is: no escape added, none stripped (click.echo
    would strip ANSI styles there), its own line ends kept."""
    stream = sys.stderr if err else sys.stdout
    raw = data and not stream.isatty()
    if not raw:
        text = terminal_text(text.replace("\r\n", "\n") if data else text)
    stream.write(text if text.endswith("\n") else text + "\n")
    stream.flush()


def format_option(func: Any) -> Any:
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table",
                        show_default=True, help="Output format.")(func)


def render(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str) -> str:
    """Rows as text in the chosen format; table cells are single-line."""
    if fmt == "json":
        return dumps([{c: r.get(c) for c in columns} for r in rows]).rstrip("\n")
    if fmt == "csv":
        from inspector_gui.exchange.writers.delimited import to_csv  # with the summary writers

        return to_csv(columns, iter(rows))
    return _table(rows, columns)


def _table(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    """Columns as wide as their widest cell once escaped, so an escape cannot push a column."""
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    return "\n".join(lines)


def _cell(value: Any) -> str:
    """One line of plain text with every non-printable character (terminal escapes in a store
    written by another tool, noncharacters) shown as its escape, as messages show them."""
    return "" if value is None else one_line(" ".join(str(value).split()))
