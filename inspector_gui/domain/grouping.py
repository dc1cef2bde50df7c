"""Grouping providers for the provider tree: by type then region (the default), or by region,
owner or framework. Pure Python, so the tree's shape is tested without Qt."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from inspector_gui.domain.records import Inspection, Provider

TreeEntry = tuple[Provider, list[Inspection]]
"""A provider with its inspections newest first, as ``Store.provider_tree`` returns it; grouping
reads only the newest, so a list of that one will do."""

GROUPINGS = {
    "type_region": "Type, then region",
    "region": "Region",
    "owner": "Owner",
    "framework": "Framework",
}
TYPE_LABELS = {"CRC": "CRCs", "NPS division": "NPS divisions", "PDU": "PDUs", "region": "Regions",
               "national": "National"}
NOT_RECORDED = "(not recorded)"


@dataclass(frozen=True)
class Group:
    """A labelled set of providers: either subgroups or provider entries, never both."""

    label: str
    groups: tuple[Group, ...] = ()
    entries: tuple[TreeEntry, ...] = ()

    @property
    def count(self) -> int:
        """How many providers the group holds, at any depth."""
        return len(self.entries) + sum(g.count for g in self.groups)

    def provider_ids(self) -> tuple[str, ...]:
        own = tuple(p.provider_id for p, _ in self.entries)
        return own + tuple(pid for g in self.groups for pid in g.provider_ids())


def owner_group(owner: str) -> str:
    """The company behind an owner entry: 'Purple Futures (led by Interserve)' → 'Purple Futures'.

    The bundled data spells one owner several ways with notes in brackets; grouping on the part
    before the bracket keeps each company in one group while the detail pane shows the full text.
    """
    return owner.split(" (")[0].strip() or NOT_RECORDED


def group_providers(entries: Sequence[TreeEntry], by: str,
                    framework_names: dict[str, str] | None = None,
                    inspectorate_names: dict[str, str] | None = None) -> list[Group]:
    """Groups for the tree, in a stable, readable order; ``by`` is a key of :data:`GROUPINGS`.
    Providers of several inspectorates are grouped by inspectorate first, so no group mixes them."""
    names = framework_names or {}
    levels: dict[str, tuple[Callable[[TreeEntry], str], ...]] = {
        "type_region": (_type_label, _region_label),
        "region": (_region_label,),
        "owner": (lambda e: owner_group(e[0].owner),),
        "framework": (lambda e: _framework_label(e, names),),
    }
    if by not in levels:
        raise ValueError(f"unknown grouping {by!r} (expected one of {', '.join(GROUPINGS)})")
    chosen = levels[by]
    if len({e[0].inspectorate_id for e in entries}) > 1:
        who = inspectorate_names or {}
        chosen = (lambda e: who.get(e[0].inspectorate_id) or e[0].inspectorate_id or NOT_RECORDED,
                  *chosen)
    return _group(list(entries), chosen)


def filter_entries(entries: Sequence[TreeEntry], text: str) -> list[TreeEntry]:
    """Providers whose name, region or owner contains every word of ``text`` (any case)."""
    words = text.casefold().split()
    return [e for e in entries
            if all(w in f"{e[0].name} {e[0].region} {e[0].owner}".casefold() for w in words)]


def _group(entries: list[TreeEntry], levels: Sequence[Callable[[TreeEntry], str]]) -> list[Group]:
    buckets: dict[str, list[TreeEntry]] = defaultdict(list)
    for entry in entries:
        buckets[levels[0](entry)].append(entry)
    groups = []
    for label in sorted(buckets, key=_label_order):
        members = buckets[label]
        if len(levels) > 1:
            groups.append(Group(label, groups=tuple(_group(members, levels[1:]))))
        else:
            groups.append(Group(label, entries=tuple(sorted(members, key=lambda e: e[0].name.casefold()))))
    return groups


def _label_order(label: str) -> tuple[bool, int, str]:
    types = list(TYPE_LABELS.values())
    return label == NOT_RECORDED, types.index(label) if label in types else len(types), label.casefold()


def _type_label(entry: TreeEntry) -> str:
    kind = entry[0].provider_type
    return TYPE_LABELS.get(kind, kind or NOT_RECORDED)


def _region_label(entry: TreeEntry) -> str:
    return entry[0].region or NOT_RECORDED


def _framework_label(entry: TreeEntry, names: dict[str, str]) -> str:
    inspections = entry[1]
    if not inspections:
        return NOT_RECORDED
    framework_id = inspections[0].framework_id
    return names.get(framework_id, framework_id)

