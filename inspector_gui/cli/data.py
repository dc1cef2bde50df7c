"""Commands that read or fill a store: info, import, findings, ratings."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from inspector_gui.cli.common import fail, handle_errors, open_store, resolve_domains, store_option
from inspector_gui.cli.output import format_option, render
from inspector_gui.domain.records import KINDS, FindingQuery, MatrixRow
from inspector_gui.errors import ImportFailed
from inspector_gui.store import Store
from inspector_gui.store.default import resolve_store
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
    click.echo("\n".join(lines))


@click.command(name="import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, readable=False))
@store_option
@handle_errors
def import_(paths: tuple[Path, ...], store_path: Path | None) -> None:
    """Import interchange files (CSV or JSON) into a store, in one transaction.

    PATHS are folders or files named after their table (frameworks, standards, providers,
    inspections, ratings, findings); a renamed CSV is recognised by its header. Importing the
    same files twice changes nothing. The store is created if it does not exist.

    \b
    Example:
      inspector import new-inspections/ --store my.db
    """
    target = resolve_store(store_path)
    created = not target.exists()
    try:
        report = _import(paths, target, created)
    except ImportFailed as exc:
        click.echo(str(exc), err=True)
        fail(f"import rejected; {target} was not {'created' if created else 'changed'}")
    click.echo(f"imported into {target}: {report.summary()}")


def _import(paths: tuple[Path, ...], target: Path, create: bool) -> ImportReport:
    """A store created here is removed again when the import fails, so a rejected import leaves
    no file behind."""
    store = Store.create(target) if create else Store.open(target, readonly=False)
    try:
        with store:
            return store.import_files(paths, _progress if sys.stderr.isatty() else None)
    except BaseException:
        if create:
            target.unlink(missing_ok=True)
        raise


def _progress(done: int, total: int) -> None:
    click.echo(f"\rimporting {done:,} of {total:,} rows", err=True, nl=done >= total)


@click.command()
@click.option("--provider", help="Provider id or name (case-insensitive).")
@click.option("--inspection", help="Inspection id.")
@click.option("--domain", multiple=True, help="Domain code or name; repeat for several.")
@click.option("--standard", help="Standard code, e.g. 2.1.")
@click.option("--kind", type=click.Choice(KINDS), multiple=True, help="Kind; repeat for several.")
@click.option("--search", default="", help="Words to find (plain words, not query syntax).")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@format_option
@store_option
@handle_errors
def findings(provider: str | None, inspection: str | None, domain: tuple[str, ...],
             standard: str | None, kind: tuple[str, ...], search: str, limit: int, fmt: str,
             store_path: Path | None) -> None:
    """List findings, newest inspection first, filtered by any of the options.

    \b
    Example:
      inspector findings --domain 2 --search "risk of harm"
    """
    with open_store(store_path) as store:
        query = FindingQuery(
            provider_ids=(store.find_provider(provider).provider_id,) if provider else None,
            inspection_id=inspection, domain_codes=resolve_domains(store, domain), standard_code=standard,
            kinds=kind or None, search=search, limit=limit)
        rows = [{"published": f.published.iso(), "provider": f.provider_name, "domain": f.domain_code,
                 "standard": f.standard_code, "kind": f.kind, "text": f.text,
                 "inspection_id": f.inspection_id, "source_url": f.source_url}
                for f in store.findings(query)]
        total = store.count_findings(query)
    columns = ["published", "provider", "domain", "standard", "kind", "text"]
    if fmt != "table":
        columns += ["inspection_id", "source_url"]
    click.echo(render(rows, columns, fmt))
    if fmt == "table":
        click.echo(f"{len(rows)} of {total} matching findings", err=True)


@click.command()
@click.option("--provider", help="Only this provider (id or name).")
@click.option("--round", "round_", help="Inspection round, e.g. 2018/19.")
@click.option("--type", "provider_type", help="Provider type: CRC, NPS division, PDU, region.")
@click.option("--all-inspections", is_flag=True, help="Every inspection, not only the latest.")
@format_option
@store_option
@handle_errors
def ratings(provider: str | None, round_: str | None, provider_type: str | None,
            all_inspections: bool, fmt: str, store_path: Path | None) -> None:
    """Show the rating matrix: standard ratings, overall rating and score or coverage.

    With --round every inspection of that round is listed; otherwise each provider's latest.

    \b
    Example:
      inspector ratings --round 2018/19
    """
    with open_store(store_path) as store:
        ids = (store.find_provider(provider).provider_id,) if provider else None
        rows = store.rating_matrix(provider_ids=ids, round=round_, provider_type=provider_type,
                                   latest_only=not (all_inspections or round_ or provider))
    codes = sorted({code for row in rows for code in row.cells}, key=_code_key)
    records = [_matrix_record(row, codes, fmt) for row in rows]
    columns = ["provider", "published", "round", "framework", *codes, "overall", "score"]
    click.echo(render(records, columns, fmt))
    if fmt == "table":
        click.echo(f"{len(rows)} inspections", err=True)


def _code_key(code: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in code.split("."))


def _matrix_record(row: MatrixRow, codes: list[str], fmt: str) -> dict[str, object]:
    record: dict[str, object] = {
        "provider": row.provider.name, "published": row.inspection.published.iso(),
        "round": row.inspection.round, "framework": row.inspection.framework_id,
        "overall": row.inspection.overall.label if row.inspection.overall.value else "",
        "score": row.inspection.published_score or (row.score.label if row.score else ""),
    }
    for code in codes:
        cell = row.cells.get(code)
        if fmt == "table":
            record[code] = (cell.rating.short + ("*" if not cell.stated else "")) if cell else ""
        else:
            record[code] = cell.rating.value if cell else ""
    return record
