"""Every keyboard shortcut of the main window, in one table the README quotes
(``python -c "from inspector_gui.ui.shortcuts import markdown; print(markdown())"``).

Domain filters use Ctrl+digit: Ctrl+1 … Ctrl+9 pick the n-th domain button of the findings panel
(domain 1, 2, … in code order, then "Whole inspection"); Ctrl+0 shows every domain. Ctrl+digit
rather than Alt+digit, because Alt+letter opens menus and some desktops take Alt+digit.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Shortcut:
    name: str
    keys: str
    description: str


SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("open", "Ctrl+O", "Open a store file"),
    Shortcut("reload", "F5", "Reload the store (after an import)"),
    Shortcut("export", "Ctrl+E",
             "Export the selected provider's summary (PDF, HTML, Markdown, CSV, XLSX, JSON)"),
    Shortcut("export_view", "Ctrl+Shift+X",
              "Export this view: the matrix and findings shown, and their filters"),
    Shortcut("save_view", "Ctrl+Alt+S", "Save what the window shows as a named view"),
    Shortcut("open_view", "Ctrl+Alt+1 … Ctrl+Alt+9", "Show the n-th named view (View → Views)"),
    Shortcut("reset_view", "Ctrl+Alt+0", "Reset view: every provider, no filters, no search"),
    Shortcut("quit", "Ctrl+Q", "Quit"),
    Shortcut("copy", "Ctrl+C", "Copy the selected cells or findings, with column headers, as TSV"),
    Shortcut("find", "Ctrl+F", "Search the findings"),
    Shortcut("filter_providers", "Ctrl+L", "Filter the provider list"),
    Shortcut("every_inspection", "Ctrl+Shift+E", "Matrix: every inspection, or only the latest"),
    Shortcut("all_domains", "Ctrl+0", "Findings of every domain"),
    Shortcut("domain", "Ctrl+1 … Ctrl+9",
             "Findings of the n-th domain button (domain names, then whole inspection)"),
    Shortcut("next_tab", "Ctrl+PgDown",
             "Next tab in the centre (Rating matrix, Charts, Compare, Benchmark, Themes)"),
    Shortcut("previous_tab", "Ctrl+PgUp", "Previous tab in the centre"),
    Shortcut("compare", "Ctrl+K", "Compare the selected inspection (or the latest) with the previous one; "
             "or the two selected in the tree"),
    Shortcut("add_tag", "Ctrl+T", "Findings: tag the selected findings (your notebook, not the store)"),
    Shortcut("remove_tag", "Ctrl+Shift+T", "Findings: remove a tag from the selected findings"),
    Shortcut("add_note", "Ctrl+Shift+N", "Findings: add a note to the current finding"),
    Shortcut("save_chart", "Ctrl+Shift+S", "In the Charts tab: save the chart shown as PNG or SVG"),
    Shortcut("shortcuts", "F1", "Show this list of shortcuts"),
)
NAVIGATION: tuple[tuple[str, str], ...] = (
    ("Arrow keys, Tab", "Move across matrix cells and findings; Tab moves between panels"),
    ("Enter, double-click", "On a matrix cell: that inspection's findings for the standard"),
)
"""Keys that are not actions (no name to look up), listed after the shortcuts."""


def rows() -> list[tuple[str, str]]:
    """Every shortcut and navigation key as (keys, what it does): the F1 table and the README's."""
    return [(s.keys, s.description) for s in SHORTCUTS] + list(NAVIGATION)


def keys_for(name: str) -> str:
    """The key sequence text of a named shortcut (raises KeyError for an unknown name)."""
    for shortcut in SHORTCUTS:
        if shortcut.name == name:
            return shortcut.keys
    raise KeyError(name)


def markdown() -> str:
    """The shortcuts as a Markdown table for the README."""
    lines = ["| Keys | Action |", "|---|---|"]
    lines += [f"| {keys} | {action} |" for keys, action in rows()]
    return "\n".join(lines)
