"""``inspector findings --format json`` is timed against a one-line sqlite3 script, so it imports
only what listing findings needs: not the default store's or notebook's folders (platformdirs),
store creation or migration, the notebook, nor what only an error message or a chart uses."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

NOT_NEEDED = ("platformdirs", "inspector_gui.store.notebook", "inspector_gui.store.creation",
              "inspector_gui.store.migration", "difflib", "html", "calendar")
RUN = textwrap.dedent("""
    import json, runpy, sys
    sys.argv = ["inspector", *sys.argv[1:]]
    try:
        runpy.run_module("inspector_gui", run_name="__main__")
    except SystemExit as exc:
        assert not exc.code, exc.code
    print(json.dumps(sorted(name for name in {names} if name in sys.modules)), file=sys.stderr)
""")


@pytest.mark.parametrize("options", [["--search", "staff"], ["--framework", "crc-nps-2018", "--domain", "2"]])
def test_findings_as_json_imports_only_what_it_needs(store_path: Path, options: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-c", RUN.format(names=NOT_NEEDED), "findings", *options, "--format", "json",
         "--limit", "3", "--store", str(store_path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 3
    assert json.loads(result.stderr.splitlines()[-1]) == []
