"""Checks that need more than one row: duplicate keys and references between tables.

References may point at records in the same import or already in the store, so the store passes
what it knows as a :class:`Known`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from inspector_gui.domain.ratings import Scale
from inspector_gui.domain.scales import FrameworkScales, framework_scales
from inspector_gui.errors import Problem
from inspector_gui.exchange.readers import Batch, Row
from inspector_gui.exchange.tables import TABLES

NOWHERE = "(neither in this import nor in the store)"


@dataclass
class Known:
    """Keys a new record may refer to."""

    frameworks: set[str] = field(default_factory=set)
    standards: dict[str, set[str]] = field(default_factory=dict)
    domains: dict[str, set[str]] = field(default_factory=dict)
    providers: set[str] = field(default_factory=set)
    inspections: dict[str, str] = field(default_factory=dict)
    inspectorates: set[str] = field(default_factory=set)
    framework_rows: dict[str, dict[str, Any]] = field(default_factory=dict)
    level_rows: dict[str, dict[tuple[str, str], dict[str, Any]]] = field(default_factory=dict)

    def scales(self, framework_id: str) -> FrameworkScales:
        """A framework's scales as they will be once the import is written."""
        return framework_scales(self.framework_rows.get(framework_id, {}),
                                self.level_rows.get(framework_id, {}).values())

    def absorb(self, batch: Batch) -> None:
        """Add what the batch itself brings, so its own rows can refer to each other."""
        self.inspectorates |= {str(r.values["inspectorate_id"]) for r in batch.tables["inspectorates"]}
        for row in batch.tables["frameworks"]:
            self.framework_rows[str(row.values["framework_id"])] = dict(row.values)
        for row in batch.tables["scale_levels"]:
            key = (str(row.values["used_for"]), str(row.values["word"]))
            self.level_rows.setdefault(str(row.values["framework_id"]), {})[key] = dict(row.values)
        self.frameworks |= {str(r.values["framework_id"]) for r in batch.tables["frameworks"]}
        for row in batch.tables["standards"]:
            fw = str(row.values["framework_id"])
            self.standards.setdefault(fw, set()).add(str(row.values["standard_code"]))
            self.domains.setdefault(fw, set()).add(str(row.values["domain_code"]))
        self.providers |= {str(r.values["provider_id"]) for r in batch.tables["providers"]}
        for row in batch.tables["inspections"]:
            self.inspections[str(row.values["inspection_id"])] = str(row.values["framework_id"])


def check_batch(batch: Batch, known: Known) -> list[Problem]:
    """Every duplicate key, every rating word its framework's scale lacks and, when every row
    was read cleanly, every dangling reference (a row rejected by the reader would make each
    reference to it look dangling)."""
    problems = _duplicates(batch)
    known.absorb(batch)
    problems += _ratings(batch, known)
    if batch.problems:
        return problems
    for row in batch.tables["frameworks"] + batch.tables["providers"]:
        problems += _missing(row, "inspectorate_id", known.inspectorates, "inspectorate", True)
    for row in batch.tables["standards"] + batch.tables["scale_levels"]:
        problems += _missing(row, "framework_id", known.frameworks, "framework")
    for row in batch.tables["inspections"]:
        problems += _missing(row, "provider_id", known.providers, "provider")
        problems += _missing(row, "framework_id", known.frameworks, "framework")
    for row in batch.tables["ratings"] + batch.tables["findings"]:
        problems += _codes(row, known)
    for row in batch.tables["peer_groups"]:
        problems += _missing(row, "provider_id", known.providers, "provider")
        problems += _missing(row, "peer_provider_id", known.providers, "provider")
    return problems


def _ratings(batch: Batch, known: Known) -> list[Problem]:
    """Overall and standard ratings, each against its framework's scale, in file order."""
    problems = []
    for row in batch.tables["inspections"]:
        problems += _overall(row, known)
    for row in batch.tables["ratings"]:
        problems += _standard_rating(row, known)
    return problems


def _expected(scale: Scale) -> str:
    words = [r.value for r in scale.levels]
    return ", ".join(words[:-1]) + f" or {words[-1]}" if len(words) > 1 else "".join(words)


def _overall(row: Row, known: Known) -> list[Problem]:
    """The overall rating is a level of its framework's overall scale or a state; normalised to
    the scale's own word."""
    framework = str(row.values["framework_id"])
    if framework not in known.frameworks:
        return []
    try:
        rating = known.scales(framework).overall.parse(str(row.values["overall_rating"] or ""))
    except ValueError as exc:
        return [row.problem("overall_rating", str(exc))]
    row.values["overall_rating"] = rating.value
    return []


def _standard_rating(row: Row, known: Known) -> list[Problem]:
    """A standard's rating is a level of its framework's scale (no row stands for not recorded)."""
    framework = known.inspections.get(str(row.values["inspection_id"]))
    if framework is None or framework not in known.frameworks:
        return []
    scale = known.scales(framework).standards
    value = str(row.values["rating"] or "")
    try:
        rating = scale.parse(value)
    except ValueError:
        rating = None
    if rating is None or not rating.is_graded:
        return [row.problem("rating", f"{value!r} is not a rating of a standard (expected "
                                      f"{_expected(scale)})")]
    row.values["rating"] = rating.value
    return []


def _duplicates(batch: Batch) -> list[Problem]:
    problems = []
    for name, rows in batch.tables.items():
        key_columns = TABLES[name].key
        first: dict[tuple, Row] = {}
        for row in rows:
            key = tuple(row.values[c] for c in key_columns)
            if key in first:
                seen = first[key]
                at = f"{seen.file}:{seen.line}" if seen.line else seen.file
                label = ", ".join(str(k) for k in key) if name != "findings" else "finding"
                problems.append(row.problem(key_columns[-1], f"duplicate {label} (first at {at})"))
            else:
                first[key] = row
    return problems


def _missing(row: Row, column: str, keys: set[str], what: str, optional: bool = False) -> list[Problem]:
    value = str(row.values[column] or "")
    if value in keys or (optional and not value):
        return []
    return [row.problem(column, f"unknown {what} {value!r} {NOWHERE}")]


def _codes(row: Row, known: Known) -> list[Problem]:
    inspection = str(row.values["inspection_id"])
    if inspection not in known.inspections:
        return [row.problem("inspection_id", f"unknown inspection {inspection!r} {NOWHERE}")]
    framework = known.inspections[inspection]
    problems = []
    code = str(row.values.get("standard_code") or "")
    if code and code not in known.standards.get(framework, set()):
        problems.append(row.problem("standard_code", f"no standard {code!r} in framework {framework}"))
    domain = str(row.values.get("domain_code") or "")
    if domain and domain not in known.domains.get(framework, set()):
        problems.append(row.problem("domain_code", f"no domain {domain!r} in framework {framework}"))
    return problems
