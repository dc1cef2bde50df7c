"""Bad files, hostile text and an unprivileged runner, shared by the store, import, CLI and GUI
tests of issue 7. Each bad store is made from a copy of the bundled-data store so that it is
realistic, and each case says what the user must be told."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from inspector_gui.store.connection import DAMAGED, REPAIR
from inspector_gui.store.schema import SCHEMA_VERSION, TABLE_NAMES

INSPECTION = "merseyside-crc-2018-09-26"  # a real inspection of the bundled data (crc-nps-2018)
FINDINGS_HEADER = "inspection_id,domain_code,standard_code,kind,text,source_url"
MARKUP = '<b>bold</b> <img src="file:///etc/passwd"> <a href="http://example.invalid/x">link</a>'


def sha256(path: Path) -> str | None:
    """The file's digest; None for a path that is not a file (missing or a folder)."""
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def snapshot(folder: Path) -> dict[str, str | None]:
    """Every entry of a folder with its digest: a test compares two to prove nothing changed."""
    return {p.name: sha256(p) for p in sorted(folder.iterdir())}


def contents(path: Path) -> list[tuple]:
    """Every row of every data table, for stores whose bytes may legitimately differ."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [(t, *row) for t in TABLE_NAMES for row in conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2")]
    finally:
        conn.close()


def generated_findings(path: Path, rows: int) -> Path:
    """A findings file of ``rows`` distinct, valid findings of one bundled inspection."""
    lines = (f'{INSPECTION},2,2.1,improvement,"Generated finding {n}, on risk of harm",' for n in range(rows))
    path.write_text(FINDINGS_HEADER + "\n" + "\n".join(lines) + "\n")
    return path


# ---- bad stores: each writes a file (or folder) at ``path`` from a good store ``good`` --------


def _write(data: bytes) -> Callable[[Path, Path], None]:
    return lambda good, path: path.write_bytes(data)


def _truncated(good: Path, path: Path) -> None:
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])


def _index_page_zeroed(good: Path, path: Path) -> None:
    """Damage SQLite opens happily and only a full scan finds: an index page wiped."""
    shutil.copyfile(good, path)
    conn = sqlite3.connect(path)
    plan = conn.execute("EXPLAIN QUERY PLAN SELECT count(*) FROM findings").fetchone()[3]
    index = plan.rsplit(" ", 1)[-1]  # the index count(*) reads: "... USING COVERING INDEX idx_…"
    page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (index,)).fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with path.open("r+b") as handle:
        handle.seek((page - 1) * size)
        handle.write(bytes(size))


def _search_index_page_zeroed(good: Path, path: Path) -> None:
    """Damage that opening a store and its first pages never read, so only the integrity check
    (which the window runs in the background) finds it: the full-text index's root page wiped."""
    shutil.copyfile(good, path)
    conn = sqlite3.connect(path)
    page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'findings_fts_data'").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with path.open("r+b") as handle:
        handle.seek((page - 1) * size)
        handle.write(bytes(size))


def _foreign(good: Path, path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('shopping list')")
    conn.commit()
    conn.close()


def with_version(version: int) -> Callable[[Path, Path], None]:
    def make(good: Path, path: Path) -> None:
        shutil.copyfile(good, path)
        conn = sqlite3.connect(path)
        conn.execute(f"PRAGMA user_version = {version}")
        conn.close()
    return make


def _folder(good: Path, path: Path) -> None:
    path.mkdir()


def _fifo(good: Path, path: Path) -> None:
    """A named pipe: opening it to read waits for a writer that never comes."""
    os.mkfifo(path)


def _device(good: Path, path: Path) -> None:
    """A link to a device that never ends."""
    path.symlink_to("/dev/zero")


def with_generated_column(table: str, expression: str) -> Callable[[Path, Path], None]:
    """A store another program gave a generated column: computed on every read of its rows."""
    def make(good: Path, path: Path) -> None:
        shutil.copyfile(good, path)
        conn = sqlite3.connect(path)
        conn.execute(f"ALTER TABLE {table} ADD COLUMN extra TEXT GENERATED ALWAYS AS ({expression}) VIRTUAL")
        conn.commit()
        conn.close()
    return make


def foreign_sql_message(*names: str, writing: bool = True) -> str:
    return (f"holds SQL that Inspector GUI did not write ({', '.join(names)}), so it is not "
            f"{'changed' if writing else 'read'}; remove it with the sqlite3 shell, or use another copy")


def _nothing(good: Path, path: Path) -> None:
    """A missing path: nothing is made, and nothing may be made by opening it."""


@dataclass(frozen=True)
class BadStore:
    name: str
    make: Callable[[Path, Path], None]
    message: str  # what the user is told after "PATH: " ({path} filled in); "…(" means "starts with"


BAD_STORES = (
    BadStore("not-sqlite", _write(b"provider,rating\nEssex CRC,Good\n"), "is not a SQLite database"),
    BadStore("empty", _write(b""), "is an empty file, not a store"),
    BadStore("truncated", _truncated, DAMAGED),
    BadStore("corrupt-index", _index_page_zeroed, "is damaged ("),
    BadStore("corrupt-search-index", _search_index_page_zeroed, "is damaged ("),
    BadStore("foreign", _foreign,
             "is a SQLite database of another application, not an Inspector GUI store"),
    BadStore("newer", with_version(SCHEMA_VERSION + 1),
             f"was made by a newer Inspector GUI (schema {SCHEMA_VERSION + 1}; this version reads "
             f"up to {SCHEMA_VERSION}); update the app"),
    BadStore("older", with_version(0), "has an older schema (0); run 'inspector migrate {path}' to "
             "upgrade it (a backup copy is made first)"),
    BadStore("folder", _folder, "is a folder, not a store file"),
    BadStore("fifo", _fifo, "is a named pipe (FIFO), not a store file"),
    BadStore("device", _device, "is a device, not a store file"),
    BadStore("generated-column", with_generated_column("findings", "hex(zeroblob(length(text) * 1000))"),
             foreign_sql_message("generated column findings.extra", writing=False)),
    BadStore("generated-column-providers", with_generated_column("providers", "upper(name)"),
             foreign_sql_message("generated column providers.extra", writing=False)),
    BadStore("missing", _nothing, "no such file"),
)


def make_bad_store(case: BadStore, good: Path, folder: Path) -> Path:
    path = folder / f"{case.name}.db"
    case.make(good, path)
    return path


def assert_message(case: BadStore, path: Path, text: str) -> None:
    """``text`` is the one-line message the user sees for ``case`` at ``path``."""
    assert "\n" not in text.strip()
    expected = case.message.format(path=path)
    prefix = f"{path}: "
    assert text.startswith(prefix), text
    message = text[len(prefix):].strip()
    if expected.endswith("("):
        assert message.startswith(expected) and message.endswith(f"); {REPAIR}"), message
    else:
        assert message == expected


# ---- running as an unprivileged user (root ignores file permissions) ----------------------


@contextmanager
def world_readable_folder() -> Iterator[Path]:
    """A fresh folder under the system temp dir that another user can enter (pytest's own tmp
    folders are private to the user running the tests)."""
    folder = Path(tempfile.mkdtemp(prefix="inspector-ro-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def _nobody_prefix() -> list[str]:
    if os.geteuid() != 0:
        pytest.skip("needs root to switch to an unprivileged user (as non-root, permissions already apply)")
    setpriv = shutil.which("setpriv")
    if not setpriv:
        pytest.skip("setpriv is not installed")
    return [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"]


def run_as_nobody(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m inspector_gui ARGS`` as the user nobody; skips when that cannot work here
    (not root, no setpriv, or the interpreter or package unreadable to nobody)."""
    prefix = _nobody_prefix()
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(cwd),
           "XDG_DATA_HOME": str(cwd / "xdg"), "XDG_CONFIG_HOME": str(cwd / "xdg"), "LANG": "C.UTF-8"}
    probe = subprocess.run([*prefix, sys.executable, "-c", "import inspector_gui.cli"],
                           cwd=cwd, env=env, capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip(f"the user nobody cannot run this interpreter: {probe.stderr.strip()[-200:]}")
    return subprocess.run([*prefix, sys.executable, "-m", "inspector_gui", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def chown_nobody(path: Path) -> None:
    import pwd

    entry = pwd.getpwnam("nobody")
    os.chown(path, entry.pw_uid, entry.pw_gid)


# ---- other programs at work on a store -----------------------------------------------------

_HOLD_LOCK = textwrap.dedent("""
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("UPDATE providers SET name = name")
    print("locked", flush=True)
    sys.stdin.read()
    conn.execute("ROLLBACK")
""")


@contextmanager
def write_locked(path: Path) -> Iterator[Path]:
    """``path`` held in an exclusive write transaction by another process while in the block."""
    holder = subprocess.Popen([sys.executable, "-c", _HOLD_LOCK, str(path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    try:
        yield path
    finally:
        holder.communicate("", timeout=30)
    assert holder.returncode == 0


# Imports through the real API and reports each 1,000 rows written inside the transaction. The
# page cache (KiB) decides whether uncommitted pages reach the store file before COMMIT: with the
# importer's own large cache they do not; with a small one they spill, as in any COMMIT or an
# import larger than the cache, and only the journal can restore the file.
_IMPORTER = textwrap.dedent("""
    import sys
    from inspector_gui.store import Store, imports
    imports.IMPORT_CACHE = int(sys.argv[3])
    with Store.open(sys.argv[1], readonly=False) as store:
        store.import_files([sys.argv[2]], lambda done, total: print(done, flush=True))
""")
SPILLING_CACHE = -200


def kill_mid_import(store: Path, source: Path, after_rows: int, cache: int = SPILLING_CACHE) -> None:
    """Start importing ``source`` into ``store`` in another process and SIGKILL it once
    ``after_rows`` rows are written inside its transaction."""
    importer = subprocess.Popen([sys.executable, "-c", _IMPORTER, str(store), str(source), str(cache)],
                                stdout=subprocess.PIPE, text=True, cwd=store.parent)
    assert importer.stdout is not None
    for line in importer.stdout:
        if int(line) >= after_rows:
            os.kill(importer.pid, signal.SIGKILL)
            break
    importer.wait(timeout=60)
    assert importer.returncode == -signal.SIGKILL
