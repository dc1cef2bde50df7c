"""The interchange format: one table per file, named and laid out as in ``data/``.

Each spec names its columns in file order, which must be present, and its natural key, so the
readers can recognise a renamed file by its header and the store can upsert on the key.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: tuple[str, ...]
    required: tuple[str, ...]
    key: tuple[str, ...]


TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec(
            "inspectorates",
            ("inspectorate_id", "name", "attribution", "licence_url", "url"),
            ("inspectorate_id", "name"),
            ("inspectorate_id",),
        ),
        TableSpec(
            "frameworks",
            ("framework_id", "name", "applies_to", "in_use", "rated_standards", "max_score",
             "notes", "points_outstanding", "points_good", "points_requires_improvement",
             "points_inadequate", "inspectorate_id"),
            ("framework_id", "name"),
            ("framework_id",),
        ),
        TableSpec(
            "scale_levels",
            ("framework_id", "used_for", "position", "word", "short", "points", "role", "aliases"),
            ("framework_id", "position", "word", "short", "role"),
            ("framework_id", "used_for", "word"),
        ),
        TableSpec(
            "standards",
            ("framework_id", "domain_code", "domain_name", "standard_code", "standard_name",
             "applies_to", "name_confirmed", "concept"),
            ("framework_id", "domain_code", "domain_name", "standard_code", "standard_name"),
            ("framework_id", "standard_code"),
        ),
        TableSpec(
            "providers",
            ("provider_id", "name", "provider_type", "region", "owner", "inspectorate_id"),
            ("provider_id", "name", "provider_type"),
            ("provider_id",),
        ),
        TableSpec(
            "inspections",
            ("inspection_id", "provider_id", "framework_id", "round", "fieldwork_start",
             "published", "overall_rating", "score", "source_url", "notes"),
            ("inspection_id", "provider_id", "framework_id"),
            ("inspection_id",),
        ),
        TableSpec(
            "ratings",
            ("inspection_id", "standard_code", "rating", "basis", "source_url", "notes"),
            ("inspection_id", "standard_code", "rating"),
            ("inspection_id", "standard_code"),
        ),
        TableSpec(
            "findings",
            ("inspection_id", "domain_code", "standard_code", "kind", "text", "source_url"),
            ("inspection_id", "kind", "text"),
            ("inspection_id", "kind", "text"),
        ),
        TableSpec(
            "peer_groups",
            ("provider_id", "source", "position", "peer_provider_id"),
            ("provider_id", "source", "peer_provider_id"),
            ("provider_id", "source", "peer_provider_id"),
        ),
    )
}

IMPORT_ORDER = ("inspectorates", "frameworks", "scale_levels", "standards", "providers",
                "inspections", "ratings", "findings", "peer_groups")
INT_COLUMNS = frozenset({
    "rated_standards", "max_score", "points_outstanding", "points_good",
    "points_requires_improvement", "points_inadequate", "position", "points",
})
KEPT_WHEN_ABSENT = frozenset({("standards", "concept"), ("frameworks", "inspectorate_id"),
                              ("providers", "inspectorate_id")})
"""Optional columns a file may leave out without clearing what the store holds: a standards file
made before concepts existed does not erase the concepts already imported, nor one made before
inspectorates existed the inspectorate of its frameworks and providers."""
MAX_FIELD_BYTES = 1_000_000
MAX_PROBLEMS = 50


def table_for_header(header: list[str]) -> TableSpec | None:
    """The table a renamed file holds: the one whose columns its header matches exactly."""
    names = set(header)
    for spec in TABLES.values():
        if set(spec.required) <= names <= set(spec.columns):
            return spec
    return None


def closest_table(header: list[str]) -> TableSpec | None:
    """The table a renamed file with a wrong header most likely holds (at least half of its
    columns present), so its problems can be named column by column."""
    names = set(header)
    best = max(TABLES.values(), key=lambda spec: len(names & set(spec.columns)))
    return best if 2 * len(names & set(best.columns)) >= len(best.columns) else None
