"""Everything the window needs once per store, loaded in one background query: the store's facts,
frameworks, domains and the provider tree (providers with their inspections). The filter choices
(types, rounds, years) are derived from it, so opening a store is one round trip."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from inspector_gui.domain.frameworks import Framework
from inspector_gui.domain.grouping import TreeEntry
from inspector_gui.domain.records import PROVIDER_TYPES, Inspection, Provider, StoreInfo
from inspector_gui.errors import StoreError
from inspector_gui.store import Store
from inspector_gui.store.default import resolve_store


@dataclass(frozen=True)
class Catalogue:
    path: Path
    info: StoreInfo
    frameworks: dict[str, Framework]
    domains: list[tuple[str, str]]
    tree: list[TreeEntry]
    _providers: dict[str, TreeEntry] = field(default_factory=dict, repr=False)
    _inspections: dict[str, Inspection] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._providers.update({p.provider_id: (p, i) for p, i in self.tree})
        self._inspections.update({i.inspection_id: i for _, ins in self.tree for i in ins})

    def provider(self, provider_id: str) -> Provider | None:
        entry = self._providers.get(provider_id)
        return entry[0] if entry else None

    def inspections_of(self, provider_id: str) -> list[Inspection]:
        """Newest first."""
        entry = self._providers.get(provider_id)
        return entry[1] if entry else []

    def inspection(self, inspection_id: str) -> Inspection | None:
        return self._inspections.get(inspection_id)

    def framework_name(self, framework_id: str) -> str:
        framework = self.frameworks.get(framework_id)
        return framework.name if framework else framework_id

    def provider_types(self) -> list[str]:
        present = {p.provider_type for p, _ in self.tree}
        return [t for t in PROVIDER_TYPES if t in present] + sorted(present - set(PROVIDER_TYPES))

    def rounds(self) -> list[str]:
        return sorted({i.round for i in self._inspections.values() if i.round})

    def years(self) -> list[str]:
        return sorted({str(i.published.year) for i in self._inspections.values() if i.published.known})


def open_catalogue(path: Path | None, checked: Collection[Path] = ()) -> Catalogue:
    """:func:`load_catalogue` of ``path``, or of the default store (``INSPECTOR_STORE``, else the
    bundled data's store, built on first use) when ``path`` is None. The integrity check scans
    the whole file (seconds for a large store), so it is skipped for a file in ``checked``
    (resolved paths that already passed it this session)."""
    try:
        target = resolve_store(path)
    except OSError as exc:
        raise StoreError(f"the default store cannot be prepared ({exc.strerror})", exc.filename) from None
    return load_catalogue(target, check=target.resolve() not in checked)


def load_catalogue(path: Path, check: bool = True) -> Catalogue:
    """Open the store (with a full integrity check unless told otherwise) and read what the
    window needs up front."""
    with Store.open(path, check=check) as store:
        return Catalogue(path, store.info(), store.frameworks(), store.domains(), store.provider_tree())
