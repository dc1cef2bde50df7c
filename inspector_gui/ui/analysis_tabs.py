"""The Themes tab (and the other comparison tabs of issue 16) attached to the main window through
its public surface only: ``add_panel``, ``store_changed``, ``show_inspections``."""

from __future__ import annotations

from collections.abc import Sequence

from inspector_gui.ui.main_window import MainWindow
from inspector_gui.ui.themes_panel import ThemesPanel


def attach_analysis(window: MainWindow) -> None:
    """Every tab of this module, in the order they are shown."""
    attach_themes(window)


def attach_themes(window: MainWindow) -> ThemesPanel:
    """A "Themes" tab following the store; a clicked row shows its inspections in the matrix and
    their findings matching the theme."""
    panel = ThemesPanel(window.runner, window)
    window.add_panel("Themes", panel)
    window.store_changed.connect(panel.set_store)
    panel.inspectionsRequested.connect(lambda ids, label, search: _show(window, ids, label, search))
    panel.set_store(window.current_store_path())
    return panel


def _show(window: MainWindow, ids: Sequence[str], label: str, search: str) -> None:
    window.show_inspections(ids, label)
    box = window.findings.filters.search
    box.setText(search)
    box.settle()
    window.findings_dock.raise_()
