"""A provider summary as JSON, in the structure documented in ``docs/export.md``.

The structure is versioned by ``format_version``: fields may be added within a version, never
renamed or removed. Dates keep the precision the sources gave (``2019``, ``2019-05``,
``2019-05-08`` or empty); ratings are the words of the scale, ``""`` meaning not recorded.
"""

from __future__ import annotations

from typing import Any

from inspector_gui.domain.frameworks import Score
from inspector_gui.domain.records import Finding
from inspector_gui.domain.summary import CellSummary, InspectionSummary, ProviderSummary
from inspector_gui.exchange.json_text import dumps

SUMMARY_FORMAT = "inspector-gui/provider-summary"
FORMAT_VERSION = 1


def render_json(summary: ProviderSummary) -> str:
    return dumps(summary_document(summary))


def summary_document(summary: ProviderSummary) -> dict[str, Any]:
    provider = summary.provider
    return {
        "format": SUMMARY_FORMAT,
        "format_version": FORMAT_VERSION,
        "generated_by": summary.generated_by,
        "generated_on": summary.generated_on.isoformat(),
        "data_as_at": summary.as_at.iso(),
        "provider": {"provider_id": provider.provider_id, "name": provider.name,
                     "provider_type": provider.provider_type, "region": provider.region,
                     "owner": provider.owner},
        "filters": {
            "domains": None if summary.domain_filter is None else [c for c, _ in summary.domain_filter],
            "kinds": None if summary.kind_filter is None else list(summary.kind_filter),
        },
        "inspections": [_inspection(s) for s in summary.inspections],
        "since_previous_inspection": summary.since_record,
        "findings": [_finding(f) for g in summary.finding_groups for f in g.findings],
    }


def score_document(score: Score) -> dict[str, Any]:
    return {"points": score.points, "maximum": score.maximum, "standards_recorded": score.recorded,
            "standards_required": score.required, "complete": score.complete}


def _inspection(summary: InspectionSummary) -> dict[str, Any]:
    inspection = summary.inspection
    return {
        "inspection_id": inspection.inspection_id,
        "published": inspection.published.iso(),
        "fieldwork_start": inspection.fieldwork_start.iso(),
        "round": inspection.round,
        "framework_id": summary.framework.framework_id,
        "framework": summary.framework.name,
        "overall_rating": inspection.overall.value,
        "overall_change": summary.overall_change.value,
        "published_score": inspection.published_score,
        "score": score_document(summary.score),
        "source_urls": list(inspection.source_urls),
        "notes": inspection.notes,
        "ratings": [_rating(c) for c in summary.cells],
    }


def _rating(cell: CellSummary) -> dict[str, Any]:
    return {
        "domain_code": cell.standard.domain_code,
        "domain": cell.standard.domain_name,
        "standard_code": cell.standard.code,
        "standard": cell.standard.name,
        "rating": cell.rating.value,
        "basis": cell.cell.basis if cell.cell else "",
        "change": cell.change.value,
        "previous_rating": cell.previous.value if cell.previous else None,
        "source_url": cell.cell.source_url if cell.cell else "",
    }


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "inspection_id": finding.inspection_id,
        "published": finding.published.iso(),
        "domain_code": finding.domain_code,
        "domain": finding.domain_name,
        "standard_code": finding.standard_code,
        "standard": finding.standard_name,
        "kind": finding.kind,
        "text": finding.text,
        "source_url": finding.source_url,
    }
