"""The ``inspector`` command line: the same store code as the GUI, no Qt imported."""

from __future__ import annotations

import click

from inspector_gui import __version__
from inspector_gui.cli import bench, chart, data, export, maintenance, synth
from inspector_gui.store.default import DATASETS


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="inspector")
@click.option("--dataset", type=click.Choice(sorted(DATASETS)), default=None,
              help="Use the store of this bundled data set (built on first use): hmip (HM "
                   "Inspectorate of Probation) or ofsted-ilacs (Ofsted's children's services, "
                   "Open Government Licence v3.0).")
def main(dataset: str | None) -> None:
    """Read, compare and report on inspections: HM Inspectorate of Probation's, Ofsted's, or any
    inspectorate's imported from a spreadsheet.

    Without --store, commands use the store built from the bundled data set (--dataset).
    """


for command in (data.info, data.import_, data.findings, data.ratings, export.export, chart.chart,
                synth.synth, bench.bench):
    main.add_command(command)
main.add_command(maintenance.migrate)
main.add_command(maintenance.rebuild_index)
