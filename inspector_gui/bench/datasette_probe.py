"""Datasette's JSON API as the baseline a user might pick instead: ``datasette serve FILE`` on
127.0.0.1 (a free port, loopback only), asked for each filter by its default request and by the
tuned one (``_nocount=1&_nosuggest=1``). A bounded number of requests, then the server stops."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from inspector_gui.bench.measure import timed
from inspector_gui.bench.scenarios import Scenario
from inspector_gui.errors import InspectorError

TUNED = {"_nocount": "1", "_nosuggest": "1"}
START_TIMEOUT_S = 60


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def datasette_server(path: Path) -> Iterator[str]:
    """The base URL of a Datasette serving ``path``; the server is stopped on exit."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(path), "--port", str(port),
         "--host", "127.0.0.1"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_up(base, process)
        yield f"{base}/{path.stem}/findings.json"
    finally:
        process.terminate()
        process.wait(10)


def _wait_until_up(base: str, process: subprocess.Popen) -> None:
    import httpx

    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise InspectorError(f"datasette did not start: {process.stderr.read().decode()[-300:]}")
        with contextlib.suppress(httpx.TransportError):
            if httpx.get(f"{base}/-/versions.json", timeout=2).status_code == 200:
                return
        time.sleep(0.2)
    raise InspectorError(f"datasette did not answer on {base} within {START_TIMEOUT_S} s")


def datasette_figures(url: str, scenario: Scenario, repeat: int) -> dict[str, Any]:
    """The default and the tuned request for one filter (first page, 100 rows, id order)."""
    import httpx

    with httpx.Client(timeout=60) as client:
        def get(params: dict[str, str]) -> None:
            response = client.get(url, params={**scenario.datasette, "_size": "100", **params})
            response.raise_for_status()
        return {"datasette_default": timed(lambda: get({}), repeat),
                "datasette_tuned": timed(lambda: get(TUNED), repeat)}
