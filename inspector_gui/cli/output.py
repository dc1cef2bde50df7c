"""Printing rows as an aligned table, CSV or JSON: the three formats every listing offers."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import click

from inspector_gui.errors import terminal_text
from inspector_gui.exchange.encodings import CONTROL
from inspector_gui.exchange.json_text import dumps

FORMATS = ("table", "csv", "json")


def say(text: str, *, err: bool = False, data: bool = False) -> None:
    """Print a line (or lines) of output with every control, bidi and undecodable character
    escaped (:func:`~inspector_gui.errors.terminal_text`). ``data`` output (CSV) is left as it is
    when it goes to a file or a pipe rather than a terminal."""
    stream = sys.stderr if err else sys.stdout
    raw = data and not stream.isatty()
    click.echo(text if raw else terminal_text(text), err=err)


def format_option(func: Any) -> Any:
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table",
                        show_default=True, help="Output format.")(func)


def render(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str) -> str:
    """Rows as text in the chosen format; table cells are single-line."""
    if fmt == "json":
        return dumps([{c: r.get(c) for c in columns} for r in rows]).rstrip("\n")
    if fmt == "csv":
        from inspector_gui.exchange.writers.delimited import to_csv  # with the summary writers

        return to_csv(columns, iter(rows)).rstrip("\r\n")
    return _table(rows, columns)


def _table(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    return "\n".join(lines)


def _cell(value: Any) -> str:
    """One line of plain text; control characters (terminal escapes in a store written by another
    tool) become U+FFFD so they cannot act on the terminal."""
    return "" if value is None else CONTROL.sub("\ufffd", " ".join(str(value).split()))
