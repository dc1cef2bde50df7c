"""GUI figures from child processes (``gui_probe``) on Qt's offscreen platform: cold start to a
painted window (bare PySide6 window vs the app with the store open), and the interaction run."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from inspector_gui.bench.measure import figure, ratio
from inspector_gui.errors import InspectorError

TIMEOUT_S = 300


def _environment() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}


def time_to_paint(args: list[str]) -> float:
    """Milliseconds from launching the probe to its ``painted`` line."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "inspector_gui.bench.gui_probe", *args],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=_environment())
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = (time.perf_counter() - started) * 1000
    process.wait(TIMEOUT_S)
    if line.strip() != "painted":
        raise InspectorError(f"gui probe {args[0]} failed: {process.stderr.read()[-500:]}")
    return elapsed


def _probe_json(mode: str, path: Path, repeat: int) -> dict[str, Any]:
    result = subprocess.run([sys.executable, "-m", "inspector_gui.bench.gui_probe", mode,
                             str(path), str(repeat)], capture_output=True, text=True,
                            timeout=TIMEOUT_S, env=_environment())
    if result.returncode != 0:
        raise InspectorError(f"gui probe {mode} failed: {result.stderr[-500:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _exists(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def window_figures(path: Path, repeat: int) -> dict[str, Any]:
    """Cold starts (each a new process) and the interaction run, with the longest stall."""
    bare = figure([time_to_paint(["bare"]) for _ in range(repeat)])
    start = figure([time_to_paint(["start", str(path)]) for _ in range(repeat)])
    interact = _probe_json("interact", path, repeat)
    phases = [v for k, v in interact.items()
              if isinstance(v, dict) and "longest_stall_ms" in v and k != "opening_store"]
    return {"cold_start_bare_pyside6_window": bare, "cold_start_store_open_and_painted": start,
            "cold_start_vs_bare": ratio(start, bare), "interaction": interact,
            "longest_stall_ms": max(p["longest_stall_ms"] for p in phases),
            "longest_event_cpu_ms": max(p["longest_event_cpu_ms"] for p in phases),
            "peak_rss_mb": interact["peak_rss_mb"]}


def gui_figures(path: Path, repeat: int) -> dict[str, Any]:
    """Whatever of the GUI exists on this branch: the main window, PDF export, history chart.
    A probe that fails (the GUI's code moved on) is reported as such; the rest still runs."""
    parts = {"window": ("inspector_gui.ui.main_window", lambda: window_figures(path, repeat)),
             "export_provider_summary_pdf": ("inspector_gui.exchange.writers.pdf_doc",
                                             lambda: _probe_json("export", path, repeat)),
             "history_chart": ("inspector_gui.charts", lambda: _probe_json("chart", path, repeat))}
    figures: dict[str, Any] = {}
    for name, (module, measure) in parts.items():
        if not _exists(module):
            figures[name] = f"not measured: {module} is not on this branch"
            continue
        try:
            figures[name] = measure()
        except (InspectorError, subprocess.TimeoutExpired) as exc:
            figures[name] = f"failed: {exc}"
    window = figures["window"]
    if isinstance(window, dict):
        figures.update({key: window[key] for key in (
            "longest_stall_ms", "longest_event_cpu_ms", "peak_rss_mb", "cold_start_vs_bare")})
    return figures
