"""A register of the temporary files exports are writing, so that one a killed process left
behind is removed on the next start.

Each temporary file has a marker in the user's cache folder naming the process writing it and
the file; the marker goes when the export ends, either way. :func:`remove_abandoned` deletes the
files whose process is gone (the next start of the app or of ``inspector export``), and only
files of the form an export writes (``.NAME.XXXX.part``).
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import platformdirs

APP_NAME = "inspector-gui"
_PART = re.compile(r"^\..+\.part$")


def _folder() -> Path:
    return platformdirs.user_cache_path(APP_NAME) / "partial-exports"


def _marker(temp: Path) -> Path:
    return _folder() / hashlib.sha256(os.fsencode(temp)).hexdigest()


def register(temp: Path) -> None:
    """Note that this process is writing ``temp``; best effort (no cache folder: no note)."""
    try:
        _folder().mkdir(parents=True, exist_ok=True)
        _marker(temp).write_bytes(f"{os.getpid()}\n".encode() + os.fsencode(temp))
    except OSError:
        pass


def release(temp: Path) -> None:
    _marker(temp).unlink(missing_ok=True)


def remove_abandoned() -> list[Path]:
    """Delete the temporary files of exports whose process no longer runs; returns them."""
    removed: list[Path] = []
    try:
        markers = list(_folder().iterdir())
    except OSError:
        return removed
    for marker in markers:
        entry = _read(marker)
        if entry is None or _alive(entry[0]):
            continue
        temp = entry[1]
        if _PART.match(temp.name) and temp.is_file() and not temp.is_symlink():
            temp.unlink(missing_ok=True)
            removed.append(temp)
        marker.unlink(missing_ok=True)
    return removed


def _read(marker: Path) -> tuple[int, Path] | None:
    try:
        pid, _, name = marker.read_bytes().partition(b"\n")
        return int(pid), Path(os.fsdecode(name))
    except (OSError, ValueError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
