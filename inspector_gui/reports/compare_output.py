"""A comparison of two inspections as what a file or screen shows: JSON-ready data, CSV rows, and
lines of text with headings (the terminal, Markdown and the provider summary's "Since the previous
inspection" section are written from these)."""

from __future__ import annotations

from typing import Any

from inspector_gui.domain.frameworks import Score
from inspector_gui.domain.records import KIND_LABELS, Finding, Inspection
from inspector_gui.reports.compare import (
    MAPPED,
    NO_FINDINGS,
    RECURRING,
    SPEAKS_TO,
    Comparison,
    FindingPair,
)

MEASURE = ("weighted cosine similarity of the findings' Porter-stemmed words (as the full-text "
           "index holds them), each word weighted by how rare it is among the store's findings")
CSV_COLUMNS = ("section", "subject", "earlier", "later", "change", "match", "match_strength",
               "earlier_inspection", "later_inspection")


def score_text(inspection: Inspection, score: Score) -> str:
    """The score a source published, else the one computed (or the coverage)."""
    if inspection.published_score:
        return f"{inspection.published_score} (published)"
    return score.label


def _inspection(inspection: Inspection, framework: str, score: Score) -> dict[str, Any]:
    return {"inspection_id": inspection.inspection_id, "published": inspection.published.iso(),
            "framework": framework, "overall": inspection.overall.label,
            "score": score_text(inspection, score), "source_urls": list(inspection.source_urls)}


def _finding(finding: Finding) -> dict[str, Any]:
    return {"kind": finding.kind, "domain": finding.domain_code, "standard": finding.standard_code,
            "text": finding.text, "source_url": finding.source_url}


def _pair(pair: FindingPair) -> dict[str, Any]:
    return {"later": _finding(pair.later), "earlier": _finding(pair.earlier),
            "match_strength": round(pair.strength, 3), "match": MAPPED if pair.mapped else ""}


def comparison_record(c: Comparison) -> dict[str, Any]:
    """Everything the comparison says, as plain data (the JSON output)."""
    return {
        "provider": c.provider.name,
        "earlier": _inspection(c.earlier, c.earlier_framework.name, c.earlier_score),
        "later": _inspection(c.later, c.later_framework.name, c.later_score),
        "frameworks": "same framework" if c.same_framework else f"different frameworks: {MAPPED}",
        "overall": {"before": c.earlier.overall.label, "after": c.later.overall.label,
                    "change": c.overall_change},
        "standards": [{"standard": s.later.title if s.later else "",
                       "earlier_standard": s.earlier.title if s.earlier else "",
                       "before": s.before.label, "after": s.after.label, "change": s.change,
                       "match": MAPPED if s.mapped else ""} for s in c.standards],
        "findings": {"recurring": [_pair(p) for p in c.recurring],
                     "new": [_finding(f) for f in c.new],
                     "no_longer_mentioned": [_finding(f) for f in c.no_longer],
                     **({} if c.has_findings else {"note": NO_FINDINGS})},
        "recommendations": [{"recommendation": _finding(r.recommendation),
                             "later_findings": [{**_finding(a.later), "match_strength": round(a.strength, 3)}
                                                for a in r.answers]} for r in c.recommendations],
        "matching": {"measure": MEASURE, "recurring_from": RECURRING, "speaks_to_from": SPEAKS_TO,
                     "note": "a pairing is a suggestion, not a fact; its strength is shown"},
    }


def finding_subject(finding: Finding) -> str:
    """``2.1``, ``domain 2`` or ``whole``: what a finding is about, as a cell or line says it."""
    return finding.standard_code or (f"domain {finding.domain_code}" if finding.domain_code else "whole")


def comparison_rows(c: Comparison) -> list[dict[str, Any]]:
    """One CSV row per overall, standard, finding and recommendation line."""
    ids = {"earlier_inspection": c.earlier.inspection_id, "later_inspection": c.later.inspection_id}
    rows = [{"section": "overall", "subject": "overall rating", "earlier": c.earlier.overall.label,
             "later": c.later.overall.label, "change": c.overall_change, **ids}]
    rows += [{"section": "standard", "subject": s.title, "earlier": s.before.label, "later": s.after.label,
              "change": s.change, "match": MAPPED if s.mapped else "", **ids} for s in c.standards]
    if not c.has_findings:
        rows.append({"section": "findings", "subject": "findings", "change": NO_FINDINGS, **ids})
    rows += [{"section": "recurring", "subject": finding_subject(p.later), "earlier": p.earlier.text,
              "later": p.later.text, "change": "recurring", "match": MAPPED if p.mapped else "",
              "match_strength": round(p.strength, 3), **ids} for p in c.recurring]
    rows += [{"section": "new", "subject": finding_subject(f), "later": f.text, "change": "new", **ids}
             for f in c.new]
    rows += [{"section": "no longer mentioned", "subject": finding_subject(f), "earlier": f.text,
              "change": "no longer mentioned", **ids} for f in c.no_longer]
    for r in c.recommendations:
        rows += [{"section": "recommendation", "subject": finding_subject(r.recommendation),
                  "earlier": r.recommendation.text, "later": a.later.text, "change": "speaks to it",
                  "match_strength": round(a.strength, 3), **ids} for a in r.answers] or [
            {"section": "recommendation", "subject": finding_subject(r.recommendation),
             "earlier": r.recommendation.text, "change": "no later finding speaks to it", **ids}]
    return rows


def comparison_lines(c: Comparison) -> list[tuple[str, str]]:
    """``(style, text)`` lines for a terminal or a view: ``h`` a heading, ``""`` a plain line."""
    lines = [("h", f"{c.provider.name}: {c.earlier.published.display()} compared with "
                   f"{c.later.published.display()}")]
    if not c.same_framework:
        lines.append(("", f"Frameworks differ ({c.earlier_framework.name} → {c.later_framework.name}): "
                          f"standards are matched through their concept, {MAPPED}."))
    lines.append(("", f"Overall: {c.earlier.overall.label} → {c.later.overall.label} ({c.overall_change})"))
    scores = score_text(c.earlier, c.earlier_score), score_text(c.later, c.later_score)
    lines.append(("", f"Score: {scores[0]} → {scores[1]}"))
    lines.append(("h", "Standards"))
    for s in c.standards:
        mark = f" [{MAPPED}: {s.earlier.title}]" if s.mapped and s.earlier else ""
        lines.append(("", f"{s.title}: {s.before.label} → {s.after.label} ({s.change}){mark}"))
    if not c.has_findings:
        return [*lines, ("h", "Findings"), ("", NO_FINDINGS[0].upper() + NO_FINDINGS[1:] + ".")]
    lines.append(("h", f"Recurring findings ({len(c.recurring)})"))
    for p in c.recurring:
        mapped = f", {MAPPED}" if p.mapped else ""
        lines += [("", f"[match {p.strength:.2f}{mapped}] {finding_subject(p.later)} "
                       f"{KIND_LABELS[p.later.kind]}: {p.later.text}"),
                  ("", f"    earlier: {p.earlier.text}")]
    lines.append(("h", f"New findings ({len(c.new)})"))
    lines += [("", f"{finding_subject(f)} {KIND_LABELS[f.kind]}: {f.text}") for f in c.new]
    lines.append(("h", f"No longer mentioned ({len(c.no_longer)})"))
    lines += [("", f"{finding_subject(f)} {KIND_LABELS[f.kind]}: {f.text}") for f in c.no_longer]
    lines.append(("h", f"Earlier recommendations ({len(c.recommendations)})"))
    for r in c.recommendations:
        lines.append(("", f"{r.recommendation.text}"))
        lines += [("", f"    [match {a.strength:.2f}] {a.later.text}") for a in r.answers] or [
            ("", "    no later finding speaks to it")]
    return lines
