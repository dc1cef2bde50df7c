"""Making a new store: built under a temporary name beside where it belongs, then moved into place
only if nothing is there yet.

"Remove what I created" must never remove what someone else wrote: a rejected or failed build
only ever deletes its own temporary file, and a build that finds the name taken when it is done
(another import created the same store meanwhile) leaves that store alone and says so.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from inspector_gui.errors import StoreError
from inspector_gui.store import connection
from inspector_gui.store.store import Store

T = TypeVar("T")
TAKEN = ("was created by another program while this import ran, so this import wrote nothing; "
         "run it again to add to that store")
# link() is refused by file systems without hard links (FAT, some network shares).
_NO_LINKS = {errno.EPERM, errno.EXDEV, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK}


def create_store(target: Path, fill: Callable[[Store], T]) -> T:
    """Create a store at ``target`` filled by ``fill`` (an import), all or nothing: ``target``
    appears complete or not at all. Raises StoreError (:data:`TAKEN`) when it appeared meanwhile."""
    if target.exists() or target.is_symlink():
        raise StoreError("already exists; choose a new file name", target)
    connection.check_creatable(target)
    temp = _temporary_name(target)
    try:
        with Store.create(temp) as store:
            result = fill(store)
        publish(temp, target)
    finally:
        _remove(temp)
    return result


def _temporary_name(target: Path) -> Path:
    """A fresh hidden name in the target's folder (the move into place must not cross file
    systems); the file itself is created by SQLite."""
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".creating", dir=target.parent)
    except OSError as exc:
        raise StoreError(f"cannot be created ({exc.strerror})", target) from None
    os.close(handle)
    os.unlink(name)
    return Path(name)


def publish(temp: Path, target: Path) -> None:
    """Give the finished file at ``temp`` the name ``target`` unless that name is taken.

    A hard link fails when the name exists, atomically, where a rename would replace it. Where
    the file system has no hard links the name is claimed with an exclusive create first."""
    try:
        os.link(temp, target)
        return
    except FileExistsError:
        raise StoreError(TAKEN, target) from None
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise StoreError(f"cannot be created ({exc.strerror})", target) from None
    try:
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
    except FileExistsError:
        raise StoreError(TAKEN, target) from None
    os.replace(temp, target)


def _remove(temp: Path) -> None:
    for path in (temp, temp.with_name(temp.name + "-journal")):
        path.unlink(missing_ok=True)
