"""A provider summary as Markdown (CommonMark with pipe tables), for wikis, tickets and notes.

Imported text is escaped with backslashes, so a Markdown renderer shows ``<script>`` or ``*`` as
the characters they are, never as HTML or emphasis, while the file stays readable as plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from inspector_gui.domain.links import web_address
from inspector_gui.domain.records import split_urls
from inspector_gui.domain.summary import (
    CellSummary,
    FindingGroup,
    MatrixSection,
    ProviderSummary,
)
from inspector_gui.exchange.writers import wording
from inspector_gui.exchange.writers.wording import References

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_ORDERED_ITEM = re.compile(r"^\d+(?=[.)])")


def md(text: str) -> str:
    """Inline text escaped for Markdown, on one line."""
    text = _SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _ENTITY.sub(r"\\&", text)


def md_item(text: str) -> str:
    """Text that starts a list item: it must not open a list of its own (``- ``, ``1.``)."""
    text = md(text)
    if text[:1] in ("-", "+", "="):
        return "\\" + text
    number = _ORDERED_ITEM.match(text)
    return f"{number.group(0)}\\{text[number.end():]}" if number else text


def render_markdown(summary: ProviderSummary) -> str:
    refs = References(summary)
    parts = [_header(summary), _inspections(summary, refs), _matrix(summary, refs),
             _findings(summary, refs), _since(summary), _sources(refs), _footer(summary)]
    return "\n\n".join(p for p in parts if p) + "\n"


def _since(summary: ProviderSummary) -> str:
    """"Since the previous inspection", at the level of the other sections."""
    from inspector_gui.exchange.writers.comparison import lines_markdown

    return lines_markdown(summary.since_lines, level=2).strip() if summary.since_lines else ""


def _table(head: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    head = list(head)
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _header(summary: ProviderSummary) -> str:
    facts = "\n".join(f"- **{label}:** {md(value)}" for label, value in wording.provider_facts(summary))
    return (f"# {md(wording.title(summary))}\n\n"
            f"*{md(wording.kicker(summary))}*\n\n{facts}\n\n"
            f"{md(wording.provenance(summary))}")


def _inspections(summary: ProviderSummary, refs: References) -> str:
    if not summary.inspections:
        return "## Inspections\n\nNo inspections are recorded for this provider."
    rounds = wording.has_rounds(summary)
    rows = [[md(" ".join(p for p in (s.inspection.published.display(), _brackets(wording.fieldwork_text(s)))
                         if p)),
             md(s.framework.name), *([md(s.inspection.round or "–")] if rounds else []),
             md(s.inspection.overall.label), md(wording.change_words(s.overall_change)), md(s.score_text),
             refs.label(s.inspection.source_urls)] for s in summary.inspections]
    table = _table(["Published", "Framework", *(["Round"] if rounds else []), "Overall rating", "Change",
                    "Score or coverage", "Sources"], rows)
    notes = "\n".join(f"- {md_item(wording.column_heading(s))}: {md(s.inspection.notes)}"
                      for s in summary.inspections if s.inspection.notes)
    return f"## Inspections\n\n{table}" + (f"\n\nNotes:\n\n{notes}" if notes else "")


def _brackets(text: str) -> str:
    return f"({text})" if text else ""


def _matrix(summary: ProviderSummary, refs: References) -> str:
    sections = summary.sections()
    if not sections:
        return ""
    tables = [_section(section, refs) for section in sections]
    return f"## Rating matrix\n\n{md(wording.KEY)}\n\n" + "\n\n".join(tables)


def _section(section: MatrixSection, refs: References) -> str:
    tables = []
    for group in wording.chunks(section.inspections):
        rows = [["**Overall rating**", *(f"**{md(wording.overall_text(s))}**" for s in group)]]
        for code, name, standards in section.domains():
            rows.append([f"**{md(wording.domain_heading(code, name))}**", *([""] * len(group))])
            rows += [[md(st.title), *(_cell(s.cell(st.code), refs) for s in group)] for st in standards]
        rows.append(["Score or coverage", *(md(s.score_text) for s in group)])
        tables.append(_table(["Standard", *(md(wording.column_heading(s)) for s in group)], rows))
    return f"### {md(section.framework.name)}\n\n" + "\n\n".join(tables)


def _cell(cell: CellSummary | None, refs: References) -> str:
    if cell is None:
        return "not applicable"
    label = refs.label(split_urls(cell.cell.source_url)) if cell.cell else ""
    return " ".join(p for p in (md(wording.cell_text(cell)), label) if p)


def _findings(summary: ProviderSummary, refs: References) -> str:
    parts = ["## Findings", md(wording.filter_line(summary))]
    if not summary.finding_groups:
        parts.append("No findings match these choices.")
    for heading, groups in wording.findings_by_domain(summary):
        parts.append(f"### {md(heading)}")
        parts += [_finding_group(group, refs) for group in groups]
    return "\n\n".join(parts)


def _finding_group(group: FindingGroup, refs: References) -> str:
    items = [f"- {md_item(f.text)} *({md(wording.finding_context(f))})* "
             f"{refs.label(split_urls(f.source_url))}".rstrip() for f in group.findings]
    return f"#### {wording.kind_heading(group)}\n\n" + "\n".join(items)


def _sources(refs: References) -> str:
    if not refs.urls:
        return ""
    items = [f"{n}. " + _source(url) for n, url in enumerate(refs.urls, start=1)]
    return "## Sources\n\n" + "\n".join(items)


def _source(url: str) -> str:
    """A web link as an autolink of its encoded address (which holds no space, ``<`` or ``>``),
    with the text as imported when encoding changed it; anything else as escaped text."""
    href = web_address(url)
    if href is None:
        return md(url)
    return f"<{href}>" if href == url.strip() else f"[{md(url)}](<{href}>)"


def _footer(summary: ProviderSummary) -> str:
    return f"## About this summary\n\n{md(wording.COVERAGE_NOTE)}\n\n{md(wording.provenance(summary))}"
