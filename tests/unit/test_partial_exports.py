"""An export killed while it writes leaves a hidden temporary file beside its target: the next
start of the app or of ``inspector export`` removes it, and never one a running export is still
writing (issue 11, item 12)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from inspector_gui.cli import main
from inspector_gui.errors import ExportError
from inspector_gui.exchange import partial
from inspector_gui.exchange.atomic import atomic_path, write_atomic

_KILLED = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from inspector_gui.exchange.atomic import atomic_path
    with atomic_path(Path(sys.argv[1])) as temp:
        temp.write_bytes(b"%PDF-1.4 half a document")
        os.kill(os.getpid(), signal.SIGKILL)
""")


def _killed_export(target: Path) -> Path:
    subprocess.run([sys.executable, "-c", _KILLED, str(target)], timeout=60)
    left = [p for p in target.parent.iterdir() if p.name.startswith(f".{target.name}.")]
    assert len(left) == 1 and not target.exists()
    return left[0]


@pytest.mark.parametrize("name", ["summary.pdf", "league.csv"])
def test_the_next_export_removes_what_a_killed_one_left(name: str, store_path: Path, tmp_path: Path) -> None:
    left = _killed_export(tmp_path / name)
    out = tmp_path / "elsewhere.json"
    result = CliRunner().invoke(main, ["export", "--all", "--format", "json", "-o", str(out),
                                       "--store", str(store_path)])
    assert result.exit_code == 0, result.stderr
    assert not left.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_the_app_start_removes_what_a_killed_export_left(tmp_path: Path) -> None:
    left = _killed_export(tmp_path / "summary.pdf")
    assert partial.remove_abandoned() == [left]
    assert not left.exists()


def test_a_running_export_keeps_its_temporary_file(tmp_path: Path) -> None:
    with atomic_path(tmp_path / "out.pdf") as temp:
        temp.write_bytes(b"in progress")
        assert partial.remove_abandoned() == []
        assert temp.exists()
    assert not temp.exists()


def test_only_files_an_export_writes_are_removed(tmp_path: Path) -> None:
    """A marker naming anything but a hidden ``.part`` file (a damaged or planted marker) removes
    nothing."""
    precious = tmp_path / "precious.db"
    precious.write_bytes(b"data")
    partial._folder().mkdir(parents=True, exist_ok=True)
    (partial._folder() / "planted").write_bytes(b"999999999\n" + str(precious).encode())
    partial.remove_abandoned()
    assert precious.read_bytes() == b"data"


@pytest.mark.parametrize("stage", ["written", "before any byte"])
def test_a_cancel_before_the_rename_leaves_no_file(stage: str, tmp_path: Path) -> None:
    target = tmp_path / "out.md"

    def cancel() -> None:
        raise ExportError("cancelled")

    with pytest.raises(ExportError):
        write_atomic(target, b"text" if stage == "written" else b"", keep=cancel)
    assert list(tmp_path.iterdir()) == []
