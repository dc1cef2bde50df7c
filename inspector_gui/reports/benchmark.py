"""How an inspection stands against others: each of its standards' rating (and its overall rating)
beside the distribution of that standard's ratings among other providers of the same type under
the same framework — nationally, in its region and in a peer group — each with its n and how many
are better, level and worse.

Each other provider counts once, by its latest inspection under that framework (the provider's
own inspections are left out), so a provider inspected twice in a round-based framework does not
count twice. Ratings of different frameworks are never pooled: a standard is (framework, code).

Peer groups are pluggable (:class:`PeerSource`): the region, a store's published statistical
neighbours (a ``peer_groups`` table, as councils have), or a list the user picks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from inspector_gui.domain.frameworks import Framework, Standard
from inspector_gui.domain.ratings import GRADED, Rating
from inspector_gui.domain.records import Inspection, Provider
from inspector_gui.store import Store


@dataclass(frozen=True)
class PeerGroup:
    """Who a distribution is over: None means every provider of the type (national)."""

    label: str
    provider_ids: tuple[str, ...] | None


class PeerSource(Protocol):
    """Where a provider's peers come from; None when the source has none for it."""

    def peers(self, store: Store, provider: Provider) -> PeerGroup | None: ...


class National:
    def peers(self, store: Store, provider: Provider) -> PeerGroup | None:
        return PeerGroup("National", None)


class Region:
    def peers(self, store: Store, provider: Provider) -> PeerGroup | None:
        if not provider.region:
            return None
        return PeerGroup(f"Region: {provider.region}", tuple(store.region_members(provider.region)))


@dataclass(frozen=True)
class Neighbours:
    """Published statistical neighbours, when the store holds them for this provider; ``asked``
    False when they are only shown if there are any (no note when there are none)."""

    asked: bool = True

    def peers(self, store: Store, provider: Provider) -> PeerGroup | None:
        found = dict.fromkeys(peer.provider_id for _source, peer in store.peer_group(provider.provider_id))
        return PeerGroup("Statistical neighbours", tuple(found)) if found else None


@dataclass(frozen=True)
class Chosen:
    """A set of providers the user picked."""

    provider_ids: tuple[str, ...]
    label: str = "Chosen peers"

    def peers(self, store: Store, provider: Provider) -> PeerGroup | None:
        return PeerGroup(self.label, self.provider_ids) if self.provider_ids else None


@dataclass(frozen=True)
class Distribution:
    """One group's ratings of one standard, compared with the inspection's own rating."""

    group: str
    counts: dict[Rating, int]
    own: Rating

    @property
    def n(self) -> int:
        return sum(self.counts.get(r, 0) for r in GRADED)

    def _count(self, compare: int) -> int | None:
        if not self.own.is_graded:
            return None
        level = self.own.level or 0
        return sum(c for r, c in self.counts.items() if r.is_graded and
                   ((r.level or 0) > level if compare > 0 else (r.level or 0) < level if compare < 0
                    else r.level == level))

    @property
    def better(self) -> int | None:
        return self._count(1)

    @property
    def level(self) -> int | None:
        return self._count(0)

    @property
    def worse(self) -> int | None:
        return self._count(-1)

    def text(self) -> str:
        """``O 1 · G 5 · RI 8 · I 2 (n 16); 6 better, 8 level, 2 worse``."""
        if not self.n:
            return "no ratings (n 0)"
        counts = " · ".join(f"{r.short} {self.counts.get(r, 0)}" for r in GRADED)
        if self.better is None:
            return f"{counts} (n {self.n})"
        return f"{counts} (n {self.n}); {self.better} better, {self.level} level, {self.worse} worse"


@dataclass(frozen=True)
class BenchmarkRow:
    title: str
    standard: Standard | None
    own: Rating
    groups: tuple[Distribution, ...]


@dataclass(frozen=True)
class Benchmark:
    provider: Provider
    inspection: Inspection
    framework: Framework
    groups: tuple[PeerGroup, ...]
    rows: tuple[BenchmarkRow, ...]
    missing: tuple[str, ...] = ()
    """Peer sources asked for that had no group for this provider, in words."""


def benchmark(store: Store, provider: Provider, inspection: Inspection,
              sources: Sequence[PeerSource]) -> Benchmark:
    """The inspection's overall rating and standards against each source's group."""
    framework = store.frameworks()[inspection.framework_id]
    groups, missing = [], []
    for source in sources:
        group = source.peers(store, provider)
        if group is None and getattr(source, "asked", True):
            missing.append(_missing(source))
        elif group is None:
            continue
        else:
            groups.append(group)
    counts = [store.rating_distribution(framework.framework_id, provider.provider_type, provider.provider_id,
                                        group.provider_ids) for group in groups]
    own = {code: cell.rating for code, cell in store.ratings_for([inspection.inspection_id])
           .get(inspection.inspection_id, {}).items()}
    rows = [_row("Overall rating", None, inspection.overall, "", groups, counts)]
    rows += [_row(s.title, s, own.get(s.code, Rating.NOT_RECORDED), s.code, groups, counts)
             for s in framework.standards_for(provider.provider_type)]
    return Benchmark(provider, inspection, framework, tuple(groups), tuple(rows), tuple(missing))


def _row(title: str, standard: Standard | None, own: Rating, code: str, groups: Sequence[PeerGroup],
         counts: Sequence[dict[str, dict[str, int]]]) -> BenchmarkRow:
    return BenchmarkRow(title, standard, own, tuple(
        Distribution(group.label, rating_counts(found.get(code, {})), own)
        for group, found in zip(groups, counts, strict=True)))


def rating_counts(words: dict[str, int]) -> dict[Rating, int]:
    """Counts by rating word as ratings; words of no known scale are left out."""
    result: dict[Rating, int] = {}
    for word, count in words.items():
        try:
            rating = Rating.parse(word)
        except ValueError:
            continue
        result[rating] = result.get(rating, 0) + count
    return result


def _missing(source: PeerSource) -> str:
    if isinstance(source, Neighbours):
        return "no statistical neighbours for this provider in the store"
    if isinstance(source, Region):
        return "the provider's region is not recorded"
    return "no peers chosen"


def peer_sources(store: Store, peers: str | None) -> list[PeerSource]:
    """National and region, then ``--peers``: ``region`` (nothing more), ``neighbours``, or a
    comma-separated list of provider ids or names; None: the neighbours when the store has them."""
    sources: list[PeerSource] = [National(), Region()]
    if peers is None:
        return sources + [Neighbours(asked=False)]
    choice = peers.strip()
    if choice.casefold() == "region":
        return sources
    if choice.casefold() == "neighbours":
        return sources + [Neighbours()]
    names = [n.strip() for n in choice.split(",") if n.strip()]
    return sources + [Chosen(tuple(store.find_provider(n).provider_id for n in names))]
