"""The layers keep Qt where it belongs: chart data, the palette and the CLI import no PySide6 or
pyqtgraph; the charts panel imports pyqtgraph only when it first draws."""

from __future__ import annotations

import subprocess
import sys
import textwrap

BLOCK_QT = textwrap.dedent("""
    import sys
    class Block:
        def find_spec(self, name, path=None, target=None):
            if name.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6'):
                raise ImportError('blocked ' + name)
    sys.meta_path.insert(0, Block())
""")


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


def test_chart_data_palette_and_cli_import_without_qt():
    result = _run(BLOCK_QT + textwrap.dedent("""
        import inspector_gui.charts
        import inspector_gui.cli
        import inspector_gui.cli.chart
        import inspector_gui.domain.chartdata
        import inspector_gui.domain.chartload
        import inspector_gui.domain.nationalload
        import inspector_gui.domain.palette
        from click.testing import CliRunner
        from inspector_gui.cli import main
        result = CliRunner().invoke(main, ['chart', '--help'])
        assert result.exit_code == 0, result.output
        print('ok')
    """))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_charts_panel_defers_pyqtgraph_until_a_chart_is_drawn():
    result = _run("import sys, inspector_gui.ui.charts_panel; print('pyqtgraph' in sys.modules)")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
