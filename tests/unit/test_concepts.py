"""``standards.concept``: imported from the optional column, kept when a file leaves it out,
queried through the store, and added to older stores by ``inspector migrate`` (the default store
is migrated and re-imported because the bundled data changed)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from badinput import sha256
from click.testing import CliRunner

from inspector_gui.cli import main
from inspector_gui.errors import StoreError
from inspector_gui.store import Store, schema
from inspector_gui.store.default import bundled_data_hash, default_store_path, ensure_default_store

STANDARDS_HEADER = "framework_id,domain_code,domain_name,standard_code,standard_name"


def _schema_one(path: Path) -> Path:
    """The store as schema 1 wrote it: no concept column."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("ALTER TABLE standards DROP COLUMN concept")
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    return path


def test_bundled_standards_carry_their_concept(store: Store) -> None:
    court = [(s.framework_id, s.code, s.name) for s in store.standards(concept="court-work")]
    assert court == [("crc-nps-2018", "3.1", "Court reports and case allocation"),
                     ("pdu-2021", "2.1", "Court work"), ("region-2023", "2.5", "Court work")]
    frameworks = store.frameworks()
    assert frameworks["pdu-2023"].standards[1].concept == "staffing"
    assert all(s.concept for f in frameworks.values() for s in f.standards)


def test_concepts_group_standards_across_frameworks(store: Store) -> None:
    concepts = store.concepts()
    assert [s.framework_id for s in concepts["assessment"]] == ["crc-nps-2018", "pdu-2021", "pdu-2023"]
    assert {s.code for s in concepts["through-the-gate"]} == {"4.2"}
    assert "resettlement" in concepts and all(s.name == "Resettlement" for s in concepts["resettlement"])
    assert [s.code for s in store.standards(framework_id="region-2023")] == [
        "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6"]
    assert store.standards(concept="Assessment") == concepts["assessment"]


def test_a_standards_file_without_concepts_keeps_the_stored_ones(store_path: Path, tmp_path: Path) -> None:
    old = tmp_path / "standards.csv"
    old.write_text(f"{STANDARDS_HEADER},applies_to,name_confirmed\n"
                   "pdu-2021,2,Court work and case supervision,2.1,Court work,,no\n", encoding="utf-8")
    with Store.open(store_path, readonly=False) as store:
        report = store.import_files([old])
        assert report.changed["standards"] == 0
        assert store.standards(framework_id="pdu-2021")[4].concept == "court-work"


def test_a_new_standard_without_a_concept_is_not_mapped(store_path: Path, tmp_path: Path) -> None:
    new = tmp_path / "standards.csv"
    new.write_text(f"{STANDARDS_HEADER}\npdu-2023,3,Extra,3.1,Something new\n", encoding="utf-8")
    with Store.open(store_path, readonly=False) as store:
        store.import_files([new])
        added = store.standards(framework_id="pdu-2023")[-1]
    assert (added.code, added.concept) == ("3.1", "")


def test_concept_keys_ignore_case(store_path: Path, tmp_path: Path) -> None:
    new = tmp_path / "standards.csv"
    new.write_text(f"{STANDARDS_HEADER},concept\npdu-2023,3,Extra,3.1,Courts, Court-Work \n",
                   encoding="utf-8")
    with Store.open(store_path, readonly=False) as store:
        store.import_files([new])
        assert ("pdu-2023", "3.1") in {(s.framework_id, s.code)
                                       for s in store.standards(concept="court-work")}


def test_migrate_adds_the_concept_column_to_a_schema_one_store(store_path: Path) -> None:
    path = _schema_one(store_path)
    with pytest.raises(StoreError, match=r"older schema \(1\); run 'inspector migrate"):
        Store.open(path)
    original = sha256(path)
    result = CliRunner().invoke(main, ["migrate", str(path)])
    assert result.exit_code == 0, result.stderr
    assert f"from schema 1 to {schema.SCHEMA_VERSION}" in result.stdout
    assert sha256(path.with_name(path.name + ".bak-schema1")) == original
    with Store.open(path) as store:
        assert store.concepts() == {}
        assert store.standards(framework_id="pdu-2021")[4].name == "Court work"
    with Store.open(path, readonly=False) as store:
        store.import_files([Path(__file__).parents[2] / "data" / "standards.csv"])
        assert len(store.standards(concept="court-work")) == 3


def test_old_default_store_is_migrated_and_reimported_keeping_user_imports(
        store_path: Path, tmp_path: Path) -> None:
    path = default_store_path()
    path.parent.mkdir(parents=True)
    extra = tmp_path / "inspections.csv"
    extra.write_text("inspection_id,provider_id,framework_id,published\n"
                     "leeds-pdu-2026-01,leeds-pdu,pdu-2023,2026-01\n", encoding="utf-8")
    with Store.open(store_path, readonly=False) as store:
        store.import_files([extra])
        store.set_meta("bundled_data", "the release before concepts")
    path.write_bytes(_schema_one(store_path).read_bytes())
    assert ensure_default_store() == path
    with Store.open(path) as store:
        assert store.schema_version == schema.SCHEMA_VERSION
        assert store.meta("bundled_data") == bundled_data_hash()
        assert store.inspection("leeds-pdu-2026-01") is not None
        assert len(store.standards(concept="assessment")) == 3
    assert (path.parent / "hmip.db.bak-schema1").exists()
    assert not list(path.parent.glob("hmip.damaged-*"))
