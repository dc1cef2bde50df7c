"""Commands that look after a store file rather than read it: migrate."""

from __future__ import annotations

from pathlib import Path

import click

from inspector_gui.cli.common import handle_errors, store_target, store_target_option
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
    click.echo(migrate_store(store_target(path, store_path)).summary())
