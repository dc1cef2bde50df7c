"""The import rules in pyproject.toml (import-linter) hold for the code, and break when a module
reaches up a layer or pulls in Qt where it must not: each case copies the package, adds one
forbidden import, and runs ``lint-imports`` on the copy."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAYERS = "Layers: entry points"
QT_FREE = "Qt stays above the application layer"
CLI_NO_QT = "The CLI and the writers import no Qt"
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint(project: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` on the package under ``project`` (found first on the path)."""
    env = {**os.environ, "PYTHONPATH": str(project)}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache", "--config", str(project / "pyproject.toml")],
                          cwd=project, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the package and its pyproject.toml."""
    shutil.copytree(ROOT / "inspector_gui", tmp_path / "inspector_gui",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    return tmp_path


def test_the_code_keeps_every_contract() -> None:
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" in result.stdout and "0 broken" in result.stdout


# Where a forbidden import is added, what it is, the contract it breaks and how the report names it.
FORBIDDEN = [
    ("domain/ratings.py", "import PySide6.QtCore", QT_FREE, "inspector_gui.domain.ratings -> PySide6"),
    ("store/reads.py", "import inspector_gui.reports.summary", LAYERS,
     "inspector_gui.store.reads -> inspector_gui.reports.summary"),
    ("exchange/readers.py", "from inspector_gui.store import Store", LAYERS,
     "inspector_gui.exchange.readers -> inspector_gui.store"),
    ("reports/catalogue.py", "def _lazy():\n    from inspector_gui.ui import text", LAYERS,
     "inspector_gui.reports.catalogue -> inspector_gui.ui.text"),
    ("cli/common.py", "from PySide6.QtWidgets import QApplication", CLI_NO_QT,
     "inspector_gui.cli.common -> PySide6"),
]


def test_forbidden_imports_break_their_contracts(project: Path) -> None:
    """Lazy imports (inside a function) count: a lower layer may not reach up even when run."""
    for module, line, _, _ in FORBIDDEN:
        path = project / "inspector_gui" / module
        path.write_text(path.read_text(encoding="utf-8") + f"\n\n{line}\n", encoding="utf-8")
    result = _lint(project)
    assert result.returncode == 1, result.stdout + result.stderr
    report = " ".join(result.stdout.split())
    assert "0 kept, 3 broken" in report, report
    broken = report.split("Broken contracts", 1)[1]
    for _, _, contract, named in FORBIDDEN:
        assert contract in broken and named in broken, (named, report)


def _layered() -> set[str]:
    """Every module named in the layers contract."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers")
    return {m.strip() for layer in contract["layers"] for m in re.split(r"[|:]", layer)}


def test_every_package_and_exchange_module_sits_in_a_layer() -> None:
    """A new package, or a new reader beside the others in exchange, must be placed in a layer
    (import-linter leaves a module no layer names unchecked)."""
    package = ROOT / "inspector_gui"
    top = {p.stem for p in package.iterdir() if (p.suffix == ".py" or (p / "__init__.py").exists())
           } - {"__init__", "__main__", "exchange"}
    exchange = {p.stem for p in (package / "exchange").iterdir()
                if p.suffix == ".py" or (p / "__init__.py").exists()} - {"__init__"}
    wanted = {f"inspector_gui.{name}" for name in top} | {f"inspector_gui.exchange.{n}" for n in exchange}
    assert wanted - _layered() == set()
