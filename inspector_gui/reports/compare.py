"""Compare two inspections of a provider: overall rating, score or coverage, each standard's
change, and the findings paired across the two.

Standards of one framework are matched by code; of two frameworks only through their concept,
and such a match is marked "mapped, not identical". A finding of the later inspection is
*recurring* when an earlier finding of the same side (a strength, or a problem: an area for
improvement or a recommendation) is about the same subject and says much the same: their text
similarity (:mod:`inspector_gui.reports.similarity`) is at least :data:`RECURRING`. Earlier
findings without such a partner are *no longer mentioned*; later ones without are *new*. Each
earlier recommendation is listed with the later findings that speak to it (similarity at least
:data:`SPEAKS_TO`, any subject). A pairing is a suggestion: its strength is always shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from inspector_gui.domain.change import MAPPED as MAPPED  # re-exported: the compare outputs say it
from inspector_gui.domain.change import counterpart, movement
from inspector_gui.domain.frameworks import Framework, Score, Standard, compute_score
from inspector_gui.domain.ratings import Rating
from inspector_gui.domain.records import Finding, FindingQuery, Inspection, Provider
from inspector_gui.errors import InspectorError
from inspector_gui.reports.similarity import Similarity
from inspector_gui.store import Store

RECURRING = 0.15
"""Similarity from which two findings on the same subject are paired as recurring; chosen on the
bundled data (docs/compare.md has the scores it was read from)."""
SPEAKS_TO = 0.15
"""Similarity from which a later finding is listed under an earlier recommendation."""
NO_FINDINGS = ("no findings are recorded in the store for either inspection (a data set may hold "
               "ratings only, as Ofsted's does): there is nothing to pair")
MAX_FINDINGS = 2_000
"""Findings read per inspection; more is a store of another shape than inspections have."""


class CompareError(InspectorError):
    """Two inspections cannot be compared (one inspection only, an unknown id or date)."""


@dataclass(frozen=True)
class StandardChange:
    """One row of the side-by-side: a standard of either inspection, its two ratings, the change."""

    earlier: Standard | None
    later: Standard | None
    before: Rating
    after: Rating
    change: str
    mapped: bool = False

    @property
    def title(self) -> str:
        standard = self.later or self.earlier
        assert standard is not None
        return standard.title


@dataclass(frozen=True)
class FindingPair:
    later: Finding
    earlier: Finding
    strength: float
    mapped: bool = False


@dataclass(frozen=True)
class RecommendationFollowUp:
    recommendation: Finding
    answers: tuple[FindingPair, ...]


@dataclass(frozen=True)
class Comparison:
    provider: Provider
    earlier: Inspection
    later: Inspection
    earlier_framework: Framework
    later_framework: Framework
    overall_change: str
    earlier_score: Score
    later_score: Score
    standards: tuple[StandardChange, ...]
    recurring: tuple[FindingPair, ...]
    new: tuple[Finding, ...]
    no_longer: tuple[Finding, ...]
    recommendations: tuple[RecommendationFollowUp, ...]

    @property
    def same_framework(self) -> bool:
        return self.earlier.framework_id == self.later.framework_id

    @property
    def has_findings(self) -> bool:
        """False when neither inspection has a finding in the store: the finding sections are then
        one note (:data:`NO_FINDINGS`), not zeros that read as "nothing recurred"."""
        return bool(self.recurring or self.new or self.no_longer)


def change_between(before: Rating, after: Rating, same_framework: bool = True) -> str:
    """``up``, ``down``, ``same``, ``newly rated``, ``no longer rated`` (the one rule of
    :mod:`inspector_gui.domain.change`, with ``, mapped, not identical`` across frameworks when
    ``same_framework`` is False) or ``not recorded``."""
    return movement(before, after, same_framework).value or "not recorded"


def pick_inspections(inspections: Sequence[Inspection], start: str | None, end: str | None
                     ) -> tuple[Inspection, Inspection]:
    """The two to compare (oldest first) from a provider's inspections (newest first): ``end`` by
    id or date, default the latest; ``start`` likewise, default the one before ``end``."""
    if len(inspections) < 2:
        raise CompareError("has only one inspection in the store; there is nothing to compare it with")
    later = find_inspection(inspections, end) if end else inspections[0]
    if start:
        earlier = find_inspection(inspections, start)
    else:
        position = inspections.index(later)
        if position + 1 >= len(inspections):
            raise CompareError(f"{later.inspection_id} is the provider's first inspection; "
                               "give --from to compare it with a later one")
        earlier = inspections[position + 1]
    if earlier == later:
        raise CompareError("--from and --to name the same inspection")
    older_first = sorted((earlier, later), key=inspections.index, reverse=True)
    return older_first[0], older_first[1]


def find_inspection(inspections: Sequence[Inspection], key: str) -> Inspection:
    """An inspection by id, or by its publication date or a prefix of it (``2020-03``, ``2018``)."""
    wanted = key.strip()
    exact = [i for i in inspections if i.inspection_id == wanted or i.published.iso() == wanted]
    found = exact or [i for i in inspections if i.published.iso().startswith(wanted) and wanted]
    if len(found) == 1:
        return found[0]
    dates = ", ".join(i.published.iso() or i.inspection_id for i in inspections)
    problem = "matches several inspections" if found else "matches no inspection"
    raise CompareError(f"{wanted!r} {problem}; the provider's inspections: {dates}")


def compare_inspections(store: Store, provider: Provider, earlier: Inspection, later: Inspection
                        ) -> Comparison:
    frameworks = store.frameworks()
    first, second = frameworks[earlier.framework_id], frameworks[later.framework_id]
    cells = store.ratings_for([earlier.inspection_id, later.inspection_id])
    before = {c: cell.rating for c, cell in cells.get(earlier.inspection_id, {}).items()}
    after = {c: cell.rating for c, cell in cells.get(later.inspection_id, {}).items()}
    old, new = _findings(store, earlier), _findings(store, later)
    similarity = Similarity.of(store, [f.text for f in old + new])
    recurring = _recurring(old, new, similarity, first, second)
    paired_old = {p.earlier.finding_id for p in recurring}
    paired_new = {p.later.finding_id for p in recurring}
    return Comparison(
        provider, earlier, later, first, second,
        change_between(earlier.overall, later.overall, first.framework_id == second.framework_id),
        compute_score(first, provider.provider_type, before),
        compute_score(second, provider.provider_type, after),
        standard_changes(first, second, provider.provider_type, before, after),
        recurring, tuple(f for f in new if f.finding_id not in paired_new),
        tuple(f for f in old if f.finding_id not in paired_old),
        _follow_ups(old, new, similarity))


def _findings(store: Store, inspection: Inspection) -> list[Finding]:
    return store.findings(FindingQuery(inspection_id=inspection.inspection_id, limit=MAX_FINDINGS))


def standard_changes(first: Framework, second: Framework, provider_type: str,
                     before: dict[str, Rating], after: dict[str, Rating]) -> tuple[StandardChange, ...]:
    """Every applicable (or rated) standard of the later framework beside its earlier match, then
    the earlier framework's standards that have none."""
    mapped = first.framework_id != second.framework_id
    earlier = [s for s in first.standards if s.applies(provider_type) or s.code in before]
    later = [s for s in second.standards if s.applies(provider_type) or s.code in after]
    rows, used = [], set()
    for standard in later:
        match = counterpart(standard, earlier, not mapped)
        if match is not None:
            used.add(match.code)
        was = before.get(match.code, Rating.NOT_RECORDED) if match else Rating.NOT_RECORDED
        now = after.get(standard.code, Rating.NOT_RECORDED)
        rows.append(StandardChange(match, standard, was, now, change_between(was, now),
                                   mapped and match is not None))
    for standard in earlier:
        if standard.code not in used:
            was = before.get(standard.code, Rating.NOT_RECORDED)
            rows.append(StandardChange(standard, None, was, Rating.NOT_RECORDED,
                                       change_between(was, Rating.NOT_RECORDED)))
    return tuple(rows)


def _side(finding: Finding) -> str:
    return "strength" if finding.kind == "strength" else "problem"


def same_subject(earlier: Finding, later: Finding, first: Framework, second: Framework) -> bool | None:
    """True when two findings are about the same subject, None when only through a concept (mapped,
    not identical), False when not. In one framework: the same standard, or the same domain when
    either names no standard, or either is about the whole inspection. Across frameworks: both
    standards share a concept."""
    if first.framework_id == second.framework_id:
        if earlier.standard_code and later.standard_code:
            return earlier.standard_code == later.standard_code
        if earlier.domain_code and later.domain_code:
            return earlier.domain_code == later.domain_code
        return True
    concepts = [_concept(f, fw) for f, fw in ((earlier, first), (later, second))]
    return None if concepts[0] and concepts[0] == concepts[1] else False


def _concept(finding: Finding, framework: Framework) -> str:
    return next((s.concept for s in framework.standards if s.code == finding.standard_code), "")


def _recurring(old: list[Finding], new: list[Finding], similarity: Similarity, first: Framework,
               second: Framework) -> tuple[FindingPair, ...]:
    """Each later finding with its most similar earlier one on the same subject and side."""
    pairs = []
    for later in new:
        best: FindingPair | None = None
        for earlier in old:
            subject = same_subject(earlier, later, first, second)
            if subject is False or _side(earlier) != _side(later):
                continue
            strength = similarity.between(earlier.text, later.text)
            if strength >= RECURRING and (best is None or strength > best.strength):
                best = FindingPair(later, earlier, strength, subject is None)
        if best is not None:
            pairs.append(best)
    return tuple(pairs)


def _follow_ups(old: list[Finding], new: list[Finding], similarity: Similarity
                ) -> tuple[RecommendationFollowUp, ...]:
    result = []
    for recommendation in (f for f in old if f.kind == "recommendation"):
        answers = [FindingPair(later, recommendation, similarity.between(recommendation.text, later.text))
                   for later in new]
        answers = sorted((a for a in answers if a.strength >= SPEAKS_TO), key=lambda a: -a.strength)
        result.append(RecommendationFollowUp(recommendation, tuple(answers)))
    return tuple(result)
