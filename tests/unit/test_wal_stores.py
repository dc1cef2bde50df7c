"""A store another program put in WAL mode is read without creating files beside it, also in a
read-only folder; changes waiting in its ``-wal`` file are read, or the message says why they
cannot be (issue 11, item 13)."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from badinput import run_as_nobody, snapshot, world_readable_folder
from click.testing import CliRunner

from inspector_gui.cli import main
from inspector_gui.store import Store

READS = [["info"], ["findings", "--search", "risk"], ["ratings"], ["findings", "--kind", "strength"]]


def _to_wal(path: Path) -> Path:
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    conn.close()
    assert not path.with_name(path.name + "-wal").exists()
    return path


_WRITER = textwrap.dedent("""
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE providers SET name = 'Renamed in the WAL' WHERE provider_id = 'merseyside-crc'")
    print("written", flush=True)
    sys.stdin.read()
""")


def _killed_writer(path: Path) -> None:
    """A writer that committed a change to the WAL and was killed before any checkpoint."""
    writer = subprocess.Popen([sys.executable, "-c", _WRITER, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None and writer.stdout.readline().strip() == "written"
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)
    assert path.with_name(path.name + "-wal").stat().st_size > 0


@pytest.mark.parametrize("command", READS, ids=lambda c: " ".join(c))
def test_reading_a_wal_store_creates_no_file(command: list[str], store_path: Path) -> None:
    path = _to_wal(store_path)
    before = snapshot(path.parent)
    result = CliRunner().invoke(main, [*command, "--store", str(path)])
    assert result.exit_code == 0, result.stderr
    assert snapshot(path.parent) == before
    with Store.open(path) as store:
        assert store.counts()["findings"] == 538
    assert snapshot(path.parent) == before


def test_a_wal_store_in_a_read_only_folder_is_read(store_path: Path) -> None:
    with world_readable_folder() as folder:
        path = _to_wal(shutil.copyfile(store_path, folder / "store.db"))
        folder.chmod(0o555)
        before = snapshot(folder)
        for command in READS:
            result = run_as_nobody([*command, "--store", str(path)], folder)
            assert result.returncode == 0, result.stderr
        assert snapshot(folder) == before


def test_changes_waiting_in_the_wal_are_read(store_path: Path) -> None:
    path = _to_wal(store_path)
    _killed_writer(path)
    with Store.open(path) as store:
        assert store.provider("merseyside-crc").name == "Renamed in the WAL"


def test_waiting_changes_that_cannot_be_read_here_are_explained(store_path: Path) -> None:
    with world_readable_folder() as folder:
        path = _to_wal(shutil.copyfile(store_path, folder / "store.db"))
        _killed_writer(path)
        path.with_name("store.db-shm").unlink()
        folder.chmod(0o555)
        before = snapshot(folder)
        result = run_as_nobody(["info", "--store", str(path)], folder)
        assert result.returncode == 2
        assert result.stderr == (
            f"inspector: {path}: is in WAL mode with changes waiting in store.db-wal, which SQLite reads "
            "only through a store.db-shm file beside it, and the folder is read-only; open it once where "
            "the folder can be written, so SQLite can finish those changes\n")
        assert snapshot(folder) == before
