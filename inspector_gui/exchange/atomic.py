"""Writing an output file all or nothing: into a temporary file beside it, then ``os.replace``, so
a failed or cancelled export never leaves a half-written or truncated file behind."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from inspector_gui.errors import ExportError, OutputExists
from inspector_gui.exchange import partial


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_NEW_FILE_MODE = 0o666 & ~_umask()


def check_target(target: Path, force: bool) -> None:
    """Refuse a target we must not or cannot write, before any work is done."""
    if target.is_dir():
        raise ExportError("is a folder; give a file name", target)
    if target.exists() and not force:
        raise OutputExists("already exists; use --force to replace it", target)
    folder = target.parent
    if not folder.exists():
        raise ExportError(f"cannot be written: the folder {folder} does not exist", target)
    if not folder.is_dir():
        raise ExportError(f"cannot be written: {folder} is not a folder", target)


@contextmanager
def atomic_path(target: str | Path, *, force: bool = False,
                keep: Callable[[], None] | None = None) -> Iterator[Path]:
    """A temporary path beside ``target`` to write to; it replaces ``target`` only if the block
    finishes, and is removed otherwise. ``keep`` is called just before the replacement and may
    raise to cancel it (Cancel pressed while the file was written). The temporary file is
    registered (:mod:`~inspector_gui.exchange.partial`) so a killed process's is removed later."""
    target = Path(target)
    check_target(target, force)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise ExportError(f"cannot be written ({exc.strerror})", target) from None
    os.close(handle)
    temp = Path(name)
    partial.register(temp)
    try:
        yield temp
        if keep is not None:
            keep()
        mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else _NEW_FILE_MODE
        os.chmod(temp, mode)
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
        partial.release(temp)


def write_atomic(target: str | Path, data: bytes, *, force: bool = False,
                 keep: Callable[[], None] | None = None) -> None:
    """Write ``data`` to ``target`` all or nothing."""
    with atomic_path(target, force=force, keep=keep) as temp:
        try:
            temp.write_bytes(data)
        except OSError as exc:
            raise ExportError(f"cannot be written ({exc.strerror})", target) from None
