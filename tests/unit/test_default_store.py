"""The default store: built on first use, brought up to date when the bundled data changes without
losing what the user imported, and set aside (never deleted) when it cannot be read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from badinput import BAD_STORES, BadStore, assert_message, run_as_nobody, snapshot, world_readable_folder
from click.testing import CliRunner

from inspector_gui.cli import main
from inspector_gui.errors import StoreError
from inspector_gui.store import Store
from inspector_gui.store.default import default_store_path, ensure_default_store, resolve_store


def test_built_on_first_use_in_the_user_data_folder(tmp_path: Path) -> None:
    path = ensure_default_store()
    assert path == default_store_path()
    assert "inspector-gui" in path.parts
    with Store.open(path) as store:
        assert store.counts()["inspections"] == 114


def test_second_start_does_not_rewrite_the_store() -> None:
    path = ensure_default_store()
    before = path.stat().st_mtime_ns, path.read_bytes()
    ensure_default_store()
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before


def test_changed_bundled_data_is_reimported_keeping_user_imports(tmp_path: Path) -> None:
    path = ensure_default_store()
    extra = tmp_path / "inspections.csv"
    extra.write_text("inspection_id,provider_id,framework_id,published\n"
                     "leeds-pdu-2026-01,leeds-pdu,pdu-2023,2026-01\n", encoding="utf-8")
    with Store.open(path, readonly=False) as store:
        store.import_files([extra])
        store.set_meta("bundled_data", "an older release")
    ensure_default_store()
    with Store.open(path) as store:
        assert store.inspection("leeds-pdu-2026-01") is not None
        assert store.meta("bundled_data") != "an older release"


DAMAGED_CASES = [c for c in BAD_STORES if c.name in ("not-sqlite", "empty", "truncated")]
KEPT_CASES = [c for c in BAD_STORES if c.name in ("newer", "foreign", "fifo", "generated-column")]
# An older default store is migrated (after its backup copy) instead: see test_store_migration.py.


@pytest.mark.parametrize("case", DAMAGED_CASES, ids=lambda c: c.name)
def test_a_damaged_default_store_is_set_aside_rebuilt_and_said(case: BadStore, store_path: Path) -> None:
    path = default_store_path()
    path.parent.mkdir(parents=True)
    case.make(store_path, path)
    original = path.read_bytes()
    told: list[str] = []
    ensure_default_store(told.append)
    kept = list(path.parent.glob("hmip.damaged-*.db"))
    assert len(kept) == 1 and kept[0].read_bytes() == original
    assert told == [f"{path}: {case.message.split(';')[0]}; it was set aside as {kept[0]} and a new "
                    "store was built from the bundled data"]
    with Store.open(path) as store:
        assert store.counts()["findings"] == 538
    result = CliRunner().invoke(main, ["info"])
    assert result.exit_code == 0 and result.stderr == "", "said once, when it happened"


def test_the_cli_says_where_the_damaged_default_store_went(store_path: Path) -> None:
    path = default_store_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a database at all")
    result = CliRunner().invoke(main, ["info"])
    assert result.exit_code == 0
    kept = next(path.parent.glob("hmip.damaged-*.db"))
    assert result.stderr == (f"inspector: {path}: is not a SQLite database; it was set aside as {kept} "
                             "and a new store was built from the bundled data\n")


@pytest.mark.parametrize("case", KEPT_CASES, ids=lambda c: c.name)
def test_a_default_store_of_another_version_is_never_set_aside(case: BadStore, store_path: Path) -> None:
    """The user's own imports are in it: it gets the message any store gets, and stays."""
    path = default_store_path()
    path.parent.mkdir(parents=True)
    case.make(store_path, path)
    before = snapshot(path.parent)
    with pytest.raises(StoreError) as raised:
        ensure_default_store()
    assert_message(case, path, str(raised.value))
    result = CliRunner().invoke(main, ["findings"])
    assert result.exit_code == 2
    assert_message(case, path, result.stderr.removeprefix("inspector: "))
    assert snapshot(path.parent) == before


def test_an_unreadable_default_store_says_so_and_stays(store_path: Path) -> None:
    with world_readable_folder() as home:
        folder = home / "xdg" / "inspector-gui"
        folder.mkdir(parents=True)
        (home / "xdg").chmod(0o755)
        folder.chmod(0o777)
        path = folder / "hmip.db"
        shutil.copyfile(store_path, path)
        path.chmod(0o600)
        before = snapshot(folder)
        result = run_as_nobody(["info"], home)
        assert result.returncode == 2
        assert result.stderr == f"inspector: {path}: cannot be read (Permission denied)\n"
        assert snapshot(folder) == before


def test_explicit_path_and_environment_win(tmp_path: Path, monkeypatch) -> None:
    assert resolve_store(tmp_path / "a.db") == tmp_path / "a.db"
    monkeypatch.setenv("INSPECTOR_STORE", str(tmp_path / "b.db"))
    assert resolve_store() == tmp_path / "b.db"
    assert not default_store_path().exists()
