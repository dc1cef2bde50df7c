"""Printing rows as an aligned table, CSV or JSON: the three formats every listing offers."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import click

from inspector_gui.exchange.encodings import CONTROL

FORMATS = ("table", "csv", "json")


def format_option(func: Any) -> Any:
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table",
                        show_default=True, help="Output format.")(func)


def render(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str) -> str:
    """Rows as text in the chosen format; table cells are single-line."""
    if fmt == "json":
        return json.dumps([{c: r.get(c) for c in columns} for r in rows], indent=2, ensure_ascii=False)
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
