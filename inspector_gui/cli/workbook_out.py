"""``--format xlsx --output FILE`` for the commands that offer CSV (``findings``, ``ratings``,
``compare``): a workbook with a Notes sheet stating the options used, written all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from inspector_gui.cli.common import fail

LISTING_FORMATS = ("table", "csv", "json", "xlsx")


def output_options(formats: tuple[str, ...]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--format`` (one of ``formats``, which include xlsx), ``--output`` and ``--force``."""
    def add(func: Callable[..., Any]) -> Callable[..., Any]:
        func = click.option("--force", is_flag=True,
                            help="With --output: replace the file if it exists.")(func)
        func = click.option("--output", "-o", type=click.Path(path_type=Path),
                            help="Write an Excel workbook (.xlsx) here instead of printing.")(func)
        return click.option("--format", "fmt", type=click.Choice(formats), default=None,
                            help="Output format (default: table; xlsx with --output).")(func)

    return add


listing_options = output_options(LISTING_FORMATS)


def chosen_format(fmt: str | None, output: Path | None, force: bool) -> str:
    """The format asked for, checked before any work: xlsx needs --output, --output means xlsx."""
    if output is None:
        if fmt == "xlsx":
            fail("--format xlsx writes a file: give --output FILE.xlsx")
        return fmt or "table"
    if fmt not in (None, "xlsx"):
        fail(f"--output writes an Excel workbook; {fmt} is printed (leave out --output, or use xlsx)")
    from inspector_gui.exchange.atomic import check_target  # only when a file is written

    check_target(output, force)
    return "xlsx"
