"""``inspector synth``: build a synthetic store to measure speed at scale (never real data)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from inspector_gui.cli.common import count_type, fail, handle_errors, store_target, store_target_option
from inspector_gui.cli.output import say
from inspector_gui.store.synth import SynthSpec, build_synthetic


@click.command()
@store_target_option(click.Path(path_type=Path, dir_okay=False))
@click.option("--providers", type=count_type(1), default=SynthSpec.providers, show_default=True)
@click.option("--inspections", type=count_type(1), default=SynthSpec.inspections, show_default=True)
@click.option("--findings", type=count_type(0), default=SynthSpec.findings, show_default=True)
@click.option("--seed", type=int, default=SynthSpec.seed, show_default=True,
              help="The same seed and sizes give the same store.")
@click.option("--force", is_flag=True, help="Replace the store if it exists.")
@handle_errors
def synth(path: Path | None, store_path: Path | None, providers: int, inspections: int, findings: int,
          seed: int, force: bool) -> None:
    """Build a SYNTHETIC store at --store PATH (or PATH): realistic, reproducible, marked synthetic.

    Frameworks and standards are the bundled ones; providers, inspections, ratings and finding
    text are generated. One million findings take well under two minutes.

    \b
    Example:
      inspector synth --store big.db --providers 2000 --inspections 20000 --findings 1000000
    """
    path = store_target(path, store_path)
    if path.exists() and not force:
        fail(f"{path} exists; use --force to replace it")
    started = time.perf_counter()
    interactive = sys.stderr.isatty()
    build_synthetic(path, SynthSpec(providers, inspections, findings, seed),
                    _progress if interactive else None)
    if interactive:
        click.echo("", err=True)
    say(f"built synthetic store {path} in {time.perf_counter() - started:.1f} s")


def _progress(step: str) -> None:
    click.echo(f"\r\033[K{step}", err=True, nl=False)
