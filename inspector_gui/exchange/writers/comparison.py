"""A comparison of two inspections (or its lines in a provider summary) as terminal text or
Markdown, every imported text escaped for Markdown."""

from __future__ import annotations

from collections.abc import Sequence

from inspector_gui.errors import one_line
from inspector_gui.exchange.writers.markdown import md

Lines = Sequence[tuple[str, str]]


def lines_text(lines: Lines) -> str:
    """Headings underlined, for a terminal; non-printable characters (terminal escapes in a store
    written by another program) are shown as escapes, as every line the CLI prints shows them."""
    safe = [(style, one_line(text)) for style, text in lines]
    return "\n".join(f"\n{text}\n{'-' * min(len(text), 100)}" if style == "h" else text
                     for style, text in safe).strip()


def lines_markdown(lines: Lines, level: int = 1) -> str:
    """The first heading at ``level``, the others one deeper; lines as list items."""
    out = []
    for style, text in lines:
        if style == "h":
            out.append(f"\n{'#' * (level if not out else level + 1)} {md(text)}\n")
        else:
            out.append(f"  - {md(text.strip())}" if text.startswith("    ") else f"- {md(text)}")
    return "\n".join(out).strip() + "\n"
