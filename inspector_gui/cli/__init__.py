"""The ``inspector`` command line: the same store code as the GUI, no Qt imported."""

from __future__ import annotations

import click

from inspector_gui import __version__
from inspector_gui.cli import bench, chart, data, export, maintenance, synth
from inspector_gui.cli.usage import InspectorGroup


@click.group(name="inspector", cls=InspectorGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="inspector")
def main() -> None:
    """Read, compare and report on probation inspections in England and Wales.

    Without --store, commands use the store built from the bundled data set.
    """


for command in (data.info, data.import_, data.findings, data.ratings, export.export, chart.chart,
                synth.synth, bench.bench):
    main.add_command(command)
main.add_command(maintenance.migrate)
main.add_command(maintenance.rebuild_index)
