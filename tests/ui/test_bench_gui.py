"""The benchmark's GUI probes run against the real window (child processes, offscreen): if the
window's surface they drive changes, this fails rather than the benchmark going quiet."""

from __future__ import annotations

from pathlib import Path

from inspector_gui.bench.gui_figures import gui_figures
from inspector_gui.store.synth import SynthSpec, build_synthetic


def test_gui_figures_measure_window_chart_and_export(tmp_path: Path) -> None:
    path = build_synthetic(tmp_path / "s.db", SynthSpec(providers=6, inspections=30, findings=900))
    figures = gui_figures(path, 1)
    window = figures["window"]
    assert isinstance(window, dict), window
    assert window["cold_start_store_open_and_painted"]["runs"] == 1
    assert 0 < window["cold_start_window_painted"]["median_ms"] \
        <= window["cold_start_store_open_and_painted"]["median_ms"]
    interaction = window["interaction"]
    for phase in ("domain_filter", "search_common_word", "search_rare_word", "search_two_words"):
        assert interaction[phase]["change_to_first_page_painted"]["median_ms"] > 0
    assert interaction["scrolling"]["rows_loaded"] > 100
    assert figures["longest_stall_ms"] >= 0 and figures["peak_rss_mb"] > 0
    assert figures["export_provider_summary_pdf"]["pdf_bytes"] > 0
    assert figures["history_chart"]["inspections"] > 0
