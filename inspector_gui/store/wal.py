"""Reading a store that another program put in WAL mode without creating files beside it.

SQLite reads a WAL-mode database through a ``-shm`` index (and a ``-wal`` file) beside it, and
creates both when they are missing, even for a read-only connection; in a read-only folder it
cannot, so the open fails. When no ``-wal`` file holds changes, nothing is writing the store (a
writer keeps one), and the file is read as ``immutable``: no lock, no ``-shm``, no ``-wal``.
When changes are waiting in the ``-wal`` file they must be read through the index, so SQLite's
ordinary read-only open is used; in a read-only folder without the index that cannot work, and the
message says why.
"""

from __future__ import annotations

import os
from pathlib import Path

from inspector_gui.errors import StoreError

_WAL_VERSION = 2  # header bytes 18 and 19 (the file format's write and read versions) in WAL mode


def is_wal(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            header = handle.read(20)
    except OSError:
        return False
    return len(header) == 20 and header[18] == header[19] == _WAL_VERSION


def read_options(path: Path) -> str:
    """Extra URI parameters for reading ``path``: ``&immutable=1`` for a WAL store that nothing
    is writing, else none; StoreError when its pending changes cannot be read here."""
    if not is_wal(path):
        return ""
    wal, shm = (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))
    pending = wal.exists() and wal.stat().st_size > 0
    if not pending and not shm.exists():
        return "&immutable=1"
    if pending and not shm.exists() and not os.access(path.resolve().parent, os.W_OK | os.X_OK):
        raise StoreError(f"is in WAL mode with changes waiting in {wal.name}, which SQLite reads only "
                         f"through a {shm.name} file beside it, and the folder is read-only; open it "
                         "once where the folder can be written, so SQLite can finish those changes",
                         path)
    return ""
