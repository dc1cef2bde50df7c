"""``inspector migrate``: an older store is upgraded only on request, after a byte-for-byte backup
copy that is never overwritten, in one transaction; anything else is refused and left alone."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from badinput import BAD_STORES, contents, make_bad_store, sha256, snapshot, with_version
from click.testing import CliRunner

from inspector_gui.cli import main
from inspector_gui.domain.records import FindingQuery
from inspector_gui.errors import StoreError
from inspector_gui.store import Store, schema
from inspector_gui.store.migration import migrate_store


@pytest.fixture
def unversioned(store_path: Path) -> Path:
    """A store at schema 0: the data tables without the full-text index, its triggers, an index
    and the meta table that schema 1 adds."""
    conn = sqlite3.connect(store_path, isolation_level=None)
    for sql in ("DROP TABLE findings_fts", "DROP TRIGGER findings_ai", "DROP TRIGGER findings_ad",
                "DROP TRIGGER findings_au", "DROP INDEX idx_findings_kind", "DROP TABLE store_meta",
                "PRAGMA user_version = 0"):
        conn.execute(sql)
    conn.close()
    return store_path


def _objects(path: Path) -> set[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        return set(conn.execute("SELECT type, name FROM sqlite_master"))
    finally:
        conn.close()


def test_every_version_has_a_step() -> None:
    assert len(schema.MIGRATIONS) == schema.SCHEMA_VERSION


def test_migrate_upgrades_after_a_byte_for_byte_backup(unversioned: Path, _bundled_master: Path) -> None:
    original, data = sha256(unversioned), contents(unversioned)
    with pytest.raises(StoreError, match=r"has an older schema \(0\); run 'inspector migrate"):
        Store.open(unversioned)
    result = CliRunner().invoke(main, ["migrate", str(unversioned)])
    assert result.exit_code == 0, result.stderr
    backup = unversioned.with_name(unversioned.name + ".bak-schema0")
    assert result.stdout == (f"migrated {unversioned} from schema 0 to {schema.SCHEMA_VERSION}; "
                             f"the original is kept as {backup}\n")
    assert sha256(backup) == original
    assert contents(unversioned) == data
    assert _objects(unversioned) == _objects(_bundled_master)
    with Store.open(unversioned) as store:
        assert store.schema_version == schema.SCHEMA_VERSION
        assert store.count_findings(FindingQuery(search="risk of harm")) > 0
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_current_store_is_up_to_date_and_untouched(store_path: Path) -> None:
    before = snapshot(store_path.parent)
    result = CliRunner().invoke(main, ["migrate", str(store_path)])
    assert result.exit_code == 0
    assert result.stdout == (f"{store_path} is up to date (schema {schema.SCHEMA_VERSION}); "
                             "nothing to do\n")
    assert snapshot(store_path.parent) == before


def test_an_existing_backup_is_never_overwritten(unversioned: Path) -> None:
    taken = unversioned.with_name(unversioned.name + ".bak-schema0")
    taken.write_bytes(b"an earlier backup")
    second = unversioned.with_name(unversioned.name + ".bak-schema0-2")
    second.write_bytes(b"another earlier backup")
    original = sha256(unversioned)
    result = migrate_store(unversioned)
    assert result.backup == unversioned.with_name(unversioned.name + ".bak-schema0-3")
    assert sha256(result.backup) == original
    assert taken.read_bytes() == b"an earlier backup"
    assert second.read_bytes() == b"another earlier backup"


def test_version_zero_store_with_every_object_is_stamped(store_path: Path, tmp_path: Path) -> None:
    """A version-0 store that already has every schema-1 object is simply stamped."""
    path = tmp_path / "stamped.db"
    with_version(0)(store_path, path)
    data = contents(path)
    assert migrate_store(path).to_version == schema.SCHEMA_VERSION
    assert contents(path) == data


def test_failed_migration_leaves_the_store_as_it_was(unversioned: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    def half_done(db) -> None:
        db.execute("DELETE FROM findings")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(schema, "MIGRATIONS", (half_done,))
    before = sha256(unversioned)
    result = CliRunner().invoke(main, ["migrate", str(unversioned)])
    assert result.exit_code == 2
    assert result.stderr == f"inspector: {unversioned}: disk I/O error\n"
    assert sha256(unversioned) == before
    assert not (unversioned.parent / (unversioned.name + "-journal")).exists()


@pytest.mark.parametrize("case", [c for c in BAD_STORES if c.name != "older"], ids=lambda c: c.name)
def test_migrate_refuses_what_is_not_an_older_store(case, store_path: Path, tmp_path: Path) -> None:
    path = make_bad_store(case, store_path, tmp_path)
    before = snapshot(tmp_path)
    result = CliRunner().invoke(main, ["migrate", str(path)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"inspector: {path}: ")
    assert snapshot(tmp_path) == before


def test_backup_failure_changes_nothing(unversioned: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_space(source, target) -> None:
        target.write(b"partial")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(shutil, "copyfileobj", no_space)
    before = snapshot(unversioned.parent)
    with pytest.raises(StoreError, match=r"cannot make a backup copy at .*\(No space left on device\); "
                                         "nothing was changed"):
        migrate_store(unversioned)
    assert snapshot(unversioned.parent) == before
