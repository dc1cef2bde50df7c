"""A mapping file (TOML, ``docs/mapping.md``): how the columns of a spreadsheet, one row per
inspection, become inspectorates, frameworks with their scales, standards, providers, inspections,
ratings and peer groups. Read and checked here in full; every problem is ``MAP.toml: key: what``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inspector_gui.domain.ratings import ROLES
from inspector_gui.errors import ImportFailed, Problem

SOURCES = ("column", "value", "template", "lookup")


@dataclass(frozen=True)
class Field:
    """Where one value comes from: a sheet column, a fixed value, a template of ``{column}``
    names, or a column of the lookup sheet; ``format`` is a date's ``strptime`` format."""

    kind: str = "value"
    text: str = ""
    format: str = ""


@dataclass(frozen=True)
class Level:
    word: str
    short: str
    role: str
    points: int | None
    values: tuple[str, ...]
    unusual: tuple[str, ...]


@dataclass(frozen=True)
class Rule:
    """When a framework is a row's: every given condition holds (no condition: always)."""

    has_value: tuple[str, ...] = ()
    equals: tuple[tuple[str, str], ...] = ()
    published_from: str = ""
    published_before: str = ""


@dataclass(frozen=True)
class FrameworkMap:
    framework_id: str
    name: str
    scale: str
    overall_scale: str
    in_use: str
    notes: str
    when: Rule


@dataclass(frozen=True)
class Judgement:
    column: str
    frameworks: tuple[str, ...]
    domain: str
    domain_name: str
    code: str
    name: str
    concept: str


@dataclass(frozen=True)
class Peers:
    source: str
    column: str
    key: str
    separator: str


@dataclass(frozen=True)
class Mapping:
    path: Path
    sheet: str
    header_row: int
    inspectorate: dict[str, str]
    fields: dict[str, Field]
    scales: dict[str, tuple[Level, ...]]
    not_recorded: tuple[str, ...]
    not_applicable: tuple[str, ...]
    not_rated: tuple[str, ...]
    frameworks: tuple[FrameworkMap, ...]
    judgements: tuple[Judgement, ...]
    framework_field: Field | None = None
    lookup: dict[str, str] = field(default_factory=dict)
    peers: Peers | None = None

    def columns(self) -> list[tuple[str, str]]:
        """Every sheet column the mapping names, with the key that names it."""
        named = [(f.text, key) for key, f in self.fields.items() if f.kind == "column"]
        named += [(c, key) for key, f in self.fields.items() if f.kind == "template"
                  for c in template_columns(f.text)]
        named += [(j.column, f"judgement {j.code} ({j.name})") for j in self.judgements]
        named += [(c, f"framework {f.framework_id} when") for f in self.frameworks
                  for c in (*f.when.has_value, *(c for c, _ in f.when.equals))]
        if self.lookup:
            named.append((self.lookup["column"], "lookup.column"))
        if self.framework_field and self.framework_field.kind == "column":
            named.append((self.framework_field.text, "inspection.framework"))
        return named


FIELD_KEYS = {
    "provider": ("id", "name", "type", "region", "owner"),
    "inspection": ("id", "published", "fieldwork_start", "overall", "source_url", "round", "notes"),
}
REQUIRED = ("provider.id", "provider.name", "provider.type")
SECTIONS = ("sheet", "inspectorate", "provider", "inspection", "values", "scales", "frameworks",
            "judgements", "lookup", "peers")
SECTION_KEYS = {
    "sheet": ("name", "header_row"),
    "inspectorate": ("id", "name", "attribution", "licence_url", "url"),
    "values": ("not_recorded", "not_applicable", "not_rated"),
    "lookup": ("file", "key", "column"),
    "peers": ("source", "column", "key", "separator"),
}
"""The keys of each plain section (provider and inspection are checked with their fields)."""


def template_columns(text: str) -> list[str]:
    """The ``{column}`` names in a template."""
    names, rest = [], text
    while "{" in rest and "}" in rest.split("{", 1)[1]:
        name, rest = rest.split("{", 1)[1].split("}", 1)
        names.append(name)
    return names


class _Reader:
    """Reads the TOML document, collecting problems instead of stopping at the first."""

    def __init__(self, path: Path, document: dict[str, Any]) -> None:
        self.path, self.doc, self.problems = path, document, []

    def problem(self, key: str, message: str) -> None:
        self.problems.append(Problem(str(self.path), None, key, message))

    def known(self, where: str, table: object, keys: tuple[str, ...]) -> None:
        """A key the format does not have is a problem, not ignored: a misspelt ``[inspectoin]``
        would otherwise import every row again as inspections without a date."""
        if isinstance(table, dict):
            for key in sorted(set(table) - set(keys)):
                self.problem(f"{where}.{key}" if where else key,
                             "unknown key" if where else "unknown section or key")

    def table(self, key: str, within: dict[str, Any] | None = None) -> dict[str, Any]:
        value = (self.doc if within is None else within).get(key.rsplit(".", 1)[-1], {})
        if not isinstance(value, dict):
            self.problem(key, "must be a table")
            return {}
        return value

    def text(self, key: str, within: dict[str, Any], default: str | None = None) -> str:
        value = within.get(key.rsplit(".", 1)[-1], default)
        if value is None:
            self.problem(key, "is missing")
            return ""
        if not isinstance(value, str | int):
            self.problem(key, "must be text")
            return ""
        return str(value)

    def texts(self, key: str, within: dict[str, Any]) -> tuple[str, ...]:
        value = within.get(key.rsplit(".", 1)[-1], [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
            self.problem(key, "must be a list of text")
            return ()
        return tuple(str(v) for v in value)

    def field(self, key: str, value: object) -> Field | None:
        if value is None:
            return None
        if isinstance(value, str):
            return Field("value", value)
        if not isinstance(value, dict) or len(set(value) & set(SOURCES)) != 1:
            self.problem(key, f"must be text or a table with one of {', '.join(SOURCES)}")
            return None
        kind = next(k for k in SOURCES if k in value)
        unknown = set(value) - {kind, "format"}
        if unknown:
            self.problem(key, f"unknown key {sorted(unknown)[0]!r}")
        return Field(kind, str(value[kind]), str(value.get("format", "")))


def load_mapping(path: str | Path) -> Mapping:
    """Read and check a mapping file; raises ImportFailed listing every problem."""
    path = Path(path)
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ImportFailed([Problem(str(path), None, None, exc.strerror or "cannot be read")]) from None
    except UnicodeDecodeError:
        raise ImportFailed([Problem(str(path), None, None, "is not UTF-8 text")]) from None
    except tomllib.TOMLDecodeError as exc:
        raise ImportFailed([Problem(str(path), None, None, f"is not valid TOML: {exc}")]) from None
    reader = _Reader(path, document)
    mapping = _mapping(reader)
    if reader.problems:
        raise ImportFailed(reader.problems)
    return mapping


def _mapping(r: _Reader) -> Mapping:
    r.known("", r.doc, SECTIONS)
    for section, keys in SECTION_KEYS.items():
        r.known(section, r.doc.get(section), keys)
    sheet = r.table("sheet")
    header_row = sheet.get("header_row", 1)
    if not isinstance(header_row, int) or header_row < 1:
        r.problem("sheet.header_row", "must be a whole number from 1")
        header_row = 1
    inspectorate = r.table("inspectorate")
    inspectorate_values = {k: r.text(f"inspectorate.{k}", inspectorate, "" if k != "id" and k != "name"
                                     else None) for k in ("id", "name", "attribution", "licence_url", "url")}
    fields = _fields(r)
    values = r.table("values")
    scales = {name: _levels(r, f"scales.{name}", table) for name, table in r.table("scales").items()}
    if not scales:
        r.problem("scales", "define at least one scale")
    frameworks = tuple(_framework(r, i, t, scales) for i, t in enumerate(_list(r, "frameworks")))
    known = {f.framework_id for f in frameworks}
    judgements = tuple(_judgement(r, i, t, known) for i, t in enumerate(_list(r, "judgements")))
    lookup = {k: r.text(f"lookup.{k}", r.table("lookup")) for k in ("file", "key", "column")} \
        if "lookup" in r.doc else {}
    return Mapping(r.path, r.text("sheet.name", sheet, ""), header_row, inspectorate_values, fields,
                   scales, r.texts("values.not_recorded", values), r.texts("values.not_applicable", values),
                   r.texts("values.not_rated", values), frameworks, judgements,
                   r.field("inspection.framework", r.table("inspection").get("framework")), lookup,
                   _peers(r, bool(lookup)))


def _fields(r: _Reader) -> dict[str, Field]:
    fields: dict[str, Field] = {}
    for section, keys in FIELD_KEYS.items():
        table = r.table(section)
        for key in set(table) - set(keys) - {"framework"}:
            r.problem(f"{section}.{key}", "unknown key")
        for key in keys:
            found = r.field(f"{section}.{key}", table.get(key))
            if found:
                fields[f"{section}.{key}"] = found
    for key in REQUIRED:
        if key not in fields:
            r.problem(key, "is missing")
    return fields


def _list(r: _Reader, key: str) -> list[dict[str, Any]]:
    value = r.doc.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value) or not value:
        r.problem(key, f"must be one or more [[{key}]] tables")
        return []
    return value


def _levels(r: _Reader, key: str, table: object) -> tuple[Level, ...]:
    r.known(key, table, ("levels",))
    levels = table.get("levels") if isinstance(table, dict) else None
    if not isinstance(levels, list) or not levels or not all(isinstance(v, dict) for v in levels):
        r.problem(f"{key}.levels", "must be a list of levels, best first")
        return ()
    result = []
    for i, level in enumerate(levels):
        where = f"{key}.levels[{i}]"
        r.known(where, level, ("word", "short", "role", "points", "values", "unusual"))
        role = r.text(f"{where}.role", level)
        if role and role not in ROLES:
            r.problem(f"{where}.role", f"unknown colour role {role!r} (expected {', '.join(ROLES)})")
        points = level.get("points")
        if points is not None and not isinstance(points, int):
            r.problem(f"{where}.points", "must be a whole number")
            points = None
        result.append(Level(r.text(f"{where}.word", level), r.text(f"{where}.short", level), role, points,
                            r.texts(f"{where}.values", level), r.texts(f"{where}.unusual", level)))
    return tuple(result)


def _framework(r: _Reader, index: int, table: dict[str, Any], scales: dict) -> FrameworkMap:
    where = f"frameworks[{index}]"
    r.known(where, table, ("id", "name", "scale", "overall_scale", "in_use", "notes", "when"))
    scale = r.text(f"{where}.scale", table)
    overall = r.text(f"{where}.overall_scale", table, scale)
    for key, name in (("scale", scale), ("overall_scale", overall)):
        if name and name not in scales:
            r.problem(f"{where}.{key}", f"no scale {name!r} under [scales]")
    when = table.get("when", {})
    if not isinstance(when, dict):
        r.problem(f"{where}.when", "must be a table")
        when = {}
    r.known(f"{where}.when", when, ("has_value", "equals", "published_from", "published_before"))
    equals = when.get("equals", [])
    equals = [equals] if isinstance(equals, dict) else equals
    pairs = tuple((str(e.get("column", "")), str(e.get("value", ""))) for e in equals if isinstance(e, dict))
    rule = Rule(r.texts(f"{where}.when.has_value", when), pairs,
                r.text(f"{where}.when.published_from", when, ""),
                r.text(f"{where}.when.published_before", when, ""))
    return FrameworkMap(r.text(f"{where}.id", table), r.text(f"{where}.name", table), scale, overall,
                        r.text(f"{where}.in_use", table, ""), r.text(f"{where}.notes", table, ""), rule)


def _judgement(r: _Reader, index: int, table: dict[str, Any], known: set[str]) -> Judgement:
    where = f"judgements[{index}]"
    r.known(where, table, ("column", "frameworks", "domain", "domain_name", "code", "name", "concept"))
    frameworks = r.texts(f"{where}.frameworks", table)
    for name in frameworks:
        if name not in known:
            r.problem(f"{where}.frameworks", f"no framework {name!r} under [[frameworks]]")
    return Judgement(r.text(f"{where}.column", table), frameworks, r.text(f"{where}.domain", table),
                     r.text(f"{where}.domain_name", table), r.text(f"{where}.code", table),
                     r.text(f"{where}.name", table), r.text(f"{where}.concept", table, ""))


def _peers(r: _Reader, has_lookup: bool) -> Peers | None:
    if "peers" not in r.doc:
        return None
    if not has_lookup:
        r.problem("peers", "needs a [lookup] sheet to read the peer lists from")
    table = r.table("peers")
    return Peers(r.text("peers.source", table), r.text("peers.column", table),
                 r.text("peers.key", table), r.text("peers.separator", table, ","))
