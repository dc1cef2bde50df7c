"""Every way a store file can be wrong: one line naming the file and the problem, exit code 2 in
the CLI, and the file's bytes exactly as they were."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from badinput import (
    BAD_STORES,
    DAMAGED,
    FINDINGS_HEADER,
    INSPECTION,
    BadStore,
    assert_message,
    chown_nobody,
    make_bad_store,
    run_as_nobody,
    sha256,
    snapshot,
    world_readable_folder,
    write_locked,
)
from click.testing import CliRunner, Result

from inspector_gui.cli import main
from inspector_gui.domain.records import FindingQuery
from inspector_gui.errors import StoreError
from inspector_gui.store import Store, connection
from inspector_gui.store.search_index import index_broken


def _ids(case: BadStore) -> str:
    return case.name


@pytest.mark.parametrize("case", BAD_STORES, ids=_ids)
def test_store_open_refuses_with_one_line_and_changes_nothing(case: BadStore, store_path: Path,
                                                               tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    path = make_bad_store(case, store_path, folder)
    before = snapshot(folder)
    with pytest.raises(StoreError) as raised:
        Store.open(path)
    assert_message(case, path, str(raised.value))
    assert snapshot(folder) == before


UNREAD_DAMAGE = {("corrupt-search-index", "info"), ("corrupt-search-index", "ratings"),
                 ("corrupt-search-index", "export"), ("corrupt-index", "findings"),
                 ("corrupt-index", "ratings"), ("corrupt-index", "export")}
"""Damage a command's reads never meet: read commands skip the whole-file scan (``inspector
check`` runs it), so the command answers, and its answer is the intact store's."""


def _assert_answer_as_from_the_intact_store(result: Result, command: list[str], good: Path,
                                            damaged: Path) -> None:
    assert result.exit_code == 0, result.stderr
    if command[0] == "export":
        written = Path(command[-1])
        damaged_bytes = written.read_bytes()
        written.unlink()
        assert CliRunner().invoke(main, [*command, "--store", str(good)]).exit_code == 0
        assert written.read_bytes() == damaged_bytes
        written.unlink()
        return
    intact = CliRunner().invoke(main, [*command, "--store", str(good)])
    assert result.stdout.replace(str(damaged), str(good)) == intact.stdout


@pytest.mark.parametrize("case", BAD_STORES, ids=_ids)
@pytest.mark.parametrize("command", [["info"], ["findings", "--search", "risk"], ["ratings"],
                                     ["export", "--all", "-o", "{dir}/league.csv"]])
def test_cli_prints_one_line_and_exits_2(case: BadStore, command: list[str], store_path: Path,
                                         tmp_path: Path) -> None:
    path = make_bad_store(case, store_path, tmp_path)
    before = snapshot(tmp_path)
    command = [part.format(dir=tmp_path) for part in command]
    result = CliRunner().invoke(main, [*command, "--store", str(path)])
    if (case.name, command[0]) == ("corrupt-search-index", "findings"):
        # without the whole-file scan the search itself meets the damage, and says how to repair it
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr == f"inspector: {path}: {index_broken(path)}\n"
        assert snapshot(tmp_path) == before
        return
    if (case.name, command[0]) in UNREAD_DAMAGE:
        _assert_answer_as_from_the_intact_store(result, command, store_path, path)
        assert sha256(path) == before[path.name]
        return
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("inspector: ")
    assert_message(case, path, result.stderr.removeprefix("inspector: "))
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("case", [c for c in BAD_STORES if c.name != "missing"], ids=_ids)
def test_import_into_a_bad_store_is_refused(case: BadStore, store_path: Path, tmp_path: Path) -> None:
    """Importing into a bad store must not repair, overwrite or replace it either (a missing
    store is created by import: tests/unit/test_bad_imports.py)."""
    path = make_bad_store(case, store_path, tmp_path)
    source = tmp_path / "findings.csv"
    source.write_text(f"{FINDINGS_HEADER}\n{INSPECTION},1,1.2,strength,New finding,\n")
    before = snapshot(tmp_path)
    result = CliRunner().invoke(main, ["import", str(source), "--store", str(path)])
    assert result.exit_code == 2
    assert_message(case, path, result.stderr.removeprefix("inspector: "))
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("case", BAD_STORES, ids=_ids)
def test_check_command_scans_the_whole_file(case: BadStore, store_path: Path, tmp_path: Path) -> None:
    """``inspector check`` finds the damage a command's own reads may never meet, in one line."""
    path = make_bad_store(case, store_path, tmp_path)
    before = snapshot(tmp_path)
    result = CliRunner().invoke(main, ["check", "--store", str(path)])
    assert result.exit_code == 2 and result.stdout == ""
    assert_message(case, path, result.stderr.removeprefix("inspector: "))
    assert snapshot(tmp_path) == before


def test_check_command_says_an_intact_store_is_intact(store_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--store", str(store_path)])
    assert result.exit_code == 0
    assert result.stdout == (f"{store_path}: intact (quick_check found no damage; the search index "
                             "matches the findings)\n")


def test_damage_found_only_by_the_full_scan(store_path: Path, tmp_path: Path) -> None:
    """The corrupt-index file opens without the scan: the scan on open is what catches it."""
    corrupt = next(c for c in BAD_STORES if c.name == "corrupt-index")
    path = make_bad_store(corrupt, store_path, tmp_path)
    with Store.open(path, check=False) as store:
        assert len(store.providers()) == 93
        with pytest.raises(StoreError, match="is damaged"):
            store.counts()
    with pytest.raises(StoreError, match=r"is damaged \(.*btreeInitPage"):
        Store.open(path)


def test_truncated_store_message_is_sqlites_reason_in_words(store_path: Path, tmp_path: Path) -> None:
    path = make_bad_store(next(c for c in BAD_STORES if c.name == "truncated"), store_path, tmp_path)
    with pytest.raises(StoreError) as raised:
        Store.open(path)
    assert raised.value.message == DAMAGED
    assert "restore a backup copy" in DAMAGED


def test_missing_path_is_never_created(tmp_path: Path) -> None:
    path = tmp_path / "typo.db"
    for readonly in (True, False):
        with pytest.raises(StoreError, match="no such file"):
            Store.open(path, readonly=readonly)
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


def test_viewer_connection_is_read_only(store: Store) -> None:
    """``mode=ro`` plus ``query_only``: the viewer cannot write even where the OS would let it."""
    before = sha256(store.path)
    for sql in ("CREATE TABLE intruder (x)", "DELETE FROM findings", "PRAGMA user_version = 9"):
        with pytest.raises(sqlite3.OperationalError):
            store.conn.execute(sql)
    assert sha256(store.path) == before


# ---- a store locked by another program writing -------------------------------------------

@pytest.fixture
def locked_store(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The store, held in an exclusive write transaction by another process for the test."""
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)
    with write_locked(store_path):
        yield store_path


LOCKED = "is locked by another program writing to it; try again when it has finished"


def test_locked_store_gets_a_clear_message(locked_store: Path) -> None:
    before = sha256(locked_store)
    with pytest.raises(StoreError) as raised:
        Store.open(locked_store)
    assert str(raised.value) == f"{locked_store}: {LOCKED}"
    result = CliRunner().invoke(main, ["info", "--store", str(locked_store)])
    assert result.exit_code == 2
    assert result.stderr == f"inspector: {locked_store}: {LOCKED}\n"
    assert sha256(locked_store) == before


def test_import_while_another_program_writes_is_refused(store_path: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A writer holding only the reserved lock (readers still welcome): the import waits for the
    busy timeout, then says so; nothing is written."""
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)
    source = tmp_path / "findings.csv"
    source.write_text(f"{FINDINGS_HEADER}\n{INSPECTION},1,1.2,strength,New finding,\n")
    other = sqlite3.connect(store_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        result = CliRunner().invoke(main, ["import", str(source), "--store", str(store_path)])
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.exit_code == 2
    assert result.stderr == f"inspector: {store_path}: {LOCKED}\n"
    with Store.open(store_path) as store:
        assert store.count_findings(FindingQuery(search="New finding")) == 0


# ---- read-only files and folders, as an unprivileged user ---------------------------------


def test_read_only_file_can_be_viewed_but_not_changed(store_path: Path) -> None:
    with world_readable_folder() as folder:
        path = folder / "store.db"
        shutil.copyfile(store_path, path)
        path.chmod(0o444)
        source = folder / "findings.csv"
        source.write_text(f"{FINDINGS_HEADER}\n{INSPECTION},1,1.2,strength,New finding,\n")
        source.chmod(0o644)
        before = snapshot(folder)
        viewed = run_as_nobody(["info", "--store", str(path)], folder)
        assert viewed.returncode == 0, viewed.stderr
        assert "inspections:    114" in viewed.stdout
        imported = run_as_nobody(["import", str(source), "--store", str(path)], folder)
        assert imported.returncode == 2
        assert imported.stderr == f"inspector: {path}: is read-only; it can be viewed but not changed\n"
        migrated = run_as_nobody(["migrate", str(path)], folder)
        assert migrated.returncode == 2
        assert snapshot(folder) == before


def test_store_in_read_only_folder_can_be_viewed_but_not_changed(store_path: Path) -> None:
    with world_readable_folder() as folder:
        path = folder / "store.db"
        shutil.copyfile(store_path, path)
        chown_nobody(path)
        source = folder / "findings.csv"
        source.write_text(f"{FINDINGS_HEADER}\n{INSPECTION},1,1.2,strength,New finding,\n")
        folder.chmod(0o555)
        before = snapshot(folder)
        viewed = run_as_nobody(["findings", "--search", "risk", "--store", str(path)], folder)
        assert viewed.returncode == 0, viewed.stderr
        imported = run_as_nobody(["import", str(source), "--store", str(path)], folder)
        assert imported.returncode == 2
        assert imported.stderr == (f"inspector: {path}: is in a read-only folder, so it can be viewed "
                                   "but not changed (SQLite writes a journal file beside it)\n")
        assert snapshot(folder) == before


def test_unreadable_store_says_so(store_path: Path) -> None:
    with world_readable_folder() as folder:
        path = folder / "private.db"
        shutil.copyfile(store_path, path)
        path.chmod(0o600)
        result = run_as_nobody(["info", "--store", str(path)], folder)
        assert result.returncode == 2
        assert result.stderr == f"inspector: {path}: cannot be read (Permission denied)\n"


def test_new_store_in_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    with world_readable_folder() as folder:
        source = folder / "providers.csv"
        source.write_text("provider_id,name,provider_type\nx-crc,X CRC,CRC\n")
        folder.chmod(0o555)
        result = run_as_nobody(["import", str(source), "--store", str(folder / "new.db")], folder)
        assert result.returncode == 2
        assert result.stderr == (f"inspector: {folder / 'new.db'}: cannot be created: the folder "
                                 f"{folder} is read-only\n")
        assert not (folder / "new.db").exists()
