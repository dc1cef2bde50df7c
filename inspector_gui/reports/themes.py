"""How often a theme comes up, as a table a chart, a window and the CLI share.

A theme is one or more searches, each read as the findings search reads it (every word, the last
one also as a prefix); an inspection counts when at least one of its findings matches any of
them. The starter themes are data (``data/themes/themes.csv``), so they are edited without code.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from inspector_gui import paths
from inspector_gui.domain.chartdata import Caption
from inspector_gui.domain.dates import PartialDate
from inspector_gui.domain.records import KIND_LABELS, KINDS
from inspector_gui.domain.search import Search
from inspector_gui.store import Store
from inspector_gui.store.search import fts_query
from inspector_gui.store.theme_reads import BYS, ThemeCount

BY_LABELS = {"year": "Year", "round": "Round", "type": "Provider type", "domain": "Domain",
             "kind": "Kind"}
assert tuple(BY_LABELS) == BYS


@dataclass(frozen=True)
class Theme:
    """A named set of searches; ``name`` is the search itself for a typed text."""

    name: str
    searches: tuple[str, ...]
    about: str = ""

    @property
    def match(self) -> str | None:
        """The FTS5 expression: any of the searches; None when none has a word."""
        parts = [q for q in (fts_query(Search.parse(s)) for s in self.searches) if q]
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else " OR ".join(f"({p})" for p in parts)

    @property
    def description(self) -> str:
        """The searches in words, for titles and notes."""
        return " or ".join(f"“{s}”" for s in self.searches)


def themes_file() -> Path:
    return paths.data_dir() / "themes" / "themes.csv"


@cache
def starter_themes(path: Path | None = None) -> tuple[Theme, ...]:
    """The starter themes, in the file's order (none when the file is missing)."""
    source = path or themes_file()
    if not source.is_file():
        return ()
    with source.open(encoding="utf-8", newline="") as handle:
        return tuple(Theme(row["theme"].strip(), _searches(row["searches"]), row.get("about") or "")
                     for row in csv.DictReader(handle) if (row.get("theme") or "").strip())


def _searches(text: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in (text or "").split(";") if s.strip())


def resolve_theme(text: str) -> Theme:
    """A starter theme by name (any case), else the text as one search."""
    key = " ".join(text.split()).casefold()
    found = next((t for t in starter_themes() if t.name.casefold() == key), None)
    return found or Theme(text.strip(), (text.strip(),))


@dataclass(frozen=True)
class ThemeRow:
    """One row of the table: the group's key and label, and its counts."""

    key: tuple[str, ...]
    label: str
    count: ThemeCount


@dataclass(frozen=True)
class ThemeTable:
    theme: Theme
    by: str
    rows: tuple[ThemeRow, ...]
    as_at: str = ""
    note: str = ""
    """Why there are no rows when it is not that nothing matched (:data:`NO_FINDINGS`)."""

    @property
    def matching(self) -> int:
        """Inspections counted in some row (an inspection may count in several domains or kinds)."""
        return sum(r.count.matching for r in self.rows)

    def records(self) -> list[dict[str, object]]:
        """Rows as plain records for CSV, JSON and the table (the group column named by ``by``)."""
        return [{self.by: row.label, "inspections_matching": row.count.matching,
                 "inspections": row.count.inspections, "share": round(row.count.share, 4),
                 "findings_matching": row.count.findings} for row in self.rows]


NO_FINDINGS = ("The store holds no findings (a data set may hold ratings only, as Ofsted's does): "
               "themes are counted in findings, so there is nothing to count.")


def theme_table(store: Store, theme: Theme, by: str = "year") -> ThemeTable:
    """Counts for every group (in order; undated, no round and the like last); a store without
    any finding gets :data:`NO_FINDINGS` rather than rows of zeros that read as data."""
    if not store.has_findings():
        return ThemeTable(theme, by, (), store.as_at(), NO_FINDINGS)
    match = theme.match
    counts = store.theme_counts(match, by) if match else []
    names = store.domain_names() if by == "domain" else {}
    frameworks = {f: fw.name for f, fw in store.frameworks().items()} if by == "domain" else {}
    rows = [ThemeRow(c.key, _label(by, c.key, names, frameworks), c) for c in counts]
    rows.sort(key=lambda r: _order(by, r.key))
    return ThemeTable(theme, by, tuple(rows), store.as_at())


def theme_inspections(store: Store, theme: Theme, by: str, key: tuple[str, ...]) -> list[str]:
    match = theme.match
    return store.theme_inspections(match, by, key) if match else []


def _order(by: str, key: tuple[str, ...]) -> tuple[object, ...]:
    """Kinds in their usual order; otherwise by key, with an empty key (undated…) last."""
    if by == "kind":
        return (KINDS.index(key[0]) if key[0] in KINDS else len(KINDS), key)
    return (not all(key[-1:]) and by != "domain", key)


def _label(by: str, key: tuple[str, ...], names: dict[tuple[str, str], str],
           frameworks: dict[str, str]) -> str:
    if by == "domain":
        framework, code = key
        name = names.get((framework, code), "")
        domain = f"{code} {name}".strip() if code else "whole inspection"
        return f"{domain} ({frameworks.get(framework, framework)})"
    if by == "kind":
        return KIND_LABELS.get(key[0], key[0])
    empty = {"year": "date unknown", "round": "no round", "type": "type not recorded"}
    return key[0] or empty[by]


def short_label(row: ThemeRow, by: str) -> str:
    """A chart axis label: a domain as its code, name and framework id, not the framework's name."""
    if by != "domain":
        return row.label
    framework, code = row.key
    return f"{row.label.rsplit(' (', 1)[0]} · {framework}" if code else f"whole inspection · {framework}"


def theme_caption(table: ThemeTable, source: str) -> Caption:
    """Title, subtitle and notes of the theme chart: what was searched and what the share is of."""
    by = BY_LABELS[table.by].lower()
    subtitle = f"Findings matching {table.theme.description}, by {by}"
    notes = ("Inspections with a match / with findings (n)",)
    return Caption(f"How often “{table.theme.name}” comes up", subtitle,
                   PartialDate.parse(table.as_at).display() if table.as_at else "", source, notes)
