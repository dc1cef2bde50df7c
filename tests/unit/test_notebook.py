"""The user's notebook: tags and notes kept beside the settings, keyed on natural keys, so they
survive re-imports and rebuilds, never touch the store, and are never dropped when orphaned."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from badinput import sha256
from click.testing import CliRunner

from inspector_gui import paths
from inspector_gui.cli import main
from inspector_gui.domain.records import FindingQuery
from inspector_gui.store import Store
from inspector_gui.store.default import default_store_path, ensure_default_store
from inspector_gui.store.notebook import Notebook, NotebookError, Record, finding_record, notebook_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def first_ids(store_path: Path, n: int = 2) -> list[dict]:
    code, out, _ = run("findings", "--limit", str(n), "--format", "json", "--store", str(store_path))
    assert code == 0
    return json.loads(out)


def test_the_notebook_lives_beside_the_settings_and_is_plain_sqlite(store_path: Path) -> None:
    finding = first_ids(store_path, 1)[0]
    code, out, _ = run("tags", "add", "evidence", "--finding", str(finding["id"]), "--store", str(store_path))
    assert code == 0 and "tagged 1 of 1" in out
    path = notebook_path()
    assert path.parent.name == "inspector-gui" and path.parent.parent.name == "config"
    with sqlite3.connect(path) as conn:  # what sqlite-utils and Datasette see
        rows = conn.execute("SELECT tag, target, inspection_id, finding_text FROM tags").fetchall()
    assert rows == [("evidence", "finding", finding["inspection_id"], finding["text"])]


def test_tagging_from_the_cli_leaves_the_store_unchanged_and_filters_findings(store_path: Path) -> None:
    before = sha256(store_path)
    picked = first_ids(store_path, 3)
    for f in picked[:2]:
        assert run("tags", "add", "Evidence", "--finding", str(f["id"]), "--store", str(store_path))[0] == 0
    code, out, _ = run("findings", "--tag", "evidence", "--format", "json", "--store", str(store_path))
    assert code == 0
    assert {f["id"] for f in json.loads(out)} == {picked[0]["id"], picked[1]["id"]}
    code, out, _ = run("tags")
    assert code == 0 and "Evidence" in out and " 2 " in out
    removed = run("tags", "remove", "evidence", "--finding", str(picked[0]["id"]), "--store", str(store_path))
    assert removed[0] == 0
    code, out, _ = run("findings", "--tag", "evidence", "--format", "json", "--store", str(store_path))
    assert [f["id"] for f in json.loads(out)] == [picked[1]["id"]]
    assert sha256(store_path) == before


def test_tags_survive_importing_the_bundled_data_again(store_path: Path) -> None:
    picked = first_ids(store_path, 2)
    for f in picked:
        run("tags", "add", "briefing", "--finding", str(f["id"]), "--store", str(store_path))
    code, _, _ = run("import", str(paths.data_dir()), "--store", str(store_path))
    assert code == 0
    code, out, _ = run("findings", "--tag", "briefing", "--format", "json", "--store", str(store_path))
    assert sorted(f["text"] for f in json.loads(out)) == sorted(f["text"] for f in picked)


def test_tags_survive_a_rebuild_of_the_default_store_and_another_copy(tmp_path: Path) -> None:
    store = ensure_default_store()
    picked = first_ids(store, 2)
    for f in picked:
        run("tags", "add", "briefing", "--finding", str(f["id"]))
    run("notes", "add", "--finding", str(picked[0]["id"]), "Quote in the briefing")
    default_store_path().unlink()
    rebuilt = ensure_default_store()
    code, out, _ = run("findings", "--tag", "briefing", "--with-notes", "--format", "json")
    assert code == 0
    found = json.loads(out)
    assert sorted(f["text"] for f in found) == sorted(f["text"] for f in picked)
    assert "Quote in the briefing" in [f["notes"] for f in found]
    other = tmp_path / "elsewhere.db"  # the same findings, imported in reverse order: other ids
    reversed_data = tmp_path / "reversed"
    shutil.copytree(paths.data_dir(), reversed_data)
    lines = (reversed_data / "findings.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (reversed_data / "findings.csv").write_text(lines[0] + "".join(reversed(lines[1:])), encoding="utf-8")
    with Store.create(other) as fresh:
        fresh.import_files([reversed_data])
    shutil.copyfile(rebuilt, tmp_path / "copy.db")
    ids = {}
    for copy in (other, tmp_path / "copy.db"):
        code, out, _ = run("findings", "--tag", "briefing", "--format", "json", "--store", str(copy))
        assert sorted(f["text"] for f in json.loads(out)) == sorted(f["text"] for f in picked)
        ids[copy.name] = {f["id"] for f in json.loads(out)}
    assert ids["elsewhere.db"].isdisjoint({f["id"] for f in picked})


def test_a_note_whose_record_is_gone_is_kept_and_listed_as_orphaned(store_path: Path, tmp_path: Path) -> None:
    finding = first_ids(store_path, 1)[0]
    assert run("notes", "add", "--finding", str(finding["id"]), "Check this",
               "--store", str(store_path))[0] == 0
    assert run("notes", "add", "--inspection", finding["inspection_id"], "Whole report",
               "--store", str(store_path))[0] == 0
    empty = tmp_path / "empty.db"
    Store.create(empty).close()
    code, out, _ = run("notes", "--orphaned", "--format", "json", "--store", str(empty))
    assert code == 0
    orphans = json.loads(out)
    assert [n["note"] for n in orphans] == ["Check this", "Whole report"]
    assert finding["text"][:40] in orphans[0]["about"]
    code, out, _ = run("notes", "--orphaned", "--store", str(store_path))
    assert code == 0 and "no notes are orphaned" in out
    assert run("notes", "remove", "1")[0] == 0
    code, _, err = run("notes", "remove", "1")
    assert code == 2 and "no note with id 1" in err


def test_unknown_records_and_bad_tags_are_one_line_errors(store_path: Path) -> None:
    code, _, err = run("tags", "add", "x", "--finding", "999999", "--store", str(store_path))
    assert code == 2 and "no finding with id 999999" in err
    code, _, err = run("tags", "add", "x", "--inspection", "nope", "--store", str(store_path))
    assert code == 2 and "no inspection 'nope'" in err
    real = str(first_ids(store_path, 1)[0]["id"])
    code, _, err = run("tags", "add", "bad\x1b[31m", "--finding", real, "--store", str(store_path))
    assert code == 2 and "is not a tag" in err and "\x1b" not in err
    code, _, err = run("tags", "add", "x", "--store", str(store_path))
    assert code == 2 and "--finding ID or --inspection ID" in err


@pytest.mark.parametrize("content", [b"not a database at all, just text" * 40, "store"])
def test_a_file_that_is_not_a_notebook_is_refused_unchanged(content: bytes | str, store_path: Path,
                                                             tmp_path: Path) -> None:
    path = tmp_path / "notebook.db"
    if content == "store":
        shutil.copyfile(store_path, path)
    else:
        path.write_bytes(content)
    before = sha256(path)
    code, _, err = run("tags", "add", "x", "--finding", "1", "--notebook", str(path),
                       "--store", str(store_path))
    assert code == 2 and str(path) in err and ("not a notebook" in err or "another application" in err)
    assert sha256(path) == before


def test_tag_filter_combines_with_search_and_counts(store: Store, tmp_path: Path) -> None:
    page = store.findings(FindingQuery(search="risk", limit=5))
    with Notebook.open(tmp_path / "nb.db") as notebook:
        notebook.add_tag([finding_record(f) for f in page[:3]], "risk")
        notebook.add_tag([Record.inspection(page[0].inspection_id)], "risk")
        keys = tuple(notebook.tagged_keys("RISK"))
        assert notebook.tag_counts() == [("risk", 4)]
        assert notebook.tag_counts("finding") == [("risk", 3)]
        with pytest.raises(NotebookError):
            notebook.add_tag(page[:1], " ")  # type: ignore[list-item]
    query = FindingQuery(natural_keys=keys, search="risk")
    assert [f.finding_id for f in store.findings(query)] == [f.finding_id for f in page[:3]]
    assert store.count_findings(query) == 3
    assert store.count_findings(FindingQuery(natural_keys=())) == 0
