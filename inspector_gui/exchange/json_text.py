"""JSON text that is safe to print: what the command line's listings and every JSON export write.

Kept apart from the export writers so ``inspector findings --format json`` imports only this
(the writers bring the summary, league and file-writing code: 60 ms of its start-up)."""

from __future__ import annotations

import json
import re

_INVISIBLE = re.compile("[\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff"
                        "\ufff9-\ufffb\ud800-\udfff]")
"""What JSON may hold unescaped yet acts on a terminal or hides text: C1 controls, bidi and other
format characters, line and paragraph separators, and lone surrogates (C0 controls json escapes
itself)."""


def dumps(document: object) -> str:
    """JSON in UTF-8 with :data:`_INVISIBLE` characters written as ``\\uXXXX`` escapes; they can
    only occur inside strings, where the escape means the same character."""
    text = json.dumps(document, indent=2, ensure_ascii=False)
    return _INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"
