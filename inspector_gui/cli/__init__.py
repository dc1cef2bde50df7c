"""The ``inspector`` command line: the same store code as the GUI, no Qt imported.

Each command's module is imported when that command runs (``inspector findings`` does not load
the chart, export, synth or bench code: a third of its start-up time); ``--help`` imports them
all to list them.
"""

from __future__ import annotations

import importlib

import click

from inspector_gui import __version__
from inspector_gui.cli.usage import InspectorGroup
from inspector_gui.store.default import DATASETS

COMMANDS = {  # command name -> module.attribute
    "info": "data.info", "import": "data.import_", "findings": "data.findings",
    "ratings": "data.ratings", "export": "export.export", "chart": "chart.chart",
    "synth": "synth.synth", "bench": "bench.bench", "migrate": "maintenance.migrate",
    "check": "maintenance.check", "rebuild-index": "maintenance.rebuild_index",
    "themes": "themes.themes", "compare": "compare.compare", "benchmark": "benchmark.benchmark",
    "tags": "notebook.tags", "notes": "notebook.notes",
}


class LazyGroup(InspectorGroup):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, attribute = COMMANDS[cmd_name].rsplit(".", 1)
        return getattr(importlib.import_module(f"inspector_gui.cli.{module}"), attribute)


@click.group(name="inspector", cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
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
