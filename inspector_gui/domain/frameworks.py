"""Frameworks are data: their standards, domains, rating scales and points per level come from
records, because inspectorates changed them in 2018, 2021 and 2023 and will again."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from inspector_gui.domain.ratings import FOUR_WORD, Rating, Scale


def code_order(code: str) -> tuple[int, ...]:
    """Sort key for standard codes, so ``2.10`` follows ``2.9``."""
    return tuple(int(p) if p.isdigit() else 0 for p in code.split("."))


@dataclass(frozen=True)
class Standard:
    """A rated standard of a framework, inside a domain."""

    framework_id: str
    domain_code: str
    domain_name: str
    code: str
    name: str
    applies_to: str = ""
    name_confirmed: bool = True
    concept: str = ""
    """What the standard is about, the same key across frameworks (``assessment``); standards
    sharing it are compared with each other — mapped, not identical. Empty: not mapped."""

    def applies(self, provider_type: str) -> bool:
        """Empty ``applies_to`` means every provider type the framework covers."""
        return not self.applies_to or self.applies_to.casefold() == provider_type.casefold()

    @property
    def title(self) -> str:
        """``2.1 Assessment``."""
        return f"{self.code} {self.name}"

    @property
    def full_title(self) -> str:
        """``crc-nps-2018 2.1 Assessment``: the name of a column or series that must not be
        confused with another framework's 2.1."""
        return f"{self.framework_id} {self.code} {self.name}"


@dataclass(frozen=True)
class Framework:
    """A set of standards in force for a period, of one inspectorate: the scale its standards
    are rated on, the scale of its overall rating (the same, or another: CQC scores quality
    statements 1–4 beside a four-word overall rating) and the points each level earns."""

    framework_id: str
    name: str
    applies_to: tuple[str, ...] = ()
    in_use: str = ""
    notes: str = ""
    points: dict[Rating, int] = field(default_factory=dict)
    standards: tuple[Standard, ...] = ()
    scale: Scale = FOUR_WORD
    overall_scale: Scale = FOUR_WORD
    inspectorate_id: str = ""

    def standards_for(self, provider_type: str) -> tuple[Standard, ...]:
        """The standards a provider of this type is rated on (worked out once per type: the
        matrix asks twice for each of its rows)."""
        found = self._for_type.get(provider_type)
        if found is None:
            found = tuple(s for s in self.standards if s.applies(provider_type))
            self._for_type[provider_type] = found
        return found

    @cached_property
    def _for_type(self) -> dict[str, tuple[Standard, ...]]:
        return {}

    def domains(self) -> list[tuple[str, str]]:
        """``(code, name)`` of each domain, in standard order."""
        seen: dict[str, str] = {}
        for s in self.standards:
            seen.setdefault(s.domain_code, s.domain_name)
        return list(seen.items())

    def max_score(self, provider_type: str) -> int:
        best = max((self.points.get(r, 0) for r in self.scale.levels), default=0)
        return best * len(self.standards_for(provider_type))


@dataclass(frozen=True)
class Score:
    """A computed score, or the coverage that stops us computing one."""

    points: int | None
    maximum: int
    recorded: int
    required: int

    @property
    def complete(self) -> bool:
        return self.points is not None

    @property
    def label(self) -> str:
        """``21 of 30`` when complete, else ``4 of 10 standards recorded``."""
        if self.points is not None:
            return f"{self.points} of {self.maximum}"
        return f"{self.recorded} of {self.required} standards recorded"


def compute_score(framework: Framework, provider_type: str, ratings: dict[str, Rating]) -> Score:
    """Sum points only when every applicable standard is rated; never guess the missing ones."""
    standards = framework.standards_for(provider_type)
    graded = [ratings[s.code] for s in standards if ratings.get(s.code, Rating.NOT_RECORDED).is_graded]
    complete = bool(standards) and len(graded) == len(standards)
    points = sum(framework.points.get(r, 0) for r in graded) if complete else None
    return Score(points, framework.max_score(provider_type), len(graded), len(standards))


def legend_scales(frameworks: Iterable[Framework]) -> list[tuple[str, Scale]]:
    """The scales a view of these frameworks shows, each with the frameworks that use it: one
    legend line per distinct scale, so frameworks sharing a scale (every probation and Ofsted
    framework shares the four words) share a line, and a line is only labelled when there are
    several. A framework whose overall rating has its own scale names both uses."""
    uses: dict[Scale, list[str]] = {}
    for f in frameworks:
        if f.overall_scale == f.scale:
            uses.setdefault(f.scale, []).append(f.name)
        else:
            uses.setdefault(f.scale, []).append(f"{f.name} (standards)")
            uses.setdefault(f.overall_scale, []).append(f"{f.name} (overall)")
    if len(uses) <= 1:
        return [("", next(iter(uses), FOUR_WORD))]
    return [(", ".join(names), scale) for scale, names in uses.items()]
