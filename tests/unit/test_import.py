"""Importing interchange files: recognised by name or header, checked in full, one transaction,
idempotent, and a rejected file leaves the store's bytes as they were."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from inspector_gui import paths
from inspector_gui.domain import FindingQuery
from inspector_gui.errors import ImportFailed
from inspector_gui.store import Store

NEW_INSPECTION = (
    "inspection_id,provider_id,framework_id,round,fieldwork_start,published,overall_rating,score,source_url,notes\n"
    "leeds-pdu-2026-01,leeds-pdu,pdu-2023,,,2026-01,Good,,https://example.org/leeds,\n"
)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_importing_the_bundled_data_twice_changes_nothing(store_path: Path) -> None:
    with Store.open(store_path, readonly=False) as store:
        before = store.counts()
        report = store.import_files([paths.data_dir()])
        assert store.counts() == before
    assert sum(report.read.values()) == sum(before.values())
    assert sum(report.changed.values()) == 0


def test_new_inspection_may_reference_providers_already_in_the_store(
        store_path: Path, tmp_path: Path) -> None:
    file = _write(tmp_path, "inspections.csv", NEW_INSPECTION)
    with Store.open(store_path, readonly=False) as store:
        report = store.import_files([file])
        assert report.changed["inspections"] == 1
        assert store.inspection("leeds-pdu-2026-01").published.iso() == "2026-01"


def test_renamed_file_is_recognised_by_its_header(store_path: Path, tmp_path: Path) -> None:
    file = _write(tmp_path, "export from excel.csv", NEW_INSPECTION)
    with Store.open(store_path, readonly=False) as store:
        store.import_files([file])
        assert store.inspection("leeds-pdu-2026-01") is not None


def test_json_form_holds_the_same_records(store_path: Path, tmp_path: Path) -> None:
    document = {"inspections": [{"inspection_id": "leeds-pdu-2026-01", "provider_id": "leeds-pdu",
                                 "framework_id": "pdu-2023", "published": "2026-01",
                                 "overall_rating": "Poor"}],
                "findings": [{"inspection_id": "leeds-pdu-2026-01", "domain_code": "2",
                              "kind": "strength", "text": "Assessments were thorough."}]}
    file = _write(tmp_path, "new.json", json.dumps(document))
    with Store.open(store_path, readonly=False) as store:
        store.import_files([file])
        assert store.inspection("leeds-pdu-2026-01").overall.value == "Inadequate"


def test_a_finding_with_only_a_standard_gets_its_domain(store_path: Path, tmp_path: Path) -> None:
    file = _write(tmp_path, "findings.csv", "inspection_id,standard_code,kind,text\n"
                  "merseyside-crc-2018-09-26,2.3,improvement,Delivery was patchy.\n")
    with Store.open(store_path, readonly=False) as store:
        store.import_files([file])
        row = store.conn.execute("SELECT domain_code FROM findings WHERE text = ?",
                                 ("Delivery was patchy.",)).fetchone()
    assert row[0] == "2"


def test_malformed_file_lists_every_problem_and_leaves_the_store_unchanged(
        store_path: Path, tmp_path: Path) -> None:
    bad = _write(tmp_path, "inspections.csv",
                 "inspection_id,provider_id,framework_id,published,overall_rating,colour\n"
                 "a,leeds-pdu,pdu-2023,2026-13,Good,red\n")
    bad2 = _write(tmp_path, "ratings.csv", "inspection_id,standard_code,rating\n"
                  "nowhere,1.1,Good\n"
                  "merseyside-crc-2018-09-26,9.9,Superb\n")
    before = _sha(store_path)
    with Store.open(store_path, readonly=False) as store, pytest.raises(ImportFailed) as caught:
        store.import_files([bad, bad2])
    lines = str(caught.value).splitlines()
    assert f"{bad}:1: colour: unknown column for inspections" in lines
    assert any(line.startswith(f"{bad2}:3: rating: 'Superb' is not a rating of a standard") for line in lines)
    assert _sha(store_path) == before


def test_reference_problems_are_located_to_the_line(store_path: Path, tmp_path: Path) -> None:
    bad = _write(tmp_path, "ratings.csv", "inspection_id,standard_code,rating\n"
                 "nowhere,1.1,Good\n"
                 "merseyside-crc-2018-09-26,9.9,Good\n"
                 "merseyside-crc-2018-09-26,1.1,Good\n"
                 "merseyside-crc-2018-09-26,1.1,Inadequate\n")
    before = _sha(store_path)
    with Store.open(store_path, readonly=False) as store, pytest.raises(ImportFailed) as caught:
        store.import_files([bad])
    assert [str(p) for p in caught.value.problems] == [
        f"{bad}:5: standard_code: duplicate merseyside-crc-2018-09-26, 1.1 (first at {bad}:4)",
        f"{bad}:2: inspection_id: unknown inspection 'nowhere' (neither in this import nor in the store)",
        f"{bad}:3: standard_code: no standard '9.9' in framework crc-nps-2018",
    ]
    assert _sha(store_path) == before


def test_excel_csv_with_bom_crlf_semicolons_and_cp1252(store_path: Path, tmp_path: Path) -> None:
    text = ("inspection_id;kind;text\r\n"
            "merseyside-crc-2018-09-26;strength;Caf\u00e9 staff were \u201cexcellent\u201d\r\n")
    path = tmp_path / "findings.csv"
    path.write_bytes(text.encode("cp1252"))
    with Store.open(store_path, readonly=False) as store:
        store.import_files([path])
        texts = [r[0] for r in store.conn.execute("SELECT text FROM findings WHERE text LIKE 'Caf%'")]
    assert texts == ["Caf\u00e9 staff were \u201cexcellent\u201d"]


def test_a_new_store_can_be_built_from_a_copy_of_the_data(tmp_path: Path) -> None:
    shutil.copytree(paths.data_dir(), tmp_path / "copy")
    with Store.create(tmp_path / "new.db") as store:
        store.import_files([tmp_path / "copy"])
        assert store.counts()["inspections"] == 114


def test_a_large_import_leaves_one_search_index_segment(store_path: Path, tmp_path: Path) -> None:
    lines = ["inspection_id,kind,text"]
    lines += [f"merseyside-crc-2018-09-26,improvement,Finding number {n} about risk" for n in range(10_000)]
    file = _write(tmp_path, "findings.csv", "\n".join(lines) + "\n")
    with Store.open(store_path, readonly=False) as store:
        store.import_files([file])
        segments = store.conn.execute("SELECT count(DISTINCT segid) FROM findings_fts_idx").fetchone()[0]
        hits = store.count_findings(FindingQuery(search="risk"))
    assert segments == 1
    assert hits >= 10_000
