"""Reading a file the user named, safely: anything that is not a regular file (a named pipe, a
device, a socket) is refused before it is opened, since opening a pipe waits for a writer that
may never come and a device such as ``/dev/zero`` never ends; and a read stops at a size cap.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_KINDS = {stat.S_IFIFO: "a named pipe (FIFO)", stat.S_IFCHR: "a device", stat.S_IFBLK: "a device",
          stat.S_IFSOCK: "a socket"}


class NotAFile(OSError):
    """The path is a special file, or larger than the reader allows; ``strerror`` says which."""


def special_kind(mode: int) -> str | None:
    """What a file of this ``st_mode`` is when it is neither a regular file nor a folder."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return _KINDS.get(stat.S_IFMT(mode), "not a regular file")


def special_file(path: Path) -> str | None:
    """What ``path`` is when it is neither a regular file nor a folder (``a device``…), else
    None; a path that cannot be examined is left to the caller's own open to report."""
    try:
        return special_kind(path.stat().st_mode)
    except (OSError, ValueError):
        return None


def read_regular(path: Path, limit: int, cap: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (what is left of an import's
    ``cap``, which the message names). The file is opened without
    blocking and checked again once open, so a pipe put in its place meanwhile is refused too."""
    kind = special_file(path)
    if kind:
        raise NotAFile(0, f"is {kind}, not a file", str(path))
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(handle, "rb") as file:
        info = os.fstat(handle)
        kind = special_kind(info.st_mode)
        if kind:
            raise NotAFile(0, f"is {kind}, not a file", str(path))
        if info.st_size > limit:
            raise NotAFile(0, too_large(cap), str(path))
        data = file.read(limit + 1)
    if len(data) > limit:  # grew while being read
        raise NotAFile(0, too_large(cap), str(path))
    return data


def too_large(cap: int) -> str:
    return f"is too large to import: one import reads at most {cap // 1_000_000:,} MB ({cap:,} bytes) in all"
