"""Proposed file names built from imported text (a provider id), which must stay one plain name
inside the folder the user chose: no separators, no leading dots, nothing a shell or a file
system treats specially."""

from __future__ import annotations

import re
import unicodedata

MAX_LENGTH = 80
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def file_slug(text: str, fallback: str = "provider") -> str:
    """``../../etc/x`` → ``etc-x``; ``Ynys Môn`` → ``ynys-mon``: lower-case ASCII letters, digits,
    ``.``, ``_`` and ``-``, never starting or ending with ``.`` or ``-``; ``fallback`` when
    nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _UNSAFE.sub("-", ascii_text.lower())[:MAX_LENGTH].strip(".-")
    return slug or fallback
