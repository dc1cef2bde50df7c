"""A CLI import while a viewer has the store open: the viewer holds no write lock, so the import
succeeds, and the viewer keeps reading throughout (the importer keeps its changes in memory until
COMMIT, so readers are only held for the commit itself)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from badinput import generated_findings

from inspector_gui.domain.records import FindingQuery
from inspector_gui.store import Store


def test_viewer_reads_throughout_an_import_that_succeeds(store_path: Path, tmp_path: Path) -> None:
    source = generated_findings(tmp_path / "findings.csv", 100_000)
    waits: list[float] = []
    with Store.open(store_path) as viewer:
        viewer.count_findings(FindingQuery(search="risk"))
        importer = subprocess.Popen([sys.executable, "-m", "inspector_gui", "import", str(source),
                                     "--store", str(store_path)], cwd=tmp_path,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        while importer.poll() is None:
            started = time.perf_counter()
            assert viewer.count_findings(FindingQuery(search="risk")) in (78, 100_078)
            waits.append(time.perf_counter() - started)
            time.sleep(0.02)
        out, err = importer.communicate()
        assert importer.returncode == 0, err
        assert "100000 findings (100000 new or changed)" in out
        assert viewer.count_findings(FindingQuery()) == 538 + 100_000
    assert len(waits) > 10, "the viewer read while the import ran"
