"""The default stores: one per bundled data set, built through the importer on first use in the
user's data folder and brought up to date when the bundled data changes. ``INSPECTOR_STORE``
names another. HM Inspectorate of Probation's set is interchange files; Ofsted's ILACS set is a
spreadsheet and its mapping file, imported the way a user imports their own sheet."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from inspector_gui import paths
from inspector_gui.errors import OlderSchemaError, StoreError
from inspector_gui.store import connection
from inspector_gui.store.store import Store

APP_NAME = "inspector-gui"
STORE_ENV = "INSPECTOR_STORE"
NOTEBOOK_ENV = "INSPECTOR_NOTEBOOK"  # the notebook (store/notebook.py) beside the settings
Notify = Callable[[str], None]


@dataclass(frozen=True)
class Dataset:
    """A bundled data set: its key (``--dataset``), title, store file and how it is imported."""

    key: str
    title: str
    file_name: str
    sheet: str = ""
    mapping: str = ""

    def files(self) -> list[Path]:
        """The bundled files the store is built from."""
        if not self.mapping:
            return sorted(paths.data_dir().glob("*.csv"))
        folder = paths.data_dir() / Path(self.sheet).parent
        return [paths.data_dir() / self.mapping, *sorted(folder.glob("*.csv"))]

    def load(self, store: Store) -> None:
        if self.mapping:
            store.import_spreadsheet(paths.data_dir() / self.sheet, paths.data_dir() / self.mapping)
        else:
            store.import_files([paths.data_dir()])


DATASETS = {d.key: d for d in (
    Dataset("hmip", "HM Inspectorate of Probation, 2018-2025", "hmip.db"),
    Dataset("ofsted-ilacs", "Ofsted ILACS, councils' children's services, 2012-2026",
            "ofsted-ilacs.db", "ofsted-ilacs/ofsted_csc_ilacs_history.csv", "ofsted-ilacs.toml"),
)}


def default_store_path(dataset: str = "hmip") -> Path:
    import platformdirs  # with store creation and migration, only when the default store is used

    return platformdirs.user_data_path(APP_NAME) / DATASETS[dataset].file_name


def bundled_data_hash(dataset: str = "hmip") -> str:
    """A digest of the bundled files, recorded in the store to notice when they change (hashlib
    is imported here: only the default store needs it, and only in the worker that opens it)."""
    import hashlib

    digest = hashlib.sha256()
    for path in DATASETS[dataset].files():
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def ensure_default_store(notify: Notify | None = None, dataset: str = "hmip") -> Path:
    """The default store's path, built from the bundled data on first use.

    When the bundled data has changed (a new release), it is imported again into the existing
    store, migrated first when its schema is older, so what the user imported there is kept.
    A default store that is damaged or not a SQLite file is set aside (never deleted) and
    rebuilt, and ``notify`` is told where the copy is; any other problem (a newer schema,
    permissions, a lock) is raised as it is for any store, so the user's own imports never
    vanish without a word.
    """
    path = default_store_path(dataset)
    data_hash = bundled_data_hash(dataset)
    load = DATASETS[dataset].load
    if not path.exists():
        build_store(path, [], {"bundled_data": data_hash}, load)
        return path
    try:
        current = _is_current(path, data_hash)
    except StoreError as exc:
        if not connection.is_damage(exc.message):
            raise
        copy = set_aside(path)
        build_store(path, [], {"bundled_data": data_hash}, load)
        if notify:
            notify(f"{path}: {exc.message.split(';')[0]}; it was set aside as {copy} and a new store "
                   "was built from the bundled data")
        return path
    if not current:
        with Store.open(path, readonly=False, check=False) as store:
            load(store)
            store.set_meta("bundled_data", data_hash)
    return path


def set_aside(path: Path) -> Path:
    """Move a damaged store to ``NAME.damaged-TIME.db`` beside it (with its journal, which
    belongs to it) and return the new path."""
    copy = path.with_name(f"{path.stem}.damaged-{int(time.time())}{path.suffix}")
    os.replace(path, copy)
    journal = path.with_name(path.name + "-journal")
    if journal.exists():
        os.replace(journal, copy.with_name(copy.name + "-journal"))
    return copy


def _is_current(path: Path, data_hash: str) -> bool:
    """Whether the store holds this release's bundled data. A store made by an older release is
    migrated first (after its backup copy), so what the user imported there is kept."""
    try:
        with Store.open(path, check=False) as store:
            return store.meta("bundled_data") == data_hash
    except OlderSchemaError:
        from inspector_gui.store.migration import migrate_store

        migrate_store(path)
        return False


def build_store(path: Path, sources: list[Path], meta: dict[str, str],
                load: Callable[[Store], None] | None = None) -> None:
    """Import ``sources`` (or what ``load`` imports) into a new file beside ``path`` and move it
    into place, so a reader never sees a half-built store; when another start of the app built it
    meanwhile, that one is kept."""
    from inspector_gui.store.creation import TAKEN, create_store

    path.parent.mkdir(parents=True, exist_ok=True)

    def fill(store: Store) -> None:
        if load:
            load(store)
        else:
            store.import_files(sources)
        for key, value in meta.items():
            store.set_meta(key, value)

    try:
        create_store(path, fill)
    except StoreError as exc:
        if exc.message != TAKEN:
            raise


def resolve_store(explicit: str | Path | None = None, notify: Notify | None = None,
                  dataset: str | None = None) -> Path:
    """The store to use: an explicit path, else a bundled data set's store when one is named,
    else ``INSPECTOR_STORE``, else the default store."""
    if explicit:
        return Path(explicit)
    if dataset:
        return ensure_default_store(notify, dataset)
    chosen = os.environ.get(STORE_ENV)
    return Path(chosen) if chosen else ensure_default_store(notify)
