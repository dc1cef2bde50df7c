"""TOML text for a mapping document: the small subset a mapping uses (text, whole numbers, lists
of text, inline tables of text, tables and arrays of tables), written here because the standard
library reads TOML but does not write it, and this subset is short enough to get exactly right.

Every key and text may be a sheet's column header, which is untrusted: keys that are not bare
are quoted, and text escapes backslashes, quotes and every control character, so a header holding
``"``, ``]``, a line break or ``=`` stays one value and cannot add a key or a table.
"""

from __future__ import annotations

import re
from typing import Any

BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def text(value: str) -> str:
    """A TOML basic string: quoted, with escapes for quotes, backslashes and control characters."""
    out = []
    for c in value:
        if c in ESCAPES:
            out.append(ESCAPES[c])
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            out.append(f"\\u{ord(c):04X}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def key(name: str) -> str:
    """A key as TOML writes it: bare when it can be, else a quoted string."""
    return name if BARE_KEY.match(name) else text(name)


def value(item: Any) -> str:
    """A value: text, a whole number, a list or an inline table of these."""
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int):
        return str(item)
    if isinstance(item, str):
        return text(item)
    if isinstance(item, list | tuple):
        return "[" + ", ".join(value(v) for v in item) + "]"
    if isinstance(item, dict):
        return "{ " + ", ".join(f"{key(k)} = {value(v)}" for k, v in item.items()) + " }"
    raise TypeError(f"cannot write {type(item).__name__} as TOML")


def _is_table_list(item: Any) -> bool:
    return isinstance(item, list) and bool(item) and all(isinstance(v, dict) for v in item)


def _is_section(item: Any, depth: int) -> bool:
    """Tables at the top and tables holding arrays of tables get a ``[header]``; every other
    table is written inline (``name = { column = "Force" }``)."""
    return isinstance(item, dict) and (depth == 0 or any(map(_is_table_list, item.values()))
                                       or any(_is_section(v, depth + 1) for v in item.values()))


def _table(path: list[str], table: dict[str, Any], array: bool = False) -> str:
    depth = len(path)
    own = [f"{key(k)} = {value(v)}" for k, v in table.items()
           if not _is_section(v, depth) and not _is_table_list(v)]
    name = ".".join(key(p) for p in path)
    parts = [f"[[{name}]]" if array else f"[{name}]"] + own
    blocks = ["\n".join(parts)] if own or array or not table else []
    for k, v in table.items():
        if _is_section(v, depth):
            blocks.append(_table([*path, k], v))
        elif _is_table_list(v):
            blocks += [_table([*path, k], item, array=True) for item in v]
    return "\n\n".join(blocks)


def dumps(document: dict[str, Any]) -> str:
    """The document as TOML text: top-level tables and arrays of tables with headers, every
    deeper table inline."""
    top = [f"{key(k)} = {value(v)}" for k, v in document.items()
           if not isinstance(v, dict) and not _is_table_list(v)]
    parts = ["\n".join(top)] if top else []
    for k, v in document.items():
        if isinstance(v, dict):
            parts.append(_table([k], v))
        elif _is_table_list(v):
            parts += [_table([k], item, array=True) for item in v]
    return "\n\n".join(p for p in parts if p) + "\n"
