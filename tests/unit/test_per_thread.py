"""One store connection per worker thread, made once and reused; a connection opened elsewhere is
refused by any other thread; a replaced or changed file is seen."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from inspector_gui.domain.records import FindingQuery
from inspector_gui.errors import StoreError
from inspector_gui.store import Store
from inspector_gui.store.per_thread import ThreadStores


def _in_thread(fn):
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(fn).result()


def test_each_thread_reuses_its_own_connection(store_path: Path) -> None:
    stores = ThreadStores()
    with ThreadPoolExecutor(2) as pool:
        barrier = threading.Barrier(2)

        def twice(_: int) -> tuple[int, int]:
            barrier.wait(5)  # both threads at once, so each makes its own
            first = stores.run(store_path, lambda s: id(s.conn))
            return first, stores.run(store_path, lambda s: id(s.conn))

        (a1, a2), (b1, b2) = pool.map(twice, range(2))
    assert a1 == a2 and b1 == b2 and a1 != b1
    stores.close_all()


def test_a_store_opened_in_one_thread_is_refused_in_another(store_path: Path) -> None:
    with Store.open(store_path) as store, pytest.raises(StoreError, match="same thread"):
        _in_thread(lambda: store.counts())


def test_close_all_closes_every_connection(store_path: Path) -> None:
    stores = ThreadStores()
    store = _in_thread(lambda: stores.run(store_path, lambda s: s))
    stores.close_all()
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        store.conn.execute("SELECT 1")


def test_a_file_put_in_the_stores_place_is_opened_afresh(store_path: Path, tmp_path: Path) -> None:
    stores = ThreadStores()
    first = stores.run(store_path, lambda s: s)
    replacement = tmp_path / "new.db"
    shutil.copyfile(store_path, replacement)
    with Store.open(replacement, readonly=False) as writable:
        writable.set_meta("marker", "new file")
    replacement.replace(store_path)
    second = stores.run(store_path, lambda s: s)
    assert second is not first and second.meta("marker") == "new file"
    stores.close_all()


def test_a_write_by_another_connection_is_seen(store_path: Path) -> None:
    stores = ThreadStores()
    before = stores.run(store_path, lambda s: len(s.frameworks()))
    with Store.open(store_path, readonly=False) as writable:
        writable.conn.execute("INSERT INTO frameworks (framework_id, name, applies_to, in_use) "
                              "VALUES ('extra', 'Extra', 'PDU', '2026-')")
    after = stores.run(store_path, lambda s: len(s.frameworks()))
    assert after == before + 1
    stores.close_all()


def test_a_store_error_closes_the_connection_and_the_next_query_reopens(store_path: Path) -> None:
    stores = ThreadStores()
    first = stores.run(store_path, lambda s: s)

    def broken(store: Store) -> None:
        raise StoreError("is damaged", store.path)

    with pytest.raises(StoreError):
        stores.run(store_path, broken)
    assert stores.run(store_path, lambda s: s) is not first
    stores.close_all()


def test_what_a_store_remembers_is_forgotten_when_another_connection_writes(store_path: Path) -> None:
    """A search's expansion is remembered by the store, not the process, and only until the file
    changes: a finding imported meanwhile is found by the same search on the same connection."""
    query = FindingQuery(search="zebrafinch", limit=10)
    with Store.open(store_path) as store:
        assert store.findings(query) == [] and store.count_findings(query) == 0
        with Store.open(store_path, readonly=False) as writable:
            writable.conn.execute(
                "INSERT INTO findings (inspection_id, kind, text, natural_key) VALUES "
                "('merseyside-crc-2018-09-26', 'strength', 'Zebrafinches were counted.', 'zebra')")
        assert [f.text for f in store.findings(query)] == ["Zebrafinches were counted."]
