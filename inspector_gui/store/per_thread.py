"""One read-only store per worker thread, opened by the thread's first query and reused by every
later one (Datasette's ``execute_fn`` pattern), rather than a connection opened and closed per
query: a reused connection keeps SQLite's page cache, the statements it has prepared and the search
vocabulary table it made (:mod:`inspector_gui.store.terms`)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from inspector_gui.errors import StoreError
from inspector_gui.store.store import Store

T = TypeVar("T")


class ThreadStores:
    """The stores of a set of worker threads, by thread; each thread keeps one store, of the file
    it last read. The threads must outlive their stores (a thread's id may be reused after it
    ends), so the owner keeps its threads alive and calls :meth:`close_all` once they are done.

    The stores are opened with ``any_thread`` for that one reason: :meth:`close_all` closes them
    from the owner's thread after their own threads have finished. No two threads ever use one."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stores: dict[int, Store] = {}

    def run(self, path: Path, fn: Callable[[Store], T]) -> T:
        """``fn`` of this thread's store of ``path``; a store error (a file damaged or gone)
        closes it, so the thread's next query opens the file afresh."""
        store = self._store(Path(path))
        try:
            return fn(store)
        except StoreError:
            self._drop()
            raise

    def close_all(self) -> None:
        """Close every thread's store; call only when no thread is using one."""
        with self._lock:
            stores, self._stores = list(self._stores.values()), {}
        for store in stores:
            store.close()

    def _store(self, path: Path) -> Store:
        with self._lock:
            store = self._stores.get(threading.get_ident())
        if store is not None and store.is_open_on(path):
            store.refresh()
            return store
        self._drop()
        store = Store.open(path, check=False, any_thread=True)
        with self._lock:
            self._stores[threading.get_ident()] = store
        return store

    def _drop(self) -> None:
        with self._lock:
            store = self._stores.pop(threading.get_ident(), None)
        if store is not None:
            store.close()
