"""Commands that look after a store file rather than read it: migrate, check, rebuild-index."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from inspector_gui.cli.common import (
    chosen_store,
    handle_errors,
    store_option,
    store_target,
    store_target_option,
)
from inspector_gui.cli.output import say
from inspector_gui.errors import StoreError
from inspector_gui.store import search_index
from inspector_gui.store.migration import migrate_store


@click.command()
@store_target_option(click.Path(path_type=Path, readable=False))
@handle_errors
def migrate(path: Path | None, store_path: Path | None) -> None:
    """Upgrade a store (--store PATH, or PATH) made by an older Inspector GUI to the current schema.

    A byte-for-byte copy of the store is kept beside it first (PATH.bak-schemaN; an existing
    copy is never overwritten), then the store is upgraded in one transaction. A store that is
    already current is left untouched.

    \b
    Example:
      inspector migrate --store ~/inspections.db
      inspector migrate ~/inspections.db
    """
    with _working("migrating") as working:
        result = migrate_store(store_target(path, store_path), working)
    say(result.summary())


@click.command()
@store_option
@handle_errors
def check(store_path: Path | None) -> None:
    """Scan the whole store file for damage (SQLite's quick_check) and check that its search index
    matches its findings; say whether it is intact.

    Other reading commands skip this scan (0.5 s on a million findings) and report damage only
    where their own reads meet it; import and migrate run it before they write.

    \b
    Example:
      inspector check --store ~/inspections.db
    """
    from inspector_gui.reports.catalogue import check_store

    path = chosen_store(store_path)
    problem = check_store(path)
    if problem:
        raise StoreError(problem, path)
    say(f"{path}: intact (quick_check found no damage; the search index matches the findings)")


@click.command(name="rebuild-index")
@store_target_option(click.Path(path_type=Path, readable=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, readable=False),
              help="Rebuild into this new copy and leave the store as it is.")
@handle_errors
def rebuild_index(path: Path | None, store_path: Path | None, output: Path | None) -> None:
    """Rebuild a store's search index (--store PATH, or PATH) from its findings.

    Use it when a search says the index is missing or damaged. In place, a byte-for-byte copy
    of the store is kept beside it first (PATH.bak-index; an existing copy is never
    overwritten); with --output the store is copied there and only the copy is changed.

    \b
    Example:
      inspector rebuild-index ~/inspections.db
    """
    with _working("rebuilding the search index") as working:
        result = search_index.rebuild_index(store_target(path, store_path), output, working)
    say(result.summary())


@contextmanager
def _working(doing: str) -> Iterator[Callable[[float], None] | None]:
    """A line on a terminal's stderr, rewritten as a long write goes on and ended when it has
    (none when stderr is not a terminal)."""
    if not _terminal():
        yield None
        return
    shown = []

    def report(seconds: float) -> None:
        shown.append(seconds)
        click.echo(f"\r{doing}… {seconds:.0f} s", err=True, nl=False)

    try:
        yield report
    finally:
        if shown:
            click.echo(err=True)


def _terminal() -> bool:
    return sys.stderr.isatty()
