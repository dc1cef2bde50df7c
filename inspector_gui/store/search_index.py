"""The full-text index as something that can go missing or be damaged, and be rebuilt.

The index (``findings_fts`` and its shadow tables) is derived from the findings: another program
can drop it or damage it in ways ``PRAGMA quick_check`` does not look at, since the check knows
pages and b-trees, not what FTS5 keeps in them. A search on such a store says so in one line
naming ``inspector rebuild-index``, which rebuilds the index from the findings, in place after a
backup copy or into a new copy.
"""

from __future__ import annotations

import re
import shlex
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from inspector_gui.errors import StoreError
from inspector_gui.store import connection, guards

_CONTENT = re.compile(r"""content\s*=\s*["'\[]?findings["'\]]?\s*[,)]""", re.IGNORECASE)
_TRIGGERS = ("findings_ai", "findings_ad", "findings_au")
_SHADOWS = ("findings_fts_data", "findings_fts_idx", "findings_fts_docsize", "findings_fts_config",
            "findings_fts_content")


def index_broken(path: Path) -> str:
    return (f"the search index is missing or damaged; rebuild it with 'inspector rebuild-index "
            f"{shlex.quote(str(path))}' (a backup copy is made first)")


def _is_index_error(exc: BaseException) -> bool:
    text = str(exc)
    return ("fts5" in text or "findings_fts" in text or "malformed" in text or "corrupt" in text
            or getattr(exc, "sqlite_errorname", "").startswith("SQLITE_CORRUPT"))


@contextmanager
def search_errors(conn: sqlite3.Connection, path: Path) -> Iterator[None]:
    """The index is checked (:func:`check_index`), and within the block an error from the
    index becomes :func:`index_broken`'s one line."""
    try:
        check_index(conn, path)
        yield
    except StoreError as exc:
        if exc.message == connection.DAMAGED or _is_index_error(exc):
            raise StoreError(index_broken(path), path) from None
        raise
    except sqlite3.DatabaseError as exc:
        if _is_index_error(exc):
            raise StoreError(index_broken(path), path) from None
        raise StoreError(connection.describe(exc), path) from None


def check_index(conn: sqlite3.Connection, path: Path) -> None:
    """The index is there and indexes the findings' text (cheap: two schema reads)."""
    row = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'findings_fts'").fetchone()
    columns = [r[1] for r in conn.execute("SELECT * FROM pragma_table_info('findings_fts')")] if row else []
    if not row or columns != ["text"] or not _CONTENT.search(row[0]):
        raise StoreError(index_broken(path), path)


def stale_index(conn: sqlite3.Connection, path: Path) -> str | None:
    """Why searches would miss or invent findings, or None: every finding indexed, nothing else
    (one pass over the ids, 0.6 s at 1M findings). Another program that wrote findings with the
    index's triggers dropped, or deleted index entries, leaves the index well-formed but wrong,
    which neither ``quick_check`` nor a search notices. A missing index is :func:`check_index`'s."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "findings_fts_docsize" not in tables:
        return None
    differs = conn.execute(
        "SELECT (SELECT count(*) FROM findings) != (SELECT count(*) FROM findings_fts_docsize) "
        "OR EXISTS (SELECT 1 FROM findings f WHERE NOT EXISTS "
        "(SELECT 1 FROM findings_fts_docsize d WHERE d.id = f.id))").fetchone()[0]
    if not differs:
        return None
    return (f"the search index does not match the findings (another program changed them), so "
            f"searches can miss findings; rebuild it with 'inspector rebuild-index "
            f"{shlex.quote(str(path))}' (a backup copy is made first)")


@dataclass(frozen=True)
class RebuildResult:
    path: Path
    backup: Path | None
    findings: int

    def summary(self) -> str:
        kept = f"; the original is kept as {self.backup}" if self.backup else ""
        return f"rebuilt the search index of {self.path} ({self.findings:,} findings){kept}"


def rebuild_index(path: str | Path, output: str | Path | None = None,
                  working: guards.Working | None = None) -> RebuildResult:
    """Rebuild the index in place after a backup copy, or in a new copy at ``output``. Nothing is
    copied or changed unless everything but the index is sound and the store holds no SQL the
    app did not write. ``working`` hears, every few seconds, how long it has run."""
    from inspector_gui.store.migration import backup_beside, copy_to_new_file
    from inspector_gui.store.store import Store
    from inspector_gui.store.transaction import transaction

    path = Path(path)
    with Store.open(path, check=True) as source:
        guards.refuse_foreign_code(source.conn, path, writing=True)
    target = Path(output) if output is not None else path
    if output is not None and not copy_to_new_file(path, target):
        raise StoreError("already exists; choose a new file name", target)
    with Store.open(target, readonly=False, check=False) as store:
        store.conn.bound.working = working
        with transaction(store.conn):  # the write lock held from the backup copy to the commit
            backup = None if output is not None else backup_beside(path, "index")
            findings = _rebuild(store.conn)
    return RebuildResult(target, backup, findings)


def _rebuild(conn: sqlite3.Connection) -> int:
    import sqlite_utils  # only when rebuilding: it costs every other command 0.14 s

    from inspector_gui.store.schema import create_indexes_and_search

    _drop(conn)
    create_indexes_and_search(sqlite_utils.Database(conn))
    sqlite_utils.Database(conn)["findings"].rebuild_fts()
    conn.execute("INSERT INTO findings_fts(findings_fts, rank) VALUES ('integrity-check', 1)")
    return conn.execute("SELECT count(*) FROM findings").fetchone()[0]


def _drop(conn: sqlite3.Connection) -> None:
    """Remove the index whatever state it is in: an FTS5 table whose configuration was lost
    cannot be dropped until it is told its format again."""
    for trigger in _TRIGGERS:
        conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "findings_fts" in tables and "findings_fts_config" in tables:
        conn.execute("INSERT OR REPLACE INTO findings_fts_config (k, v) VALUES ('version', 4)")
    conn.execute("DROP TABLE IF EXISTS findings_fts")
    for shadow in _SHADOWS:
        conn.execute(f"DROP TABLE IF EXISTS {shadow}")
