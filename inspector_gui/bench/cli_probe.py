"""The command line against a one-line script: ``inspector findings … --format json`` beside a
``python -c`` script that prints the same bytes with :mod:`sqlite3` alone (one newest-first
statement, ``json.dumps``), each a new process, on the benchmark store and on the bundled-data
store, in interleaved rounds. Both run with Python's bytecode cached, as an installed app has it
(:func:`gui_figures.probe_environment`)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from inspector_gui.bench.gui_figures import probe_environment
from inspector_gui.bench.measure import interleaved, ratio
from inspector_gui.domain.search import Search
from inspector_gui.store.finding_reads import ORDER
from inspector_gui.store.search import fts_query

COMMANDS = {"search_staff": ["--search", "staff"],
            "domain_2": ["--framework", "crc-nps-2018", "--domain", "2"]}
LIMIT = 50
SELECT = ("SELECT f.id AS id, coalesce(i.published, '') AS published, p.name AS provider, "
          "trim(coalesce(f.domain_code, '') || ' ' || coalesce((SELECT d.domain_name FROM standards d "
          "WHERE d.framework_id = i.framework_id AND d.domain_code = f.domain_code LIMIT 1), '')) "
          "AS domain, coalesce(f.standard_code, '') AS standard, "
          "f.kind, f.text, f.inspection_id, coalesce(f.source_url, '') AS source_url "
          "FROM inspections i CROSS JOIN findings f ON f.inspection_id = i.inspection_id "
          "JOIN providers p ON p.provider_id = i.provider_id ")
SCRIPT = ("import json,sqlite3,sys;c=sqlite3.connect(f'file:{sys.argv[1]}?mode=ro',uri=True);"
          "q=c.execute(sys.argv[2],sys.argv[3:]);n=[d[0] for d in q.description];"
          "print(json.dumps([dict(zip(n,r)) for r in q],indent=2,ensure_ascii=False))")
"""The one-line script: store, statement and its parameters on its command line."""


def script_statement(name: str) -> tuple[str, list[str]]:
    """The script's statement and parameters for one of :data:`COMMANDS`."""
    options = dict(zip(COMMANDS[name][::2], COMMANDS[name][1::2], strict=True))
    if "--search" in options:
        where = "WHERE +f.id IN (SELECT rowid FROM findings_fts WHERE findings_fts MATCH ?) "
        return f"{SELECT}{where}{ORDER} LIMIT {LIMIT}", [fts_query(Search.parse(options["--search"])) or ""]
    where = "WHERE i.framework_id = ? AND +f.domain_code = ? "
    return f"{SELECT}{where}{ORDER} LIMIT {LIMIT}", [options["--framework"], options["--domain"]]


def cli_args(name: str, store: Path) -> list[str]:
    return [sys.executable, "-m", "inspector_gui", "findings", *COMMANDS[name], "--format", "json",
            "--limit", str(LIMIT), "--store", str(store)]


def script_args(name: str, store: Path) -> list[str]:
    sql, params = script_statement(name)
    return [sys.executable, "-c", SCRIPT, str(store), sql, *params]


def _run(args: list[str], env: Mapping[str, str] | None = None) -> bytes:
    result = subprocess.run(args, capture_output=True, timeout=120, check=True,
                            env=dict(env) if env is not None else None)
    return result.stdout


def _runner(args: list[str], env: Mapping[str, str]) -> Callable[[], bytes]:
    return lambda: _run(args, env)


def cli_figures(store: Path, bundled: Path, repeat: int) -> dict[str, Any]:
    """Per command: the CLI and the script on both stores, and the ratios the targets read."""
    with tempfile.TemporaryDirectory(prefix="inspector-bench-pycache-") as pycache:
        env = probe_environment(Path(pycache))
        return {name: _command_figures(name, store, bundled, repeat, env) for name in COMMANDS}


def _command_figures(name: str, store: Path, bundled: Path, repeat: int,
                     env: Mapping[str, str]) -> dict[str, Any]:
    """One command: the CLI and the script on both stores (the first round, unmeasured, writes
    the bytecode), whether they print the same bytes, and the ratios."""
    runs = {f"{who}_{where}": _runner(args(name, path), env)
            for where, path in (("benchmark_store", store), ("bundled_store", bundled))
            for who, args in (("cli", cli_args), ("script", script_args))}
    timed = interleaved(runs, repeat)
    return {**timed, "same_bytes": _run(cli_args(name, store)) == _run(script_args(name, store)),
            "cli_vs_script": ratio(timed["cli_benchmark_store"], timed["script_benchmark_store"]),
            "cli_vs_script_bundled": ratio(timed["cli_bundled_store"], timed["script_bundled_store"]),
            "cli_benchmark_vs_bundled": ratio(timed["cli_benchmark_store"], timed["cli_bundled_store"])}
