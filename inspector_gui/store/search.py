"""Turn what a user types into an FTS5 query that treats it as words, never as query syntax.

Quotes, ``*``, ``AND``/``OR``/``NEAR(``, ``-``, ``:`` and brackets are all just text to a user, so
we keep only word characters and quote each word; the last word also matches as a prefix, so
results follow typing.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+", re.UNICODE)


def search_words(text: str | None) -> list[str]:
    """The words in a search text, in order, lower-cased."""
    return [w.casefold() for w in _WORD.findall(text or "")]


def fts_query(text: str | None, prefix_last: bool = True) -> str | None:
    """An FTS5 MATCH expression requiring every word; None when the text has no words.

    Words keep their case: the FTS5 tokenizer folds case the same way for the query as for the
    index, whereas ``str.casefold`` turns ``ß`` into ``ss``, which the index never holds.
    """
    words = _WORD.findall(text or "")
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    if prefix_last:
        quoted[-1] += "*"
    return " ".join(quoted)
