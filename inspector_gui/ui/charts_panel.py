"""The charts panel: provider history, standards heat strip, national picture and domain trend in
tabs, following the store and provider the window gives it.

Chart data is read through the window's :class:`QueryRunner` (a worker thread with its own store
connection); a result that arrives after the store, provider or options changed is dropped.
pyqtgraph is imported when a chart is first drawn, the chart loaders when one is first loaded and
the file writers when one is saved, not when this module is imported (the window starts 9 ms
sooner). Clicking a national bar segment emits ``inspectionsRequested(ids, label)`` for the
window to filter the matrix and findings.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspector_gui.domain.records import PROVIDER_TYPES
from inspector_gui.errors import InspectorError
from inspector_gui.ui.chart_page import ChartPage
from inspector_gui.ui.dialogs.errors import error_box
from inspector_gui.ui.shortcuts import keys_for
from inspector_gui.ui.workers import QueryRunner

if TYPE_CHECKING:
    from inspector_gui.store import Store

TABS = ("history", "heatmap", "national", "trend")
TITLES = ("Histor&y", "&Standards", "&National picture", "Domain &trend")
PROVIDER_TABS = ("history", "heatmap")
SERIES_CHOICES = (("By domain", "domain"), ("By standard", "standard"), ("Overall only", "overall"))
TYPE_CHOICES = (("All provider types", ""), *((t, t) for t in PROVIDER_TYPES))
Loader = Callable[["Store"], Any]


class ChartsPanel(QWidget):
    """Tabs of charts. ``set_store(path)``, ``set_provider(id | None)``; emits
    ``inspectionsRequested(list[str], str)``; ``save_action`` saves the current chart."""

    inspectionsRequested = Signal(list, str)

    def __init__(self, runner: QueryRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._runner.idle.connect(self._loads_ended)
        self._store_path: Path | None = None
        self._provider: str | None = None
        self._data: dict[str, Any] = {}
        self._loading: set[str] = set()
        self._shown = False
        self._save_dir = ""
        self._build()

    def _build(self) -> None:
        self.series = _combo(SERIES_CHOICES, "Series drawn beside the overall rating")
        self.by = _combo((("By year", "year"), ("By round", "round")), "Group inspections by")
        self.percent = _combo((("Counts", ""), ("Percentages", "yes")), "Show counts or percentages")
        self.national_type = _combo(TYPE_CHOICES, "Only inspections of this provider type")
        self.trend_type = _combo(TYPE_CHOICES, "Only ratings of this provider type")
        self.national_share = QCheckBox("Nat&ional share")
        self.national_share.setToolTip("Add the share of the provider's type rated Good or better "
                                       "nationally at each inspection (same framework, with n)")
        controls = {"history": [self.series, self.national_share], "heatmap": [],
                    "national": [self.by, self.percent, self.national_type],
                    "trend": [self.trend_type]}
        self.pages = {tab: ChartPage(controls[tab]) for tab in TABS}
        self.tabs = QTabWidget()
        for tab, title in zip(TABS, TITLES, strict=True):
            self.tabs.addTab(self.pages[tab], title)
        self.save_action = self._save_action()
        save = QToolButton()
        save.setDefaultAction(self.save_action)
        self.tabs.setCornerWidget(save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._connect()

    def _save_action(self) -> QAction:
        """The "save_chart" shortcut, for the whole window but enabled only while the panel shows a
        chart, so it works wherever the focus is (a tab, the findings) once the Charts tab is up;
        the window puts it in the File menu, where it is greyed otherwise."""
        keys = keys_for("save_chart")
        action = QAction("&Save chart…", self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(f"Save the chart shown as a PNG or SVG image ({keys})")
        action.setEnabled(False)
        action.triggered.connect(self._ask_save)
        self.addAction(action)
        return action

    def _update_save(self) -> None:
        self.save_action.setEnabled(self.isVisible() and self.current_figure() is not None)

    def _connect(self) -> None:
        self.tabs.currentChanged.connect(lambda _: self._refresh())
        self.series.currentIndexChanged.connect(lambda _: self._redraw("history"))
        self.national_share.toggled.connect(lambda _: self._reload("history"))
        self.percent.currentIndexChanged.connect(lambda _: self._redraw("national"))
        for combo, tab in ((self.by, "national"), (self.national_type, "national"),
                           (self.trend_type, "trend")):
            combo.currentIndexChanged.connect(lambda _, tab=tab: self._reload(tab))

    # The window's API -------------------------------------------------------------------------

    def set_store(self, path: str | Path | None) -> None:
        """Show charts of this store (or none); everything is reloaded."""
        self._store_path = Path(path) if path else None
        for tab in TABS:
            self._forget(tab)
        self._refresh()

    def set_provider(self, provider_id: str | None) -> None:
        """Follow the selected provider in the history and standards tabs."""
        if provider_id == self._provider:
            return
        self._provider = provider_id
        for tab in PROVIDER_TABS:
            self._forget(tab)
        self._refresh()

    def current_tab(self) -> str:
        return TABS[self.tabs.currentIndex()]

    def current_figure(self) -> Any:
        """The figure of the current tab, or None while loading or when there is nothing to show."""
        return self.pages[self.current_tab()].figure

    def save_state(self) -> dict[str, str]:
        """The choices worth remembering between sessions (the window stores them in settings)."""
        combos = self._state_combos()
        return {"tab": self.current_tab(), "save_dir": self._save_dir,
                "national_share": "yes" if self.national_share.isChecked() else "",
                **{key: combo.currentData() for key, combo in combos.items()}}

    def restore_state(self, state: Mapping[str, object]) -> None:
        """Choices from :meth:`save_state`; a value that is not offered (any more) is ignored."""
        for key, combo in self._state_combos().items():
            index = combo.findData(state.get(key))
            if index >= 0:
                combo.setCurrentIndex(index)
        self.national_share.setChecked(state.get("national_share") == "yes")
        tab, save_dir = state.get("tab"), state.get("save_dir")
        if tab in TABS:
            self.tabs.setCurrentIndex(TABS.index(tab))
        self._save_dir = save_dir if isinstance(save_dir, str) else ""

    def _state_combos(self) -> dict[str, QComboBox]:
        return {"series": self.series, "by": self.by, "percent": self.percent,
                "national_type": self.national_type, "trend_type": self.trend_type}

    # Loading and drawing ----------------------------------------------------------------------

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            self._refresh()
        self._update_save()

    def hideEvent(self, event: QEvent) -> None:
        super().hideEvent(event)
        self.save_action.setEnabled(False)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            for tab in TABS:
                self._redraw(tab)

    def _forget(self, tab: str) -> None:
        self._data.pop(tab, None)
        self._loading.discard(tab)
        self._runner.cancel(_key(tab))
        self.pages[tab].clear()
        self._update_save()

    def _reload(self, tab: str) -> None:
        self._forget(tab)
        self._refresh()

    def _refresh(self) -> None:
        """Load or draw the current tab if it is not up to date; nothing until first shown."""
        tab = self.current_tab()
        self._update_save()
        if not self._shown:
            return
        if tab in self._data:
            self._draw(tab)
            return
        if tab in self._loading:
            return
        problem = self._why_empty(tab)
        if problem:
            self.pages[tab].show_message(problem)
            return
        self._loading.add(tab)
        self.pages[tab].show_message("Loading…")
        self._runner.query(_key(tab), self._store_path, self._loader(tab),
                           lambda data: self._loaded(tab, data),
                           lambda error: self._failed(tab, str(error)), owner=self)

    def _why_empty(self, tab: str) -> str:
        if self._store_path is None:
            return "No store is open."
        if tab in PROVIDER_TABS and not self._provider:
            return "Select a provider in the tree, or a row of the rating matrix, to see its ratings."
        return ""

    def _loader(self, tab: str) -> Loader:
        """The load for a tab with today's choices bound as values (the worker reads no widget)."""
        from inspector_gui.reports import national_charts, provider_charts

        provider, by, share = self._provider, self.by.currentData(), self.national_share.isChecked()
        national_type, trend_type = self.national_type.currentData(), self.trend_type.currentData()
        loaders: dict[str, Loader] = {
            "history": lambda store: provider_charts.load_history(store, provider, share),
            "heatmap": lambda store: provider_charts.load_heatmap(store, provider),
            "national": lambda store: national_charts.load_national(store, by, national_type or None),
            "trend": lambda store: national_charts.load_trend(store, trend_type or None),
        }
        return loaders[tab]

    def _loaded(self, tab: str, data: object) -> None:
        self._loading.discard(tab)
        self._data[tab] = data
        if tab == self.current_tab():
            self._draw(tab)

    def _failed(self, tab: str, message: str) -> None:
        self._loading.discard(tab)
        self.pages[tab].show_message(message)
        self._update_save()

    def _loads_ended(self) -> None:
        """Every query has been delivered, so a tab still loading hit a bug (which the runner
        reported); it must not say "Loading…" for ever."""
        for tab in self._loading:
            self.pages[tab].show_message("The chart could not be loaded; the problem was reported.")
        self._loading.clear()

    def _redraw(self, tab: str) -> None:
        if tab in self._data:
            self.pages[tab].clear()
            if tab == self.current_tab():
                self._draw(tab)

    def _draw(self, tab: str) -> None:
        from inspector_gui.charts.figure import theme_for
        from inspector_gui.charts.render import build_figure

        if self.pages[tab].figure is not None:
            return
        figure = build_figure(self._data[tab], theme_for(self.palette()), **self._options(tab))
        if tab == "national":
            figure.segmentClicked.connect(self._segment_clicked)
        self.pages[tab].show_figure(figure)
        self._update_save()

    def _options(self, tab: str) -> dict[str, object]:
        if tab == "history":
            return {"mode": self.series.currentData()}
        if tab == "national":
            return {"percent": bool(self.percent.currentData())}
        return {}

    def _segment_clicked(self, segment: Any) -> None:
        chart = self._data["national"]
        self.inspectionsRequested.emit(list(segment.inspection_ids), chart.describe(segment))

    # Saving -------------------------------------------------------------------------------------

    def save_chart(self, path: str | Path, width: int | None = None, height: int | None = None) -> None:
        """Write the current chart (light theme) as PNG or SVG, chosen by the file's suffix, at the
        size shown unless another is given, replacing the file (the save dialog asked). Raises
        InspectorError when there is nothing to save or the file cannot be written."""
        from inspector_gui.charts.render import FORMATS, render
        from inspector_gui.exchange.atomic import write_atomic

        path = Path(path)
        tab = self.current_tab()
        fmt = path.suffix.lower().lstrip(".")
        if tab not in self._data:
            raise InspectorError("there is no chart to save yet")
        if fmt not in FORMATS:
            raise InspectorError("the file name must end in .png or .svg", path)
        shown = self.pages[tab].figure
        size = shown.size() if shown is not None and shown.isVisible() else None
        width = width or (size.width() if size else 1200)
        height = height or (size.height() if size else 700)
        write_atomic(path, render(self._data[tab], fmt, width, height, **self._options(tab)), force=True)

    def _ask_save(self) -> None:
        if self.current_tab() not in self._data:
            return
        start = str(Path(self._save_dir or Path.home()) / self._suggested_name())
        path, chosen = QFileDialog.getSaveFileName(self, "Save chart", start,
                                                   "PNG image (*.png);;SVG image (*.svg)")
        if not path:
            return
        if Path(path).suffix.lower() not in (".png", ".svg"):
            path += ".svg" if chosen.startswith("SVG") else ".png"
        self._save_dir = str(Path(path).parent)
        try:
            self.save_chart(path)
        except (InspectorError, OSError) as exc:
            reason = str(exc) if isinstance(exc, InspectorError) else f"{path}: {exc.strerror or exc}"
            error_box(self, "Chart not saved", reason)

    def _suggested_name(self) -> str:
        from inspector_gui.exchange.filenames import file_slug

        tab = self.current_tab()
        if tab in PROVIDER_TABS:
            return f"{file_slug(self._provider or '')}-{tab}.png"
        if tab == "national":
            return f"national-by-{self.by.currentData()}.png"
        return "domain-trend.png"


def _key(tab: str) -> str:
    """The runner key of a tab's query: a newer load of the tab makes an older one stale."""
    return f"charts/{tab}"


def _combo(choices: tuple[tuple[str, str], ...], tip: str) -> QComboBox:
    combo = QComboBox()
    for label, value in choices:
        combo.addItem(label, value)
    combo.setToolTip(tip)
    return combo
