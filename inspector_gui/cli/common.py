"""What every command shares: the ``--store`` option and the one route for errors."""

from __future__ import annotations

import contextlib
import functools
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

from inspector_gui.domain.domains import DomainGroup, resolve_domain
from inspector_gui.domain.records import PROVIDER_TYPES
from inspector_gui.errors import InspectorError, StoreError, one_line
from inspector_gui.exchange.encodings import visible
from inspector_gui.store import Store, connection
from inspector_gui.store.default import NOTEBOOK_ENV, STORE_ENV, resolve_store

EXIT_BAD_INPUT = 2
MAX_INT64 = 2**63 - 1
"""The largest whole number SQLite stores: the top of every count option's range."""


def count_type(minimum: int) -> click.IntRange:
    """A count option: a whole number from ``minimum`` to :data:`MAX_INT64`."""
    return click.IntRange(minimum, MAX_INT64)


def store_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--store", "store_path", type=click.Path(path_type=Path, readable=False), envvar=STORE_ENV,
        help=f"Store file to use (default: ${STORE_ENV}, else the bundled data's store).",
    )(func)


def notebook_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--notebook", "notebook_path", type=click.Path(path_type=Path, readable=False), envvar=NOTEBOOK_ENV,
        help=f"Notebook file (default: ${NOTEBOOK_ENV}, else notebook.db beside the settings).")(func)


def store_target_option(kind: click.Path) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--store PATH`` of a command that makes or changes that very file (migrate, synth): it
    may also be given as a positional PATH, and never comes from the environment."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        func = click.option("--store", "store_path", type=kind,
                            help="The store file (or give it as PATH).")(func)
        return click.argument("path", required=False, type=kind)(func)

    return decorate


def store_target(path: Path | None, store_path: Path | None) -> Path:
    """The one store named by PATH or ``--store``."""
    if path is not None and store_path is not None and path != store_path:
        fail(f"give the store once, as PATH or --store (not {path} and {store_path})")
    chosen = path or store_path
    if chosen is None:
        raise click.UsageError("Missing option '--store' (or a PATH)", click.get_current_context())
    return chosen


def provider_type_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--type``, any case: a type of the store's providers (probation's CRC, PDU…, Ofsted's
    local authority); :func:`store_provider_type` turns it into the store's spelling."""
    return click.option("--type", "provider_type", metavar="TYPE",
                        help=f"Only providers of this type ({', '.join(PROVIDER_TYPES)}; "
                             "local authority for Ofsted; any type the store holds).")(func)


def store_provider_type(store: Store, typed: str | None) -> str | None:
    """``typed`` as the store spells it (any case); one line naming the store's types when it
    holds no provider of that type."""
    if typed is None:
        return None
    types = list(dict.fromkeys(t for i in store.inspectorates() for t in i.provider_types))
    found = next((t for t in types if t.casefold() == typed.strip().casefold()), None)
    if found is None:
        fail(f"--type {typed!r}: the store has no providers of that type; its types: {', '.join(types)}")
    return found


@contextlib.contextmanager
def open_store(store_path: Path | None) -> Iterator[Store]:
    """The chosen store, read-only, without the full-file integrity check (``PRAGMA quick_check``
    took 79% of ``inspector findings`` on a 570 MB store; ``inspector check`` runs it, and
    ``import`` and ``migrate`` before they write). Damage that a command's own reads meet is
    SQLite's "database disk image is malformed": it ends the command with the one-line
    damaged-store message, as the check would have."""
    path = chosen_store(store_path)
    with Store.open(path, check=False) as store:
        try:
            yield store
        except sqlite3.DatabaseError as exc:
            raise StoreError(connection.describe(exc), path) from None


def chosen_store(store_path: Path | None) -> Path:
    """``--store``, else the store of the bundled data set ``inspector --dataset`` names, else
    ``$INSPECTOR_STORE``, else the probation data's store; a damaged default store set aside is
    said on stderr."""
    context = click.get_current_context(silent=True)
    dataset = context.find_root().params.get("dataset") if context else None
    return resolve_store(store_path, warn, dataset)


def warn(message: str) -> None:
    """One line on stderr that does not end the command."""
    click.echo(f"inspector: {one_line(message)}", err=True)


def resolve_domains(store: Store, names: tuple[str, ...],
                    framework_id: str | None = None) -> tuple[DomainGroup, ...] | None:
    """The domains meant by ``--domain`` values: a name covers every framework's domain of that
    name; a code must mean one domain (or be narrowed by ``--framework``); None when none given.
    Anything else fails with the choices listed."""
    if not names:
        return None
    frameworks = store.frameworks()
    return tuple(resolve_domain(name, frameworks, framework_id) for name in names)


def domain_keys(groups: tuple[DomainGroup, ...] | None) -> tuple[tuple[str, str], ...] | None:
    """``(framework_id, domain code)`` of every domain the groups cover, for a findings query."""
    return None if groups is None else tuple(dict.fromkeys(k for g in groups for k in g.keys))


def refuse_invisible(**options: str | tuple[str, ...] | None) -> None:
    """A filter given with nothing visible in it (``--provider ""``, a zero-width space) would
    silently match everything or nothing: say so instead."""
    for name, given in options.items():
        for value in given if isinstance(given, tuple) else (given,):
            if value is not None and not visible(value):
                fail(f"--{name.replace('_', '-')}: {ascii(value)} has no visible characters, so it "
                     "would match nothing or everything; leave the option out to see all")


def fail(message: str) -> None:
    """One line on stderr and exit code 2: how every expected problem ends a command."""
    click.echo(f"inspector: {one_line(message)}", err=True)
    sys.exit(EXIT_BAD_INPUT)


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the typed errors of the lower layers into :func:`fail`."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except InspectorError as exc:
            fail(str(exc))
        except OSError as exc:
            fail(f"{exc.filename}: {exc.strerror}" if exc.filename else str(exc))

    return wrapper
