"""Run the whole benchmark: build or reuse the synthetic store and its other layouts, measure the
store (in a child process) against plain SQL, Datasette, the command line against a one-line
script, and the GUI when the main window exists, then check the issue's targets."""

from __future__ import annotations

import contextlib
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from inspector_gui import paths
from inspector_gui.bench.cli_probe import cli_figures
from inspector_gui.bench.datasette_probe import datasette_figures, datasette_server
from inspector_gui.bench.gui_figures import gui_figures
from inspector_gui.bench.layouts import ORDERS, layout_store
from inspector_gui.bench.scenarios import busiest_provider, scenarios
from inspector_gui.bench.targets import check_targets
from inspector_gui.errors import InspectorError
from inspector_gui.store import Store
from inspector_gui.store.default import build_store
from inspector_gui.store.migration import migrate_store
from inspector_gui.store.schema import SCHEMA_VERSION
from inspector_gui.store.synth import SynthSpec, build_synthetic

Say = Callable[[str], None]


def prepare_store(path: Path, spec: SynthSpec, say: Say) -> dict[str, Any]:
    """Reuse the store at ``path`` if there is one (delete it to rebuild; one of an older schema
    is migrated first); otherwise build a synthetic store there, timed."""
    if path.exists():
        _migrate_if_older(path, say)
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


def _migrate_if_older(path: Path, say: Say) -> None:
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version < SCHEMA_VERSION:
        say(f"migrating the reused store {path} to schema {SCHEMA_VERSION}")
        result = migrate_store(path)
        if result.backup:
            result.backup.unlink()


def _child_json(args: list[str], timeout: float) -> dict[str, Any]:
    result = subprocess.run([sys.executable, *args], capture_output=True, text=True,
                            timeout=timeout, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    if result.returncode != 0:
        raise InspectorError(f"{' '.join(args[:2])} failed: {result.stderr.strip()[-500:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def store_part(path: Path, repeat: int, naive: bool) -> dict[str, Any]:
    args = ["-m", "inspector_gui.bench.store_probe", str(path), str(repeat)]
    return _child_json([*args, "--naive"] if naive else args, 1800)


def datasette_part(path: Path, repeat: int) -> dict[str, Any]:
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        provider = busiest_provider(conn)
    with datasette_server(path) as url:
        return {s.name: datasette_figures(url, s, repeat) for s in scenarios(provider)}


def measure_layout(path: Path, repeat: int, datasette: bool, naive: bool, say: Say) -> dict[str, Any]:
    """The store's figures on one file, with Datasette's merged into each page."""
    say(f"measuring the store and plain SQL on {path.name}")
    figures = store_part(path, repeat, naive)
    if datasette:
        say(f"measuring Datasette on 127.0.0.1 ({path.name})")
        for name, found in datasette_part(path, repeat).items():
            figures["pages"][name].update(found)
    return figures


def run_benchmark(path: Path, spec: SynthSpec, repeat: int, datasette: bool, gui: bool,
                  say: Say, layouts: bool = True) -> dict[str, Any]:
    """Every figure as one JSON-ready dict, with the targets and whether each holds."""
    started = time.perf_counter()
    report: dict[str, Any] = {"machine": _machine(), "store": prepare_store(path, spec, say)}
    report["store_figures"] = measure_layout(path, repeat, datasette, True, say)
    report["layouts"] = {}
    for name in ORDERS if layouts else ():
        say(f"preparing the store in layout {name}")
        layout, build = layout_store(path, name)
        report["layouts"][name] = {"path": str(layout), "build": build,
                                   **measure_layout(layout, repeat, datasette, False, say)}
    report["scaling"] = _scaling_part(path, spec, repeat, say)
    say("measuring the command line against a one-line script")
    report["cli_figures"] = _cli_part(path, repeat)
    report["gui_figures"] = _gui_or_reason(path, repeat, gui, say)
    report["targets"] = check_targets(report)
    report["load_average"] = _load_average()
    report["total_s"] = round(time.perf_counter() - started, 1)
    return report


def _scaling_part(path: Path, spec: SynthSpec, repeat: int, say: Say) -> dict[str, Any]:
    """The store's figures on a synthetic store a tenth the size (built beside it, reused)."""
    tenth = SynthSpec(max(1, spec.providers // 10), max(1, spec.inspections // 10),
                      spec.findings // 10, spec.seed)
    small = path.with_name(f"{path.stem}-tenth{path.suffix}")
    facts = prepare_store(small, tenth, say)
    say(f"measuring the store on {small.name}")
    return {"store": facts, **store_part(small, repeat, False)}


def _cli_part(path: Path, repeat: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="inspector-bench-bundled-") as folder:
        bundled = Path(folder) / "bundled.db"
        build_store(bundled, [paths.data_dir()], {})
        return cli_figures(path, bundled, repeat)


def _gui_or_reason(path: Path, repeat: int, gui: bool, say: Say) -> dict[str, Any]:
    if not gui:
        return {"skipped": "--no-gui"}
    say("measuring the GUI (offscreen)")
    return gui_figures(path, repeat)


def _load_average() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def _machine() -> dict[str, Any]:
    return {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
            "cpus": os.cpu_count(), "platform": platform.platform(), "load_average_at_start":
            _load_average()}
