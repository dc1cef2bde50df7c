"""A provider's charts read from a store (its history and its standards by inspection), and the
caption every chart read from a store carries: its as-at date and where its data came from. The
GUI calls these in a worker thread, the CLI and the exporters directly."""

from __future__ import annotations

from collections.abc import Sequence

from inspector_gui.domain.chartdata import Caption, HeatmapChart, HistoryChart
from inspector_gui.domain.chartload import chart_caption, heatmap_chart, history_chart
from inspector_gui.store import Store

SOURCE_BUNDLED = ("Source: HM Inspectorate of Probation reports and press releases, "
                  "compiled in Inspector GUI's bundled data set")
SOURCE_SYNTHETIC = "SYNTHETIC test data, not real inspections"


def caption(store: Store, title: str, subtitle: str, notes: Sequence[str] = ()) -> Caption:
    """A caption with the store's as-at date, a source line naming where the data came from and,
    on a line of its own so it is never cut, the attribution its licence asks for."""
    attribution = store.attribution()
    return chart_caption(title, subtitle, store.as_at(), source_line(store),
                         [*notes, attribution] if attribution else notes)


def source_line(store: Store) -> str:
    """Where the store's data came from: the bundled data set, synthetic test data, or imports."""
    if store.meta("synthetic") == "yes":
        return SOURCE_SYNTHETIC
    inspectorates = store.inspectorates()
    if store.meta("bundled_data") and [i.inspectorate_id for i in inspectorates] == ["hmip"]:
        return SOURCE_BUNDLED
    names = " and ".join(i.name for i in inspectorates) or "HM Inspectorate of Probation"
    return f"Source: {names} publications, as imported into {store.path.name}"


def load_history(store: Store, provider_id: str, national_share: bool = False) -> HistoryChart:
    """A provider's ratings over time: overall, per standard and per domain; with
    ``national_share`` also the national share rated Good or better at each inspection."""
    provider = store.provider(provider_id)
    chart = history_chart(provider, store.rating_history(provider_id), store.frameworks(),
                          store.as_at(), source_line(store), store.attribution(provider.inspectorate_id))
    if not national_share:
        return chart
    from inspector_gui.reports.national_share import national_share as add_share

    return add_share(store, provider, chart)


def load_heatmap(store: Store, provider_id: str) -> HeatmapChart:
    """The overall rating and every standard of a provider's inspections, oldest first."""
    provider = store.provider(provider_id)
    return heatmap_chart(provider, store.rating_history(provider_id), store.frameworks(),
                         store.as_at(), source_line(store), store.attribution(provider.inspectorate_id))
