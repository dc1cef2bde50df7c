"""Exports are written whole or not at all: no half-written file, no stray temporary file, and
an existing file is replaced only when asked."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from inspector_gui.errors import ExportError, OutputExists
from inspector_gui.exchange import atomic
from inspector_gui.exchange.atomic import atomic_path, write_atomic
from inspector_gui.exchange.writers import pdf_doc, write_summary
from inspector_gui.reports.summary import build_summary
from inspector_gui.store import Store


def test_writes_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    write_atomic(tmp_path / "out.txt", b"hello")
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
    assert (tmp_path / "out.txt").read_bytes() == b"hello"
    assert stat.S_IMODE((tmp_path / "out.txt").stat().st_mode) == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_existing_file_is_kept_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")
    target.chmod(0o640)
    with pytest.raises(OutputExists, match="already exists; use --force"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    write_atomic(target, b"new", force=True)
    assert target.read_bytes() == b"new" and stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_failure_midway_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_path(target, force=True) as temp:
        temp.write_bytes(b"half")
        raise RuntimeError("disk full")
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["out.txt"]


@pytest.mark.parametrize(("name", "message"), [
    ("missing/out.txt", "the folder .* does not exist"),
    ("file.txt/out.txt", "is not a folder"),
    (".", "is a folder"),
])
def test_unwritable_targets_are_refused_before_work(tmp_path: Path, name: str, message: str) -> None:
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(ExportError, match=message):
        write_atomic(tmp_path / name, b"data")


def test_a_read_only_folder_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(**_: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    with pytest.raises(ExportError, match=r"out.txt: cannot be written \(Permission denied\)"):
        write_atomic(tmp_path / "out.txt", b"data")


@pytest.mark.needs_qt
def test_a_pdf_that_fails_while_painting_leaves_nothing(store: Store, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> int:
        raise RuntimeError("painting failed")

    monkeypatch.setattr(pdf_doc, "_paint", broken)
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(RuntimeError):
        write_summary(build_summary(store, "west-yorkshire-crc"), "pdf", folder / "out.pdf")
    assert list(folder.iterdir()) == []
