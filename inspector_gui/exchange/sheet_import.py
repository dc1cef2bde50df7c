"""A spreadsheet and its mapping as an import batch: the same rows the interchange files give,
so the store checks and writes them the one way (in full first, one transaction, idempotent).

Every problem names the sheet's row and column; a value the mapping maps by a rule it marks as
unusual is a warning with its row, and the import goes on.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from inspector_gui.domain.dates import validate_iso
from inspector_gui.errors import ImportFailed, Problem
from inspector_gui.exchange.encodings import control_character
from inspector_gui.exchange.mapping import Field, FrameworkMap, Level, Mapping, load_mapping
from inspector_gui.exchange.readers import Batch, Row
from inspector_gui.exchange.sheets import Sheet, read_sheet
from inspector_gui.exchange.tables import TABLES

ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
TEMPLATE = re.compile(r"\{([^{}]*)\}")


@dataclass
class SheetBatch:
    """The batch to import, the warnings to show, and what was left out (peers not in the sheet)."""

    batch: Batch
    warnings: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def read_spreadsheet(sheet_path: str | Path, mapping_path: str | Path) -> SheetBatch:
    """Read a mapping and its sheet (and lookup sheet) into a batch; ImportFailed on any problem
    of the mapping or of a column it names."""
    mapping = load_mapping(mapping_path)
    sheet = read_sheet(Path(sheet_path), mapping.sheet, mapping.header_row)
    lookup = _lookup(mapping, Path(sheet_path))
    _check_columns(mapping, sheet, lookup)
    return _Builder(mapping, sheet, lookup).build()


def _lookup(mapping: Mapping, sheet_path: Path) -> tuple[Sheet, dict[str, dict[str, str]]] | None:
    """The lookup sheet (beside the sheet) by its key column."""
    if not mapping.lookup:
        return None
    sheet = read_sheet(sheet_path.parent / mapping.lookup["file"])
    if mapping.lookup["key"] not in sheet.header:
        raise ImportFailed([Problem(sheet.label, sheet.header_row, mapping.lookup["key"],
                                    "no such column (lookup.key names it)")])
    return sheet, {rec[mapping.lookup["key"]].strip(): rec for _, rec in sheet.records()}


def _check_columns(mapping: Mapping, sheet: Sheet, lookup: tuple[Sheet, dict] | None) -> None:
    problems = [Problem(sheet.label, sheet.header_row, column, f"no such column in the header "
                        f"({key} in {mapping.path.name} names it)")
                for column, key in dict.fromkeys(mapping.columns()) if column not in sheet.header]
    if lookup:
        names = [(f.text, key) for key, f in mapping.fields.items() if f.kind == "lookup"]
        if mapping.peers:
            names += [(mapping.peers.column, "peers.column"), (mapping.peers.key, "peers.key")]
        problems += [Problem(lookup[0].label, lookup[0].header_row, column, "no such column in the "
                             f"header ({key} in {mapping.path.name} names it)")
                     for column, key in names if column not in lookup[0].header]
    if problems:
        raise ImportFailed(problems)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


class _Builder:
    """Turns each sheet row into store rows, recording problems and warnings as it goes."""

    def __init__(self, mapping: Mapping, sheet: Sheet, lookup: tuple[Sheet, dict] | None) -> None:
        self.m, self.sheet, self.lookup = mapping, sheet, lookup[1] if lookup else {}
        self.out = SheetBatch(Batch())
        self.providers: dict[str, int] = {}
        self.peer_keys: dict[str, str] = {}
        self.words = {name: self._words(levels) for name, levels in mapping.scales.items()}

    @staticmethod
    def _words(levels: tuple[Level, ...]) -> dict[str, tuple[Level, bool]]:
        words: dict[str, tuple[Level, bool]] = {}
        for level in levels:
            words |= {_key(v): (level, False) for v in (level.word, *level.values)}
            words |= {_key(v): (level, True) for v in level.unusual}
        return words

    def build(self) -> SheetBatch:
        self._add("inspectorates", {"inspectorate_id": self.m.inspectorate["id"],
                                    **{k: v for k, v in self.m.inspectorate.items() if k != "id"}}, None)
        for framework in self.m.frameworks:
            self._framework(framework)
        for line, record in self.sheet.records():
            self._row(line, record)
        self._peers()
        return self.out

    def _add(self, table: str, values: dict[str, object], line: int | None) -> None:
        spec = TABLES[table]
        row = {c: values.get(c, None if c in ("position", "points", "rated_standards", "max_score")
                             else "") for c in spec.columns}
        self.out.batch.tables[table].append(Row(row, self.sheet.label, line))

    def _problem(self, line: int | None, column: str | None, message: str) -> None:
        self.out.batch.add_problem(Problem(self.sheet.label, line, column, message))

    # -- frameworks, their scales and standards, from the mapping alone ----------------------
    def _framework(self, f: FrameworkMap) -> None:
        judgements = [j for j in self.m.judgements if f.framework_id in j.frameworks]
        levels = self.m.scales.get(f.scale, ())
        best = max((lv.points or 0 for lv in levels), default=0)
        type_field = self.m.fields["provider.type"]
        self._add("frameworks", {
            "framework_id": f.framework_id, "name": f.name, "in_use": f.in_use, "notes": f.notes,
            "applies_to": type_field.text if type_field.kind == "value" else "",
            "rated_standards": len(judgements), "max_score": best * len(judgements),
            "inspectorate_id": self.m.inspectorate["id"]}, None)
        uses = [("", f.scale)] if f.scale == f.overall_scale else [("standards", f.scale),
                                                                   ("overall", f.overall_scale)]
        for used_for, name in uses:
            for position, lv in enumerate(self.m.scales.get(name, ()), start=1):
                self._add("scale_levels", {
                    "framework_id": f.framework_id, "used_for": used_for, "position": position,
                    "word": lv.word, "short": lv.short, "points": lv.points, "role": lv.role,
                    "aliases": ";".join(lv.values)}, None)
        for j in judgements:
            self._add("standards", {
                "framework_id": f.framework_id, "domain_code": j.domain, "domain_name": j.domain_name,
                "standard_code": j.code, "standard_name": j.name, "concept": j.concept,
                "name_confirmed": "yes"}, None)

    # -- one sheet row: its provider, inspection and ratings ----------------------------------
    def _value(self, key: str, line: int, record: dict[str, str]) -> str:
        f = self.m.fields.get(key)
        if f is None:
            return ""
        if f.kind == "column":
            text = record[f.text].strip()
        elif f.kind == "template":
            text = TEMPLATE.sub(lambda m: record.get(m.group(1), "").strip(), f.text)
        elif f.kind == "lookup":
            text = self._lookup_row(record).get(f.text, "").strip()
        else:
            text = f.text
        problem = control_character(text)
        if problem:
            self._problem(line, self._column(f), problem)
            return ""
        return text

    def _lookup_row(self, record: dict[str, str]) -> dict[str, str]:
        return self.lookup.get(record.get(self.m.lookup.get("column", ""), "").strip(), {})

    @staticmethod
    def _column(f: Field) -> str | None:
        return f.text if f.kind == "column" else None

    def _date(self, key: str, line: int, record: dict[str, str]) -> str:
        text = self._value(key, line, record)
        f = self.m.fields.get(key)
        if not text or f is None:
            return ""
        try:
            if f.format and not ISO_DATE.match(text):
                return dt.datetime.strptime(text, f.format).date().isoformat()
            return validate_iso(text) or ""
        except ValueError as exc:
            self._problem(line, self._column(f) or key, f"{text!r} is not a date in the format "
                          f"{f.format}" if f.format else str(exc))
            return ""

    def _row(self, line: int, record: dict[str, str]) -> None:
        provider_id = self._value("provider.id", line, record)
        if not provider_id:
            self._problem(line, self._column(self.m.fields["provider.id"]) or "provider.id",
                          "no provider id")
            return
        self._provider(provider_id, line, record)
        published = self._date("inspection.published", line, record)  # read once: a bad date, one problem
        framework = self._choose(line, record, published)
        if framework is None:
            return
        inspection_id = self._value("inspection.id", line, record) or f"{provider_id}-{published or line}"
        source = self._value("inspection.source_url", line, record)
        self._add("inspections", {
            "inspection_id": inspection_id, "provider_id": provider_id,
            "framework_id": framework.framework_id, "round": self._value("inspection.round", line, record),
            "fieldwork_start": self._date("inspection.fieldwork_start", line, record),
            "published": published, "source_url": source,
            "overall_rating": self._overall(framework, line, record),
            "notes": self._value("inspection.notes", line, record)}, line)
        for j in self.m.judgements:
            if framework.framework_id in j.frameworks:
                self._rating(framework, j.column, j.code, inspection_id, source, line, record)

    def _provider(self, provider_id: str, line: int, record: dict[str, str]) -> None:
        if self.m.peers:
            key = self._lookup_row(record).get(self.m.peers.key, "").strip()
            self.peer_keys.setdefault(key, provider_id)
        if provider_id in self.providers:
            return
        self.providers[provider_id] = line
        values = {c: self._value(f"provider.{k}", line, record) for c, k in
                  (("name", "name"), ("provider_type", "type"), ("region", "region"), ("owner", "owner"))}
        self._add("providers", {"provider_id": provider_id, **values,
                                "inspectorate_id": self.m.inspectorate["id"]}, line)

    def _choose(self, line: int, record: dict[str, str], published: str) -> FrameworkMap | None:
        chosen = self.m.framework_field
        if chosen:
            wanted = record[chosen.text].strip() if chosen.kind == "column" else chosen.text
            found = next((f for f in self.m.frameworks if f.framework_id == wanted), None)
            if found is None:
                self._problem(line, self._column(chosen), f"no framework {wanted!r} in the mapping")
            return found
        found = next((f for f in self.m.frameworks if self._holds(f, published, record)), None)
        if found is None:
            self._problem(line, None, "no framework of the mapping matches this row")
        return found

    def _holds(self, f: FrameworkMap, published: str, record: dict[str, str]) -> bool:
        rule = f.when
        words = self.words.get(f.scale, {})
        return (all(_key(record[c]) in words for c in rule.has_value)
                and all(_key(record[c]) == _key(v) for c, v in rule.equals)
                and (not rule.published_from or (published and published >= rule.published_from))
                and (not rule.published_before or (published and published < rule.published_before)))

    def _state(self, text: str) -> str | None:
        """The stored word of a state outside the scale, or None."""
        key = _key(text)
        if key in map(_key, self.m.not_recorded) or not key:
            return ""
        if key in map(_key, self.m.not_applicable):
            return "Not applicable"
        if key in map(_key, self.m.not_rated):
            return "Not rated"
        return None

    def _level(self, scale: str, column: str, line: int, text: str) -> Level | None:
        found = self.words.get(scale, {}).get(_key(text))
        if found is None:
            expected = ", ".join(lv.word for lv in self.m.scales.get(scale, ()))
            self._problem(line, column, f"{text!r} is not a level of the scale {scale!r} (expected "
                          f"{expected}, or a value listed under [values])")
            return None
        level, unusual = found
        if unusual:
            self.out.warnings.append(Problem(self.sheet.label, line, column, f"{text!r} read as "
                                             f"{level.word} by a rule the mapping marks as unusual"))
        return level

    def _overall(self, framework: FrameworkMap, line: int, record: dict[str, str]) -> str:
        f = self.m.fields.get("inspection.overall")
        text = self._value("inspection.overall", line, record) if f else ""
        state = self._state(text)
        if state is not None:
            return state
        level = self._level(framework.overall_scale, self._column(f) or "inspection.overall", line, text)
        return level.word if level else ""

    def _rating(self, framework: FrameworkMap, column: str, code: str, inspection_id: str,
                source: str, line: int, record: dict[str, str]) -> None:
        text = record[column].strip()
        state = self._state(text)
        if state == "":
            return
        if state is not None:
            self._problem(line, column, f"{text!r} means {state.lower()}, but framework "
                          f"{framework.framework_id} has this judgement; choose another framework "
                          "for this row")
            return
        level = self._level(framework.scale, column, line, text)
        if level:
            self._add("ratings", {"inspection_id": inspection_id, "standard_code": code,
                                  "rating": level.word, "basis": "stated", "source_url": source}, line)

    # -- peer groups, from the lookup sheet -----------------------------------------------------
    def _peers(self) -> None:
        peers = self.m.peers
        if peers is None:
            return
        missing = 0
        for key, provider_id in self.peer_keys.items():
            listed = [p.strip() for p in self.lookup_by(peers.key).get(key, {}).get(peers.column, "")
                      .split(peers.separator) if p.strip()]
            for position, peer in enumerate(listed, start=1):
                if peer in self.peer_keys and self.peer_keys[peer] != provider_id:
                    self._add("peer_groups", {"provider_id": provider_id, "source": peers.source,
                                              "position": position,
                                              "peer_provider_id": self.peer_keys[peer]}, None)
                else:
                    missing += 1
        if missing:
            self.out.notes.append(f"{missing} peers name providers that are not in the sheet; "
                                  "left out")

    def lookup_by(self, column: str) -> dict[str, dict[str, str]]:
        return {rec.get(column, "").strip(): rec for rec in self.lookup.values()}
