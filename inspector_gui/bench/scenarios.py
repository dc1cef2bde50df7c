"""What the benchmark asks: each filter as a store query, as the plain SQL a developer would write
for the same page, and as a Datasette request."""

from __future__ import annotations

from dataclasses import dataclass, field

from inspector_gui.domain.records import FindingQuery
from inspector_gui.store.finding_reads import COLUMNS
from inspector_gui.store.search import fts_query
from inspector_gui.store.synth_rows import vocabulary

COMMON, TWO_WORDS, RARE_RANK = "staff", "risk harm", 5000
FROM = ("FROM findings f JOIN inspections i USING (inspection_id) "
        "JOIN providers p ON p.provider_id = i.provider_id")
FTS = "f.id IN (SELECT rowid FROM findings_fts WHERE findings_fts MATCH ?)"


@dataclass(frozen=True)
class Scenario:
    """One filter: the store's query, hand-written SQL conditions, Datasette's query string."""

    name: str
    query: FindingQuery
    conditions: tuple[str, ...] = ()
    params: tuple[str, ...] = ()
    datasette: dict[str, str] = field(default_factory=dict)

    def raw_sql(self, order: str = "i.published DESC, i.inspection_id, f.id") -> str:
        """The page as one plain statement: same filter, same columns, same order."""
        where = f"WHERE {' AND '.join(self.conditions)}" if self.conditions else ""
        return f"SELECT {COLUMNS} {FROM} {where} ORDER BY {order} LIMIT 100 OFFSET {self.query.offset}"

    def raw_count_sql(self) -> str:
        where = f"WHERE {' AND '.join(self.conditions)}" if self.conditions else ""
        return f"SELECT count(*) {FROM} {where}"


def _search(name: str, text: str, domain: str | None = None) -> Scenario:
    query = FindingQuery(search=text, domain_codes=(domain,) if domain else None)
    match = fts_query(query.parsed_search) or ""
    conditions, params = (FTS,), (match,)
    datasette = {"_search": match, "_searchmode": "raw"}
    if domain:
        conditions, params = ("f.domain_code = ?", *conditions), (domain, *params)
        datasette["domain_code"] = domain
    return Scenario(name, query, conditions, params, datasette)


def scenarios() -> list[Scenario]:
    """The filters measured: none, a domain, a kind, common / rare / two-word search, both."""
    rare = vocabulary()[RARE_RANK]
    return [
        Scenario("no_filter", FindingQuery()),
        Scenario("domain", FindingQuery(domain_codes=("2",)), ("f.domain_code = ?",), ("2",),
                 {"domain_code": "2"}),
        Scenario("kind", FindingQuery(kinds=("recommendation",)), ("f.kind = ?",),
                 ("recommendation",), {"kind": "recommendation"}),
        _search("search_common_word", COMMON),
        _search(f"search_rare_word_{rare}", rare),
        _search("search_two_words", TWO_WORDS),
        _search("domain_and_common_word", COMMON, domain="2"),
        Scenario("domain_scrolled_to_row_5000", FindingQuery(domain_codes=("2",), offset=5000),
                 ("f.domain_code = ?",), ("2",)),
    ]
