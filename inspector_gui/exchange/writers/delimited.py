"""A provider summary as CSV: one row per inspection, recorded rating and finding, with a
``record`` column saying which, so a spreadsheet can filter on it.

UTF-8 with a byte-order mark (Excel then reads accents correctly), RFC 4180 quoting. A cell that
would start with ``=``, ``+``, ``-`` or ``@`` gets a leading apostrophe, so a spreadsheet shows
imported text instead of running it as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence

from inspector_gui.domain.records import RatingCell
from inspector_gui.domain.summary import CellSummary, InspectionSummary, ProviderSummary

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SUMMARY_COLUMNS = (
    "record", "provider_id", "provider", "inspection_id", "published", "framework_id", "framework",
    "round", "domain_code", "domain", "standard_code", "standard", "kind", "rating", "basis",
    "change", "previous_rating", "score", "text", "source_url",
)


def safe_cell(value: object) -> str:
    """A cell's text, defused if a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(columns: Sequence[str], rows: Iterator[dict[str, object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([safe_cell(row.get(c)) for c in columns] for row in rows)
    return buffer.getvalue()


def render_csv(summary: ProviderSummary) -> str:
    return to_csv(SUMMARY_COLUMNS, _rows(summary))


def _rows(summary: ProviderSummary) -> Iterator[dict[str, object]]:
    provider = {"provider_id": summary.provider.provider_id, "provider": summary.provider.name}
    for inspection in summary.inspections:
        base = provider | _inspection_fields(inspection)
        yield base | {"record": "inspection", "rating": inspection.inspection.overall.label,
                      "change": inspection.overall_change.value, "score": inspection.score_text,
                      "text": inspection.inspection.notes,
                      "source_url": " ; ".join(inspection.inspection.source_urls)}
        yield from (base | _rating_fields(c, c.cell) for c in inspection.cells if c.cell)
    yield from (provider | {"record": "since previous inspection", "text": text}
                for style, text in summary.since_lines if style != "h")
    for group in summary.finding_groups:
        for f in group.findings:
            yield provider | {
                "record": "finding", "inspection_id": f.inspection_id, "published": f.published.iso(),
                "domain_code": f.domain_code, "domain": f.domain_name, "standard_code": f.standard_code,
                "standard": f.standard_name, "kind": f.kind, "text": f.text, "source_url": f.source_url}


def _inspection_fields(summary: InspectionSummary) -> dict[str, object]:
    inspection = summary.inspection
    return {"inspection_id": inspection.inspection_id, "published": inspection.published.iso(),
            "framework_id": summary.framework.framework_id, "framework": summary.framework.name,
            "round": inspection.round}


def _rating_fields(cell: CellSummary, recorded: RatingCell) -> dict[str, object]:
    return {"record": "rating", "domain_code": cell.standard.domain_code,
            "domain": cell.standard.domain_name, "standard_code": cell.standard.code,
            "standard": cell.standard.name, "rating": recorded.rating.label, "basis": recorded.basis,
            "change": cell.change.value,
            "previous_rating": cell.previous.label if cell.previous else "",
            "source_url": recorded.source_url}
