"""Opening a store file safely: every way a file can be wrong becomes a one-line StoreError, and
nothing is ever written (read-only opens use ``mode=ro``; a mistyped path never creates a file)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from inspector_gui.errors import StoreError
from inspector_gui.store.schema import APPLICATION_ID, SCHEMA_VERSION, TABLE_NAMES

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 2000


def check_file(path: Path) -> None:
    """Reject what is plainly not a store before SQLite sees it."""
    if not path.exists():
        raise StoreError("no such file", path)
    if path.is_dir():
        raise StoreError("is a folder, not a store file", path)
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"cannot be read ({exc.strerror})", path) from None
    if not header:
        raise StoreError("is an empty file, not a store", path)
    if header != SQLITE_HEADER:
        raise StoreError("is not a SQLite database", path)


def connect(path: Path, mode: str) -> sqlite3.Connection:
    """A connection in ``ro``, ``rw`` or ``rwc`` mode, in autocommit (we BEGIN explicitly)."""
    uri = f"file:{quote(str(path.resolve()))}?mode={mode}"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(describe(exc), path) from None
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if mode == "ro":
        conn.execute("PRAGMA query_only = ON")
    return conn


def check_schema(conn: sqlite3.Connection, path: Path, integrity: bool) -> int:
    """The schema version, after checking the file is ours, current and (optionally) intact."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if integrity:
            quick_check(conn, path)
    except sqlite3.Error as exc:
        raise StoreError(describe(exc), path) from None
    if app_id != APPLICATION_ID or not set(TABLE_NAMES) <= tables:
        raise StoreError("is a SQLite database of another application, not an Inspector GUI store", path)
    if version > SCHEMA_VERSION:
        raise StoreError(f"was made by a newer Inspector GUI (schema {version}; this version "
                         f"reads up to {SCHEMA_VERSION}); update the app", path)
    if version < SCHEMA_VERSION:
        raise StoreError(f"has an older schema ({version}); run 'inspector migrate {path}' "
                         "to upgrade it (a backup copy is made first)", path)
    return version


def quick_check(conn: sqlite3.Connection, path: Path) -> None:
    """SQLite may open a damaged file and fail only on a full scan, so scan it."""
    result = conn.execute("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        raise StoreError(f"is damaged ({result})", path)


def describe(exc: sqlite3.Error) -> str:
    """SQLite's message in words a user can act on."""
    text = str(exc)
    if "locked" in text or "busy" in text:
        return "is locked by another program writing to it; try again when it has finished"
    if "not a database" in text or "malformed" in text or "disk image" in text:
        return "is damaged or not a SQLite database"
    if "readonly" in text or "read-only" in text:
        return "is read-only; cannot write to it"
    if "unable to open" in text:
        return "cannot be opened (check the path and its permissions)"
    return text
