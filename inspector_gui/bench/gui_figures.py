"""GUI figures from child processes (``gui_probe``) on Qt's offscreen platform: cold start to a
painted window (bare PySide6 window vs the app with the store open), and the interaction run.

The children run with Python's bytecode cached, as an installed app has it (``pip install``
compiles it): they get a bytecode folder of their own (``PYTHONPYCACHEPREFIX``), written by an
unmeasured first run, even where ``PYTHONDONTWRITEBYTECODE`` is set, under which every start
would compile the app's modules from source again.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from inspector_gui.bench.measure import figure, ratio
from inspector_gui.errors import InspectorError

TIMEOUT_S = 300


Env = Mapping[str, str]


def probe_environment(pycache: Path) -> dict[str, str]:
    """The children's environment: offscreen, unbuffered, bytecode cached in ``pycache``."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1",
           "PYTHONPYCACHEPREFIX": str(pycache)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def time_to_lines(args: list[str], lines: tuple[str, ...], env: Env) -> list[float]:
    """Milliseconds from launching the probe to each of its ``lines``, in order."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "inspector_gui.bench.gui_probe", *args],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(env))
    assert process.stdout is not None
    times, seen = [], []
    for _ in lines:
        seen.append(process.stdout.readline().strip())
        times.append((time.perf_counter() - started) * 1000)
    process.wait(TIMEOUT_S)
    if tuple(seen) != lines:
        raise InspectorError(f"gui probe {args[0]} printed {seen} (wanted {list(lines)}): "
                             f"{process.stderr.read()[-500:]}")
    return times


def time_to_paint(args: list[str], env: Env) -> float:
    """Milliseconds from launching the probe to its ``painted`` line."""
    return time_to_lines(args, ("painted",), env)[0]


def _probe_json(mode: str, path: Path, repeat: int, env: Env) -> dict[str, Any]:
    result = subprocess.run([sys.executable, "-m", "inspector_gui.bench.gui_probe", mode,
                             str(path), str(repeat)], capture_output=True, text=True,
                            timeout=TIMEOUT_S, env=dict(env))
    if result.returncode != 0:
        raise InspectorError(f"gui probe {mode} failed: {result.stderr[-500:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _exists(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def cold_starts(path: Path, repeat: int, env: Env) -> dict[str, Any]:
    """Each a new process, the bare window and the app taking turns, after one unmeasured run
    of each (which writes the bytecode cache): the bare window painted; the app's window
    painted (before the store arrives) and with the store open and findings painted."""
    time_to_paint(["bare"], env)
    time_to_lines(["start", str(path)], ("window", "painted"), env)
    bare, window, loaded = [], [], []
    for _ in range(repeat):
        bare.append(time_to_paint(["bare"], env))
        shown, painted = time_to_lines(["start", str(path)], ("window", "painted"), env)
        window.append(shown)
        loaded.append(painted)
    baseline = figure(bare)
    return {"cold_start_bare_pyside6_window": baseline,
            "cold_start_window_painted": figure(window),
            "cold_start_store_open_and_painted": figure(loaded),
            "window_painted_vs_bare": ratio(figure(window), baseline),
            "cold_start_vs_bare": ratio(figure(loaded), baseline)}


def window_figures(path: Path, repeat: int, env: Env) -> dict[str, Any]:
    """Cold starts and the interaction run, with the longest stall."""
    starts = cold_starts(path, repeat, env)
    interact = _probe_json("interact", path, repeat, env)
    phases = [v for v in interact.values() if isinstance(v, dict) and "longest_stall_ms" in v]
    return {**starts, "interaction": interact,
            "longest_stall_ms": max(p["longest_stall_ms"] for p in phases),
            "longest_event_cpu_ms": max(p["longest_event_cpu_ms"] for p in phases),
            "peak_rss_mb": interact["peak_rss_mb"]}


def gui_figures(path: Path, repeat: int) -> dict[str, Any]:
    """Whatever of the GUI exists on this branch: the main window, PDF export, history chart.
    A probe that fails (the GUI's code moved on) is reported as such; the rest still runs."""
    with tempfile.TemporaryDirectory(prefix="inspector-bench-pycache-") as pycache:
        return _gui_parts(path, repeat, probe_environment(Path(pycache)))


def _gui_parts(path: Path, repeat: int, env: Env) -> dict[str, Any]:
    parts = {"window": ("inspector_gui.ui.main_window", lambda: window_figures(path, repeat, env)),
             "export_provider_summary_pdf": ("inspector_gui.exchange.writers.pdf_doc",
                                             lambda: _probe_json("export", path, repeat, env)),
             "history_chart": ("inspector_gui.charts", lambda: _probe_json("chart", path, repeat, env))}
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
