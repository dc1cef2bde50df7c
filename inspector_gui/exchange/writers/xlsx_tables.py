"""What each workbook holds, as :class:`Sheet` tables: the league table (one sheet per league
group, each ranked on its own; frameworks number their standards differently), findings, and a
provider summary (inspections, ratings, findings, comparison with the previous inspection,
sources)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from inspector_gui.domain.domains import framework_tags
from inspector_gui.domain.frameworks import Framework, Standard
from inspector_gui.domain.league import LeagueEntry, LeagueGroup, LeagueTable
from inspector_gui.domain.matrix import blocks_for
from inspector_gui.domain.ratings import Rating
from inspector_gui.domain.records import KIND_LABELS, Finding
from inspector_gui.domain.summary import ProviderSummary
from inspector_gui.domain.wording import counted
from inspector_gui.exchange.writers.wording import change_words, filter_line, provenance, source_text, title
from inspector_gui.exchange.writers.workbook import Notes, RatingValue, Sheet, Value, notes_attribution

LEAGUE_COLUMNS = ("Rank", "Tied", "Provider", "Provider type", "Region", "Inspection", "Published", "Round",
                  "Overall rating", "Score", "Score basis")
FINDING_COLUMNS = ("Finding id", "Published", "Provider", "Inspection", "Domain code", "Domain",
                   "Standard code", "Standard", "Kind", "Finding", "Source URL")
WIDE = 80


def league_sheets(table: LeagueTable, frameworks: Mapping[str, Framework]) -> list[Sheet]:
    """One sheet per league group (one framework, provider type and round or year), in the
    table's order and ranked as in it, with the standards that group is rated on: a group's
    ranks start at 1, so groups never share a table."""
    tags = framework_tags(frameworks)
    by_group: dict[LeagueGroup, list[LeagueEntry]] = {}
    for entry in table.entries:
        if entry.group is not None and entry.group.framework_id in frameworks:
            by_group.setdefault(entry.group, []).append(entry)
    return [_league_sheet(group, frameworks, tags[group.framework_id], entries)
            for group, entries in by_group.items()]


def group_sheet_name(group: LeagueGroup, tag: str) -> str:
    """``NPS division 2018-19 (2018)``: provider type, period and the framework's short tag (as
    the window names a framework's domains), the type shortened to keep within Excel's 31
    characters; :func:`~inspector_gui.exchange.writers.workbook.sheet_name` makes it valid and
    unique."""
    tail = f" {group.period.replace('/', '-')} ({tag})"
    kind = group.provider_type or "type not recorded"
    return (kind[:max(31 - len(tail), 0)].rstrip() + tail).strip()


def _league_sheet(group: LeagueGroup, frameworks: Mapping[str, Framework], tag: str,
                  entries: list[LeagueEntry]) -> Sheet:
    framework = frameworks[group.framework_id]
    standards = blocks_for([e.row for e in entries], frameworks)[0].standards
    columns = (*LEAGUE_COLUMNS, *(s.title for s in standards), "Source URL")
    return Sheet(group_sheet_name(group, tag), f"League table: {group.label} ({framework.framework_id})",
                 columns, (_league_row(e, framework, standards) for e in entries),
                 f"League group {group.label}: {counted(len(entries), 'inspection')}, {group.ranking}",
                 {2: 30, len(columns) - 1: 60})


def _league_row(entry: LeagueEntry, framework: Framework, standards: Sequence[Standard]) -> list[Value]:
    row, provider, inspection = entry.row, entry.row.provider, entry.row.inspection
    own = {s.code for s in framework.standards_for(provider.provider_type)}
    cells = [RatingValue(row.cells[s.code].rating if s.code in row.cells else Rating.NOT_RECORDED,
                         s.code in own) for s in standards]
    return [entry.rank, "yes" if entry.tied else "", provider.name, provider.provider_type, provider.region,
            inspection.inspection_id, inspection.published.iso(), inspection.round,
            RatingValue(inspection.overall), entry.score_label, entry.basis, *cells,
            " ; ".join(inspection.source_urls)]


def league_notes(table: LeagueTable) -> Notes:
    scope = "each provider's latest inspection" if table.latest_only else "every inspection"
    return Notes("League table: inspections ranked within league groups", source_text(table.inspectorates),
                 table.as_at.display(), provenance(table), [("inspections", scope)],
                 notes_attribution(table.inspectorates, table.attribution))


def findings_sheet(findings: Iterable[Finding],
                   notebook: Mapping[str, tuple[str, str]] | None = None) -> Sheet:
    """Findings in the order given; with ``notebook`` (natural key → tags, notes) two more columns."""
    columns = FINDING_COLUMNS + (("Your tags", "Your notes") if notebook is not None else ())
    return Sheet("Findings", "Findings", columns, _finding_rows(findings, notebook),
                 "The findings the filters chose, newest inspection first", {2: 28, 9: WIDE, 10: 40})


def _finding_rows(findings: Iterable[Finding], notebook: Mapping[str, tuple[str, str]] | None
                  ) -> Iterator[list[Value]]:
    for f in findings:
        row: list[Value] = [f.finding_id, f.published.iso(), f.provider_name, f.inspection_id, f.domain_code,
                            f.domain_name, f.standard_code, f.standard_name, KIND_LABELS.get(f.kind, f.kind),
                            f.text, f.source_url]
        if notebook is not None:
            row += list(notebook.get(f.natural_key, ("", "")))
        yield row


def summary_workbook(summary: ProviderSummary, notebook: Mapping[str, tuple[str, str]] | None = None
                     ) -> tuple[Notes, list[Sheet]]:
    """A provider summary: inspections, ratings, findings (with the user's tags and notes when
    ``notebook`` is given), the comparison with the previous inspection, and the sources."""
    filters = [("provider", summary.provider.name), ("findings", filter_line(summary))]
    notes = Notes(title(summary), source_text(summary.inspectorates), summary.as_at.display(),
                  provenance(summary), filters, notes_attribution(summary.inspectorates, summary.attribution))
    findings = (f for group in summary.finding_groups for f in group.findings)
    return notes, [_inspections(summary), _ratings(summary), findings_sheet(findings, notebook),
                   _comparison(summary), _sources(summary)]


def _inspections(summary: ProviderSummary) -> Sheet:
    columns = ("Inspection", "Published", "Fieldwork start", "Round", "Framework", "Overall rating",
               "Change since previous", "Score", "Source URL")
    rows = ([s.inspection.inspection_id, s.inspection.published.iso(), s.inspection.fieldwork_start.iso(),
             s.inspection.round, s.framework.name, RatingValue(s.inspection.overall),
             change_words(s.overall_change), s.score_text, " ; ".join(s.inspection.source_urls)]
            for s in summary.inspections)
    return Sheet("Inspections", f"Inspections of {summary.provider.name}, newest first", columns, rows,
                 "Each inspection with its overall rating and score", {4: 30, 8: 60})


def _ratings(summary: ProviderSummary) -> Sheet:
    columns = ("Inspection", "Published", "Framework", "Domain code", "Domain", "Standard code", "Standard",
               "Rating", "Basis", "Source URL")
    rows = ([s.inspection.inspection_id, s.inspection.published.iso(), s.framework.framework_id,
             c.standard.domain_code, c.standard.domain_name, c.standard.code, c.standard.name,
             RatingValue(c.rating), c.cell.basis if c.cell else "", c.cell.source_url if c.cell else ""]
            for s in summary.inspections for c in s.cells)
    return Sheet("Ratings", f"Standard ratings of {summary.provider.name}", columns, rows,
                 "One row per inspection and standard of its framework", {4: 28, 6: 30, 9: 60})


def _comparison(summary: ProviderSummary) -> Sheet:
    columns = ("Inspection", "Published", "Framework", "Standard code", "Standard", "Previous rating",
               "Rating", "Change")
    return Sheet("Comparison", "Comparison with the previous inspection", columns, _comparison_rows(summary),
                 "Each rating beside the provider's previous inspection's; ratings under different "
                 "frameworks are not compared", {4: 30, 7: 36})


def _comparison_rows(summary: ProviderSummary) -> Iterator[list[Value]]:
    for s in summary.inspections:
        inspection = s.inspection
        base: list[Value] = [inspection.inspection_id, inspection.published.iso(), s.framework.framework_id]
        yield base + ["", "Overall", "", RatingValue(s.inspection.overall), change_words(s.overall_change)]
        for c in s.cells:
            previous: Value = RatingValue(c.previous) if c.previous is not None else ""
            yield base + [c.standard.code, c.standard.name, previous, RatingValue(c.rating),
                          change_words(c.change)]


def _sources(summary: ProviderSummary) -> Sheet:
    rows: Sequence[list[Value]] = [[n, url] for n, url in enumerate(summary.sources(), start=1)]
    return Sheet("Sources", "Sources", ("Number", "URL"), rows, "Every source URL the summary cites",
                 {1: 100})
