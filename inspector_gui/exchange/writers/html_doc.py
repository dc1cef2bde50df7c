"""A provider summary as one self-contained HTML document: inline CSS, the chart embedded as a
base64 PNG, nothing fetched from anywhere. The same markup, with a simpler stylesheet Qt's rich
text understands, is what the PDF writer lays out.

Every string that came from the store goes through :func:`html.escape`, and only http(s) source
URLs become links, their addresses encoded (:mod:`inspector_gui.domain.links`), so imported text
can never become markup, script, a PDF action or a request.
"""

from __future__ import annotations

import base64

from inspector_gui import paths
from inspector_gui.domain.frameworks import Standard
from inspector_gui.domain.links import web_address
from inspector_gui.domain.palette import NOT_APPLICABLE, swatch
from inspector_gui.domain.ratings import Rating
from inspector_gui.domain.records import split_urls
from inspector_gui.domain.summary import (
    CellSummary,
    FindingGroup,
    InspectionSummary,
    MatrixSection,
    ProviderSummary,
)
from inspector_gui.exchange.encodings import markup as escape
from inspector_gui.exchange.writers import wording
from inspector_gui.exchange.writers.wording import References

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
BROWSER_CSS = "summary.css"
QT_CSS = "summary-qt.css"


def render_html(summary: ProviderSummary, chart_png: bytes | None = None, *,
                stylesheet: str = BROWSER_CSS, chart_width: int | None = None) -> str:
    """The whole document. ``chart_png`` is the history chart as PNG bytes (None: no chart)."""
    refs = References(summary)
    body = [_header(summary), _inspections(summary, refs), _chart(chart_png, chart_width),
            _matrix(summary, refs), _findings(summary, refs), _since(summary), _sources(refs),
            _footer(summary)]
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(wording.title(summary))}</title>\n"
            f"<style>\n{_css(stylesheet)}</style></head>\n<body>\n" + "\n".join(body)
            + "\n</body></html>\n")


def _since(summary: ProviderSummary) -> str:
    """"Since the previous inspection": headings and paragraphs of escaped text."""
    parts = []
    for number, (style, text) in enumerate(summary.since_lines):
        if style == "h":
            parts.append(f"<h{2 if number == 0 else 3}>{escape(text)}</h{2 if number == 0 else 3}>")
        else:
            indent = ' class="muted"' if text.startswith("    ") else ""
            parts.append(f"<p{indent}>{escape(text.strip())}</p>")
    return "\n".join(parts)


def _css(name: str) -> str:
    return (paths.resources_dir() / "export" / name).read_text(encoding="utf-8")


def _header(summary: ProviderSummary) -> str:
    facts = "".join(f"<tr><th>{escape(label)}</th><td>{escape(value)}</td></tr>"
                    for label, value in wording.provider_facts(summary))
    return (f'<p class="kicker">{escape(wording.kicker(summary))}</p>\n'
            f"<h1>{escape(summary.provider.name)}</h1>\n"
            f'<table class="facts">{facts}</table>\n'
            f'<p class="muted">{escape(wording.provenance(summary))}</p>')


def _inspections(summary: ProviderSummary, refs: References) -> str:
    rounds = wording.has_rounds(summary)
    head = ("<tr><th>Published</th><th>Framework</th>" + ("<th>Round</th>" if rounds else "")
            + "<th>Overall rating</th><th>Change</th><th>Score or coverage</th><th>Sources</th></tr>")
    rows = "".join(_inspection_row(s, refs, rounds) for s in summary.inspections)
    notes = "".join(f"<li>{escape(wording.column_heading(s))}: {escape(s.inspection.notes)}</li>"
                    for s in summary.inspections if s.inspection.notes)
    if not summary.inspections:
        return '<h2>Inspections</h2>\n<p>No inspections are recorded for this provider.</p>'
    return (f'<h2>Inspections</h2>\n<table class="grid inspections"><thead>{head}</thead>'
            f"<tbody>{rows}</tbody></table>\n" + (f'<ul class="notes muted">{notes}</ul>' if notes else ""))


def _inspection_row(summary: InspectionSummary, refs: References, rounds: bool) -> str:
    inspection = summary.inspection
    fieldwork = wording.fieldwork_text(summary)
    published = escape(inspection.published.display()) + (
        f'<br><span class="muted">{escape(fieldwork)}</span>' if fieldwork else "")
    cells = [summary.framework.name] + ([inspection.round or "–"] if rounds else [])
    text = "".join(f"<td>{escape(c)}</td>" for c in cells)
    overall = _rating_cell(inspection.overall, inspection.overall.label)
    change = escape(wording.change_words(summary.overall_change))
    return (f"<tr><td>{published}</td>{text}{overall}<td>{change}</td>"
            f"<td>{escape(summary.score_text)}</td><td>{_ref_links(refs, inspection.source_urls)}</td></tr>")


def _rating_cell(rating: Rating, text: str, title: str = "", refs: str = "") -> str:
    colours = swatch(rating)
    tooltip = f' title="{escape(title)}"' if title else ""
    return (f'<td class="rating" bgcolor="{colours.fill}" style="background-color: {colours.fill}; '
            f'color: {colours.text}"{tooltip}>{escape(text)}{refs}</td>')


def _ref_links(refs: References, urls: tuple[str, ...], colour: str = "") -> str:
    """`` [2, 5]``, each number a link to its entry in the Sources list."""
    numbers = refs.numbers(urls)
    if not numbers:
        return ""
    style = f' style="color: {colour}"' if colour else ""
    links = ", ".join(f'<a href="#source-{n}"{style}>{n}</a>' for n in numbers)
    return f' <span class="ref"{style}>[{links}]</span>'



def _chart(chart_png: bytes | None, width: int | None) -> str:
    if not chart_png:
        return ""
    if not chart_png.startswith(PNG_SIGNATURE):
        raise ValueError("the chart image is not a PNG")
    data = base64.b64encode(chart_png).decode("ascii")
    size = f' width="{width}"' if width else ""
    return (f'<h2>Rating history</h2>\n<p class="chart"><img src="data:image/png;base64,{data}"{size} '
            'alt="Chart of the provider\'s ratings at each inspection"></p>')


def _matrix(summary: ProviderSummary, refs: References) -> str:
    sections = summary.sections()
    if not sections:
        return ""
    tables = [_section(section, refs) for section in sections]
    return (f'<h2>Rating matrix</h2>\n<p class="muted key">{escape(wording.KEY)}</p>\n'
            + "\n".join(tables))


def _section(section: MatrixSection, refs: References) -> str:
    title = f"<h3>{escape(section.framework.name)}</h3>\n"
    return title + "\n".join(_matrix_table(section, group, refs)
                             for group in wording.chunks(section.inspections))


def _matrix_table(section: MatrixSection, group: tuple[InspectionSummary, ...], refs: References) -> str:
    share = (100 - 34) // max(len(group), 1)
    head = '<th width="34%">Standard</th>' + "".join(
        f'<th width="{share}%">{escape(wording.column_heading(s))}</th>' for s in group)
    rows = ['<tr class="overall"><th>Overall rating</th>' + "".join(
        _rating_cell(s.inspection.overall, wording.overall_text(s), s.overall_change.label)
        for s in group) + "</tr>"]
    for code, name, standards in section.domains():
        rows.append(f'<tr class="domain"><th colspan="{len(group) + 1}">'
                    f"{escape(wording.domain_heading(code, name))}</th></tr>")
        rows += [_standard_row(standard, group, refs) for standard in standards]
    rows.append('<tr class="score"><th>Score or coverage</th>'
                + "".join(f"<td>{escape(s.score_text)}</td>" for s in group) + "</tr>")
    return f'<table class="grid matrix"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _standard_row(standard: Standard, group: tuple[InspectionSummary, ...], refs: References) -> str:
    name = escape(standard.title)
    if not standard.name_confirmed:
        name += ' <span class="muted">(name not confirmed)</span>'
    cells = "".join(_matrix_cell(s.cell(standard.code), refs) for s in group)
    return f"<tr><th>{name}</th>{cells}</tr>"


def _matrix_cell(cell: CellSummary | None, refs: References) -> str:
    if cell is None:
        return (f'<td class="na" bgcolor="{NOT_APPLICABLE.fill}" style="color: {NOT_APPLICABLE.text}">'
                "not applicable</td>")
    title = ", ".join(p for p in (cell.cell.basis if cell.cell else "", cell.change.label) if p)
    colour = swatch(cell.rating).text
    links = _ref_links(refs, split_urls(cell.cell.source_url), colour) if cell.cell else ""
    return _rating_cell(cell.rating, wording.cell_text(cell), title, links)


def _findings(summary: ProviderSummary, refs: References) -> str:
    parts = ['<h2>Findings</h2>', f'<p class="muted">{escape(wording.filter_line(summary))}</p>']
    if not summary.finding_groups:
        parts.append("<p>No findings match these choices.</p>")
    for heading, groups in wording.findings_by_domain(summary):
        parts.append(f"<h3>{escape(heading)}</h3>")
        parts += [_finding_group(group, refs) for group in groups]
    return "\n".join(parts)


def _finding_group(group: FindingGroup, refs: References) -> str:
    items = "".join(f'<li>{escape(f.text)} <span class="context">({escape(wording.finding_context(f))})'
                    f"{_ref_links(refs, split_urls(f.source_url))}</span></li>" for f in group.findings)
    return f'<h4>{escape(wording.kind_heading(group))}</h4>\n<ul class="findings">{items}</ul>'


def _sources(refs: References) -> str:
    if not refs.urls:
        return ""
    items = []
    for number, url in enumerate(refs.urls, start=1):
        text, href = escape(url), web_address(url)
        link = f'<a href="{escape(href)}">{text}</a>' if href else text
        items.append(f'<li><a name="source-{number}" id="source-{number}"></a>{link}</li>')
    return f'<h2>Sources</h2>\n<ol class="sources">{"".join(items)}</ol>'


def _footer(summary: ProviderSummary) -> str:
    return (f"<h2>About this summary</h2>\n<p>{escape(wording.COVERAGE_NOTE)}</p>\n"
            f'<p class="muted">{escape(wording.provenance(summary))}</p>')
