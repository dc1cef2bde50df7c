"""Shared fixtures: every test gets its own data and settings folders, and a copy of the store
built from the bundled data (built once per session through the real importer)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector_gui import paths
from inspector_gui.store import Store
from inspector_gui.store.default import build_store

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("INSPECTOR_STORE", raising=False)


@pytest.fixture(scope="session")
def _bundled_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("master") / "bundled.db"
    build_store(path, [paths.data_dir()], {})
    return path


@pytest.fixture(scope="session")
def ofsted_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled Ofsted ILACS set, imported through its shipped mapping (read it, never write)."""
    from click.testing import CliRunner

    from inspector_gui.cli import main

    data = paths.data_dir()
    path = tmp_path_factory.mktemp("ofsted") / "ofsted.db"
    result = CliRunner().invoke(main, ["import", str(data / "ofsted-ilacs" / "ofsted_csc_ilacs_history.csv"),
                                       "--mapping", str(data / "ofsted-ilacs.toml"), "--store", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def store_path(_bundled_master: Path, tmp_path: Path) -> Path:
    """A private, writable copy of the bundled-data store."""
    path = tmp_path / "store.db"
    shutil.copyfile(_bundled_master, path)
    return path


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    """The bundled-data store, open read-only."""
    with Store.open(store_path) as opened:
        yield opened


HOSTILE_TEXT = '<script>alert(1)</script> & "quotes"'


@pytest.fixture
def hostile_store_path(store_path: Path) -> Path:
    """The bundled-data store plus ``tests/data/hostile``: a provider whose name, region and notes
    hold markup, and findings holding ``HOSTILE_TEXT``, a formula and a ``javascript:`` URL."""
    with Store.open(store_path, readonly=False) as writable:
        writable.import_files([DATA / "hostile"])
    return store_path
