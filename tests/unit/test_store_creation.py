"""A new store is built under a temporary name and moved into place only if nothing is there:
a rejected import never removes a store another import created, and two imports creating the
same store at once both end cleanly (issue 11, item 2)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from badinput import FINDINGS_HEADER, INSPECTION, sha256
from click.testing import CliRunner

from inspector_gui import paths
from inspector_gui.cli import main
from inspector_gui.errors import ImportFailed, Problem, StoreError
from inspector_gui.store import Store
from inspector_gui.store.creation import TAKEN, create_store


def _made_by_someone_else(target: Path) -> str:
    with Store.create(target) as other:
        other.import_files([paths.data_dir()])
    return sha256(target) or ""


def test_a_rejected_creation_leaves_a_store_someone_else_made_meanwhile(tmp_path: Path) -> None:
    target = tmp_path / "new.db"
    digests: list[str] = []

    def fill(store: Store) -> None:
        digests.append(_made_by_someone_else(target))
        raise ImportFailed([Problem("findings.csv", 2, "text", "must not be empty")])

    with pytest.raises(ImportFailed):
        create_store(target, fill)
    assert sha256(target) == digests[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.db"], "no temporary file is left"


def test_a_finished_creation_does_not_replace_a_store_made_meanwhile(tmp_path: Path) -> None:
    target = tmp_path / "new.db"
    digests: list[str] = []
    with pytest.raises(StoreError) as raised:
        create_store(target, lambda store: digests.append(_made_by_someone_else(target)))
    assert raised.value.message == TAKEN
    assert sha256(target) == digests[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.db"]


@pytest.mark.parametrize("name", ["link.db", "dangling.db"])
def test_an_existing_name_is_never_created_over(tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    target.symlink_to(tmp_path / "elsewhere.db")
    with pytest.raises(StoreError, match="already exists"):
        create_store(target, lambda store: None)
    assert not (tmp_path / "elsewhere.db").exists()


def test_the_cli_rejection_of_a_new_store_leaves_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "findings.csv"
    bad.write_text(f"{FINDINGS_HEADER}\n{INSPECTION},1,1.2,strength,,\n")
    result = CliRunner().invoke(main, ["import", str(bad), "--store", str(tmp_path / "new.db")])
    assert result.exit_code == 2
    last = result.stderr.splitlines()[-1]
    assert last == f"inspector: import rejected; {tmp_path / 'new.db'} was not created"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["findings.csv"]


def _start_import(source: Path, target: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "inspector_gui", "import", str(source), "--store", str(target)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=target.parent)


@pytest.mark.parametrize("second", ["valid", "rejected"])
def test_two_imports_creating_the_same_store_at_once_both_end_cleanly(second: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad" / "findings.csv"
    bad.parent.mkdir()
    bad.write_text(f"{FINDINGS_HEADER}\n{INSPECTION},1,1.2,strength,,\n")
    for round_ in range(2):
        target = tmp_path / f"race-{round_}.db"
        first = _start_import(paths.data_dir(), target)
        other = _start_import(paths.data_dir() if second == "valid" else bad, target)
        results = [(p.wait(timeout=120), *p.communicate()) for p in (first, other)]
        for code, _out, err in results:
            assert code in (0, 2) and "Traceback" not in err, err
            assert len(err.strip().splitlines()) <= 2, err
        codes = [code for code, _, _ in results]
        assert codes[0] == 0 or (second == "valid" and codes == [2, 0]), results
        if second == "valid" and 2 in codes:
            loser = results[codes.index(2)][2].strip()
            assert loser == f"inspector: {target}: {TAKEN}"
        with Store.open(target) as store:
            assert store.counts()["inspections"] == 114
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(f"race-{round_}")
                      or p.name.startswith(f".race-{round_}")) == [target.name]
