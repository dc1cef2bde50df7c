"""Commands that read or fill a store: info, import, findings, ratings.

What only one command's option needs (the workbook writers, the store's creation, direction of
travel) is imported where it is used: ``inspector findings --format json`` is timed against a
one-line script, and every module it loads is start-up time."""

from __future__ import annotations

import sys
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from inspector_gui.cli.common import (
    chosen_store,
    count_type,
    domain_keys,
    fail,
    handle_errors,
    notebook_option,
    open_store,
    provider_type_option,
    refuse_invisible,
    resolve_domains,
    store_option,
    store_provider_type,
)
from inspector_gui.cli.output import render, say
from inspector_gui.cli.workbook_out import chosen_format, listing_options
from inspector_gui.domain.domains import resolve_standard
from inspector_gui.domain.frameworks import Framework, Standard
from inspector_gui.domain.records import KINDS, FindingQuery, MatrixRow
from inspector_gui.domain.wording import counted
from inspector_gui.errors import ImportFailed, one_line
from inspector_gui.store import Store

if TYPE_CHECKING:
    from inspector_gui.store.imports import ImportReport


@click.command()
@store_option
@handle_errors
def info(store_path: Path | None) -> None:
    """Show the store's path, schema version, counts, frameworks and data coverage.

    \b
    Example:
      inspector info
    """
    with open_store(store_path) as store:
        facts = store.info()
    share = facts.ratings_recorded / facts.ratings_possible if facts.ratings_possible else 0
    lines = [f"store:          {facts.path}", f"schema version: {facts.schema_version}"]
    if facts.synthetic:
        lines.append("SYNTHETIC DATA: generated for testing, not real inspections")
    lines += [f"{table + ':':15} {count}" for table, count in facts.counts.items()]
    lines.append(f"coverage:       {facts.ratings_recorded} of {facts.ratings_possible} standard "
                 f"ratings recorded ({share:.0%})")
    lines.append(f"data as at:     {facts.as_at or 'unknown'}")
    lines.append("frameworks:")
    lines += [f"  {fid:15} {name}" for fid, name in facts.frameworks]
    say("\n".join(lines))


@click.command(name="import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, readable=False))
@click.option("--mapping", "mapping", type=click.Path(path_type=Path, readable=False),
              help="A mapping file (TOML, docs/mapping.md): PATHS is then one spreadsheet "
                   "(CSV, XLSX, XLS or ODS), one row per inspection.")
@store_option
@handle_errors
def import_(paths: tuple[Path, ...], mapping: Path | None, store_path: Path | None) -> None:
    """Import interchange files (CSV or JSON), or a spreadsheet with a mapping, into a store, in
    one transaction.

    PATHS are folders or files named after their table (inspectorates, frameworks, scale_levels,
    standards, providers, inspections, ratings, findings, peer_groups); a renamed CSV is
    recognised by its header. With --mapping, PATHS is one spreadsheet. Importing the same
    files twice changes nothing. The store is created if it does not exist.

    \b
    Example:
      inspector import new-inspections/ --store my.db
      inspector import ratings.xlsx --mapping ratings.toml --store my.db
    """
    if mapping is not None and len(paths) != 1:
        fail("--mapping takes one spreadsheet; import each sheet on its own")
    target = chosen_store(store_path)
    created = not target.exists()
    try:
        report = _import(paths, mapping, target, created)
    except ImportFailed as exc:
        say(str(exc), err=True)
        fail(f"import rejected; {target} was not {'created' if created else 'changed'}")
    say(f"imported into {target}: {report.summary()}")


def _import(paths: tuple[Path, ...], mapping: Path | None, target: Path, create: bool) -> ImportReport:
    """A new store is built under a temporary name and appears only when the import succeeded,
    so a rejected import leaves no file behind and removes nothing another import wrote."""
    progress = _progress if sys.stderr.isatty() else None

    def fill(store: Store) -> ImportReport:
        if mapping is None:
            return store.import_files(paths, progress)
        report, read = store.import_spreadsheet(paths[0], mapping, progress)
        for line in [*(f"warning: {w}" for w in read.warnings), *read.notes]:
            say(one_line(line), err=True)
        return report

    if create:
        from inspector_gui.store.creation import create_store

        return create_store(target, fill)
    with Store.open(target, readonly=False) as store:
        return fill(store)


def _progress(done: int, total: int) -> None:
    click.echo(f"\rimporting {done:,} of {total:,} rows", err=True, nl=done >= total)


@click.command()
@click.option("--provider", help="Provider id, name, or a part of one name (case-insensitive).")
@click.option("--inspection", help="Inspection id.")
@click.option("--domain", multiple=True,
              help="Domain name (every framework's domain of that name), or a code that means one "
                   "domain (else give --framework); repeat for several.")
@click.option("--framework", "framework_id",
              help="The framework whose domain --domain CODE or standard --standard CODE means.")
@click.option("--standard", help="Standard code, e.g. 2.1, that means one standard (else give --framework).")
@click.option("--kind", type=click.Choice(KINDS), multiple=True, help="Kind; repeat for several.")
@click.option("--search", default="", help="Words to find (plain words, not query syntax).")
@click.option("--tag", help="Only findings carrying this tag of yours (see 'inspector tags').")
@click.option("--with-notes", is_flag=True, help="Add your tags and notes as columns.")
@click.option("--limit", type=count_type(1), help="At most this many (default 50; a workbook: all).")
@listing_options
@notebook_option
@store_option
@handle_errors
def findings(provider: str | None, inspection: str | None, domain: tuple[str, ...],
             framework_id: str | None, standard: str | None, kind: tuple[str, ...], search: str,
             tag: str | None, with_notes: bool, limit: int | None, fmt: str | None, output: Path | None,
             force: bool, notebook_path: Path | None, store_path: Path | None) -> None:
    """List findings, newest inspection first, filtered by any of the options.

    A domain is a domain of a framework: "2" is Case supervision in 2018 and Service delivery in
    2023, so --domain takes a name, or a code with --framework. A standard is too: --standard 2.1
    (Assessment in 2018, Court work in 2021) needs --framework where several frameworks have it.
    The id column names a finding for 'inspector tags add' and 'inspector notes add'. With
    --output, every matching finding goes into an Excel workbook whose Notes sheet states the
    filters.

    \b
    Example:
      inspector findings --domain "Case supervision" --search "risk of harm"
      inspector findings --framework pdu-2023 --domain 2
      inspector findings --framework crc-nps-2018 --standard 2.1
      inspector findings --tag evidence --with-notes
      inspector findings --provider "merseyside crc" --output merseyside.xlsx
    """
    refuse_invisible(provider=provider, inspection=inspection, domain=domain, framework=framework_id,
                     standard=standard, tag=tag)
    if framework_id is not None and not (domain or standard):
        fail("--framework names the framework of a --domain or --standard code; give one too")
    fmt = chosen_format(fmt, output, force)
    with open_store(store_path) as store, _notebook(notebook_path, tag is not None or with_notes) as notebook:
        found_provider = store.find_provider(provider) if provider else None
        query = FindingQuery(
            provider_ids=(found_provider.provider_id,) if found_provider else None,
            inspection_id=inspection, domains=domain_keys(resolve_domains(store, domain, framework_id)),
            standard=resolve_standard(standard, store.frameworks(), framework_id) if standard else None,
            kinds=kind or None, search=search, limit=limit or 50,
            natural_keys=tuple(notebook.tagged_keys(tag)) if tag is not None else None)
        if output is not None:
            named = found_provider.name if found_provider else ""
            from inspector_gui.exchange.writers.store_workbooks import query_filters, write_findings_workbook

            filters = query_filters(query, provider=named, tag=tag or "")
            write_findings_workbook(store, query, output, filters, limit=limit, force=force,
                                    notebook=notebook.path if with_notes else None)
            say(f"wrote {min(store.count_findings(query), limit or 10**12)} findings to {output}")
            return
        found = store.findings(query)
        rows = [{"id": f.finding_id, "published": f.published.iso(), "provider": f.provider_name,
                 "domain": f"{f.domain_code} {f.domain_name}".strip(), "standard": f.standard_code,
                 "kind": f.kind, "text": f.text, "inspection_id": f.inspection_id,
                 "source_url": f.source_url} for f in found]
        if with_notes:
            from inspector_gui.cli.notebook import add_notebook_columns

            add_notebook_columns(rows, found, notebook)
        total = store.count_findings(query) if fmt == "table" else None  # only the table says it
    columns = ["id", "published", "provider", "domain", "standard", "kind", "text"]
    columns += ["tags", "notes"] if with_notes else []
    if fmt != "table":
        columns += ["inspection_id", "source_url"]
    say(render(rows, columns, fmt), data=fmt != "table")
    if total is not None:
        say(f"{len(rows)} of {total} matching findings", err=True)


def _notebook(path: Path | None, wanted: bool) -> AbstractContextManager[Any]:
    """The notebook, when the command uses it (``--tag``, ``--with-notes``); else nothing is
    opened or imported."""
    if not wanted:
        return nullcontext()
    from inspector_gui.store.notebook import Notebook

    return Notebook.open(path, create=False)


@click.command()
@click.option("--provider", help="Only this provider (id, name, or a part of one name).")
@click.option("--round", "round_", help="Inspection round, e.g. 2018/19.")
@provider_type_option
@click.option("--all-inspections", is_flag=True, help="Every inspection, not only the latest.")
@listing_options
@store_option
@handle_errors
def ratings(provider: str | None, round_: str | None, provider_type: str | None,
            all_inspections: bool, fmt: str | None, output: Path | None, force: bool,
            store_path: Path | None) -> None:
    """Show the rating matrix: standard ratings, overall rating and score or coverage.

    With --round every inspection of that round is listed; otherwise each provider's latest
    (with --provider too), or every inspection with --all-inspections.
    The table has one block per framework, since frameworks number their standards differently;
    CSV and JSON name each standard column by framework, code and name. With --output, an Excel
    workbook: one sheet per league group (framework, provider type and round or year), each
    rating cell with its word and colour.

    \b
    Example:
      inspector ratings --round 2018/19
      inspector ratings --provider "west yorkshire" --all-inspections
      inspector ratings --output matrix.xlsx
    """
    refuse_invisible(provider=provider, round=round_)
    fmt = chosen_format(fmt, output, force)
    latest_only = not (all_inspections or round_)
    with open_store(store_path) as store:
        found = store.find_provider(provider) if provider else None
        provider_type = store_provider_type(store, provider_type)
        rows = store.rating_matrix(provider_ids=(found.provider_id,) if found else None, round=round_,
                                   provider_type=provider_type, latest_only=latest_only)
        frameworks = store.frameworks()
        if output is not None:
            filters = [(w, v) for w, v in (("provider", found.name if found else ""), ("round", round_ or ""),
                                           ("provider type", provider_type or "")) if v]
            from inspector_gui.exchange.writers.store_workbooks import write_matrix_workbook

            write_matrix_workbook(store, rows, output, filters, latest_only=latest_only, force=force)
            say(f"wrote the rating matrix ({len(rows)} inspections) to {output}")
            return
    blocks = _by_framework(rows, frameworks)
    if fmt == "table":
        say("\n\n".join(_table_block(framework, block) for framework, block in blocks))
        say(counted(len(rows), "inspection"), err=True)
        return
    standards = [s for framework, _ in blocks for s in framework.standards]
    records = [_matrix_record(row, framework, standards) for framework, block in blocks for row in block]
    columns = [*MATRIX_COLUMNS, *(s.full_title for s in standards), *TRAVEL_COLUMNS, "score"]
    say(render(records, columns, fmt), data=fmt != "table")


MATRIX_COLUMNS = ("provider", "published", "round", "framework")
TRAVEL_COLUMNS = ("overall", "change", "age")
"""``change``: the overall rating's move since the provider's previous inspection (``up``,
``down``, ``same``; "mapped, not identical" when the frameworks differ); ``age``: years since
publication."""


def _by_framework(rows: list[MatrixRow], frameworks: dict[str, Framework]
                  ) -> list[tuple[Framework, list[MatrixRow]]]:
    """Rows grouped by their framework, in the order frameworks first appear."""
    groups: dict[str, list[MatrixRow]] = {}
    for row in rows:
        groups.setdefault(row.inspection.framework_id, []).append(row)
    return [(frameworks[fid], block) for fid, block in groups.items()]


def _table_block(framework: Framework, rows: list[MatrixRow]) -> str:
    """One framework's rows with its own standard codes as columns, and a key to the codes."""
    codes = [s.code for s in framework.standards]
    records = []
    for row in rows:
        record = _common(row)
        applicable = {s.code for s in framework.standards_for(row.provider.provider_type)}
        for code in codes:
            cell = row.cells.get(code)
            record[code] = ("n/a" if code not in applicable else
                            cell.rating.short + ("*" if not cell.stated else "") if cell else "")
        records.append(record)
    key = "; ".join(s.title for s in framework.standards)
    table = render(records, [*MATRIX_COLUMNS[:3], *codes, *TRAVEL_COLUMNS, "score"], "table")
    return f"{framework.name} ({framework.framework_id}): {key}\n{table}"


def _common(row: MatrixRow) -> dict[str, object]:
    from inspector_gui.domain.travel import travel, travel_record  # ratings only

    return {
        "provider": row.provider.name, "published": row.inspection.published.iso(),
        "round": row.inspection.round, "framework": row.inspection.framework_id,
        "overall": row.inspection.overall.value,
        "score": row.inspection.published_score or (row.score.label if row.score else ""),
        **travel_record(travel(row.inspection, row.previous)),
    }


def _matrix_record(row: MatrixRow, framework: Framework, standards: list[Standard]) -> dict[str, object]:
    """A row for CSV or JSON, a column per (framework, standard): a rating word, empty when not
    recorded, "n/a" when the standard is not one this provider is rated on (another framework's,
    or one for another provider type)."""
    record = _common(row)
    own = {s.code for s in framework.standards_for(row.provider.provider_type)}
    for standard in standards:
        mine = standard.framework_id == framework.framework_id and standard.code in own
        cell = row.cells.get(standard.code) if mine else None
        record[standard.full_title] = cell.rating.value if cell else ("" if mine else "n/a")
    return record
