"""Upgrading a store made by an older Inspector GUI: only on request (``inspector migrate``),
after a byte-for-byte backup copy, in one transaction, so an interrupted or failed migration leaves
the store as it was and the copy is always there to go back to."""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from inspector_gui.errors import StoreError
from inspector_gui.store import connection, guards
from inspector_gui.store.schema import SCHEMA_VERSION, migrate_schema
from inspector_gui.store.transaction import transaction


@dataclass(frozen=True)
class MigrationResult:
    """What ``migrate_store`` did: versions before and after, and where the backup copy is."""

    path: Path
    from_version: int
    to_version: int
    backup: Path | None

    def summary(self) -> str:
        if self.backup is None:
            return f"{self.path} is up to date (schema {self.to_version}); nothing to do"
        return (f"migrated {self.path} from schema {self.from_version} to {self.to_version}; "
                f"the original is kept as {self.backup}")


def migrate_store(path: str | Path, working: guards.Working | None = None) -> MigrationResult:
    """Bring a store to the current schema. Holds the write lock from before the backup copy is
    taken until the migration commits, so no other program can change the file in between.
    ``working`` hears, every few seconds, how long it has run (minutes for a million findings)."""
    path = Path(path)
    connection.check_file(path)
    connection.check_writable(path)
    conn = connection.connect(path, "rw")
    conn.bound.working = working
    try:
        return _migrate(conn, path)
    except sqlite3.DatabaseError as exc:
        raise StoreError(connection.describe(exc), path) from None
    finally:
        conn.close()


def _migrate(conn: sqlite3.Connection, path: Path) -> MigrationResult:
    with transaction(conn):
        version = connection.read_version(conn, path)
        guards.refuse_foreign_code(conn, path, writing=True)
        connection.quick_check(conn, path)
        if version == SCHEMA_VERSION:
            return MigrationResult(path, version, version, None)
        backup = backup_copy(path, version)
        import sqlite_utils  # only when migrating: it costs every other command 0.14 s

        migrate_schema(sqlite_utils.Database(conn), version)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return MigrationResult(path, version, SCHEMA_VERSION, backup)


def backup_copy(path: Path, version: int) -> Path:
    """Copy the store to ``PATH.bak-schemaN`` (``-2``, ``-3``… when taken), never overwriting."""
    return backup_beside(path, f"schema{version}")


def backup_beside(path: Path, label: str) -> Path:
    """Copy the store to ``PATH.bak-LABEL`` (``-2``, ``-3``… when taken), never overwriting."""
    for attempt in range(1, 1000):
        suffix = f".bak-{label}" + (f"-{attempt}" if attempt > 1 else "")
        target = path.with_name(path.name + suffix)
        if copy_to_new_file(path, target):
            return target
    raise StoreError("has too many backup copies beside it; remove some and try again", path)


def copy_to_new_file(path: Path, target: Path) -> bool:
    """Copy and flush to disk; False when ``target`` exists. A failed copy is removed."""
    try:
        copy = target.open("xb")
    except FileExistsError:
        return False
    except OSError as exc:
        raise _backup_failed(path, target, exc) from None
    try:
        with path.open("rb") as source, copy:
            shutil.copyfileobj(source, copy)
            copy.flush()
            os.fsync(copy.fileno())
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise _backup_failed(path, target, exc) from None
    return True


def _backup_failed(path: Path, target: Path, exc: OSError) -> StoreError:
    return StoreError(f"cannot make a backup copy at {target} ({exc.strerror}); nothing was changed",
                      path)
