"""The national share beside a provider's history: at each of its inspections, how many of the
other providers of its type were rated Good or better overall under the same framework, each by
its latest inspection published by then, with n.

Why one share and not four: the chart's left axis is already the provider's own rating, and its
domain series sit beside it; one more line reads, four would not. "Good or better" is the line
inspectorates and the press draw (HMIP's and Ofsted's "good or outstanding"), and each point's
tooltip gives the whole distribution. Counted in SQL (``Store.overall_distribution_until``); two
frameworks' shares are never joined (the line breaks where the chart marks a framework change).
"""

from __future__ import annotations

from dataclasses import replace

from inspector_gui.domain.chartdata import HistoryChart, SharePoint
from inspector_gui.domain.ratings import Rating
from inspector_gui.domain.records import Provider
from inspector_gui.reports.benchmark import Distribution, rating_counts
from inspector_gui.store import Store

GOOD_OR_BETTER = (Rating.OUTSTANDING, Rating.GOOD)
NOTE = ("Dashed line, right axis: share of the other providers of the type rated Good or better "
        "overall, each by its latest inspection under the same framework published by that date "
        "(n beside each point); broken where the framework changes.")


def national_share(store: Store, provider: Provider, chart: HistoryChart) -> HistoryChart:
    """``chart`` with its :attr:`~HistoryChart.national` points and a note saying what they are."""
    frameworks = store.frameworks()
    inspections = {i.inspection_id: i for i in store.inspections(provider.provider_id)}
    points = []
    for marker in chart.overall:
        inspection = inspections.get(marker.inspection_id)
        if inspection is None or not inspection.published.known:
            continue
        words = store.overall_distribution_until(inspection.framework_id, provider.provider_type,
                                                 provider.provider_id, inspection.published.iso())
        counts = rating_counts(words)
        distribution = Distribution("National", counts, Rating.NOT_RECORDED)
        good = sum(counts.get(r, 0) for r in GOOD_OR_BETTER)
        point = SharePoint(inspection.inspection_id, marker.x, inspection.framework_id, good,
                           distribution.n, ())
        name = frameworks[inspection.framework_id].name
        share = point.share
        headline = (f"{share:.0%} Good or better, n {point.n}" if share is not None
                    else "no graded overall ratings (n 0)")
        tip = (f"National, {name}: {headline}",
               f"{good} of {distribution.n} other {provider.provider_type} providers, each by its "
               f"latest inspection published by {inspection.published.display()}",
               distribution.text())
        points.append(replace(point, tip=tip))
    caption = replace(chart.caption, notes=(*chart.caption.notes, NOTE))
    return replace(chart, caption=caption, national=tuple(points))
