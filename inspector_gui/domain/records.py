"""Plain records the store returns: what a view or writer needs, with no database handle."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from inspector_gui.domain.dates import PartialDate
from inspector_gui.domain.frameworks import Score
from inspector_gui.domain.ratings import Rating
from inspector_gui.domain.search import Search

KINDS = ("strength", "improvement", "recommendation")
KIND_LABELS = {
    "strength": "Strength",
    "improvement": "Area for improvement",
    "recommendation": "Recommendation",
}
PROVIDER_TYPES = ("CRC", "NPS division", "PDU", "region", "national")


def split_urls(text: str | None) -> tuple[str, ...]:
    """The URLs of a source field, which holds one or more separated by `` ; ``."""
    return tuple(u.strip() for u in (text or "").split(" ; ") if u.strip())


@dataclass(frozen=True)
class Inspectorate:
    """Who inspects, with the attribution its licence asks for wherever its data is shown; it
    owns its frameworks and its providers' types (ids and names as the store holds them)."""

    inspectorate_id: str
    name: str
    attribution: str = ""
    licence_url: str = ""
    url: str = ""
    frameworks: tuple[str, ...] = ()
    provider_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class Provider:
    provider_id: str
    name: str
    provider_type: str
    region: str = ""
    owner: str = ""
    inspectorate_id: str = ""


@dataclass(frozen=True)
class Inspection:
    inspection_id: str
    provider_id: str
    framework_id: str
    round: str
    fieldwork_start: PartialDate
    published: PartialDate
    overall: Rating
    published_score: str
    source_urls: tuple[str, ...]
    notes: str = ""


@dataclass(frozen=True)
class RatingCell:
    """One standard's rating in one inspection, with where it came from."""

    standard_code: str
    rating: Rating
    basis: str = ""
    source_url: str = ""
    notes: str = ""

    @property
    def stated(self) -> bool:
        """False where the rating was inferred from news or press-release wording."""
        return self.basis in ("", "stated")


@dataclass(frozen=True)
class MatrixRow:
    """A row of the rating matrix: one inspection of one provider."""

    provider: Provider
    inspection: Inspection
    cells: dict[str, RatingCell] = field(default_factory=dict)
    score: Score | None = None
    previous: Inspection | None = None
    """The provider's inspection before this one (direction of travel); None for a first."""


@dataclass(frozen=True)
class Finding:
    finding_id: int
    inspection_id: str
    provider_id: str
    provider_name: str
    published: PartialDate
    domain_code: str
    domain_name: str
    standard_code: str
    standard_name: str
    kind: str
    text: str
    source_url: str
    natural_key: str = ""
    """The store's digest of inspection, kind and text: the same through re-imports and rebuilds,
    so the user's notebook keys its tags and notes on it."""


@dataclass(frozen=True)
class FindingQuery:
    """Filters for findings; every field narrows, None means no filter."""

    provider_ids: tuple[str, ...] | None = None
    inspection_ids: tuple[str, ...] | None = None
    inspection_id: str | None = None
    domain_codes: tuple[str, ...] | None = None
    """Domain codes in whatever frameworks the other filters leave: for one provider's findings,
    or ``("",)`` for findings about a whole inspection. Across frameworks use ``domains``."""
    domains: tuple[tuple[str, str], ...] | None = None
    """``(framework_id, domain code)`` pairs: a domain of a framework, never a code alone."""
    standard_code: str | None = None
    """A standard code in whatever frameworks the other filters leave (one inspection's, say).
    Across frameworks use ``standard``."""
    standard: tuple[str, str] | None = None
    """``(framework_id, standard code)``: a standard of a framework, never a code alone."""
    kinds: tuple[str, ...] | None = None
    search: str = ""
    natural_keys: tuple[str, ...] | None = None
    """Only these findings (by natural key): those carrying a tag in the user's notebook."""
    limit: int = 100
    offset: int = 0

    @cached_property
    def parsed_search(self) -> Search:
        """The search text as words and phrases, parsed once: the store's full-text query and the
        window's highlighting are both built from it."""
        return Search.parse(self.search)


@dataclass(frozen=True)
class HistoryPoint:
    """One inspection of a provider as the history chart needs it."""

    inspection: Inspection
    framework_name: str
    overall: Rating
    cells: dict[str, RatingCell]


@dataclass(frozen=True)
class StoreInfo:
    path: str
    schema_version: int
    counts: dict[str, int]
    frameworks: list[tuple[str, str]]
    ratings_recorded: int
    ratings_possible: int
    as_at: str
    synthetic: bool = False
    attribution: str = ""
    inspectorates: tuple[str, ...] = ()
