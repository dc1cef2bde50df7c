"""A comparison of two inspections as workbook tables: the two inspections, the overall rating and
each standard side by side with the change (standards of two frameworks matched through their
concept are marked "mapped, not identical"), the findings paired across the two (recurring with
the match strength, new, no longer mentioned), and each earlier recommendation with the later
findings that speak to it. The Notes sheet names the two inspections and the matching rule."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from inspector_gui.domain.records import KIND_LABELS, Finding, Inspection
from inspector_gui.exchange.writers.workbook import RatingValue, Sheet, Value
from inspector_gui.reports.compare import MAPPED, RECURRING, SPEAKS_TO, Comparison, FindingPair
from inspector_gui.reports.compare_output import MEASURE, finding_subject, score_text

WIDE = 70
STANDARD_COLUMNS = ("Later framework", "Later standard code", "Later standard", "Earlier framework",
                    "Earlier standard code", "Earlier standard", "Earlier rating", "Later rating", "Change",
                    "Match")
FINDING_COLUMNS = ("Status", "Match strength", "Match", "Subject", "Earlier finding id", "Earlier kind",
                   "Earlier finding", "Later finding id", "Later kind", "Later finding", "Earlier source URL",
                   "Later source URL")
RECOMMENDATION_COLUMNS = ("Recommendation id", "Subject", "Earlier recommendation", "Follow-up",
                          "Match strength", "Later finding id", "Later kind", "Later finding",
                          "Later source URL")


def comparison_title(c: Comparison) -> str:
    return f"{c.provider.name}: comparison of two inspections"


def comparison_filters(c: Comparison) -> list[tuple[str, str]]:
    """Which two inspections were compared, for the Notes sheet."""
    def named(inspection: Inspection, framework: str) -> str:
        return f"{inspection.inspection_id}, published {inspection.published.display()}, {framework}"

    return [("provider", c.provider.name), ("earlier inspection", named(c.earlier, c.earlier_framework.name)),
            ("later inspection", named(c.later, c.later_framework.name))]


def comparison_facts(c: Comparison) -> list[tuple[str, str]]:
    """How standards and findings were matched: the frameworks, the measure and its thresholds."""
    frameworks = (f"the same framework ({c.later_framework.name})" if c.same_framework else
                  f"different frameworks ({c.earlier_framework.name} → {c.later_framework.name}): "
                  f"standards are matched through their concept, {MAPPED}")
    return [("Frameworks", frameworks), ("Matching measure", MEASURE),
            ("Matching threshold: recurring", f"{RECURRING}: a later finding recurs when an earlier "
             "finding on the same subject and side matches it at least this strongly"),
            ("Matching threshold: speaks to", f"{SPEAKS_TO}: a later finding speaks to an earlier "
             "recommendation it matches at least this strongly"),
            ("Pairings", "a suggestion, not a fact: each pairing's match strength (0 to 1) is shown")]


def comparison_sheets(c: Comparison) -> list[Sheet]:
    return [_inspections(c), _standards(c), _findings(c), _recommendations(c)]


def _inspections(c: Comparison) -> Sheet:
    columns = ("Compared as", "Inspection", "Published", "Framework id", "Framework", "Overall rating",
               "Score or coverage", "Source URL")
    rows = [[role, i.inspection_id, i.published.iso(), i.framework_id, framework.name, RatingValue(i.overall),
             score_text(i, score),
             " ; ".join(i.source_urls)]
            for role, i, framework, score in (("earlier", c.earlier, c.earlier_framework, c.earlier_score),
                                              ("later", c.later, c.later_framework, c.later_score))]
    return Sheet("Inspections", f"The two inspections of {c.provider.name} compared", columns, rows,
                 "The earlier and the later inspection, with their overall ratings and scores",
                 {4: 30, 7: 60})


def _standards(c: Comparison) -> Sheet:
    return Sheet("Standards", f"Overall rating and standards: {c.earlier.published.display()} compared with "
                 f"{c.later.published.display()}", STANDARD_COLUMNS, _standard_rows(c),
                 "The overall rating, then each standard of the later inspection beside its earlier "
                 f"match, with the change ('{MAPPED}' where two frameworks are matched through a "
                 "standard's concept); 'Not applicable' where a framework has no such standard",
                 {2: 30, 5: 30, 8: 16, 9: 22})


def _standard_rows(c: Comparison) -> Iterator[list[Value]]:
    first, second = c.earlier_framework.framework_id, c.later_framework.framework_id
    yield [second, "", "Overall rating", first, "", "Overall rating", RatingValue(c.earlier.overall),
           RatingValue(c.later.overall), c.overall_change, "" if c.same_framework else MAPPED]
    for s in c.standards:
        yield [second if s.later else "", s.later.code if s.later else "", s.later.name if s.later else "",
               first if s.earlier else "", s.earlier.code if s.earlier else "",
               s.earlier.name if s.earlier else "", RatingValue(s.before, s.earlier is not None),
               RatingValue(s.after, s.later is not None), s.change, MAPPED if s.mapped else ""]


def _findings(c: Comparison) -> Sheet:
    rows = ([*_pair_cells(p, "recurring"), *_sides(p.earlier, p.later)] for p in c.recurring)
    new = (["new", None, "", finding_subject(f), *_sides(None, f)] for f in c.new)
    gone = (["no longer mentioned", None, "", finding_subject(f), *_sides(f, None)] for f in c.no_longer)
    return Sheet("Findings", "Findings paired across the two inspections", FINDING_COLUMNS,
                 chain(rows, new, gone),
                 f"Recurring findings (with the match strength; '{MAPPED}' where paired through a "
                 "concept), new ones, and those no longer mentioned",
                 {3: 10, 6: WIDE, 9: WIDE, 10: 40, 11: 40})


def _pair_cells(pair: FindingPair, status: str) -> list[Value]:
    return [status, round(pair.strength, 3), MAPPED if pair.mapped else "", finding_subject(pair.later)]


def _sides(earlier: Finding | None, later: Finding | None) -> list[Value]:
    """Id, kind and text of each side, then the two source URLs."""
    def side(f: Finding | None) -> list[Value]:
        return [f.finding_id, KIND_LABELS.get(f.kind, f.kind), f.text] if f else [None, "", ""]

    return [*side(earlier), *side(later), earlier.source_url if earlier else "",
            later.source_url if later else ""]


def _recommendations(c: Comparison) -> Sheet:
    return Sheet("Recommendations", "Earlier recommendations and the later findings that speak to them",
                 RECOMMENDATION_COLUMNS, _recommendation_rows(c),
                 "Each recommendation of the earlier inspection, one row per later finding that speaks "
                 "to it (strongest first), or one row saying none does", {2: WIDE, 3: 24, 7: WIDE, 8: 40})


def _recommendation_rows(c: Comparison) -> Iterator[list[Value]]:
    for follow_up in c.recommendations:
        r = follow_up.recommendation
        start: list[Value] = [r.finding_id, finding_subject(r), r.text]
        if not follow_up.answers:
            yield [*start, "no later finding speaks to it"]
        for answer in follow_up.answers:
            later = answer.later
            yield [*start, "speaks to it", round(answer.strength, 3), later.finding_id,
                   KIND_LABELS.get(later.kind, later.kind), later.text, later.source_url]
