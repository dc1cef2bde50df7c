"""Typed exceptions shared by every layer.

The CLI turns an :class:`InspectorError` into one line on stderr and exit code 2; the GUI turns it
into a dialog. Anything else is a bug and reaches the excepthook.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def one_line(text: str) -> str:
    """Text with each non-printable character (line breaks, terminal escapes, bidi controls)
    written as its escape, so a message quoting a hostile name stays one line and inert."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def terminal_text(text: str) -> str:
    """Text for a terminal: as :func:`one_line`, but line breaks and tabs stay what they are, so
    a table or a list keeps its shape while no escape sequence, bidi override or undecodable
    byte of a file name reaches the terminal."""
    return "\n".join("\t".join(map(one_line, line.split("\t"))) for line in text.split("\n"))


class InspectorError(Exception):
    """A problem the user can act on, described in one line."""

    def __init__(self, message: str, path: str | Path | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.message = message
        super().__init__(f"{self.path}: {message}" if self.path else message)


class StoreError(InspectorError):
    """The store file cannot be opened or used (missing, corrupt, foreign, newer, locked)."""


class OlderSchemaError(StoreError):
    """The store was made by an older Inspector GUI; ``inspector migrate`` upgrades it."""


class UnknownProviderError(InspectorError):
    """A provider name matched nothing, or is part of several names; carries the closest names."""

    def __init__(self, name: str, suggestions: list[str], ambiguous: bool = False) -> None:
        self.suggestions = suggestions
        hint = f"; did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        what = (f"more than one provider's name contains {name!r}" if ambiguous
                else f"no provider called {name!r}")
        super().__init__(f"{what}{hint}")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an import file, located to the line and column."""

    file: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        text = f"{where}: {self.column}: {self.message}" if self.column else f"{where}: {self.message}"
        return one_line(text)


class ImportFailed(InspectorError):
    """An import was rejected; nothing was written. Lists every problem up to a cap."""

    def __init__(self, problems: list[Problem], more: int = 0) -> None:
        self.problems = problems
        self.more = more
        lines = [str(p) for p in problems]
        if more:
            lines.append(f"... and {more} more problems")
        super().__init__("\n".join(lines))


class ExportError(InspectorError):
    """An export cannot be written (existing file, missing or read-only folder); nothing was."""


class OutputExists(ExportError):
    """The output file exists and replacing it was not asked for."""
