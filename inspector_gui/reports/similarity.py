"""How alike two findings' texts are: a weighted cosine over the Porter-stemmed terms the store's
full-text index would hold for them, each term weighted by its inverse document frequency over the
store's findings (a term's weight counted once, as a set).

0 means no term in common, 1 the same terms. Terms are cut to six letters with a doubled last
letter dropped, because Porter leaves "staff" but makes "staffing" "staf", and "managers" and
"management" "manag" but "manageable" "manag" too: close enough for a suggestion. Weighting
makes "the", "inspectors" or "staff" (in many findings) count little and "caseload" or
"safeguarding" much, so no stop-word list is needed and the measure adapts to the store it reads.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from inspector_gui.store import Store
from inspector_gui.store.comparison_reads import text_terms


@dataclass(frozen=True)
class Similarity:
    """The terms and weights of a set of texts, computed once for all their pairings."""

    terms: dict[str, frozenset[str]]
    weights: dict[str, float]

    @classmethod
    def of(cls, store: Store, texts: Sequence[str]) -> Similarity:
        unique = list(dict.fromkeys(texts))
        found = text_terms(unique)
        raw = store.term_weights(sorted({t for terms in found for t in terms}))
        weights: dict[str, float] = {}
        for term, weight in raw.items():
            key = root(term)
            weights[key] = min(weight, weights.get(key, weight))
        roots = {text: frozenset(root(t) for t in terms) for text, terms in zip(unique, found, strict=True)}
        return cls(roots, weights)

    def between(self, first: str, second: str) -> float:
        a, b = self.terms.get(first, frozenset()), self.terms.get(second, frozenset())
        total = math.sqrt(self._weight(a) * self._weight(b))
        return self._weight(a & b) / total if total else 0.0

    def _weight(self, terms: frozenset[str]) -> float:
        return sum(self.weights.get(t, 0.0) for t in terms)


def root(term: str) -> str:
    """A stemmed term cut to six letters, a doubled last letter dropped: ``staff`` -> ``staf``."""
    cut = term[:6]
    return cut[:-1] if len(cut) > 2 and cut[-1] == cut[-2] else cut
