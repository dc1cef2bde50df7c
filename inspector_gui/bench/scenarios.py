"""What the benchmark asks: each filter as a store query, as the plain SQL a competent engineer
would write for the same page, and as Datasette requests.

Plain SQL for a page, in named parameters (Datasette's SQL API takes them too):

* *newest first, one statement*: inspections walked newest first (``CROSS JOIN``), each one's
  findings by the ``(inspection_id, id)`` index, filters and the search kept off their own
  indexes (``+``) so SQLite stops at the page's end; the search's matches are read once into a
  temporary index (``IN (SELECT rowid … MATCH)``).
* *naive*: the same filter joined and sorted as it comes to mind; every match is sorted. Kept as
  a labelled reference only, never the baseline of a target.
* *id order*: the cheapest page there is (what Datasette's table shows), not the same page.

The app's own algorithm in plain SQL is :mod:`inspector_gui.bench.replay`.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from inspector_gui.domain.records import FindingQuery
from inspector_gui.store.finding_reads import COLUMNS, ORDER
from inspector_gui.store.search import fts_query
from inspector_gui.store.synth_rows import vocabulary

COMMON, RARE_RANK = "staff", 5000
MID_WORD = "understaffed"  # about 2,400 matches in the million-finding store
TWO_WORDS = ("risk harm", "domestic abuse")  # about 11,000 and 2,600
FTS = "f.id IN (SELECT rowid FROM findings_fts WHERE findings_fts MATCH :match)"
JOINED = ("FROM findings f JOIN inspections i USING (inspection_id) "
          "JOIN providers p ON p.provider_id = i.provider_id")
WALKED = ("FROM inspections i CROSS JOIN findings f ON f.inspection_id = i.inspection_id "
          "JOIN providers p ON p.provider_id = i.provider_id")


@dataclass(frozen=True)
class Scenario:
    """One filter: the store's query, its SQL conditions (on ``f`` and ``i``, named
    parameters) and Datasette's table filter (None where the table API cannot say it)."""

    name: str
    query: FindingQuery
    conditions: tuple[str, ...] = ()
    params: dict[str, str] = field(default_factory=dict)
    datasette: dict[str, str] | None = field(default_factory=dict)

    def _where(self, walked: bool) -> str:
        """Conditions; in the walk, finding filters kept off their indexes with ``+``."""
        parts = [c if c.startswith("i.") or not walked else "+" + c for c in self.conditions]
        return f"WHERE {' AND '.join(parts)}" if parts else ""

    def _tail(self) -> str:
        return f"LIMIT 100 OFFSET {self.query.offset}"

    def newest_first_sql(self) -> str:
        """The page as one competent statement that walks inspections newest first."""
        return f"SELECT {COLUMNS} {WALKED} {self._where(True)} {ORDER} {self._tail()}"

    def naive_sql(self) -> str:
        """The page as a naive statement: every match joined and sorted (reference only)."""
        return f"SELECT {COLUMNS} {JOINED} {self._where(False)} {ORDER} {self._tail()}"

    def id_order_sql(self) -> str:
        """The same filter's first rows in id order: the cheapest page, not the same page."""
        return f"SELECT {COLUMNS} {JOINED} {self._where(False)} ORDER BY f.id {self._tail()}"

    def count_sql(self) -> str:
        """The plainest correct count: the search alone in the FTS index; otherwise findings
        alone, joined to inspections only for a provider."""
        if self.conditions == (FTS,):
            return "SELECT count(*) FROM findings_fts WHERE findings_fts MATCH :match"
        join = "JOIN inspections i USING (inspection_id)" if "provider" in self.params else ""
        return f"SELECT count(*) FROM findings f {join} {self._where(False)}"


def _search(name: str, text: str, domain: str | None = None) -> Scenario:
    query = FindingQuery(search=text, domain_codes=(domain,) if domain else None)
    conditions: tuple[str, ...] = (FTS,)
    params = {"match": fts_query(query.parsed_search) or ""}
    datasette = {"_search": params["match"], "_searchmode": "raw"}
    if domain:
        conditions = ("f.domain_code = :domain", *conditions)
        params["domain"] = datasette["domain_code"] = domain
    return Scenario(name, query, conditions, params, datasette)


def busiest_provider(conn: sqlite3.Connection) -> str:
    """The provider with the most inspections (first by id among equals)."""
    row = conn.execute("SELECT provider_id FROM inspections GROUP BY provider_id "
                       "ORDER BY count(*) DESC, provider_id LIMIT 1").fetchone()
    return row[0] if row else ""


def scenarios(provider: str = "") -> list[Scenario]:
    """The filters measured: none, a domain, a kind, a provider; common, mid-frequency, rare and
    two two-word searches; a domain with a common word; a domain scrolled to row 5,000."""
    rare = vocabulary()[RARE_RANK]
    domain = ("f.domain_code = :domain",)
    found = [
        Scenario("no_filter", FindingQuery()),
        Scenario("domain", FindingQuery(domain_codes=("2",)), domain, {"domain": "2"},
                 {"domain_code": "2"}),
        Scenario("kind", FindingQuery(kinds=("recommendation",)), ("f.kind = :kind",),
                 {"kind": "recommendation"}, {"kind": "recommendation"}),
        _search("search_common_word", COMMON),
        _search(f"search_mid_word_{MID_WORD}", MID_WORD),
        _search(f"search_rare_word_{rare}", rare),
        *(_search(f"search_two_words_{text.replace(' ', '_')}", text) for text in TWO_WORDS),
        _search("domain_and_common_word", COMMON, domain="2"),
        Scenario("domain_scrolled_to_row_5000", FindingQuery(domain_codes=("2",), offset=5000),
                 domain, {"domain": "2"}, None),
    ]
    if provider:
        found.insert(3, Scenario("provider", FindingQuery(provider_ids=(provider,)),
                                 ("i.provider_id = :provider",), {"provider": provider}, None))
    return found
