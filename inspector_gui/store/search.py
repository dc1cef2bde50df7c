"""Turn a parsed search (:class:`inspector_gui.domain.search.Search`) into an FTS5 query that
treats it as words, never as query syntax: each word and phrase is quoted (a word holds only word
characters, so no quote inside), and the last word is a prefix when the search says so.
"""

from __future__ import annotations

from inspector_gui.domain.search import Search


def fts_query(search: Search) -> str | None:
    """An FTS5 MATCH expression requiring every word and phrase; None when there are none.

    Words keep their case: the FTS5 tokenizer folds case the same way for the query as for the
    index, whereas ``str.casefold`` turns ``ß`` into ``ss``, which the index never holds.
    """
    if not search:
        return None
    quoted = ['"' + " ".join(term) + '"' for term in search.terms]
    if search.prefix:
        quoted[-1] += "*"
    return " ".join(quoted)
