"""Commands that look after a store file rather than read it: migrate, check."""

from __future__ import annotations

from pathlib import Path

import click

from inspector_gui.cli.common import handle_errors, store_option
from inspector_gui.store.default import resolve_store
from inspector_gui.store.migration import migrate_store


@click.command()
@click.argument("path", type=click.Path(path_type=Path, readable=False))
@handle_errors
def migrate(path: Path) -> None:
    """Upgrade a store made by an older Inspector GUI to the current schema.

    A byte-for-byte copy of the store is kept beside it first (PATH.bak-schemaN; an existing
    copy is never overwritten), then the store is upgraded in one transaction. A store that is
    already current is left untouched.

    \b
    Example:
      inspector migrate ~/inspections.db
    """
    click.echo(migrate_store(path).summary())


@click.command()
@store_option
@handle_errors
def check(store_path: Path | None) -> None:
    """Scan the whole store file for damage (SQLite's quick_check) and say whether it is intact.

    Other reading commands skip this scan (0.5 s on a million findings) and report damage only
    where their own reads meet it; import and migrate run it before they write.

    \b
    Example:
      inspector check --store ~/inspections.db
    """
    from inspector_gui.store import Store

    path = resolve_store(store_path)
    Store.open(path, check=True).close()
    click.echo(f"{path}: intact (quick_check found no damage)")
