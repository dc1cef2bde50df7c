"""What a user typed in a search box, parsed once into the value that both the store's full-text
query and the window's highlighting are built from, so what is marked is what matched.

Text is words, never query syntax: ``*``, ``AND``/``OR``/``NEAR(``, ``-``, ``:`` and brackets are
just text. Words in balanced double quotes are a phrase (the words next to each other, in order);
an unbalanced quote is text. Every word and phrase must match; the last word, when it is not in a
phrase, also matches as a prefix, so results follow typing. Matching goes by stems, decided by
one stemmer (SQLite's Porter tokenizer, :func:`inspector_gui.store.terms.stems`) for both.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

_WORD = re.compile(r"\w+", re.UNICODE)
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"'})
STOP_WORDS = frozenset((
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "in",
    "into", "is", "it", "its", "not", "of", "on", "or", "so", "that", "the", "their", "them",
    "then", "there", "these", "they", "this", "to", "was", "were", "which", "will", "with",
))
"""Words too common to mark in a match (a search still requires them)."""

Stemmer = Callable[[list[str]], list[str]]
"""Each word's stem as the full-text index holds it; ``""`` for a word it would not index as one."""


@dataclass(frozen=True)
class Search:
    """The words and phrases every match holds, in the order typed (case kept: the tokenizer folds
    case for the query as for the index), and whether the last word is matched as a prefix."""

    terms: tuple[tuple[str, ...], ...] = ()
    """Each a single word or a phrase of several."""
    prefix: bool = False

    @classmethod
    def parse(cls, text: str | None) -> Search:
        """The search in ``text``; empty (false) when it holds no words."""
        parts = (text or "").translate(_QUOTES).split('"')
        if len(parts) % 2 == 0:  # an unbalanced quote: the text after it is words too
            parts[-2:] = [parts[-2] + " " + parts[-1]]
        terms: list[tuple[str, ...]] = []
        prefix = False
        for index, part in enumerate(parts):
            words = tuple(_WORD.findall(part))
            if words:
                quoted = index % 2 == 1
                terms += [words] if quoted else [(w,) for w in words]
                prefix = not quoted
        return cls(tuple(terms), prefix)

    def __bool__(self) -> bool:
        return bool(self.terms)

    @property
    def words(self) -> tuple[str, ...]:
        """Every word, in order."""
        return tuple(w for term in self.terms for w in term)

    @property
    def phrases(self) -> tuple[tuple[str, ...], ...]:
        """The terms of more than one word."""
        return tuple(t for t in self.terms if len(t) > 1)


def match_spans(text: str, search: Search, stem: Stemmer) -> list[tuple[int, int]]:
    """``(start, length)`` of each word of ``text`` that ``search`` matched: a word whose stem is a
    search word's (all of a phrase's, next to each other), or starts with the prefix word's; never
    a stop word, which a search requires but which says nothing about why a finding matched."""
    if not search:
        return []
    found = list(_WORD.finditer(text))
    stems = stem([m.group() for m in found])
    marked = _phrase_marks(stems, [stem(list(p)) for p in search.phrases])
    singles = [t[0] for t in search.terms if len(t) == 1]
    exact = set(stem(singles[:-1] if search.prefix else singles)) - {""}
    start = stem(singles[-1:])[0] if search.prefix else ""
    for i, word_stem in enumerate(stems):
        if word_stem and (word_stem in exact or (start and word_stem.startswith(start))):
            marked.add(i)
    return [(found[i].start(), len(found[i].group())) for i in sorted(marked)
            if found[i].group().casefold() not in STOP_WORDS]


def _phrase_marks(stems: Sequence[str], phrases: Sequence[Sequence[str]]) -> set[int]:
    """The positions of the words in each run of ``stems`` equal to a phrase's stems."""
    marked: set[int] = set()
    for phrase in phrases:
        size = len(phrase)
        for i in range(len(stems) - size + 1):
            if "" not in phrase and list(stems[i:i + size]) == list(phrase):
                marked.update(range(i, i + size))
    return marked
