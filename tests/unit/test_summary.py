"""The provider summary's change logic and assembly, on plain records and on the bundled store."""

from __future__ import annotations

import pytest

from inspector_gui.domain.change import Change, Movement
from inspector_gui.domain.dates import PartialDate
from inspector_gui.domain.frameworks import Framework, Standard
from inspector_gui.domain.ratings import GRADED, Rating
from inspector_gui.domain.records import (
    KINDS,
    FindingQuery,
    HistoryPoint,
    Inspection,
    Provider,
    RatingCell,
    split_urls,
)
from inspector_gui.domain.summary import summarise_inspections
from inspector_gui.reports.summary import build_summary, domain_choices, paged_findings
from inspector_gui.store import Store

OUT, G, RI, INAD = GRADED
POINTS = {OUT: 3, G: 2, RI: 1, INAD: 0}


def _framework(framework_id: str) -> Framework:
    standards = tuple(Standard(framework_id, d, f"Domain {d}", f"{d}.{n}", f"Standard {d}.{n}")
                      for d in "12" for n in "12")
    return Framework(framework_id, framework_id.upper(), ("PDU",), points=POINTS, standards=standards)


FRAMEWORKS = {"old": _framework("old"), "new": _framework("new")}
PROVIDER = Provider("p", "P PDU", "PDU")


def _point(number: int, framework: str, overall: Rating, **ratings: Rating) -> HistoryPoint:
    inspection = Inspection(f"p-{number}", "p", framework, "", PartialDate(), PartialDate(2018 + number),
                            overall, "", (f"https://example.org/{number}",))
    cells = {code.replace("_", "."): RatingCell(code.replace("_", "."), rating, "stated",
                                                f"https://example.org/{number}/{code}")
             for code, rating in ratings.items()}
    return HistoryPoint(inspection, framework, overall, cells)


def test_changes_compare_with_the_previous_inspection_by_the_one_rule() -> None:
    history = [_point(1, "old", RI, **{"1_1": RI, "1_2": G}),
               _point(2, "old", G, **{"1_1": G, "1_2": RI, "2_1": G}),
               _point(3, "new", G, **{"1_1": OUT})]
    newest, middle, oldest = summarise_inspections(PROVIDER, history, FRAMEWORKS)
    assert [s.inspection.inspection_id for s in (newest, middle, oldest)] == ["p-3", "p-2", "p-1"]
    assert (oldest.overall_change, middle.overall_change, newest.overall_change) == (
        Movement(), Movement(Change.UP), Movement(Change.SAME, mapped=True))
    assert newest.overall_change.value == "same, mapped, not identical"
    changes = {c.standard.code: (c.change, c.previous) for c in middle.cells}
    assert changes == {"1.1": (Movement(Change.UP), RI), "1.2": (Movement(Change.DOWN), G),
                       "2.1": (Movement(Change.NEWLY_RATED), Rating.NOT_RECORDED),
                       "2.2": (Movement(), Rating.NOT_RECORDED)}
    # these frameworks' standards have no concept: nothing to compare them with across frameworks
    assert newest.cell("1.1").change == Movement()  # type: ignore[union-attr]
    assert newest.cell("1.1").previous is None  # type: ignore[union-attr]


def test_a_standard_is_compared_across_frameworks_only_through_its_concept() -> None:
    def framework(framework_id: str, codes: dict[str, str]) -> Framework:
        return Framework(framework_id, framework_id, ("PDU",), points=POINTS, standards=tuple(
            Standard(framework_id, "1", "Domain 1", code, f"Standard {code}", concept=concept)
            for code, concept in codes.items()))

    frameworks = {"old": framework("old", {"1.1": "staff", "1.2": "assessment"}),
                  "new": framework("new", {"1.1": "assessment", "1.2": "staff"})}
    history = [_point(1, "old", G, **{"1_1": G, "1_2": RI}), _point(2, "new", RI, **{"1_1": G, "1_2": RI})]
    newest, _ = summarise_inspections(PROVIDER, history, frameworks)
    assert newest.overall_change == Movement(Change.DOWN, mapped=True)
    assert newest.cell("1.1").previous is RI  # type: ignore[union-attr]  # its concept's, not its code's
    assert newest.cell("1.1").change == Movement(Change.UP, mapped=True)  # type: ignore[union-attr]
    assert newest.cell("1.2").change.value == "down, mapped, not identical"  # type: ignore[union-attr]


def test_score_needs_every_standard_and_a_published_score_wins() -> None:
    full = _point(1, "old", G, **{"1_1": OUT, "1_2": G, "2_1": RI, "2_2": INAD})
    (summary,) = summarise_inspections(PROVIDER, [full], FRAMEWORKS)
    assert summary.score_text == "6 of 12"
    (partial,) = summarise_inspections(PROVIDER, [_point(1, "old", G, **{"1_1": OUT})], FRAMEWORKS)
    assert partial.score_text == "no score: 1 of 4 standards recorded"


def test_split_urls_reads_the_separated_list() -> None:
    assert split_urls("https://a.example/ ; http://b.example/x") == ("https://a.example/", "http://b.example/x")
    assert split_urls("") == ()


def test_summary_matches_the_store(store: Store) -> None:
    summary = build_summary(store, "hampshire-and-isle-of-wight-crc")
    inspections = store.inspections("hampshire-and-isle-of-wight-crc")
    assert [s.inspection for s in summary.inspections] == inspections
    ratings = store.ratings_for([i.inspection_id for i in inspections])
    for inspection in summary.inspections:
        recorded = {c.standard.code: c.cell for c in inspection.cells if c.cell}
        assert recorded == ratings.get(inspection.inspection.inspection_id, {})
    expected = store.findings(FindingQuery(provider_ids=("hampshire-and-isle-of-wight-crc",), limit=10_000))
    got = [f for group in summary.finding_groups for f in group.findings]
    assert sorted(f.finding_id for f in got) == sorted(f.finding_id for f in expected)
    assert summary.as_at.iso() == store.as_at()


def test_findings_are_grouped_by_domain_then_kind_and_filtered(store: Store) -> None:
    summary = build_summary(store, "west-yorkshire-crc", domains=[("crc-nps-2018", "2")],
                            kinds=["improvement", "strength"])
    keys = [(g.domain_code, g.kind) for g in summary.finding_groups]
    assert keys == [("2", "strength"), ("2", "improvement")]
    for group in summary.finding_groups:
        query = FindingQuery(provider_ids=("west-yorkshire-crc",), domain_codes=("2",), kinds=(group.kind,),
                             limit=10_000)
        assert [f.finding_id for f in group.findings] == [f.finding_id for f in store.findings(query)]
    assert summary.domain_filter == (("2", "Case supervision"),)
    assert summary.kind_filter == ("strength", "improvement")


def test_findings_are_read_a_page_at_a_time(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    limits: list[int] = []
    original = Store.findings

    def spy(self: Store, query: FindingQuery) -> list:
        limits.append(query.limit)
        return original(self, query)

    monkeypatch.setattr(Store, "findings", spy)
    query = FindingQuery(provider_ids=("west-yorkshire-crc",))
    found = list(paged_findings(store, query, page=5))
    assert len(found) == store.count_findings(query) > 5
    assert set(limits) == {5} and len(limits) == len(found) // 5 + 1


def test_sources_cite_every_url_once_in_order(store: Store) -> None:
    summary = build_summary(store, "west-yorkshire-crc")
    sources = summary.sources()
    assert len(sources) == len(set(sources))
    assert sources[: len(summary.inspections[0].inspection.source_urls)] == list(
        summary.inspections[0].inspection.source_urls)
    cited = {u for g in summary.finding_groups for f in g.findings for u in split_urls(f.source_url)}
    assert cited <= set(sources) and all(" ; " not in u for u in sources)


def test_domain_choices_follow_the_providers_frameworks(store: Store) -> None:
    def choices(provider_id: str) -> list[tuple[tuple[str, str], str]]:
        return domain_choices(store.provider(provider_id), store.inspections(provider_id), store.frameworks())

    assert choices("west-yorkshire-crc") == [
        (("crc-nps-2018", "1"), "Organisational delivery"), (("crc-nps-2018", "2"), "Case supervision"),
        (("crc-nps-2018", "4"), "CRC-specific work"), (("", ""), "Whole inspection (no domain)")]
    essex = choices("essex-north-pdu")
    assert [key for key, _ in essex] == [("pdu-2023", "1"), ("pdu-2021", "1"), ("pdu-2023", "2"),
                                         ("pdu-2021", "2"), ("", "")]
    assert (("pdu-2021", "2"), "Court work and case supervision (2021)") in essex


def test_every_kind_is_a_heading() -> None:
    from inspector_gui.exchange.writers.wording import KIND_HEADINGS

    assert set(KIND_HEADINGS) == set(KINDS)


def test_a_domain_of_one_framework_leaves_out_the_others_domain_of_that_code(store: Store) -> None:
    """A domain is (framework, code): Essex North's 2021 "2" is Court work and case supervision,
    its 2023 "2" Service delivery; choosing one exports that domain's findings only."""
    provider = "essex-north-pdu"
    summary = build_summary(store, provider, domains=[("pdu-2023", "2")])
    found = [f for g in summary.finding_groups for f in g.findings]
    expected = store.findings(FindingQuery(provider_ids=(provider,), domains=(("pdu-2023", "2"),),
                                           limit=10_000))
    assert found and sorted(f.finding_id for f in found) == sorted(f.finding_id for f in expected)
    assert {f.domain_name for f in found} == {"Service delivery"}
    assert len(found) < store.count_findings(FindingQuery(provider_ids=(provider,), domain_codes=("2",)))
    everything = build_summary(store, provider)
    names = [g.domain_name for g in everything.finding_groups]
    assert "Service delivery (pdu-2023)" in names and not any(" / " in n for n in names)
