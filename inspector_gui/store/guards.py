"""Checks that keep a store written by another program from doing anything: special files are
refused before they are opened, SQL the app did not write (triggers, views, generated columns)
is named and refused before it could run, and every statement's work is bounded.

A trigger runs on every insert an import makes; a generated column is computed on every read of
its row; a view is SQL that a migration or a script may run. The app's own schema has three
triggers (the full-text index's, written by sqlite-utils) and none of the rest.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from inspector_gui.errors import StoreError
from inspector_gui.files import special_file

OWN_TRIGGERS = {
    "findings_ai": 'CREATE TRIGGER "findings_ai" AFTER INSERT ON "findings" BEGIN INSERT INTO '
                   '"findings_fts" (rowid, "text") VALUES (new.rowid, new."text"); END',
    "findings_ad": 'CREATE TRIGGER "findings_ad" AFTER DELETE ON "findings" BEGIN INSERT INTO '
                   '"findings_fts" ("findings_fts", rowid, "text") VALUES(\'delete\', old.rowid, '
                   'old."text"); END',
    "findings_au": 'CREATE TRIGGER "findings_au" AFTER UPDATE ON "findings" BEGIN INSERT INTO '
                   '"findings_fts" ("findings_fts", rowid, "text") VALUES(\'delete\', old.rowid, '
                   'old."text"); INSERT INTO "findings_fts" (rowid, "text") VALUES (new.rowid, '
                   'new."text"); END',
}
"""The app's triggers, whitespace collapsed: one of the same name doing anything else is foreign."""
_GENERATED = (2, 3)  # PRAGMA table_xinfo's "hidden": 2 virtual, 3 stored generated column
QUERY_SECONDS = 30.0
"""The longest one statement may run when reading; a store made to be slow ends with a message
instead. Writes (import, migrate, rebuild-index) are not bounded: their work is the app's own
SQL over a store checked for foreign code first, and stopping one would throw away minutes of
work on a large store; they report that they are still working instead."""
REPORT_SECONDS = 2.0
"""How often a long write reports that it is still working (seconds)."""
MAX_VALUE_BYTES = 64 * 1024 * 1024
"""The largest text or blob SQLite may build (SQLITE_LIMIT_LENGTH): an imported field is at most
1 MB, so only a hostile store needs more, and it must not take the machine's memory."""
SLOW = (f"took longer than {QUERY_SECONDS:.0f} s to read and was stopped; it may be damaged or "
        "made by another program to be slow")


def refuse_special_store(path: Path) -> None:
    """A FIFO blocks the open that would read it, and a device never ends: refuse both first."""
    kind = special_file(path)
    if kind:
        raise StoreError(f"is {kind}, not a store file", path)


def foreign_code(conn: sqlite3.Connection, generated_only: bool = False) -> list[str]:
    """Names of schema objects whose SQL the app did not write, as ``trigger x``, ``view y``,
    ``generated column t.c``."""
    found = [] if generated_only else _foreign_triggers_and_views(conn)
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'")]
    for table in tables:
        found += [f"generated column {table}.{row[1]}" for row in
                  conn.execute("SELECT * FROM pragma_table_xinfo(?)", (table,)) if row[6] in _GENERATED]
    return found


def _foreign_triggers_and_views(conn: sqlite3.Connection) -> list[str]:
    found = []
    for kind, name, sql in conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view') ORDER BY name"):
        if kind == "view" or OWN_TRIGGERS.get(name) != " ".join((sql or "").split()):
            found.append(f"{kind} {name}")
    return found


def refuse_foreign_code(conn: sqlite3.Connection, path: Path, writing: bool) -> None:
    """Refuse to read a store with generated columns (computed on every read), or to change one
    with any SQL the app did not write (a trigger would run with every row imported)."""
    try:
        found = foreign_code(conn, generated_only=not writing)
    except sqlite3.Error:
        return  # the schema check that follows names the problem
    if found:
        shown = ", ".join(found[:5]) + (f" and {len(found) - 5} more" if len(found) > 5 else "")
        action = "changed" if writing else "read"
        raise StoreError(f"holds SQL that Inspector GUI did not write ({shown}), so it is not "
                         f"{action}; remove it with the sqlite3 shell, or use another copy", path)


def refuse_missing_columns(conn: sqlite3.Connection, path: Path,
                           expected: dict[str, tuple[str, ...]]) -> None:
    """A current store whose tables lack a column the app reads was changed by another program;
    say which, rather than fail on the first read that needs it."""
    for table, columns in expected.items():
        present = {r[1] for r in conn.execute("SELECT * FROM pragma_table_info(?)", (table,))}
        missing = [c for c in columns if c not in present]
        if missing:
            raise StoreError(f"does not have the tables and columns this version of Inspector GUI "
                             f"reads (no such column: {table}.{missing[0]}); another program changed "
                             "it: restore a backup copy", path)


Working = Callable[[float], None]
"""Told the seconds a write has taken so far, every :data:`REPORT_SECONDS` while it runs."""


class WorkBound:
    """Stops any statement that runs longer than :data:`QUERY_SECONDS` (SQLite's progress
    handler, as Datasette bounds its queries) and any value larger than :data:`MAX_VALUE_BYTES`;
    the statement then fails with SQLITE_INTERRUPT or SQLITE_TOOBIG, which become one line.
    :meth:`steps` adds a cap on one statement's virtual-machine steps, in thousands; within
    :meth:`unbounded` there is no time bound, and ``working`` hears how long the write has run."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.started = time.monotonic()
        self.ticks = 0
        self.max_ticks: int | None = None
        self.write_started: float | None = None
        self.reported = 0.0
        self.working: Working | None = None
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
        conn.set_trace_callback(self._statement_started)
        conn.set_progress_handler(self._tick, 1000)

    def _statement_started(self, _sql: str) -> None:
        self.started = time.monotonic()

    def _tick(self) -> bool:
        self.ticks += 1
        if self.max_ticks is not None and self.ticks > self.max_ticks:
            return True
        now = time.monotonic()
        if self.write_started is None:
            return now - self.started > QUERY_SECONDS
        if self.working is not None and now - self.reported >= REPORT_SECONDS:
            self.reported = now
            self.working(now - self.write_started)
        return False

    @contextmanager
    def unbounded(self) -> Iterator[None]:
        """Lift the time bound for a write transaction or the whole-file check, whose time is
        the file's size, not something a store can be made to stretch (nested: the outermost
        decides)."""
        if self.write_started is not None:
            yield
            return
        self.write_started = self.reported = time.monotonic()
        try:
            yield
        finally:
            self.write_started = None

    def steps(self, max_steps: int | None) -> None:
        """Cap the next statements at ``max_steps`` thousand steps (None: no step cap)."""
        self.ticks = 0
        self.max_ticks = max_steps

    @property
    def over_steps(self) -> bool:
        return self.max_ticks is not None and self.ticks > self.max_ticks
