"""The store's schema, created with sqlite-utils so that Datasette and ``sqlite-utils search``
understand it (foreign keys, an FTS5 table ``findings_fts`` kept in sync by triggers).

``PRAGMA application_id`` marks the file as ours; ``PRAGMA user_version`` is the schema version.
``MIGRATIONS[n]`` takes a store from version n to n + 1; ``inspector migrate`` runs them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported by the functions' callers: sqlite-utils takes 0.14 s to import
    import sqlite_utils

APPLICATION_ID = 0x49475549  # "IGUI"
SCHEMA_VERSION = 5
TABLE_NAMES = ("frameworks", "standards", "providers", "inspections", "ratings", "findings")
"""The tables every store of ours has had, by which a store of any version is recognised."""
DATA_TABLES = ("inspectorates", "frameworks", "scale_levels", "standards", "providers",
               "inspections", "ratings", "findings", "peer_groups")
"""Every table of data in the current schema (schema 4 added inspectorates, scale levels and
peer groups)."""


def create_schema(db: sqlite_utils.Database) -> None:
    """Create every table, index and the FTS index in an empty database."""
    create_tables(db)
    create_indexes_and_search(db)


def create_tables(db: sqlite_utils.Database) -> None:
    """The tables alone, marked as ours: a bulk load fills them before indexes exist."""
    _create_tables(db)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def create_indexes_and_search(db: sqlite_utils.Database) -> None:
    """Indexes and the FTS index (filled from the rows already there) with its sync triggers."""
    _create_indexes(db)
    _create_search_index(db)


def _create_search_index(db: sqlite_utils.Database) -> None:
    """The FTS5 index on finding text with its triggers (kept as it is when already right), and
    the table of its terms (:mod:`term_table`)."""
    from inspector_gui.store.term_table import CREATE

    db["findings"].enable_fts(["text"], tokenize="porter", create_triggers=True, replace=True)
    db.execute(CREATE)


def _create_meta(db: sqlite_utils.Database) -> None:
    db["store_meta"].create({"key": str, "value": str}, pk="key", if_not_exists=True)


def _create_tables(db: sqlite_utils.Database) -> None:
    _create_meta(db)
    _create_inspectorates(db)
    db["frameworks"].create(
        {"framework_id": str, "name": str, "applies_to": str, "in_use": str,
         "rated_standards": int, "max_score": int, "notes": str, "points_outstanding": int,
         "points_good": int, "points_requires_improvement": int, "points_inadequate": int,
         "inspectorate_id": str},
        pk="framework_id", not_null={"name"},
    )
    _create_scale_levels(db)
    db["standards"].create(
        {"framework_id": str, "domain_code": str, "domain_name": str, "standard_code": str,
         "standard_name": str, "applies_to": str, "name_confirmed": str, "concept": str},
        pk=("framework_id", "standard_code"),
        foreign_keys=[("framework_id", "frameworks", "framework_id")],
    )
    db["providers"].create(
        {"provider_id": str, "name": str, "provider_type": str, "region": str, "owner": str,
         "inspectorate_id": str},
        pk="provider_id", not_null={"name", "provider_type"},
    )
    db["inspections"].create(
        {"inspection_id": str, "provider_id": str, "framework_id": str, "round": str,
         "fieldwork_start": str, "published": str, "overall_rating": str, "score": str,
         "source_url": str, "notes": str},
        pk="inspection_id",
        foreign_keys=[("provider_id", "providers", "provider_id"),
                      ("framework_id", "frameworks", "framework_id")],
    )
    db["ratings"].create(
        {"inspection_id": str, "standard_code": str, "rating": str, "basis": str,
         "source_url": str, "notes": str},
        pk=("inspection_id", "standard_code"),
        foreign_keys=[("inspection_id", "inspections", "inspection_id")],
    )
    db["findings"].create(
        {"id": int, "inspection_id": str, "domain_code": str, "standard_code": str, "kind": str,
         "text": str, "source_url": str, "natural_key": str},
        pk="id", not_null={"inspection_id", "kind", "text"},
        foreign_keys=[("inspection_id", "inspections", "inspection_id")],
    )
    _create_peer_groups(db)


def _create_inspectorates(db: sqlite_utils.Database) -> None:
    """Who inspects: each owns its frameworks and its providers (and so their types), and says
    how its data must be attributed wherever it is shown."""
    db["inspectorates"].create(
        {"inspectorate_id": str, "name": str, "attribution": str, "licence_url": str, "url": str},
        pk="inspectorate_id", not_null={"name"}, if_not_exists=True,
    )


def _create_scale_levels(db: sqlite_utils.Database) -> None:
    """A framework's rating scale, one row a level (``position`` 1 is the best). ``used_for`` is
    ``standards``, ``overall`` or empty for both. A framework without rows rates on the four-word
    scale with the points of its ``points_*`` columns."""
    db["scale_levels"].create(
        {"framework_id": str, "used_for": str, "position": int, "word": str, "short": str,
         "points": int, "role": str, "aliases": str},
        pk=("framework_id", "used_for", "word"), not_null={"position", "short", "role"},
        foreign_keys=[("framework_id", "frameworks", "framework_id")], if_not_exists=True,
    )


def _create_peer_groups(db: sqlite_utils.Database) -> None:
    """Each provider's published peer group (Ofsted: the DfE's statistical neighbours), closest
    first by ``position``, named by ``source``; benchmarks compare a provider with its peers."""
    db["peer_groups"].create(
        {"provider_id": str, "source": str, "position": int, "peer_provider_id": str},
        pk=("provider_id", "source", "peer_provider_id"),
        foreign_keys=[("provider_id", "providers", "provider_id"),
                      ("peer_provider_id", "providers", "provider_id")], if_not_exists=True,
    )


_INDEXES = (
    ("findings", ("natural_key",), True),
    ("findings", ("inspection_id", "id"), False),
    ("findings", ("domain_code", "kind"), False),
    ("findings", ("kind",), False),
    ("findings", ("standard_code",), False),  # a rare standard's page, when walking fails
    ("inspections", ("provider_id", "published"), False),
    ("inspections", ("published",), False),
    ("inspections", ("round",), False),
    ("providers", ("name",), False),
    ("providers", ("inspectorate_id",), False),
    ("peer_groups", ("peer_provider_id",), False),
)


def _create_indexes(db: sqlite_utils.Database) -> None:
    for table, columns, unique in _INDEXES:
        db[table].create_index(list(columns), unique=unique, if_not_exists=True)


def _unversioned_to_1(db: sqlite_utils.Database) -> None:
    """Schema 1 is the first one stamped with a version. A store at version 0 holds the six data
    tables but may lack what schema 1 builds on them: the ``store_meta`` table, the filter
    indexes and the full-text index with its triggers. Create what is missing and rebuild the
    full-text index, whose triggers may not have kept it in step."""
    _create_meta(db)
    _create_indexes(db)
    _create_search_index(db)
    db["findings"].rebuild_fts()


def _standards_concept(db: sqlite_utils.Database) -> None:
    """Schema 2 adds ``standards.concept``, the key that says which standards of different
    frameworks are compared with each other. Existing standards get none (NULL) until their
    data is imported again; every view treats a missing concept as "not mapped"."""
    if "concept" not in db["standards"].columns_dict:
        db.execute("ALTER TABLE standards ADD COLUMN concept TEXT")


def _2_to_3(db: sqlite_utils.Database) -> None:
    """Schema 3 keeps the search index's terms with their counts in a table (``term_table``), so
    a prefix is expanded without reading the index; filled by the last step (:func:`_4_to_5`),
    whose new ids change the index. (Schema 3 also put each inspection's findings on consecutive
    ids, which schema 5's order gives them.)"""
    from inspector_gui.store.term_table import CREATE

    db.execute(CREATE)


def _inspectorates_and_scales(db: sqlite_utils.Database) -> None:
    """Schema 4: inspectorates, framework scales and peer groups. Every store before it held HM
    Inspectorate of Probation's data only, so its frameworks and providers become that
    inspectorate's; their four-word scale needs no rows."""
    _create_inspectorates(db)
    _create_scale_levels(db)
    _create_peer_groups(db)
    for table in ("frameworks", "providers"):
        if "inspectorate_id" not in db[table].columns_dict:
            db.execute(f"ALTER TABLE {table} ADD COLUMN inspectorate_id TEXT")
    db.execute("INSERT OR IGNORE INTO inspectorates (inspectorate_id, name, url) VALUES (?, ?, ?)",
               HMIP)
    for table in ("frameworks", "providers"):
        db.execute(f"UPDATE {table} SET inspectorate_id = ? WHERE coalesce(inspectorate_id, '') = ''",
                   (HMIP[0],))


def _4_to_5(db: sqlite_utils.Database) -> None:
    """Schema 5 keeps finding ids in the order the findings are shown, newest inspection first
    (``ordering``): every finding gets its place, the full-text index follows and its term table
    is written again."""
    from inspector_gui.store import ordering, term_table

    ordering.renumber(db.conn, None)
    term_table.refresh(db.conn)


HMIP = ("hmip", "HM Inspectorate of Probation", "https://www.justiceinspectorates.gov.uk/hmiprobation/")
MIGRATIONS: tuple[Callable[[sqlite_utils.Database], None], ...] = (
    _unversioned_to_1, _standards_concept, _2_to_3, _inspectorates_and_scales, _4_to_5)


def migrate_schema(db: sqlite_utils.Database, version: int) -> None:
    """Run every step from ``version`` to :data:`SCHEMA_VERSION`, in the caller's transaction."""
    for step in MIGRATIONS[version:SCHEMA_VERSION]:
        step(db)
