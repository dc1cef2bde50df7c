"""Run the whole benchmark: build or reuse the synthetic store, measure the store (in a child
process), Datasette, and the GUI when the main window exists, then check the issue's targets."""

from __future__ import annotations

import json
import os
import platform
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from inspector_gui.bench.datasette_probe import datasette_figures, datasette_server
from inspector_gui.bench.gui_figures import gui_figures
from inspector_gui.bench.scenarios import scenarios
from inspector_gui.bench.targets import check_targets
from inspector_gui.errors import InspectorError
from inspector_gui.store import Store
from inspector_gui.store.synth import SynthSpec, build_synthetic

Say = Callable[[str], None]


def prepare_store(path: Path, spec: SynthSpec, say: Say) -> dict[str, Any]:
    """Reuse the store at ``path`` if there is one (delete it to rebuild); otherwise build a
    synthetic store there, timed."""
    if path.exists():
        with Store.open(path, check=False) as store:
            return {"path": str(path), "reused": True, "synthetic": store.meta("synthetic") == "yes",
                    "counts": store.counts()}
    say(f"building synthetic store {path} ({spec.findings:,} findings)")
    started = time.perf_counter()
    build_synthetic(path, spec)
    seconds = round(time.perf_counter() - started, 1)
    with Store.open(path, check=False) as store:
        return {"path": str(path), "reused": False, "synthetic": True, "build_s": seconds,
                "counts": store.counts()}


def _child_json(args: list[str], timeout: float) -> dict[str, Any]:
    result = subprocess.run([sys.executable, *args], capture_output=True, text=True,
                            timeout=timeout, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    if result.returncode != 0:
        raise InspectorError(f"{' '.join(args[:2])} failed: {result.stderr.strip()[-500:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def store_part(path: Path, repeat: int) -> dict[str, Any]:
    return _child_json(["-m", "inspector_gui.bench.store_probe", str(path), str(repeat)], 600)


def datasette_part(path: Path, repeat: int) -> dict[str, Any]:
    with datasette_server(path) as url:
        return {s.name: datasette_figures(url, s, repeat) for s in scenarios() if s.datasette}


def run_benchmark(path: Path, spec: SynthSpec, repeat: int, datasette: bool, gui: bool,
                  say: Say) -> dict[str, Any]:
    """Every figure as one JSON-ready dict, with the targets and whether each holds."""
    started = time.perf_counter()
    report: dict[str, Any] = {"machine": _machine(), "store": prepare_store(path, spec, say)}
    say("measuring the store and raw sqlite3")
    report["store_figures"] = store_part(path, repeat)
    if datasette:
        say("measuring Datasette on 127.0.0.1")
        for name, figures in datasette_part(path, repeat).items():
            report["store_figures"]["pages"][name].update(figures)
    report["gui_figures"] = _gui_or_reason(path, repeat, gui, say)
    report["targets"] = check_targets(report)
    report["total_s"] = round(time.perf_counter() - started, 1)
    return report


def _gui_or_reason(path: Path, repeat: int, gui: bool, say: Say) -> dict[str, Any]:
    if not gui:
        return {"skipped": "--no-gui"}
    say("measuring the GUI (offscreen)")
    return gui_figures(path, repeat)


def _machine() -> dict[str, Any]:
    return {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
            "cpus": os.cpu_count(), "platform": platform.platform()}
