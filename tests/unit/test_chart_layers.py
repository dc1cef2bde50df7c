"""Qt is imported only when a chart is drawn: ``inspector chart`` parses its options and refuses bad
ones with Qt unavailable, and the charts panel imports pyqtgraph only when it first draws.
(test_layers.py checks that the chart data modules import no Qt.)"""

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


def test_the_chart_command_starts_without_qt():
    result = _run(BLOCK_QT + textwrap.dedent("""
        from click.testing import CliRunner
        from inspector_gui.cli import main
        result = CliRunner().invoke(main, ['chart', '--help'])
        assert result.exit_code == 0, result.output
        result = CliRunner().invoke(main, ['chart', '--national', '-o', 'x.gif'])
        assert result.exit_code == 2 and 'must end in .png or .svg' in result.output, result.output
        print('ok')
    """))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_charts_panel_defers_pyqtgraph_until_a_chart_is_drawn():
    result = _run("import sys, inspector_gui.ui.charts_panel; print('pyqtgraph' in sys.modules)")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
