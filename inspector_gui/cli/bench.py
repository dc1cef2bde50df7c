"""``inspector bench``: speed figures at scale beside raw sqlite3 and Datasette, as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import click
import platformdirs

from inspector_gui.cli.common import count_type, handle_errors
from inspector_gui.store.default import APP_NAME
from inspector_gui.store.synth import SynthSpec


@click.command()
@click.option("--store", "store_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Store to measure; built there as a synthetic store if it does not exist "
                   "(default: one kept in the user cache folder and reused).")
@click.option("--providers", type=count_type(1), default=SynthSpec.providers, show_default=True)
@click.option("--inspections", type=count_type(1), default=SynthSpec.inspections, show_default=True)
@click.option("--findings", type=count_type(0), default=SynthSpec.findings, show_default=True)
@click.option("--seed", type=int, default=SynthSpec.seed, show_default=True)
@click.option("--repeat", type=count_type(1), default=7, show_default=True,
              help="Runs per figure (the median is reported, with min and max).")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), help="Also write the JSON here.")
@click.option("--no-datasette", is_flag=True, help="Skip the Datasette baseline.")
@click.option("--no-gui", is_flag=True, help="Skip the GUI figures.")
@click.option("--no-layouts", is_flag=True,
              help="Skip the store's other layouts (findings sorted by kind, added later).")
@handle_errors
def bench(store_path: Path | None, providers: int, inspections: int, findings: int, seed: int,
          repeat: int, out: Path | None, no_datasette: bool, no_gui: bool, no_layouts: bool) -> None:
    """Measure speed on a synthetic store and print JSON figures with the targets.

    Each figure is the median of --repeat interleaved runs with min and max, in milliseconds,
    beside the best plain SQL for the same page (one newest-first statement, and the app's own
    statements replayed), Datasette for the same page and for its cheapest page (served on
    127.0.0.1), on the store as generated and in two other layouts (built beside it and reused),
    with a store a tenth the size and the command line against a one-line script. Needs the
    bench extra (datasette, httpx) for the Datasette baseline.

    \b
    Example:
      inspector bench --out bench.json
    """
    from inspector_gui.bench.run import run_benchmark

    spec = SynthSpec(providers, inspections, findings, seed)
    path = store_path or platformdirs.user_cache_path(APP_NAME) / (
        f"bench-{providers}-{inspections}-{findings}-{seed}.db")
    report = run_benchmark(path, spec, repeat, not no_datasette, not no_gui,
                           lambda step: click.echo(f"bench: {step}", err=True), not no_layouts)
    text = json.dumps(report, indent=2)
    if out:
        out.write_text(text + "\n", encoding="utf-8")
    click.echo(text)
