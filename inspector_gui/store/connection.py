"""Opening a store file safely: every way a file can be wrong becomes a one-line StoreError, and
nothing is ever written (read-only opens use ``mode=ro``; a mistyped path never creates a file).

The one write a read-only open may cause is SQLite's own: a store left with a hot journal by a
writer that was killed is rolled back to its last committed state before it can be read.
"""

from __future__ import annotations

import os
import shlex
import sqlite3
from contextlib import nullcontext
from pathlib import Path
from urllib.parse import quote

from inspector_gui.errors import OlderSchemaError, StoreError
from inspector_gui.store import guards, wal
from inspector_gui.store.schema import APPLICATION_ID, SCHEMA_VERSION, TABLE_NAMES

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 2000
REPAIR = "restore a backup copy or rebuild it with 'inspector import'"
DAMAGED = f"is damaged (truncated or corrupt); {REPAIR}"
NOT_SQLITE = "is not a SQLite database"
EMPTY = "is an empty file, not a store"
HOT_JOURNAL = ("was left half-written by a program that stopped while writing; open it once with "
               "permission to write so SQLite can roll the unfinished change back")
# SQLite's primary result codes, in words a user can act on (extended codes share the prefix).
_MESSAGES = {
    "SQLITE_BUSY": "is locked by another program writing to it; try again when it has finished",
    "SQLITE_LOCKED": "is locked by another program writing to it; try again when it has finished",
    "SQLITE_NOTADB": DAMAGED,
    "SQLITE_CORRUPT": DAMAGED,
    "SQLITE_READONLY_ROLLBACK": HOT_JOURNAL,
    "SQLITE_READONLY": "is read-only; it can be viewed but not changed",
    "SQLITE_CANTOPEN": "cannot be opened (check the path and its permissions)",
    "SQLITE_FULL": "cannot be written: the disk is full",
    "SQLITE_IOERR": "cannot be read or written (input/output error)",
    "SQLITE_INTERRUPT": guards.SLOW,
    "SQLITE_TOOBIG": (f"holds a value larger than {guards.MAX_VALUE_BYTES // 2**20} MB, which no "
                      "store of Inspector GUI has; it was made or changed by another program"),
}


def check_file(path: Path) -> None:
    """Reject what is plainly not a store before SQLite sees it."""
    if not path.exists():
        raise StoreError("no such file", path)
    if path.is_dir():
        raise StoreError("is a folder, not a store file", path)
    guards.refuse_special_store(path)
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"cannot be read ({exc.strerror})", path) from None
    if not header:
        raise StoreError(EMPTY, path)
    if header != SQLITE_HEADER:
        raise StoreError(NOT_SQLITE, path)


def check_writable(path: Path) -> None:
    """A store we are asked to change must be writable, and so must its folder (SQLite writes a
    journal beside it); say so before any work is done rather than fail at the end."""
    if not os.access(path, os.W_OK):
        raise StoreError("is read-only; it can be viewed but not changed", path)
    if not os.access(path.resolve().parent, os.W_OK | os.X_OK):
        raise StoreError("is in a read-only folder, so it can be viewed but not changed "
                         "(SQLite writes a journal file beside it)", path)


def check_creatable(path: Path) -> None:
    """A new store needs an existing, writable folder."""
    folder = path.resolve().parent
    if not folder.is_dir():
        raise StoreError(f"cannot be created: the folder {folder} does not exist", path)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StoreError(f"cannot be created: the folder {folder} is read-only", path)


def connect(path: Path, mode: str, any_thread: bool = False) -> sqlite3.Connection:
    """A connection in ``ro``, ``rw`` or ``rwc`` mode, in autocommit (we BEGIN explicitly), to be
    used only by the thread that made it unless ``any_thread`` (see :class:`ThreadStores`).

    A read-only connection cannot roll back a hot journal, so when SQLite asks for that we let a
    short-lived read-write connection do it and connect again.
    """
    conn = _connect(path, mode, any_thread)
    if mode == "ro" and _needs_rollback(conn, path):
        conn.close()
        _roll_back(path)
        conn = _connect(path, mode, any_thread)
    if mode == "ro":
        conn.execute("PRAGMA query_only = ON")
    return conn


class BoundedConnection(sqlite3.Connection):
    """A connection whose statements' work is bounded (:class:`guards.WorkBound`)."""

    bound: guards.WorkBound


def _connect(path: Path, mode: str, any_thread: bool = False) -> sqlite3.Connection:
    """Reading, ``trusted_schema = OFF``: SQL stored in the file (views, generated columns) may
    not call functions with side effects. A writer needs it on for the full-text index's own
    triggers, so a store is checked for SQL the app did not write before it is changed."""
    options = wal.read_options(path) if mode == "ro" else ""
    uri = f"file:{quote(os.fsencode(path.resolve()))}?mode={mode}{options}"  # any bytes a name holds
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=not any_thread,
                               factory=BoundedConnection)
        conn.bound = guards.WorkBound(conn)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if mode == "ro":
            conn.execute("PRAGMA trusted_schema = OFF")
    except sqlite3.Error as exc:
        raise StoreError(describe(exc), path) from None
    return conn


def _needs_rollback(conn: sqlite3.Connection, path: Path) -> bool:
    """Read the schema cookie: the first read is where SQLite finds a hot journal."""
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.Error as exc:
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_READONLY_ROLLBACK":
            return True
        conn.close()
        raise StoreError(describe(exc), path) from None
    return False


def _roll_back(path: Path) -> None:
    conn = _connect(path, "rw")
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.Error as exc:
        raise StoreError(describe(exc), path) from None
    finally:
        conn.close()


def check_schema(conn: sqlite3.Connection, path: Path, integrity: bool) -> int:
    """The schema version, after checking the file is ours, current and (optionally) intact."""
    version = read_version(conn, path)
    guards.refuse_foreign_code(conn, path, writing=False)
    if integrity:
        quick_check(conn, path)
    if version < SCHEMA_VERSION:
        command = f"inspector migrate {shlex.quote(str(path))}"
        raise OlderSchemaError(f"has an older schema ({version}); run '{command}' "
                               "to upgrade it (a backup copy is made first)", path)
    guards.refuse_missing_columns(conn, path, store_columns())
    return version


def store_columns() -> dict[str, tuple[str, ...]]:
    """The columns each table of a current store has: those of the interchange files, and the
    findings' own id and natural key."""
    from inspector_gui.exchange.tables import TABLES

    columns = {name: spec.columns for name, spec in TABLES.items()}
    columns["findings"] += ("id", "natural_key")
    return columns


def read_version(conn: sqlite3.Connection, path: Path) -> int:
    """The schema version of one of our stores, refusing foreign and newer files."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.Error as exc:
        raise StoreError(describe(exc), path) from None
    if app_id != APPLICATION_ID or not set(TABLE_NAMES) <= tables:
        raise StoreError("is a SQLite database of another application, not an Inspector GUI store", path)
    if version > SCHEMA_VERSION:
        raise StoreError(f"was made by a newer Inspector GUI (schema {version}; this version "
                         f"reads up to {SCHEMA_VERSION}); update the app", path)
    return version


def quick_check(conn: sqlite3.Connection, path: Path) -> None:
    """SQLite may open a damaged file and fail only on a full scan, so scan it; the first problem
    it reports is named (SQLite's report can run to many lines). Not stopped by the read bound:
    it takes as long as the file is large (5 s for a million findings on a loaded machine)."""
    bound = getattr(conn, "bound", None)
    try:
        with bound.unbounded() if bound is not None else nullcontext():
            result = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
    except sqlite3.Error as exc:
        raise StoreError(describe(exc), path) from None
    if result != "ok":
        detail = next((line for line in result.splitlines() if not line.startswith("***")), result)
        raise StoreError(f"is damaged ({detail}); {REPAIR}", path)


def is_damage(message: str) -> bool:
    """Whether a StoreError's message says the file is damaged or not SQLite at all (what may
    be set aside), rather than from another version, unreadable, locked or foreign."""
    return message in (DAMAGED, NOT_SQLITE, EMPTY) or (message.startswith("is damaged (")
                                                       and message.endswith(REPAIR))


def describe(exc: sqlite3.Error) -> str:
    """SQLite's error in words a user can act on."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if str(exc).startswith(("no such column", "no such table")):
        return (f"does not have the tables and columns this version of Inspector GUI reads ({exc}); "
                "another program changed it: restore a backup copy")
    for prefix in sorted(_MESSAGES, key=len, reverse=True):
        if name.startswith(prefix):
            return _MESSAGES[prefix]
    return str(exc)
