"""Chart data built from the bundled store equals what the store says, provider by provider."""

from __future__ import annotations

import pytest

from inspector_gui.domain.chartdata import NOT_GRADED_LEVEL
from inspector_gui.domain.chartload import framework_span, framework_starts, join_names
from inspector_gui.domain.frameworks import Framework
from inspector_gui.domain.ratings import Rating
from inspector_gui.reports.national_charts import load_national, load_trend
from inspector_gui.reports.provider_charts import (
    SOURCE_BUNDLED,
    SOURCE_SYNTHETIC,
    caption,
    load_heatmap,
    load_history,
)
from inspector_gui.store import Store

LEICESTER = "leicester-leicestershire-and-rutland-pdu"


def _recorded(store: Store, provider_id: str) -> set[tuple[str, str, Rating]]:
    return {(p.inspection.inspection_id, code, cell.rating)
            for p in store.rating_history(provider_id) for code, cell in p.cells.items()
            if cell.rating.is_graded}


def test_history_markers_equal_the_store_for_every_provider(store):
    for provider in store.providers():
        chart = load_history(store, provider.provider_id)
        points = {p.inspection.inspection_id: p for p in store.rating_history(provider.provider_id)}
        assert {m.inspection_id for m in chart.overall} == set(points)
        for m in chart.overall:
            inspection = points[m.inspection_id].inspection
            assert m.rating is inspection.overall
            assert m.dated == inspection.published.known
            if m.dated:
                assert m.x == inspection.published.decimal_year()
            else:
                assert m.span[0] <= m.x <= m.span[1]
        assert [m.x for m in chart.overall] == sorted(m.x for m in chart.overall)
        shown = {(m.inspection_id, s.label.split()[0], m.rating) for s in chart.standards for m in s.markers}
        assert shown == _recorded(store, provider.provider_id)
        assert sorted(m.inspection_id for g in chart.domains for s in g.members for m in s.markers) == sorted(
            m.inspection_id for s in chart.standards for m in s.markers)


def test_undated_inspection_sits_in_its_framework_years_and_says_so(store):
    chart = load_history(store, LEICESTER)
    undated, dated = chart.overall
    assert not undated.dated and undated.span == (2021.0, 2024.0) and undated.x == 2022.5
    assert "Publication date unknown (framework in use 2021–2023)" in undated.tip
    assert dated.dated and "Published 30 May 2025" in dated.tip
    assert chart.step() == ([dated.x], [0.0])
    assert any("Hollow markers" in note for note in chart.caption.notes)


def test_framework_change_is_flagged_between_inspections(store):
    chart = load_history(store, LEICESTER)
    assert [(c.x, c.label) for c in chart.changes] == [(2023.0, "PDU standards from October 2023")]
    assert load_history(store, "west-yorkshire-crc").changes == ()


def test_not_rated_inspection_keeps_its_state(store):
    chart = load_history(store, "hampshire-and-isle-of-wight-crc")
    assert [m.rating for m in chart.overall] == [Rating.GOOD, Rating.NOT_RATED]
    assert chart.overall[1].level == NOT_GRADED_LEVEL
    basis = [line for s in chart.standards for m in s.markers for line in m.tip if line.startswith("Basis")]
    assert "Basis: news report" in basis and "Basis: stated" in basis


def test_heatmap_grid_matches_the_store_with_not_recorded_and_not_applicable(store):
    for provider_id in ("hampshire-and-isle-of-wight-crc", "essex-north-pdu", LEICESTER):
        chart = load_heatmap(store, provider_id)
        assert len(chart.cells) == len(chart.rows) * len(chart.columns)
        history = {p.inspection.inspection_id: p for p in store.rating_history(provider_id)}
        for cell in chart.cells:
            point = history[chart.columns[cell.column].inspection_id]
            if cell.row == 0:
                assert cell.rating is point.overall
                continue
            code = chart.rows[cell.row].label.split()[0]
            recorded = point.cells.get(code)
            if not cell.applicable:
                assert cell.rating is Rating.NOT_RECORDED and cell.text == "n/a"
            elif recorded is None:
                assert cell.rating is Rating.NOT_RECORDED and cell.text == "–"
            else:
                assert (cell.rating, cell.stated) == (recorded.rating, recorded.stated)


def test_heatmap_rows_follow_the_first_framework_then_the_later_one(store):
    chart = load_heatmap(store, "essex-north-pdu")
    labels = [r.label for r in chart.rows]
    assert labels[0] == "Overall"
    assert labels.index("2.5 Reviewing (2021)") < labels.index("1.2 Staffing (pdu-2023)")
    essex = {c.column: c for c in chart.cells if chart.rows[c.row].label == "1.2 Staffing (pdu-2023)"}
    assert not essex[0].applicable and essex[1].applicable


@pytest.mark.parametrize(("by", "provider_type"), [("year", None), ("round", None), ("year", "PDU"),
                                                   ("round", "CRC"), ("year", "national")])
def test_national_segments_equal_the_store(store, by, provider_type):
    chart = load_national(store, by, provider_type)
    expected = store.national_distribution(by, provider_type)
    found: dict[str, dict[Rating, int]] = {}
    for segment in chart.segments:
        found.setdefault(segment.period, {})[segment.rating] = segment.count
        assert chart.periods[segment.index] == segment.period
        assert list(segment.inspection_ids) == store.inspections_in_period(
            by, segment.period, segment.rating, provider_type)
        assert segment.total == sum(dict(expected)[segment.period].values())
    assert found == dict(expected)


def test_national_by_year_shows_every_year_and_counts_what_it_leaves_out(store):
    chart = load_national(store)
    assert chart.periods == tuple(str(y) for y in range(2018, 2026))
    shown = sum(s.count for s in chart.segments)
    assert chart.caption.notes[-1] == (
        f"{len(store.inspections()) - shown} inspections with no publication year or no overall "
        "rating are not shown.")
    assert [c.x for c in chart.changes] == [2.5, 4.5, 6.5]
    assert chart.changes[1].label == "2023: PDU / Regional standards from October 2023"
    assert chart.caption.notes[0].startswith("Dashed lines: new frameworks from 2021: PDU standards")
    assert load_national(store, "round").changes == ()


def _pooled(store, provider_type=None):
    """The store's domain trend pooled by domain name, as the chart's panels are."""
    names = {(f.framework_id, code): name for f in store.frameworks().values() for code, name in f.domains()}
    pooled: dict = {}
    for framework_id, code, year, good, rated in store.domain_trend(provider_type):
        total = pooled.setdefault((names[(framework_id, code)], year), [0, 0])
        total[0] += good
        total[1] += rated
    return {(name, year, good, rated) for (name, year), (good, rated) in pooled.items()}


def test_trend_panels_are_domains_of_one_name_with_the_stores_counts(store):
    """A panel never pools two frameworks' domains by code: Case supervision (2018) is apart
    from 2021's Court work and case supervision, though both are domain 2."""
    chart = load_trend(store)
    found = {(s.code, str(p.year), p.good, p.rated) for s in chart.series for p in s.points}
    assert found == _pooled(store)
    labels = [s.label for s in chart.series]
    assert "Case supervision (2018)" in labels and "Court work and case supervision (2021)" in labels
    pooled = next(s for s in chart.series if s.code == "Organisational delivery")
    assert pooled.label == "Organisational delivery (2021, 2018)" and len(pooled.names) == 2
    assert any("mapped across frameworks, not identical" in n for n in chart.caption.notes)
    shown = sum(p.rated for s in chart.series for p in s.points)
    assert f"{store.counts()['ratings'] - shown} standard ratings from undated inspections are not shown." \
        in chart.caption.notes
    crc = load_trend(store, "CRC")
    assert {(s.code, str(p.year), p.good, p.rated) for s in crc.series for p in s.points} == \
        _pooled(store, "CRC")


def test_caption_names_the_data_and_its_date(store_path):
    with Store.open(store_path, readonly=False) as store:
        assert caption(store, "T", "S").as_at == "12 June 2025"
        assert caption(store, "T", "S").source == (
            f"Source: HM Inspectorate of Probation publications, as imported into {store_path.name}")
        store.set_meta("bundled_data", "digest")
        assert caption(store, "T", "S").source == SOURCE_BUNDLED
        store.set_meta("synthetic", "yes")
        assert caption(store, "T", "S").source == SOURCE_SYNTHETIC


def test_framework_span_reads_in_use_years():
    def framework(in_use: str) -> Framework:
        return Framework("f", "F", in_use=in_use)
    assert framework_span(framework("2021-2023"), None) == (2021.0, 2024.0)
    assert framework_span(framework("2023-"), 2025.5) == (2023.0, 2025.5)
    assert framework_span(framework("2025"), 2025.4) == (2025.0, 2025.4)
    assert framework_span(framework(""), 2025.0) is None
    assert framework_span(None, 2025.0) is None


def test_framework_starts_filter_by_type(store):
    starts = framework_starts(store.frameworks())
    assert list(starts) == [2018, 2021, 2023, 2025]
    assert list(framework_starts(store.frameworks(), "CRC")) == [2018]


def test_join_names_shares_common_endings():
    assert join_names(["PDU standards from October 2023", "Regional standards from October 2023"]) == \
        "PDU / Regional standards from October 2023"
    assert join_names(["A", "B"]) == "A / B"
    assert join_names(["Same", "Same"]) == "Same"
    assert join_names([]) == ""


def test_two_frameworks_standards_of_one_code_and_name_stay_two_rows_and_series(store):
    """A standard is (framework, code): Leicester's 2021 and 2023 "1.1 Leadership" are different
    standards, so the heat strip and the history chart keep them apart, each under its year."""
    heat = load_heatmap(store, LEICESTER)
    frameworks = [p.inspection.framework_id
                  for p in store.rating_history(LEICESTER)]
    assert set(frameworks) == {"pdu-2021", "pdu-2023"}
    labels = [r.label for r in heat.rows]
    assert "1.1 Leadership (2021)" in labels and "1.1 Leadership (pdu-2023)" in labels
    assert "1.1 Leadership" not in labels
    for label in ("1.1 Leadership (2021)", "1.1 Leadership (pdu-2023)"):
        row = labels.index(label)
        applicable = [c.column for c in heat.cells if c.row == row and c.applicable]
        assert len(applicable) == 1, label
        assert heat.columns[applicable[0]].framework.startswith(
            "PDU standards 2021" if "2021" in label else "PDU standards from")
    history = load_history(store, LEICESTER)
    series = [s.label for s in history.standards]
    assert len(series) == len(set(series)) and not any(s == "1.1 Leadership" for s in series)
    groups = [g.label for g in history.domains]
    assert all(g.endswith(("(2021)", "(pdu-2023)")) for g in groups)
