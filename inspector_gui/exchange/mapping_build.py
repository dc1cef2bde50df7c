"""A mapping built from choices (the import dialog's lists and tables) instead of written by hand:
the choices become the same document a mapping file holds (``docs/mapping.md``), checked by the
same code that checks a file, tried on the sheet's first rows, and written as TOML text that
``inspector import SHEET --mapping FILE`` reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inspector_gui.errors import ImportFailed, Problem, one_line
from inspector_gui.exchange.mapping import parse_mapping
from inspector_gui.exchange.sheet_import import SheetBatch, build_batch, column_problems
from inspector_gui.exchange.sheets import Sheet
from inspector_gui.exchange.toml_text import dumps

SCALE = "scale"
RULES = ("one", "date", "column")
"""How a row's framework is chosen: the only one, by publication date, or by a column's value."""
DATE_FORMATS = ("%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d", "%m/%d/%Y", "%d %B %Y", "%d-%b-%Y")


@dataclass(frozen=True)
class Source:
    """A value from a sheet column, or a fixed value for every row (the column wins if given)."""

    column: str = ""
    fixed: str = ""

    def document(self) -> str | dict[str, str] | None:
        if self.column:
            return {"column": self.column}
        return self.fixed or None


@dataclass(frozen=True)
class LevelChoice:
    word: str
    short: str
    role: str
    points: int | None = None
    values: tuple[str, ...] = ()
    unusual: tuple[str, ...] = ()


FOUR_WORD = (
    LevelChoice("Outstanding", "O", "best", 3),
    LevelChoice("Good", "G", "good", 2),
    LevelChoice("Requires improvement", "RI", "weak", 1, ("requires improvement to be good",)),
    LevelChoice("Inadequate", "I", "worst", 0),
)
"""The four-word scale, with Ofsted's "requires improvement to be good" read as its third word."""


@dataclass(frozen=True)
class FrameworkChoice:
    framework_id: str
    name: str
    in_use: str = ""
    notes: str = ""
    published_from: str = ""
    """With the rule "date": the first publication date (ISO) this framework takes."""


@dataclass(frozen=True)
class JudgementChoice:
    column: str
    framework: str
    """A framework id, or "" for every framework."""
    domain: str
    domain_name: str
    code: str
    name: str
    concept: str = ""


@dataclass
class MappingChoices:
    """Everything the dialog asks for; empty text means "not given"."""

    sheet: str = ""
    header_row: int = 1
    inspectorate_id: str = ""
    inspectorate_name: str = ""
    attribution: str = ""
    licence_url: str = ""
    url: str = ""
    provider_id: str = ""
    """The column of the provider's id; ``provider_id_prefix`` goes before it in the store."""
    provider_id_prefix: str = ""
    provider_name: str = ""
    provider_type: Source = field(default_factory=Source)
    region: Source = field(default_factory=Source)
    published: str = ""
    fieldwork_start: str = ""
    date_format: str = ""
    fieldwork_format: str = ""
    """The fieldwork date's format when it differs from the publication date's."""
    overall: str = ""
    source_url: str = ""
    levels: tuple[LevelChoice, ...] = FOUR_WORD
    not_recorded: tuple[str, ...] = ()
    not_applicable: tuple[str, ...] = ()
    not_rated: tuple[str, ...] = ()
    rule: str = "one"
    framework_column: str = ""
    frameworks: tuple[FrameworkChoice, ...] = ()
    judgements: tuple[JudgementChoice, ...] = ()


def _dated(column: str, date_format: str) -> dict[str, str] | None:
    if not column:
        return None
    return {"column": column, "format": date_format} if date_format else {"column": column}


def _provider_id(c: MappingChoices) -> str | dict[str, str] | None:
    if not c.provider_id:
        return None
    if not c.provider_id_prefix:
        return {"column": c.provider_id}
    return {"template": c.provider_id_prefix.replace("{", "").replace("}", "") + "{" + c.provider_id + "}"}


def _given(table: dict[str, Any]) -> dict[str, Any]:
    """The table without the keys left empty, so a missing choice reads as "is missing"."""
    return {k: v for k, v in table.items() if v not in (None, "", [], ())}


def _level(level: LevelChoice) -> dict[str, Any]:
    return _given({"word": level.word, "short": level.short, "points": level.points, "role": level.role,
                   "values": list(level.values), "unusual": list(level.unusual)})


def _frameworks(c: MappingChoices) -> list[dict[str, Any]]:
    frameworks = [_given({"id": f.framework_id, "name": f.name, "in_use": f.in_use, "scale": SCALE,
                          "notes": f.notes}) for f in c.frameworks]
    if c.rule != "date":
        return frameworks
    dated = sorted(zip(c.frameworks, frameworks, strict=True),
                   key=lambda pair: pair[0].published_from, reverse=True)
    newer = ""
    for choice, table in dated:
        when = _given({"published_from": choice.published_from, "published_before": newer})
        if when:
            table["when"] = when
        newer = choice.published_from or newer
    return [table for _, table in dated]


def _judgements(c: MappingChoices) -> list[dict[str, Any]]:
    """One table per judgement, naming every framework that has it (choices differing only in
    their framework are one judgement)."""
    every = [f.framework_id for f in c.frameworks]
    merged: dict[tuple[str, ...], list[str]] = {}
    for j in c.judgements:
        names = merged.setdefault((j.column, j.domain, j.domain_name, j.code, j.name, j.concept), [])
        names += [f for f in ([j.framework] if j.framework else every) if f not in names]
    return [_given({"column": column, "frameworks": names, "domain": domain, "domain_name": domain_name,
                    "code": code, "name": name, "concept": concept})
            for (column, domain, domain_name, code, name, concept), names in merged.items()]


def document(c: MappingChoices) -> dict[str, Any]:
    """The mapping document of the choices, as a mapping file holds it."""
    inspection = {"published": _dated(c.published, c.date_format),
                  "fieldwork_start": _dated(c.fieldwork_start, c.fieldwork_format or c.date_format),
                  "overall": {"column": c.overall} if c.overall else None,
                  "source_url": {"column": c.source_url} if c.source_url else None,
                  "framework": {"column": c.framework_column} if c.rule == "column" else None}
    return _given({
        "sheet": _given({"name": c.sheet, "header_row": c.header_row}),
        "inspectorate": _given({"id": c.inspectorate_id, "name": c.inspectorate_name,
                                "attribution": c.attribution, "licence_url": c.licence_url,
                                "url": c.url}),
        "provider": _given({"id": _provider_id(c), "name": Source(c.provider_name).document(),
                            "type": c.provider_type.document(), "region": c.region.document()}),
        "inspection": _given(inspection),
        "values": _given({"not_recorded": list(c.not_recorded), "not_applicable": list(c.not_applicable),
                          "not_rated": list(c.not_rated)}),
        "scales": {SCALE: {"levels": [_level(lv) for lv in c.levels]}},
        "frameworks": _frameworks(c),
        "judgements": _judgements(c),
    })


def mapping_text(c: MappingChoices) -> str:
    """The mapping file's text."""
    return ("# A mapping built in Inspector GUI's import dialog; the format is described in "
            "docs/mapping.md.\n\n" + dumps(document(c)))


LABELS = {
    "inspectorate.id": "1 Sheet: Inspectorate key", "inspectorate.name": "1 Sheet: Inspectorate name",
    "provider.id": "2 Provider: Provider id column", "provider.name": "2 Provider: Provider name column",
    "provider.type": "2 Provider: Provider type", "provider.region": "2 Provider: Region",
    "inspection.published": "2 Provider: Published column",
    "inspection.overall": "2 Provider: Overall rating",
    "scales": "3 Scale: Levels", "frameworks": "4 Frameworks", "judgements": "5 Judgements",
}
"""Where the dialog asks for what a mapping key holds, for its messages."""


def explain(problem: Problem) -> str:
    """A problem as the dialog shows it: a key of the mapping named by the page and field that
    give it (``2 Provider: Provider id column: is missing``); a sheet's problem as it is, with its
    row and column."""
    if problem.line is not None or not problem.column:
        return str(problem)
    key = problem.column
    head = next((label for prefix, label in LABELS.items()
                 if key == prefix or key.startswith((f"{prefix}[", f"{prefix}."))), "")
    return one_line(f"{head} ({key}): {problem.message}" if head else f"{key}: {problem.message}")


@dataclass(frozen=True)
class Trial:
    """The choices checked against the sheet: every problem (mapping keys, missing columns, the
    first rows' values), and the batch of those rows when the mapping itself is sound."""

    problems: tuple[Problem, ...]
    batch: SheetBatch | None


def check(c: MappingChoices, sheet: Sheet, name: str = "new mapping", rows: int = 20) -> Trial:
    """What importing the sheet's first ``rows`` rows with these choices gives, and what is wrong."""
    try:
        mapping = parse_mapping(document(c), Path(name))
    except ImportFailed as failed:
        return Trial(tuple(failed.problems), None)
    problems = column_problems(mapping, sheet)
    if problems:
        return Trial(tuple(problems), None)
    first = Sheet(sheet.label, sheet.header_row, sheet.header, sheet.rows[:rows])
    batch = build_batch(mapping, first)
    return Trial(tuple(batch.batch.problems), batch)

