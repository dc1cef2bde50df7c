"""Read queries of the store: the provider tree, rating matrix, findings, history and national
picture. Filters are SQL with parameters; only the rows a view shows come back to Python."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from inspector_gui.domain.frameworks import Framework, Standard, compute_score
from inspector_gui.domain.ratings import FOUR_WORD, Rating, Scale
from inspector_gui.domain.records import (
    HistoryPoint,
    Inspection,
    Inspectorate,
    MatrixRow,
    Provider,
    RatingCell,
    split_urls,
)
from inspector_gui.domain.scales import FrameworkScales, framework_scales
from inspector_gui.errors import UnknownProviderError
from inspector_gui.store.comparison_reads import ComparisonReads
from inspector_gui.store.finding_reads import FindingReads, parse_date

INSPECTION_COLUMNS = ("inspection_id, provider_id, framework_id, round, fieldwork_start, "
                      "published, overall_rating, score, source_url, notes")


def inspection_from_row(row: sqlite3.Row, frameworks: Mapping[str, Framework]) -> Inspection:
    """An inspection, its overall rating read on the scale of its framework's overall rating."""
    framework = frameworks.get(row["framework_id"])
    scale = framework.overall_scale if framework else FOUR_WORD
    return Inspection(
        row["inspection_id"], row["provider_id"], row["framework_id"], row["round"] or "",
        parse_date(row["fieldwork_start"]), parse_date(row["published"]),
        scale.parse(row["overall_rating"]), row["score"] or "", split_urls(row["source_url"]),
        row["notes"] or "",
    )


def provider_from_row(row: sqlite3.Row) -> Provider:
    return Provider(row["provider_id"], row["name"], row["provider_type"] or "",
                    row["region"] or "", row["owner"] or "",
                    row["inspectorate_id"] or "")


class ReadQueries(FindingReads, ComparisonReads):
    """Query methods of :class:`~inspector_gui.store.Store`; needs ``_rows`` and a cache."""

    _framework_cache: dict[str, Framework] | None

    def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        raise NotImplementedError

    def frameworks(self) -> dict[str, Framework]:
        """Every framework with its standards, scales and points, by id (small, so cached)."""
        if self._framework_cache is None:
            standards: dict[str, list[Standard]] = defaultdict(list)
            for r in self._rows("SELECT * FROM standards ORDER BY framework_id, standard_code"):
                standards[r["framework_id"]].append(Standard(
                    r["framework_id"], r["domain_code"], r["domain_name"], r["standard_code"],
                    r["standard_name"], r["applies_to"] or "", r["name_confirmed"] != "no",
                    r["concept"] or ""))
            levels: dict[str, list[sqlite3.Row]] = defaultdict(list)
            for r in self._rows("SELECT * FROM scale_levels ORDER BY framework_id, position"):
                levels[r["framework_id"]].append(r)
            self._framework_cache = {
                r["framework_id"]: _framework(r, standards[r["framework_id"]], framework_scales(
                    dict(r), [dict(x) for x in levels[r["framework_id"]]]))
                for r in self._rows("SELECT * FROM frameworks ORDER BY framework_id")
            }
        return self._framework_cache

    def inspectorates(self) -> list[Inspectorate]:
        """Every inspectorate with frameworks or providers in the store, by name, with its
        frameworks and the types of its providers. One without either is left out: a store
        migrated to schema 4 holds HM Inspectorate of Probation's record whatever it holds, and
        an Ofsted store's charts and exports named "HM Inspectorate of Probation and Ofsted"."""
        frameworks: dict[str, list[str]] = defaultdict(list)
        for f in self.frameworks().values():
            frameworks[f.inspectorate_id].append(f.framework_id)
        types: dict[str, list[str]] = defaultdict(list)
        for r in self._rows("SELECT DISTINCT coalesce(inspectorate_id, '') AS i, provider_type "
                            "FROM providers ORDER BY provider_type"):
            types[r["i"]].append(r["provider_type"])
        return [Inspectorate(r["inspectorate_id"], r["name"], r["attribution"] or "",
                             r["licence_url"] or "", r["url"] or "",
                             tuple(frameworks[r["inspectorate_id"]]), tuple(types[r["inspectorate_id"]]))
                for r in self._rows("SELECT * FROM inspectorates ORDER BY name COLLATE NOCASE")
                if frameworks[r["inspectorate_id"]] or types[r["inspectorate_id"]]]

    def attribution(self, inspectorate_id: str | None = None) -> str:
        """The words the licences of the store's data (or one inspectorate's) ask for wherever it
        is shown or exported, e.g. Ofsted's Open Government Licence line; empty when none."""
        return " ".join(i.attribution for i in self.inspectorates() if i.attribution
                        and inspectorate_id in (None, i.inspectorate_id))

    def peer_group(self, provider_id: str) -> list[tuple[str, Provider]]:
        """A provider's published peers, closest first, each with the source that names it."""
        rows = self._rows("SELECT g.source, p.* FROM peer_groups g JOIN providers p ON "
                          "p.provider_id = g.peer_provider_id WHERE g.provider_id = ? "
                          "ORDER BY g.source, g.position", (provider_id,))
        return [(r["source"], provider_from_row(r)) for r in rows]

    def standards(self, *, framework_id: str | None = None,
                  concept: str | None = None) -> list[Standard]:
        """Standards by framework then code, of one framework or mapped to one concept (ignoring
        case); standards sharing a concept are compared across frameworks, mapped, not identical."""
        wanted = concept.casefold() if concept is not None else None
        return [s for f in self.frameworks().values() for s in f.standards
                if framework_id in (None, s.framework_id) and wanted in (None, s.concept)]

    def concepts(self) -> dict[str, list[Standard]]:
        """Every concept in the store with the standards of each framework mapped to it."""
        mapped: dict[str, list[Standard]] = {}
        for standard in self.standards():
            if standard.concept:
                mapped.setdefault(standard.concept, []).append(standard)
        return dict(sorted(mapped.items()))

    def providers(self) -> list[Provider]:
        """Every provider, by name."""
        rows = self._rows("SELECT * FROM providers ORDER BY name COLLATE NOCASE")
        return [provider_from_row(r) for r in rows]

    def provider(self, provider_id: str) -> Provider:
        rows = self._rows("SELECT * FROM providers WHERE provider_id = ?", (provider_id,))
        if not rows:
            raise UnknownProviderError(provider_id, [])
        return provider_from_row(rows[0])

    def find_provider(self, name: str) -> Provider:
        """A provider by id or by name, ignoring case, or the one provider whose name contains
        ``name``; the error names the closest matches (the containing ones when several do)."""
        rows = self._rows("SELECT * FROM providers WHERE provider_id = ? OR name = ? COLLATE NOCASE "
                          "ORDER BY provider_id = ? DESC LIMIT 1", (name, name, name))
        containing = [] if rows or not name.strip() else self._rows(
            "SELECT * FROM providers WHERE name LIKE ? ESCAPE '\\' ORDER BY name LIMIT 2",
            (f"%{_like_escaped(name.strip())}%",))
        if rows or len(containing) == 1:
            return provider_from_row((rows or containing)[0])
        import difflib  # only when no provider matched

        names = [r["name"] for r in self._rows("SELECT name FROM providers")]
        lowered = {n.casefold(): n for n in names}
        close = difflib.get_close_matches(name.casefold(), list(lowered), n=3, cutoff=0.5)
        partial = [n for n in names if name.casefold() in n.casefold()]
        suggestions = list(dict.fromkeys(partial + [lowered[c] for c in close]))[:5]
        raise UnknownProviderError(name, suggestions, ambiguous=bool(containing))

    def inspections(self, provider_id: str | None = None) -> list[Inspection]:
        """Inspections newest first (undated last), of one provider or all."""
        where, params = ("WHERE provider_id = ?", (provider_id,)) if provider_id else ("", ())
        sql = (f"SELECT {INSPECTION_COLUMNS} FROM inspections {where} "
               "ORDER BY published DESC, inspection_id DESC")
        frameworks = self.frameworks()
        return [inspection_from_row(r, frameworks) for r in self._rows(sql, params)]

    def inspection(self, inspection_id: str) -> Inspection | None:
        rows = self._rows(f"SELECT {INSPECTION_COLUMNS} FROM inspections WHERE inspection_id = ?",
                          (inspection_id,))
        return inspection_from_row(rows[0], self.frameworks()) if rows else None

    def provider_tree(self) -> list[tuple[Provider, list[Inspection]]]:
        """Every provider with its inspections newest first; grouping is the view's choice."""
        by_provider: dict[str, list[Inspection]] = defaultdict(list)
        for inspection in self.inspections():
            by_provider[inspection.provider_id].append(inspection)
        return [(p, by_provider[p.provider_id]) for p in self.providers()]

    def ratings_for(self, inspection_ids: Sequence[str]) -> dict[str, dict[str, RatingCell]]:
        """Standard ratings of the given inspections, by inspection then standard code."""
        cells: dict[str, dict[str, RatingCell]] = defaultdict(dict)
        frameworks = self.frameworks()
        for chunk in _chunks(list(inspection_ids), 500):
            marks = ",".join("?" * len(chunk))
            for r in self._rows("SELECT r.*, i.framework_id FROM ratings r JOIN inspections i "
                                f"USING (inspection_id) WHERE inspection_id IN ({marks})", chunk):
                cells[r["inspection_id"]][r["standard_code"]] = RatingCell(
                    r["standard_code"], _scale(frameworks, r["framework_id"]).parse(r["rating"]),
                    r["basis"] or "", r["source_url"] or "", r["notes"] or "")
        return cells

    def rating_matrix(self, *, provider_ids: Sequence[str] | None = None,
                      inspection_ids: Sequence[str] | None = None,
                      provider_type: str | None = None, framework_id: str | None = None,
                      round: str | None = None, year: str | None = None,
                      latest_only: bool = True) -> list[MatrixRow]:
        """Rows of the rating matrix (one per inspection, or per provider's latest), with scores."""
        where, params = _matrix_filter(provider_ids, inspection_ids, provider_type, framework_id,
                                       round, year)
        sql = (f"SELECT i.*, p.name, p.provider_type, p.region, p.owner, p.inspectorate_id, "
               "ROW_NUMBER() OVER "
               "(PARTITION BY i.provider_id ORDER BY i.published DESC, "
               "i.inspection_id DESC) AS recency FROM inspections i JOIN providers p "
               f"USING (provider_id) {where}")
        latest = "WHERE recency = 1" if latest_only else ""
        sql = f"SELECT * FROM ({sql}) {latest} ORDER BY name COLLATE NOCASE, recency"
        rows = self._rows(sql, params)
        cells = self.ratings_for([r["inspection_id"] for r in rows])
        previous = self.previous_inspections([r["inspection_id"] for r in rows])
        frameworks = self.frameworks()
        result = []
        for r in rows:
            provider, inspection = provider_from_row(r), inspection_from_row(r, frameworks)
            own = cells.get(inspection.inspection_id, {})
            framework = frameworks.get(inspection.framework_id)
            score = compute_score(framework, provider.provider_type,
                                  {c: cell.rating for c, cell in own.items()}) if framework else None
            result.append(MatrixRow(provider, inspection, own, score,
                                    previous.get(inspection.inspection_id)))
        return result

    def domains(self) -> list[tuple[str, str]]:
        """``(code, names)`` of every domain code, names joined across frameworks."""
        rows = self._rows("SELECT domain_code, group_concat(domain_name, ' / ') AS names FROM "
                          "(SELECT domain_code, domain_name, min(rowid) AS first FROM standards "
                          " GROUP BY domain_code, domain_name ORDER BY first) "
                          "GROUP BY domain_code ORDER BY domain_code")
        return [(r["domain_code"], r["names"] or "") for r in rows]

    def rating_history(self, provider_id: str) -> list[HistoryPoint]:
        """A provider's inspections oldest first, with overall and standard ratings."""
        inspections = list(reversed(self.inspections(provider_id)))
        cells = self.ratings_for([i.inspection_id for i in inspections])
        frameworks = self.frameworks()
        return [HistoryPoint(i, frameworks[i.framework_id].name if i.framework_id in frameworks
                             else i.framework_id, i.overall, cells.get(i.inspection_id, {}))
                for i in inspections]

    def national_distribution(self, by: str = "year", provider_type: str | None = None
                              ) -> list[tuple[str, dict[Rating, int]]]:
        """Counts of overall ratings per year (of publication) or per round, oldest first."""
        result: dict[str, dict[Rating, int]] = {}
        for (period, rating), ids in self.national_segments(by, provider_type).items():
            result.setdefault(period, {})[rating] = len(ids)
        return list(result.items())

    def inspections_in_period(self, by: str, period: str, rating: Rating | None = None,
                              provider_type: str | None = None) -> list[str]:
        """Ids of the inspections behind one bar segment of :meth:`national_distribution`."""
        column = _period_column(by)
        sql = ("SELECT i.inspection_id FROM inspections i JOIN providers p USING (provider_id) "
               f"WHERE {column} = ?")
        params: list[Any] = [period]
        for clause, value in (("i.overall_rating = ?", rating.value if rating else None),
                              ("p.provider_type = ?", provider_type)):
            if value is not None:
                sql += f" AND {clause}"
                params.append(value)
        return [r[0] for r in self._rows(sql + " ORDER BY i.inspection_id", params)]

    def national_segments(self, by: str = "year", provider_type: str | None = None
                          ) -> dict[tuple[str, Rating], list[str]]:
        """The inspections behind every bar segment of :meth:`national_distribution`, in one
        query: ``(period, overall rating) -> inspection ids``."""
        period = _period_column(by)
        where, params = ("AND p.provider_type = ?", (provider_type,)) if provider_type else ("", ())
        frameworks = self.frameworks()
        rows = self._rows(
            f"SELECT {period} AS period, i.overall_rating AS rating, i.inspection_id, i.framework_id "
            "FROM inspections i JOIN providers p USING (provider_id) "
            f"WHERE {period} != '' AND i.overall_rating NOT IN ('', 'Not applicable') {where} "
            "ORDER BY period, rating, i.inspection_id", params)
        segments: dict[tuple[str, Rating], list[str]] = {}
        for r in rows:
            rating = _overall_scale(frameworks, r["framework_id"]).parse(r["rating"])
            segments.setdefault((r["period"], rating), []).append(r["inspection_id"])
        return segments

    def count_inspections(self, provider_type: str | None = None) -> int:
        """Inspections in the store, of one provider type or all."""
        where, params = ("WHERE p.provider_type = ?", (provider_type,)) if provider_type else ("", ())
        return self._rows("SELECT count(*) FROM inspections i JOIN providers p USING (provider_id) "
                          f"{where}", params)[0][0]

    def count_ratings(self, provider_type: str | None = None) -> int:
        """Standard ratings in the store, of one provider type's inspections or all."""
        where, params = ("WHERE p.provider_type = ?", (provider_type,)) if provider_type else ("", ())
        return self._rows("SELECT count(*) FROM ratings r JOIN inspections i USING (inspection_id) "
                          f"JOIN providers p USING (provider_id) {where}", params)[0][0]

    def domain_trend(self, provider_type: str | None = None) -> list[tuple[str, str, str, int, int]]:
        """``(framework_id, domain_code, year, good_or_better, rated)`` for every framework's
        domain and year with ratings: a domain is its framework's, never a code alone. "Good or
        better" is the top of each framework's own scale."""
        words = sorted({r.value for f in self.frameworks().values() for r in f.scale.top}
                       | {r.value for r in FOUR_WORD.top})
        good = ",".join("?" * len(words))
        where, params = ("AND p.provider_type = ?", (provider_type,)) if provider_type else ("", ())
        params = (*words, *params)
        rows = self._rows(
            "SELECT s.framework_id, s.domain_code, substr(i.published, 1, 4) AS year, "
            f"sum(r.rating IN ({good})) AS good, count(*) AS n FROM ratings r "
            "JOIN inspections i USING (inspection_id) JOIN providers p USING (provider_id) "
            "JOIN standards s ON s.framework_id = i.framework_id AND s.standard_code = r.standard_code "
            f"WHERE i.published != '' {where} GROUP BY s.framework_id, s.domain_code, year "
            "ORDER BY s.framework_id, s.domain_code, year", params)
        return [(r["framework_id"], r["domain_code"], r["year"], r["good"], r["n"]) for r in rows]


def _framework(row: sqlite3.Row, standards: list[Standard], scales: FrameworkScales) -> Framework:
    applies_to = tuple(t.strip() for t in (row["applies_to"] or "").split(";") if t.strip())
    return Framework(row["framework_id"], row["name"], applies_to, row["in_use"] or "",
                     row["notes"] or "", scales.points, tuple(standards), scales.standards,
                     scales.overall, row["inspectorate_id"] or "")


def _scale(frameworks: Mapping[str, Framework], framework_id: str) -> Scale:
    framework = frameworks.get(framework_id)
    return framework.scale if framework else FOUR_WORD


def _overall_scale(frameworks: Mapping[str, Framework], framework_id: str) -> Scale:
    framework = frameworks.get(framework_id)
    return framework.overall_scale if framework else FOUR_WORD


def _chunks(items: list[str], size: int) -> list[list[str]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _period_column(by: str) -> str:
    """The SQL for an inspection's period: its year of publication, or its round."""
    return "substr(i.published, 1, 4)" if by == "year" else "i.round"


def _in(column: str, values: Sequence[str]) -> tuple[str, list[str]]:
    return f"{column} IN ({','.join('?' * len(values))})", list(values)


def _matrix_filter(provider_ids: Sequence[str] | None, inspection_ids: Sequence[str] | None,
                   provider_type: str | None, framework_id: str | None, round: str | None,
                   year: str | None) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    for column, ids in (("i.provider_id", provider_ids), ("i.inspection_id", inspection_ids)):
        if ids is not None:
            sql, values = _in(column, ids or [""])
            clauses.append(sql)
            params += values
    for column, value in (("p.provider_type", provider_type), ("i.framework_id", framework_id),
                          ("i.round", round), ("substr(i.published, 1, 4)", year)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def _like_escaped(text: str) -> str:
    """``text`` matched literally by LIKE … ESCAPE '\\' (``%`` and ``_`` are wildcards)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
