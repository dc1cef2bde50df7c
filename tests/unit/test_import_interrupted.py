"""An import killed half-way (SIGKILL, mid-transaction) leaves the store exactly as it was: SQLite
rolls the hot journal back on the next open, read-only opens included."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from badinput import (
    SPILLING_CACHE,
    contents,
    generated_findings,
    kill_mid_import,
    run_as_nobody,
    sha256,
    world_readable_folder,
)
from click.testing import CliRunner

from inspector_gui.cli import main
from inspector_gui.domain.records import FindingQuery
from inspector_gui.store import Store, imports
from inspector_gui.store.connection import HOT_JOURNAL


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generated_findings(tmp_path_factory.mktemp("big") / "findings.csv", 100_000)


@pytest.mark.parametrize("cache", [SPILLING_CACHE, imports.IMPORT_CACHE],
                         ids=["pages-spilled", "pages-cached"])
def test_killed_import_leaves_the_store_as_it_was(store_path: Path, big_file: Path, cache: int) -> None:
    digest, data = sha256(store_path), contents(store_path)
    kill_mid_import(store_path, big_file, after_rows=40_000, cache=cache)
    journal = store_path.with_name(store_path.name + "-journal")
    assert journal.exists() and journal.stat().st_size > 0, "the kill must land inside the transaction"
    assert (sha256(store_path) != digest) == (cache == SPILLING_CACHE)
    with Store.open(store_path) as store:  # read-only, as the viewer opens it
        assert store.count_findings(FindingQuery()) == 538
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert contents(store_path) == data
    assert sha256(store_path) == digest


def test_import_after_a_killed_import_completes(store_path: Path, big_file: Path) -> None:
    kill_mid_import(store_path, big_file, after_rows=20_000)
    result = CliRunner().invoke(main, ["import", str(big_file), "--store", str(store_path)])
    assert result.exit_code == 0, result.stderr
    with Store.open(store_path) as store:
        assert store.count_findings(FindingQuery()) == 538 + 100_000


def test_hot_journal_on_a_store_the_user_cannot_write(store_path: Path, big_file: Path) -> None:
    """Without write permission SQLite cannot roll back: the user is told what to do, and
    nothing is touched."""
    kill_mid_import(store_path, big_file, after_rows=20_000)
    with world_readable_folder() as folder:
        for name in (store_path.name, store_path.name + "-journal"):
            shutil.copyfile(store_path.with_name(name), folder / name)
            (folder / name).chmod(0o444)
        before = {p.name: sha256(p) for p in folder.iterdir()}
        result = run_as_nobody(["info", "--store", str(folder / store_path.name)], folder)
        assert result.returncode == 2
        assert result.stderr == f"inspector: {folder / store_path.name}: {HOT_JOURNAL}\n"
        assert {p.name: sha256(p) for p in folder.iterdir()} == before
