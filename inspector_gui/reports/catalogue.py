"""What the window needs once per store, read in background steps so that a large store shows
its providers and findings without waiting for all of it.

:func:`open_catalogue` reads the store's facts, frameworks, domains, every provider with its
newest inspection and the filter choices (rounds, years): about 40 ms at 2,000 providers and
20,000 inspections. :func:`load_inspections` then reads every inspection (over 100 ms there) and
indexes it, all in the worker thread; the window adds it with :meth:`Catalogue.add_inspections`.
Neither runs the integrity check: :func:`check_store` does, in the background, once the window
shows the store.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from inspector_gui.domain.frameworks import Framework
from inspector_gui.domain.grouping import TreeEntry
from inspector_gui.domain.records import PROVIDER_TYPES, Inspection, Provider, StoreInfo
from inspector_gui.errors import StoreError
from inspector_gui.store import Store
from inspector_gui.store.default import resolve_store
from inspector_gui.store.search_index import stale_index


@dataclass(frozen=True)
class Inspections:
    """Inspections by provider (newest first) and by id: every one of the store's (``complete``),
    or only those of the provider the window selects first."""

    by_provider: dict[str, list[Inspection]] = field(default_factory=dict)
    complete: bool = False
    by_id: dict[str, Inspection] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.by_id.update({i.inspection_id: i for ins in self.by_provider.values() for i in ins})


@dataclass
class Catalogue:
    """The open store's facts. ``providers`` holds every provider by name with its newest
    inspection only (a list of one, or empty): all the tree's rows and grouping need. A provider's
    inspections are known once :attr:`inspections` is complete (or it was the one selected)."""

    path: Path
    info: StoreInfo
    frameworks: dict[str, Framework]
    domains: list[tuple[str, str]]
    providers: list[TreeEntry]
    rounds: list[str] = field(default_factory=list)
    years: list[str] = field(default_factory=list)
    inspections: Inspections = field(default_factory=Inspections)
    inspectorates: dict[str, str] = field(default_factory=dict)
    """Inspectorate names by id, for grouping the tree when a store holds several."""
    notice: str = ""
    """Something the user must be told on opening (a damaged default store was set aside)."""
    _by_id: dict[str, TreeEntry] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update({p.provider_id: (p, i) for p, i in self.providers})

    def add_inspections(self, inspections: Inspections) -> None:
        """Every inspection has arrived (the one change a catalogue sees after it is made)."""
        self.inspections = inspections

    @property
    def complete(self) -> bool:
        return self.inspections.complete

    def provider(self, provider_id: str) -> Provider | None:
        entry = self._by_id.get(provider_id)
        return entry[0] if entry else None

    def newest(self, provider_id: str) -> Inspection | None:
        entry = self._by_id.get(provider_id)
        return entry[1][0] if entry and entry[1] else None

    def inspections_of(self, provider_id: str) -> list[Inspection] | None:
        """Newest first; None while they have not arrived."""
        known = self.inspections.by_provider.get(provider_id)
        return [] if known is None and self.complete else known

    def inspection(self, inspection_id: str) -> Inspection | None:
        return self.inspections.by_id.get(inspection_id)

    def framework_name(self, framework_id: str) -> str:
        framework = self.frameworks.get(framework_id)
        return framework.name if framework else framework_id

    def provider_types(self) -> list[str]:
        present = {p.provider_type for p, _ in self.providers}
        return [t for t in PROVIDER_TYPES if t in present] + sorted(present - set(PROVIDER_TYPES))


def open_catalogue(path: Path | None, selected: str = "", dataset: str = "") -> Catalogue:
    """The catalogue of ``path``, or of the default store (``INSPECTOR_STORE``, else the bundled
    data's store, built on first use) when ``path`` is None, with the inspections of the provider
    the tree key ``selected`` names (the tree selects it before the rest arrive)."""
    notices: list[str] = []
    try:
        target = resolve_store(path, notices.append, dataset or None)
    except OSError as exc:
        raise StoreError(f"the default store cannot be prepared ({exc.strerror})", exc.filename) from None
    with Store.open(target, check=False) as store:
        return Catalogue(target, store.info(), store.frameworks(), store.domains(),
                         [(p, [i] if i else []) for p, i in store.newest_inspections()],
                         store.inspection_rounds(), store.inspection_years(),
                         Inspections(_selected_inspections(store, selected)),
                         inspectorates={i.inspectorate_id: i.name for i in store.inspectorates()},
                         notice=" ".join(notices))


def _selected_inspections(store: Store, key: str) -> dict[str, list[Inspection]]:
    """The inspections of the provider of a tree key (``provider:ID`` or ``inspection:ID``)."""
    kind, _, item = key.partition(":")
    if kind == "inspection":
        inspection = store.inspection(item)
        item = inspection.provider_id if inspection else ""
    elif kind != "provider":
        item = ""
    return {item: store.inspections(item)} if item else {}


def load_inspections(path: Path) -> Inspections:
    """Every inspection of the store, indexed (over 100 ms at 20,000 inspections)."""
    with Store.open(path, check=False) as store:
        return Inspections(_by_provider(store.inspections()), complete=True)


def _by_provider(inspections: Iterable[Inspection]) -> dict[str, list[Inspection]]:
    grouped: dict[str, list[Inspection]] = {}
    for inspection in inspections:
        grouped.setdefault(inspection.provider_id, []).append(inspection)
    return grouped


def check_store(path: Path) -> str | None:
    """Scan the whole file for damage (``PRAGMA quick_check``: 0.4 s warm at 1M findings, seconds
    from a cold disk), raising StoreError naming the problem; then what is wrong with an intact
    file's search index (:func:`stale_index`), or None."""
    store = Store.open(path, check=True)
    try:
        return stale_index(store.conn, path)
    finally:
        store.close()


def load_catalogue(path: Path) -> Catalogue:
    """The whole catalogue at once (for scripts and tests): :func:`open_catalogue` with every
    inspection."""
    catalogue = open_catalogue(path)
    catalogue.add_inspections(load_inspections(path))
    return catalogue
