"""The store: the only code that talks to SQLite. A small keyword-argument API in the manner of
sqlite-utils, usable from scripts as well as from the GUI and the CLI."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Hashable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspector_gui.domain.records import StoreInfo
from inspector_gui.errors import ImportFailed, StoreError
from inspector_gui.store import connection, guards, terms
from inspector_gui.store.catalogue_reads import CatalogueReads
from inspector_gui.store.comparison_reads import DistributionReads
from inspector_gui.store.reads import ReadQueries
from inspector_gui.store.schema import DATA_TABLES, create_schema
from inspector_gui.store.theme_reads import ThemeReads

if TYPE_CHECKING:
    import sqlite_utils

    from inspector_gui.exchange.readers import Batch
    from inspector_gui.exchange.sheet_import import SheetBatch
    from inspector_gui.store.imports import ImportReport, Progress


RATINGS_POSSIBLE = (
    "SELECT coalesce(sum(n * (SELECT count(*) FROM standards s WHERE s.framework_id = x.framework_id "
    "AND (coalesce(s.applies_to, '') = '' OR s.applies_to = x.provider_type))), 0) "
    "FROM (SELECT i.framework_id, p.provider_type, count(*) AS n FROM inspections i "
    "JOIN providers p USING (provider_id) GROUP BY i.framework_id, p.provider_type) x")
"""Standard ratings an inspection could have, summed: inspections counted per framework and
provider type first, then each group times its applicable standards (9 ms at 20,000 inspections,
where joining every inspection to its standards took 20 ms, on every open of the window)."""


class Store(ReadQueries, CatalogueReads, ThemeReads, DistributionReads):
    """An open store file. Use :meth:`open` to read, :meth:`create` for a new file."""

    def __init__(self, conn: sqlite3.Connection, path: Path, readonly: bool, version: int) -> None:
        conn.row_factory = sqlite3.Row
        self.conn = conn
        self.path = path
        self.readonly = readonly
        self.schema_version = version
        self._framework_cache = None
        self._memo: dict[Hashable, Any] = {}
        self._file = _identity(path)
        self._data_version = self._read_data_version()

    @functools.cached_property
    def db(self) -> sqlite_utils.Database:
        """The connection as a sqlite-utils Database, for scripts; imported on first use because
        sqlite-utils (with numpy) takes 0.14 s to import, a tenth of the app's cold start."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    @classmethod
    def open(cls, path: str | Path, readonly: bool = True, check: bool = True,
             any_thread: bool = False) -> Store:
        """Open an existing store; ``check`` runs ``PRAGMA quick_check`` over the whole file.
        The store is for the thread that opens it, unless ``any_thread``."""
        path = Path(path)
        connection.check_file(path)
        if not readonly:
            connection.check_writable(path)
        conn = connection.connect(path, "ro" if readonly else "rw", any_thread)
        try:
            version = connection.check_schema(conn, path, integrity=check)
            if not readonly:
                guards.refuse_foreign_code(conn, path, writing=True)
        except StoreError:
            conn.close()
            raise
        return cls(conn, path, readonly, version)

    @classmethod
    def create(cls, path: str | Path) -> Store:
        """A new, empty store at a path where no file exists yet."""
        path = Path(path)
        if path.exists():
            raise StoreError("already exists; choose a new file name", path)
        import sqlite_utils

        connection.check_creatable(path)
        conn = connection.connect(path, "rwc")
        with conn.bound.unbounded():  # a write: not stopped by the time bound of reads
            create_schema(sqlite_utils.Database(conn))
        return cls(conn, path, False, connection.SCHEMA_VERSION)

    def close(self) -> None:
        self.conn.close()

    def is_open_on(self, path: Path) -> bool:
        """Whether this store reads the file now at ``path`` (not one since replaced or removed)."""
        return path == self.path and self._file is not None and _identity(path) == self._file

    def refresh(self) -> None:
        """Forget what this store remembers of the file (its frameworks, search expansions,
        counts) if another connection has written to it since this store last looked
        (``PRAGMA data_version``, a few microseconds)."""
        version = self._read_data_version()
        if version != self._data_version:
            self._data_version, self._framework_cache = version, None
            self._memo.clear()

    def remembered(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """``compute()``, remembered by this store (this connection) until the file changes."""
        self.refresh()
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def forget_searches(self) -> None:
        """Forget remembered search expansions and stems (the benchmark times a search typed for
        the first time)."""
        self._memo = {k: v for k, v in self._memo.items() if not (isinstance(k, tuple) and k[0] == "search")}
        terms.forget()

    def _read_data_version(self) -> int:
        return self._rows("PRAGMA data_version")[0][0]

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        return self._capped_rows(sql, params, None) or []

    def _tuples(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[tuple[Any, ...]]:
        """Rows as plain tuples, for rows read by position: a page of findings, where making
        ``sqlite3.Row`` objects cost a twentieth of the page."""
        return self._capped_rows(sql, params, None, tuples=True) or []

    def _capped_rows(self, sql: str, params: Sequence[Any] | dict[str, Any],
                     max_steps: int | None, tuples: bool = False) -> list[Any] | None:
        """Rows of a query, or None when it would take more than ``max_steps`` virtual-machine
        steps (in thousands; SQLite's progress handler stops it, as Datasette caps its queries).
        Every query is also bounded in time (:class:`~inspector_gui.store.guards.WorkBound`)."""
        bound = self.conn.bound
        bound.steps(max_steps)
        try:
            cursor = self.conn.execute(sql, params)
            if tuples:
                cursor.row_factory = None  # rows are made as they are fetched
            return cursor.fetchall()
        except sqlite3.DatabaseError as exc:
            if bound.over_steps:
                return None
            raise StoreError(connection.describe(exc), self.path) from None
        finally:
            bound.steps(None)

    def meta(self, key: str, default: str = "") -> str:
        rows = self._rows("SELECT value FROM store_meta WHERE key = ?", (key,))
        return rows[0][0] if rows else default

    def set_meta(self, key: str, value: str) -> None:
        self._require_writable()
        self.conn.execute("INSERT OR REPLACE INTO store_meta (key, value) VALUES (?, ?)", (key, value))

    def counts(self) -> dict[str, int]:
        return {t: self._rows(f"SELECT count(*) FROM {t}")[0][0] for t in DATA_TABLES}

    def as_at(self) -> str:
        """The newest publication date in the store: the data is 'as at' this date."""
        return self._rows("SELECT max(published) FROM inspections")[0][0] or ""

    def info(self) -> StoreInfo:
        """Path, schema, counts, frameworks and how many standard ratings are recorded."""
        possible = self._rows(RATINGS_POSSIBLE)[0][0]
        counts = self.counts()
        return StoreInfo(
            str(self.path), self.schema_version, counts,
            [(f.framework_id, f.name) for f in self.frameworks().values()],
            counts["ratings"], possible, self.as_at(), self.meta("synthetic") == "yes",
            self.attribution(), tuple(i.name for i in self.inspectorates()))

    def import_files(self, paths: Iterable[str | Path], progress: Progress | None = None) -> ImportReport:
        """Read, check and import interchange files in one transaction. The readers and writers
        are imported here: the viewer, which only reads, starts without them."""
        from inspector_gui.exchange.readers import read_batch

        return self.import_batch(read_batch(paths), progress)

    def import_spreadsheet(self, sheet: str | Path, mapping: str | Path,
                           progress: Progress | None = None) -> tuple[ImportReport, SheetBatch]:
        """Read a spreadsheet as its mapping file says and import it like interchange files;
        returns the report with the warnings and notes of the reading."""
        from inspector_gui.exchange.sheet_import import read_spreadsheet

        read = read_spreadsheet(sheet, mapping)
        return self.import_batch(read.batch, progress), read

    def import_batch(self, batch: Batch, progress: Progress | None = None) -> ImportReport:
        """Check a batch against the store, then write it all or nothing; the problems the
        reader found and those found here are reported together."""
        from inspector_gui.exchange.tables import MAX_PROBLEMS
        from inspector_gui.exchange.validate import check_batch
        from inspector_gui.store.imports import known_keys, write_batch

        self._require_writable()
        try:
            known = known_keys(self.conn)
            problems = batch.problems + check_batch(batch, known)
            if problems:
                raise ImportFailed(problems[:MAX_PROBLEMS], max(0, len(problems) - MAX_PROBLEMS))
            report = write_batch(self.conn, batch, known, progress)
        except sqlite3.DatabaseError as exc:
            raise StoreError(connection.describe(exc), self.path) from None
        self._framework_cache = None
        return report

    def _require_writable(self) -> None:
        if self.readonly:
            raise StoreError("is open read-only", self.path)


def _identity(path: Path) -> tuple[int, int] | None:
    """The file's device and inode: a file put in its place (a rebuilt store) has others."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino
