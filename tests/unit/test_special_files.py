"""Named pipes, devices and sockets as an import path, inside an imported folder or as the store
are refused before they are opened, and one import reads at most a capped size: one line naming
the file, exit 2, the store unchanged and no hang (issue 11, item 5)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from badinput import FINDINGS_HEADER, INSPECTION, generated_findings, sha256
from click.testing import CliRunner

from inspector_gui.cli import main
from inspector_gui.exchange import readers
from inspector_gui.files import too_large


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _random(path: Path) -> None:
    path.symlink_to("/dev/urandom")


def _socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()


SPECIAL: dict[str, tuple[Callable[[Path], None], str]] = {
    "fifo": (_fifo, "is a named pipe (FIFO), not a file"),
    "dev-zero": (_zero, "is a device, not a file"),
    "dev-urandom": (_random, "is a device, not a file"),
    "socket": (_socket, "is a socket, not a file"),
}


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """In another process with a time limit: a hang fails the test instead of stopping the run."""
    return subprocess.run([sys.executable, "-m", "inspector_gui", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=60)


@pytest.mark.parametrize("kind", SPECIAL)
@pytest.mark.parametrize("where", ["given", "in-folder"])
def test_a_special_file_to_import_is_refused_without_opening_it(kind: str, where: str, store_path: Path,
                                                                tmp_path: Path) -> None:
    make, message = SPECIAL[kind]
    folder = tmp_path / "exports"
    folder.mkdir()
    generated_findings(folder / "inspections-extra.csv", 0)
    special = folder / "findings.csv"
    make(special)
    before = sha256(store_path)
    result = _run(["import", str(special if where == "given" else folder), "--store", str(store_path)],
                  tmp_path)
    assert result.returncode == 2
    assert f"{special}: {message}" in result.stderr.splitlines()
    assert result.stderr.splitlines()[-1] == f"inspector: import rejected; {store_path} was not changed"
    assert sha256(store_path) == before


@pytest.mark.parametrize("kind", SPECIAL)
def test_a_special_file_as_the_store_is_refused(kind: str, tmp_path: Path) -> None:
    make, message = SPECIAL[kind]
    path = tmp_path / "store.db"
    make(path)
    for command in (["info"], ["findings"], ["import", str(tmp_path / "x.csv")]):
        result = _run([*command, "--store", str(path)], tmp_path)
        assert result.returncode == 2
        assert result.stderr == f"inspector: {path}: {message.replace('a file', 'a store file')}\n"


@pytest.mark.parametrize("sizes", [(3000,), (1500, 1500)], ids=["one file", "two files together"])
def test_an_import_reads_at_most_the_cap(sizes: tuple[int, ...], store_path: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_IMPORT_BYTES", 2_000_000)
    files = []
    for n, rows in enumerate(sizes):
        files.append(generated_findings(tmp_path / f"findings-{n}.csv", rows * 10))
        assert 1_000_000 < files[-1].stat().st_size < 2_000_000 * (1 + (len(sizes) == 1))
    before = sha256(store_path)
    result = CliRunner().invoke(main, ["import", *map(str, files), "--store", str(store_path)])
    assert result.exit_code == 2
    assert f"{files[-1]}: {too_large(2_000_000)}" in result.stderr.splitlines()
    assert sha256(store_path) == before


def test_the_cap_is_what_the_readme_says() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text("utf-8")
    assert f"{readers.MAX_IMPORT_BYTES // 1_000_000} MB" in readme


def test_a_file_within_the_cap_imports(store_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "findings.csv"
    source.write_text(f"{FINDINGS_HEADER}\n{INSPECTION},1,1.2,strength,New finding,\n")
    result = CliRunner().invoke(main, ["import", str(source), "--store", str(store_path)])
    assert result.exit_code == 0, result.stderr
