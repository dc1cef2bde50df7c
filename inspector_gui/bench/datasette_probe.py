"""Datasette's JSON API as the baseline a user might pick instead: ``datasette serve FILE`` on
127.0.0.1 (a free port, loopback only; its SQL time limit raised so no baseline is cut short).

Per filter, in interleaved rounds: the *same page* through its SQL API (the one newest-first
statement, :meth:`Scenario.newest_first_sql`), and its *cheapest page* for the filter, in id
order: the table API's tuned request (``_nocount=1&_nosuggest=1``) where the table API can say
the filter, and the id-order statement through the SQL API; the cheaper of the two is the target's
baseline. A bounded number of requests, then the server stops."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from inspector_gui.bench.measure import interleaved
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
        yield f"{base}/{path.stem}"
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
    """The same page and the cheapest id-order page for one filter, 100 rows each."""
    import httpx

    with httpx.Client(timeout=120) as client:
        def get(path: str, params: dict[str, str]) -> None:
            response = client.get(f"{url}{path}", params=params)
            response.raise_for_status()

        def sql(statement: str) -> None:
            get(".json", {"sql": statement, "_shape": "array", **scenario.params})

        requests = {"datasette_same_page_sql": lambda: sql(scenario.newest_first_sql()),
                    "datasette_id_order_sql": lambda: sql(scenario.id_order_sql())}
        if scenario.datasette is not None:
            requests["datasette_id_order_table_tuned"] = lambda: get(
                "/findings.json", {**scenario.datasette, "_size": "100", **TUNED})
        figures = interleaved(requests, repeat)
    cheapest = min((k for k in figures if "id_order" in k), key=lambda k: figures[k]["median_ms"])
    return {**figures, "datasette_cheapest": cheapest}
