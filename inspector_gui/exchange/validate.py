"""Checks that need more than one row: duplicate keys and references between tables.

References may point at records in the same import or already in the store, so the store passes
what it knows as a :class:`Known`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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

    def absorb(self, batch: Batch) -> None:
        """Add what the batch itself brings, so its own rows can refer to each other."""
        self.frameworks |= {str(r.values["framework_id"]) for r in batch.tables["frameworks"]}
        for row in batch.tables["standards"]:
            fw = str(row.values["framework_id"])
            self.standards.setdefault(fw, set()).add(str(row.values["standard_code"]))
            self.domains.setdefault(fw, set()).add(str(row.values["domain_code"]))
        self.providers |= {str(r.values["provider_id"]) for r in batch.tables["providers"]}
        for row in batch.tables["inspections"]:
            self.inspections[str(row.values["inspection_id"])] = str(row.values["framework_id"])


def check_batch(batch: Batch, known: Known) -> list[Problem]:
    """Every duplicate key and, when every row was read cleanly, every dangling reference (a row
    rejected by the reader would make each reference to it look dangling)."""
    problems = _duplicates(batch)
    if batch.problems:
        return problems
    known.absorb(batch)
    for row in batch.tables["standards"]:
        problems += _missing(row, "framework_id", known.frameworks, "framework")
    for row in batch.tables["inspections"]:
        problems += _missing(row, "provider_id", known.providers, "provider")
        problems += _missing(row, "framework_id", known.frameworks, "framework")
    for row in batch.tables["ratings"] + batch.tables["findings"]:
        problems += _codes(row, known)
    return problems


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


def _missing(row: Row, column: str, keys: set[str], what: str) -> list[Problem]:
    value = str(row.values[column])
    return [] if value in keys else [row.problem(column, f"unknown {what} {value!r} {NOWHERE}")]


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
