"""The store's schema, created with sqlite-utils so that Datasette and ``sqlite-utils search``
understand it (foreign keys, an FTS5 table ``findings_fts`` kept in sync by triggers).

``PRAGMA application_id`` marks the file as ours; ``PRAGMA user_version`` is the schema version.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported by the functions' callers: sqlite-utils takes 0.14 s to import
    import sqlite_utils

APPLICATION_ID = 0x49475549  # "IGUI"
SCHEMA_VERSION = 1
TABLE_NAMES = ("frameworks", "standards", "providers", "inspections", "ratings", "findings")


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
    db["findings"].enable_fts(["text"], tokenize="porter", create_triggers=True)


def _create_tables(db: sqlite_utils.Database) -> None:
    db["store_meta"].create({"key": str, "value": str}, pk="key")
    db["frameworks"].create(
        {"framework_id": str, "name": str, "applies_to": str, "in_use": str,
         "rated_standards": int, "max_score": int, "notes": str, "points_outstanding": int,
         "points_good": int, "points_requires_improvement": int, "points_inadequate": int},
        pk="framework_id", not_null={"name"},
    )
    db["standards"].create(
        {"framework_id": str, "domain_code": str, "domain_name": str, "standard_code": str,
         "standard_name": str, "applies_to": str, "name_confirmed": str},
        pk=("framework_id", "standard_code"),
        foreign_keys=[("framework_id", "frameworks", "framework_id")],
    )
    db["providers"].create(
        {"provider_id": str, "name": str, "provider_type": str, "region": str, "owner": str},
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


def _create_indexes(db: sqlite_utils.Database) -> None:
    db["findings"].create_index(["natural_key"], unique=True)
    db["findings"].create_index(["inspection_id", "id"])
    db["findings"].create_index(["domain_code", "kind"])
    db["findings"].create_index(["kind"])
    db["findings"].create_index(["standard_code"])  # a rare standard's page, when walking fails
    db["inspections"].create_index(["provider_id", "published"])
    db["inspections"].create_index(["published"])
    db["inspections"].create_index(["round"])
    db["providers"].create_index(["name"])
