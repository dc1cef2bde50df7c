"""GUI figures, measured in a child process on Qt's offscreen platform with the real widgets:
``python -m inspector_gui.bench.gui_probe MODE STORE REPEAT``.

``bare`` prints ``painted`` the moment its first paint is seen; ``start`` prints ``window`` at
the app's window's first paint (menus, docks, "Loading…") and ``painted`` once the store is open
and its first page of findings painted (the parent times the process from its launch to each
line: interpreter, imports, window, store). ``interact`` opens the store, then changes the domain
filter, types searches and scrolls while a 5 ms timer measures how late the event loop serves it
(the GUI thread's stalls), and prints JSON.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QElapsedTimer, QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from inspector_gui.bench.measure import figure, peak_rss_mb, timed

PROBE_MS = 5
TIMEOUT_S = 120.0


class PaintWatch(QObject):
    """Notes when a widget paints, and whether a page of findings arrived before that paint."""

    def __init__(self, widget: QObject) -> None:
        super().__init__(widget)
        self.painted_at: float | None = None
        self.armed = False
        widget.installEventFilter(self)

    def arm(self) -> None:
        self.painted_at, self.armed = None, True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.armed and self.painted_at is None:
            self.painted_at = time.perf_counter()
        return False


class ProbeApplication(QApplication):
    """Notes the GUI thread's own CPU time in each event it handles (outermost ``notify``): what
    the code costs, apart from time lost to other processes on a loaded machine."""

    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.depth = 0
        self.busy: list[float] = []

    def notify(self, receiver: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        self.depth += 1
        started = time.thread_time() if self.depth == 1 else 0.0
        try:
            return super().notify(receiver, event)
        finally:
            self.depth -= 1
            if self.depth == 0:
                self.busy.append((time.thread_time() - started) * 1000)


class StallProbe(QObject):
    """A 5 ms timer; how late each tick comes is how long the GUI thread was busy elsewhere (or
    not scheduled: on a loaded machine other processes take the cores)."""

    def __init__(self, app: ProbeApplication) -> None:
        super().__init__()
        self.app = app
        self.clock = QElapsedTimer()
        self.timer = QTimer(self)
        self.timer.setInterval(PROBE_MS)
        self.timer.timeout.connect(self._tick)
        self.lateness: list[float] = []

    def start(self) -> None:
        self.lateness, self.app.busy = [], []
        self.clock.start()
        self.timer.start()

    def stop(self) -> dict[str, Any]:
        self.timer.stop()
        worst = sorted(self.lateness)
        return {"longest_stall_ms": round(worst[-1], 1) if worst else 0.0,
                "p99_stall_ms": round(worst[int(len(worst) * 0.99)], 1) if worst else 0.0,
                "longest_event_cpu_ms": round(max(self.app.busy, default=0.0), 1),
                "ticks": len(worst)}

    def _tick(self) -> None:
        self.lateness.append(max(0.0, self.clock.nsecsElapsed() / 1e6 - PROBE_MS))
        self.clock.restart()


def run_until(app: QApplication, done: Callable[[], bool], timeout: float = TIMEOUT_S) -> None:
    """Run the real event loop until ``done()`` (checked every 2 ms)."""
    loop = QEventLoop()
    check = QTimer()
    check.setInterval(2)
    deadline = time.monotonic() + timeout

    def poll() -> None:
        if done() or time.monotonic() > deadline:
            loop.quit()

    check.timeout.connect(poll)
    check.start()
    loop.exec()
    check.stop()
    if not done():
        raise SystemExit(f"gui_probe: timed out after {timeout:.0f} s")


def bare() -> None:
    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    label = QLabel("Inspector", window)
    window.setCentralWidget(label)
    watch = PaintWatch(label)
    watch.arm()
    window.resize(1400, 900)
    window.show()
    run_until(app, lambda: watch.painted_at is not None)
    print("painted", flush=True)
    os._exit(0)


def open_window(path: Path, application: type[QApplication] = QApplication
                ) -> tuple[Any, Any, PaintWatch]:
    """The window the app shows (with its charts tab and export action) on ``path`` with
    throw-away settings, findings watched for paints."""
    from inspector_gui.ui.extensions import build_window
    from inspector_gui.ui.preload import preload_charts_later
    from inspector_gui.ui.settings import Settings

    app = application([sys.argv[0]])
    window = build_window(Settings(Path(tempfile.mkdtemp(prefix="bench-gui-")) / "settings.ini"))
    watch = PaintWatch(window.findings.table.viewport())
    window.findings.model.page_loaded.connect(watch.arm)
    window.resize(1400, 900)
    window.open_store(path)
    window.show()
    preload_charts_later()  # as inspector-gui does
    return app, window, watch


def start(path: Path) -> None:
    app, window, watch = open_window(path)
    shown = PaintWatch(window.statusBar())
    shown.arm()
    run_until(app, lambda: shown.painted_at is not None)
    print("window", flush=True)
    run_until(app, lambda: window.catalogue is not None and watch.painted_at is not None)
    print("painted", flush=True)
    os._exit(0)


def _settle(app: QApplication, window: Any) -> None:
    quiet: list[float] = []

    def settled() -> bool:
        if window.is_busy():
            quiet.clear()
            return False
        quiet.append(time.monotonic())
        return quiet[-1] - quiet[0] > 0.3

    run_until(app, settled)


def _change_to_paint(app: QApplication, window: Any, watch: PaintWatch,
                     change: Callable[[], None]) -> float:
    """From a filter change to the first paint of the findings table after its first page."""
    watch.armed, watch.painted_at = False, None
    started = time.perf_counter()
    change()
    run_until(app, lambda: watch.painted_at is not None)
    elapsed = (watch.painted_at - started) * 1000
    _settle(app, window)
    return elapsed


def _search(window: Any, text: str) -> Callable[[], None]:
    def change() -> None:
        window.findings.filters.search.setText(text)
        window.findings.filters.search.settle()
    return change


def interact(path: Path, repeat: int) -> None:
    from inspector_gui.bench.scenarios import COMMON, RARE_RANK, TWO_WORDS
    from inspector_gui.store.synth_rows import vocabulary

    app, window, watch = open_window(path, ProbeApplication)
    probe = StallProbe(app)
    probe.start()
    run_until(app, lambda: window.catalogue is not None)
    _settle(app, window)
    result: dict[str, Any] = {"opening_store": probe.stop()}
    filters = window.findings.filters
    changes = {"domain_filter": [lambda: filters.select_domain(2), lambda: filters.select_domain(0)],
               "search_common_word": [_search(window, COMMON), _search(window, "")],
               "search_rare_word": [_search(window, vocabulary()[RARE_RANK]), _search(window, "")],
               "search_two_words": [_search(window, TWO_WORDS[0]), _search(window, "")]}
    for name, (forth, back) in changes.items():
        probe.start()
        samples = []
        for _ in range(repeat):
            samples.append(_change_to_paint(app, window, watch, forth))
            _change_to_paint(app, window, watch, back)
        result[name] = {"change_to_first_page_painted": figure(samples), **probe.stop()}
    result["scrolling"] = _scroll(app, window, probe, repeat * 6)
    result["tree_selections"] = _phase(app, window, probe, _tree_selections(window), repeat)
    result["matrix_sorting"] = _phase(app, window, probe, _matrix_sorts(window), repeat)
    _tree_selections(window)[0]()  # a provider, so the Charts tab draws its history
    _settle(app, window)
    result["first_charts_tab"] = _phase(app, window, probe, [_charts_tab(window)], 1)
    result["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(result), flush=True)
    os._exit(0)


def _scroll(app: QApplication, window: Any, probe: StallProbe, pages: int) -> dict[str, Any]:
    """Scroll to the bottom again and again: each time the view fetches the next page."""
    table, model = window.findings.table, window.findings.model
    probe.start()
    for _ in range(pages):
        rows = model.rowCount()
        table.scrollToBottom()
        run_until(app, lambda rows=rows: model.rowCount() > rows or not model.canFetchMore())
        _settle(app, window)
    return {"rows_loaded": model.rowCount(), **probe.stop()}


def _phase(app: QApplication, window: Any, probe: StallProbe, steps: list[Callable[[], None]],
           repeat: int) -> dict[str, Any]:
    """Each step in turn, ``repeat`` times, the window settling after each: the stalls seen."""
    probe.start()
    for _ in range(repeat):
        for step in steps:
            step()
            _settle(app, window)
    return probe.stop()


def _tree_selections(window: Any) -> list[Callable[[], None]]:
    """A provider, its group, then All providers, selected in the provider tree."""
    tree, model = window.providers.tree, window.providers.model
    group = next(model.index(r, 0) for r in range(model.rowCount()) if model.rowCount(model.index(r, 0)))
    provider = model.index(0, 0, group)
    return [lambda index=index: tree.setCurrentIndex(index)
            for index in (provider, group, model.index(0, 0))]


def _matrix_sorts(window: Any) -> list[Callable[[], None]]:
    """The rating matrix sorted by its first three columns, each way."""
    table = window.matrix.table
    return [lambda column=column, order=order: table.sortByColumn(column, order)
            for column in range(min(3, table.model().columnCount()))
            for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder)]


def _charts_tab(window: Any) -> Callable[[], None]:
    """The Charts tab shown for the first time (its first chart drawn)."""
    tabs = window.tabs
    index = next(i for i in range(tabs.count()) if tabs.tabText(i) == "Charts")
    return lambda: tabs.setCurrentIndex(index)


def _busiest_provider(store: Any) -> str:
    """The provider with the most findings: the largest summary and history to draw."""
    return store.conn.execute(
        "SELECT i.provider_id FROM findings f JOIN inspections i USING (inspection_id) "
        "GROUP BY i.provider_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]


def export_pdf(path: Path, repeat: int) -> None:
    """A provider summary built, its history chart drawn, and the PDF written, as the export
    dialog and ``inspector export`` do."""
    from inspector_gui.charts.render import render_history_png
    from inspector_gui.exchange.writers import write_summary
    from inspector_gui.reports.summary import build_summary
    from inspector_gui.store import Store

    QApplication([sys.argv[0]])
    target = Path(tempfile.mkdtemp(prefix="bench-pdf-")) / "summary.pdf"
    with Store.open(path, check=False) as store:
        provider = _busiest_provider(store)
        summary = build_summary(store, provider)
        chart = render_history_png(summary)
        result = {"provider_findings": summary.finding_count,
                  "build_summary": timed(lambda: build_summary(store, provider), repeat),
                  "history_chart_png": timed(lambda: render_history_png(summary), repeat),
                  "write_pdf": timed(lambda: write_summary(summary, "pdf", target, force=True,
                                                           chart_png=chart), repeat)}
    result["pdf_bytes"] = target.stat().st_size
    print(json.dumps(result), flush=True)
    os._exit(0)


def history_chart(path: Path, repeat: int) -> None:
    """A provider's history chart: its data from the store, then the pyqtgraph figure built,
    shown and drawn (offscreen), as the charts panel shows it."""
    from inspector_gui.charts.render import LIGHT, build_figure, dispose
    from inspector_gui.reports.provider_charts import load_history
    from inspector_gui.store import Store

    app = QApplication([sys.argv[0]])

    def draw(chart: Any) -> None:
        figure = build_figure(chart, LIGHT)
        figure.resize(900, 480)
        figure.show()
        app.processEvents()
        figure.grab()
        dispose(figure)

    with Store.open(path, check=False) as store:
        provider = _busiest_provider(store)
        chart = load_history(store, provider)
        result = {"inspections": len(store.inspections(provider)),
                  "load_history": timed(lambda: load_history(store, provider), repeat),
                  "draw_figure": timed(lambda: draw(chart), repeat)}
    print(json.dumps(result), flush=True)
    os._exit(0)


MODES: dict[str, Callable[[Path, int], None]] = {
    "interact": lambda path, repeat: interact(path, repeat), "export": export_pdf,
    "chart": history_chart,
}


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    elif sys.argv[1] == "start":
        start(Path(sys.argv[2]))
    else:
        MODES[sys.argv[1]](Path(sys.argv[2]), int(sys.argv[3]))
