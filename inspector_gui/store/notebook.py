"""The user's notebook: private tags, notes and named views, in a SQLite file of their own beside
the settings, never in the store (the store stays read-only, byte for byte).

A tag or note points at a record by its *natural key* (a finding: the store's ``natural_key``,
a digest of inspection, kind and text; an inspection: its id), which stays the same through
re-imports, rebuilds of the default store and copies of the store, and carries a copy of what
the record was (inspection, provider, kind, text) so a note whose record is gone is still listed
— as orphaned — instead of being dropped. Plain tables that sqlite-utils and Datasette open.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from inspector_gui.domain.records import Finding, FindingQuery
from inspector_gui.errors import InspectorError
from inspector_gui.exchange.encodings import CONTROL
from inspector_gui.store.default import APP_NAME, NOTEBOOK_ENV

if TYPE_CHECKING:
    from inspector_gui.store.store import Store

APPLICATION_ID = 0x49474E42  # "IGNB"
VERSION = 1
TARGETS = ("finding", "inspection")
MAX_TAG = 60
MAX_NOTE = 20_000
_RECORD = ("target TEXT NOT NULL CHECK (target IN ('finding', 'inspection')), record_key TEXT NOT NULL, "
           "inspection_id TEXT NOT NULL, provider TEXT NOT NULL DEFAULT '', "
           "finding_kind TEXT NOT NULL DEFAULT '', finding_text TEXT NOT NULL DEFAULT ''")
SCHEMA = (
    "CREATE TABLE IF NOT EXISTS notebook_meta (key TEXT PRIMARY KEY, value TEXT)",
    f"CREATE TABLE IF NOT EXISTS tags ({_RECORD}, tag TEXT NOT NULL COLLATE NOCASE, "
    "added TEXT NOT NULL, PRIMARY KEY (target, record_key, tag))",
    "CREATE INDEX IF NOT EXISTS tags_by_tag ON tags (tag, target)",
    f"CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, {_RECORD}, note TEXT NOT NULL, "
    "added TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS notes_by_record ON notes (target, record_key)",
    "CREATE TABLE IF NOT EXISTS views (name TEXT PRIMARY KEY COLLATE NOCASE, state TEXT NOT NULL, "
    "saved TEXT NOT NULL)",
)


class NotebookError(InspectorError):
    """The notebook cannot be used (not SQLite, another application's file, newer, locked), or a
    tag, note or view name is not acceptable."""


@dataclass(frozen=True)
class Record:
    """What a tag or note is about: its natural key and a copy of what it was."""

    target: str
    key: str
    inspection_id: str
    provider: str = ""
    kind: str = ""
    text: str = ""

    @classmethod
    def inspection(cls, inspection_id: str, provider: str = "") -> Record:
        return cls("inspection", inspection_id, inspection_id, provider)

    def describe(self) -> str:
        """One line a list can show, whether or not the record is still in the store."""
        if self.target == "inspection":
            return f"inspection {self.inspection_id}" + (f" ({self.provider})" if self.provider else "")
        text = " ".join(self.text.split())
        return f"{self.kind} in {self.inspection_id}: {text[:80]}{'…' if len(text) > 80 else ''}"


@dataclass(frozen=True)
class Note:
    note_id: int
    record: Record
    text: str
    added: str


def notebook_path() -> Path:
    """``$INSPECTOR_NOTEBOOK``, else ``notebook.db`` beside the settings file."""
    chosen = os.environ.get(NOTEBOOK_ENV)
    if chosen:
        return Path(chosen)
    import platformdirs  # only for the default path, when the notebook is used

    return platformdirs.user_config_path(APP_NAME) / "notebook.db"


def clean_tag(tag: str) -> str:
    """A tag as kept: one line, spaces collapsed; refused when empty, too long or with control
    characters (a tag is typed by the user, and shown in tables and terminals)."""
    text = " ".join(str(tag).split())
    if not text or len(text) > MAX_TAG or CONTROL.search(text):
        raise NotebookError(f"{tag!r} is not a tag: use 1 to {MAX_TAG} printable characters")
    return text


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


class Notebook:
    """An open notebook file; :meth:`open` creates it (and its folder) when it does not exist
    unless ``create`` is False, in which case a missing notebook reads as an empty one."""

    def __init__(self, conn: sqlite3.Connection | None, path: Path) -> None:
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, path: str | Path | None = None, create: bool = True) -> Notebook:
        path = Path(path) if path is not None else notebook_path()
        if not create and (not path.exists() or (path.is_file() and path.stat().st_size == 0)):
            return cls(None, path)  # nothing written yet: reads as an empty notebook, and stays so
        if path.is_dir():
            raise NotebookError("is a folder, not a notebook file", path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            uri = f"file:{quote(str(path.resolve()))}?mode={'rwc' if create else 'rw'}"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA busy_timeout = 2000")
            _check_or_create(conn, path, create)
        except sqlite3.Error as exc:
            raise NotebookError(_describe(exc), path) from None
        except OSError as exc:
            raise NotebookError(f"cannot be created ({exc.strerror})", path) from None
        return cls(conn, path)

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()

    def __enter__(self) -> Notebook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        if self.conn is None:
            return []
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise NotebookError(_describe(exc), self.path) from None

    def _write(self, sql: str, params: Sequence[object] = ()) -> int:
        if self.conn is None:
            raise NotebookError("was opened without creating it", self.path)
        try:
            return self.conn.execute(sql, params).rowcount
        except sqlite3.Error as exc:
            raise NotebookError(_describe(exc), self.path) from None

    # Tags -------------------------------------------------------------------------------------

    def add_tag(self, records: Iterable[Record], tag: str) -> int:
        """Tag each record (again is a no-op); how many were newly tagged."""
        tag = clean_tag(tag)
        added, now = 0, _now()
        for r in records:
            added += self._write(
                "INSERT OR IGNORE INTO tags (target, record_key, inspection_id, provider, finding_kind, "
                "finding_text, tag, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (r.target, r.key, r.inspection_id, r.provider, r.kind, r.text, tag, now))
        return added

    def remove_tag(self, records: Iterable[Record], tag: str) -> int:
        tag = clean_tag(tag)
        return sum(self._write("DELETE FROM tags WHERE target = ? AND record_key = ? AND tag = ?",
                               (r.target, r.key, tag)) for r in records)

    def tags_of(self, target: str, keys: Sequence[str]) -> dict[str, list[str]]:
        """Each record's tags (in name order), for the keys given (a page of the table)."""
        found: dict[str, list[str]] = {}
        rows = self._rows("SELECT record_key, tag FROM tags WHERE target = ? AND record_key IN "
                          "(SELECT value FROM json_each(?)) ORDER BY tag", (target, json.dumps(list(keys))))
        for key, tag in rows:
            found.setdefault(key, []).append(tag)
        return found

    def tag_counts(self, target: str | None = None) -> list[tuple[str, int]]:
        """Every tag with the number of records it is on, most used first."""
        where, params = ("WHERE target = ?", (target,)) if target else ("", ())
        return [(t, n) for t, n in self._rows(
            f"SELECT tag, count(*) FROM tags {where} GROUP BY tag ORDER BY count(*) DESC, tag", params)]

    def tagged_keys(self, tag: str, target: str = "finding") -> list[str]:
        """The natural keys of the records carrying ``tag`` (any case)."""
        return [r[0] for r in self._rows("SELECT record_key FROM tags WHERE tag = ? AND target = ?",
                                         (" ".join(tag.split()), target))]

    def tagged(self, tag: str | None = None) -> list[tuple[str, Record]]:
        """Every (tag, record), or those of one tag, for listing."""
        where, params = ("WHERE tag = ?", (" ".join(tag.split()),)) if tag else ("", ())
        return [(row[0], Record(*row[1:])) for row in self._rows(
            f"SELECT tag, target, record_key, inspection_id, provider, finding_kind, finding_text "
            f"FROM tags {where} ORDER BY tag, inspection_id, record_key", params)]

    # Notes ------------------------------------------------------------------------------------

    def add_note(self, record: Record, text: str) -> int:
        """Keep a note on a record; its id."""
        body = str(text).strip()
        if not body or len(body) > MAX_NOTE:
            raise NotebookError(f"a note holds 1 to {MAX_NOTE} characters")
        r = record
        self._write("INSERT INTO notes (target, record_key, inspection_id, provider, finding_kind, "
                    "finding_text, note, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (r.target, r.key, r.inspection_id, r.provider, r.kind, r.text, body, _now()))
        return int(self._rows("SELECT last_insert_rowid()")[0][0])

    def remove_note(self, note_id: int) -> bool:
        return self._write("DELETE FROM notes WHERE id = ?", (note_id,)) > 0

    def notes(self, target: str | None = None, keys: Sequence[str] | None = None) -> list[Note]:
        """Notes, oldest first: all, a target's, or those on the given records."""
        clauses, params = [], []
        if target:
            clauses.append("target = ?")
            params.append(target)
        if keys is not None:
            clauses.append("record_key IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(keys)))
        where = "WHERE " + " AND ".join(clauses) if clauses else ""
        return [Note(row[0], Record(*row[1:7]), row[7], row[8]) for row in self._rows(
            "SELECT id, target, record_key, inspection_id, provider, finding_kind, finding_text, note, "
            f"added FROM notes {where} ORDER BY id", params)]

    def keys(self, target: str) -> list[str]:
        """Every key a tag or note points at, to check which are missing from a store."""
        return [r[0] for r in self._rows("SELECT record_key FROM tags WHERE target = ? UNION "
                                         "SELECT record_key FROM notes WHERE target = ?", (target, target))]

    # Named views ------------------------------------------------------------------------------

    def save_view(self, name: str, state: dict) -> None:
        self._write("INSERT INTO views (name, state, saved) VALUES (?, ?, ?) ON CONFLICT (name) "
                    "DO UPDATE SET name = excluded.name, state = excluded.state, saved = excluded.saved",
                    (clean_view_name(name), json.dumps(state, sort_keys=True), _now()))

    def view(self, name: str) -> dict | None:
        rows = self._rows("SELECT state FROM views WHERE name = ?", (" ".join(name.split()),))
        return json.loads(rows[0][0]) if rows else None

    def view_names(self) -> list[str]:
        return [r[0] for r in self._rows("SELECT name FROM views ORDER BY name COLLATE NOCASE")]

    def rename_view(self, old: str, new: str) -> None:
        new = clean_view_name(new)
        if new.casefold() != old.casefold() and self.view(new) is not None:
            raise NotebookError(f"a view called {new!r} exists already")
        if not self._write("UPDATE views SET name = ? WHERE name = ?", (new, old)):
            raise NotebookError(f"there is no view called {old!r}")

    def delete_view(self, name: str) -> bool:
        return self._write("DELETE FROM views WHERE name = ?", (name,)) > 0


def clean_view_name(name: str) -> str:
    text = " ".join(str(name).split())
    if not text or len(text) > 80 or CONTROL.search(text):
        raise NotebookError(f"{name!r} is not a view name: use 1 to 80 printable characters")
    return text


def _check_or_create(conn: sqlite3.Connection, path: Path, create: bool) -> None:
    """Create the tables in a new (empty) file when asked to; refuse another application's or a
    newer file."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if app_id == 0 and tables == 0 and not create:
        raise NotebookError("is an empty SQLite database, not a notebook", path)
    if app_id == 0 and tables == 0:
        conn.execute("BEGIN IMMEDIATE")
        for statement in SCHEMA:
            conn.execute(statement)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {VERSION}")
        conn.execute("COMMIT")
    elif app_id != APPLICATION_ID:
        raise NotebookError("is a SQLite database of another application, not an Inspector GUI "
                            "notebook", path)
    elif version > VERSION:
        raise NotebookError(f"was made by a newer Inspector GUI (notebook version {version}); update the app",
                            path)


def _describe(exc: sqlite3.Error) -> str:
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return "is locked by another program writing to it; try again when it has finished"
    if name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")):
        return "is not a notebook (not a SQLite file, or damaged)"
    if name.startswith("SQLITE_READONLY"):
        return "is read-only; tags and notes cannot be changed"
    return str(exc)


def finding_record(finding: Finding) -> Record:
    """What a tag or note on this finding points at."""
    return Record("finding", finding.natural_key, finding.inspection_id, finding.provider_name,
                  finding.kind, finding.text)


def tagged_query(query: FindingQuery, tag: str, path: Path) -> FindingQuery:
    """``query`` narrowed to the findings carrying ``tag`` in the notebook at ``path`` (none when
    the notebook does not exist yet); unchanged for no tag."""
    if not tag:
        return query
    with Notebook.open(path, create=False) as notebook:
        return replace(query, natural_keys=tuple(notebook.tagged_keys(tag)))


def tagged_page(store: Store, query: FindingQuery, tag: str, path: Path
                ) -> tuple[list[Finding], dict[str, list[str]]]:
    """A page of findings and the notebook's tags on them, for a worker thread."""
    rows = store.findings(tagged_query(query, tag, path))
    with Notebook.open(path, create=False) as notebook:
        return rows, notebook.tags_of("finding", [f.natural_key for f in rows])
