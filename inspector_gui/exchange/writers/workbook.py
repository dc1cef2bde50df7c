"""Excel workbooks (.xlsx) laid out as UK government analysts lay out accessible spreadsheets:
a first *Notes* sheet (title, source, attribution, data as at, the filters used, what each sheet
holds), then one table per sheet with its title in A1, one header row in row 2, the header
frozen, no merged cells and no blank rows inside a table. A rating cell holds its word *and* the
palette's fill, so colour is never the only cue.

Written with XlsxWriter: it writes only (nothing to read back in the app), streams rows to disk in
``constant_memory`` mode so a long findings table does not sit in memory, has no dependencies,
and ``write_string`` stores imported text as text, never as a formula or a link.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inspector_gui.domain.palette import NOT_APPLICABLE, swatch
from inspector_gui.domain.ratings import Rating
from inspector_gui.exchange.atomic import atomic_path
from inspector_gui.exchange.encodings import XML_INVALID, xml_text

MAX_CELL = 32_767  # Excel's limit on the characters of one cell
_CUT = " … [cut at 32,767]"
NOTES_SHEET = "Notes"
ATTRIBUTION = ("Contains public sector information from HM Inspectorate of Probation reports, "
               "licensed under the Open Government Licence v3.0.")
HMIP = "HM Inspectorate of Probation"
NO_ATTRIBUTION = "none recorded for this data"
_BAD_NAME = re.compile(r"[\[\]:*?/\\']")


@dataclass(frozen=True)
class RatingValue:
    """A rating cell: written as its word with the palette's fill; ``applicable=False`` is a
    standard the provider is not rated on ("Not applicable")."""

    rating: Rating
    applicable: bool = True

    @property
    def text(self) -> str:
        if not self.applicable:
            return NOT_APPLICABLE.label
        return self.rating.label or "Not recorded"


Value = str | int | float | RatingValue | None


@dataclass(frozen=True)
class Sheet:
    name: str
    title: str
    columns: Sequence[str]
    rows: Iterable[Sequence[Value]]
    description: str = ""
    widths: dict[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Notes:
    """What the Notes sheet says: the workbook's title, where the data comes from, and which
    filters produced it (``(what, value)`` pairs; an empty list says "none")."""

    title: str
    source: str
    as_at: str
    generated: str
    filters: Sequence[tuple[str, str]] = ()
    attribution: str = ATTRIBUTION
    facts: Sequence[tuple[str, str]] = ()
    """More ``(item, value)`` lines about how the data was read (a comparison's matching rule)."""

    def lines(self) -> list[tuple[str, str]]:
        """What the first sheet or page states, in order: provenance, facts, every filter."""
        lines = [("Source", self.source), ("Attribution", self.attribution), ("Data as at", self.as_at),
                 ("Generated", self.generated), *self.facts]
        return lines + ([(f"Filter: {what}", value) for what, value in self.filters] or [("Filters", "none")])


def notes_attribution(inspectorates: Sequence[str], attribution: str) -> str:
    """The Notes sheet's attribution: the licence words the data's inspectorates ask for (from the
    store), else probation's Open Government Licence line for probation's data alone."""
    if attribution:
        return attribution
    return ATTRIBUTION if tuple(inspectorates) == (HMIP,) else NO_ATTRIBUTION


def sheet_name(text: str, taken: set[str]) -> str:
    """A valid, unique sheet name: no ``[]:*?/\\'``, at most 31 characters (Excel's limits), no
    character XML cannot hold (XlsxWriter escapes those in cells, not in names; an escape's
    backslash is not allowed there, so they become U+FFFD)."""
    base = " ".join(_BAD_NAME.sub(" ", XML_INVALID.sub("\ufffd", text)).split())[:31] or "Sheet"
    name, number = base, 2
    while name.casefold() in taken:
        suffix = f" ({number})"
        name, number = base[:31 - len(suffix)] + suffix, number + 1
    taken.add(name.casefold())
    return name


def write_workbook(target: str | Path, notes: Notes, sheets: Sequence[Sheet], *, force: bool = False,
                   keep: Callable[[], None] | None = None) -> Path:
    """Write the Notes sheet then each table to ``target``, all or nothing (``keep``: see
    :func:`~inspector_gui.exchange.atomic.atomic_path`)."""
    import xlsxwriter

    target = Path(target)
    with atomic_path(target, force=force, keep=keep) as temp:
        book = xlsxwriter.Workbook(str(temp), {"constant_memory": True, "strings_to_formulas": False,
                                               "strings_to_urls": False, "strings_to_numbers": False})
        book.set_properties({"title": xml_text(notes.title), "comments": xml_text(notes.generated)})
        formats = _Formats(book)
        taken = {NOTES_SHEET.casefold()}
        named = [(sheet_name(s.name, taken), s) for s in sheets]
        _write_notes(book.add_worksheet(NOTES_SHEET), notes, named, formats)
        for name, sheet in named:
            _write_table(book.add_worksheet(name), sheet, formats)
        book.close()
    return target


class _Formats:
    """One cell format per look, made once per workbook (XlsxWriter's formats belong to one)."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self.title = book.add_format({"bold": True, "font_size": 14})
        self.header = book.add_format({"bold": True, "bottom": 1, "text_wrap": True, "valign": "top"})
        self.text = book.add_format({"valign": "top"})
        self.long = book.add_format({"valign": "top", "text_wrap": True})
        self._ratings: dict[tuple[Rating, bool], Any] = {}

    def rating(self, value: RatingValue) -> Any:
        key = (value.rating, value.applicable)
        if key not in self._ratings:
            look = swatch(value.rating, value.applicable)
            self._ratings[key] = self.book.add_format(
                {"bg_color": look.fill, "font_color": look.text, "pattern": 1, "valign": "top",
                 "border": 1, "border_color": "#bfbfbf"})
        return self._ratings[key]


def _write_notes(ws: Any, notes: Notes, sheets: Sequence[tuple[str, Sheet]], formats: _Formats) -> None:
    """Title in A1, then one two-column table (header row 2): source, attribution, dates, facts,
    every filter, and a line per sheet."""
    rows = notes.lines()
    rows += [(f"Sheet: {name}", sheet.description or sheet.title) for name, sheet in sheets]
    rows.append(("Ratings", "Each rating cell holds the rating's words and is filled in the app's "
                            "colour-blind-safe palette; 'Not recorded' means no published rating was "
                            "found; 'Not applicable' means the standard does not apply."))
    ws.write_string(0, 0, _fit(notes.title), formats.title)
    _write_rows(ws, ["Item", "Value"], rows, formats)
    ws.set_column(0, 0, 28)
    ws.set_column(1, 1, 100, formats.long)


def _write_table(ws: Any, sheet: Sheet, formats: _Formats) -> None:
    ws.write_string(0, 0, _fit(sheet.title), formats.title)
    count = _write_rows(ws, sheet.columns, sheet.rows, formats)
    for column, width in sheet.widths.items():
        ws.set_column(column, column, width, formats.long if width >= 60 else None)
    if sheet.columns:
        ws.autofilter(1, 0, 1 + max(count, 1), len(sheet.columns) - 1)


def _write_rows(ws: Any, columns: Sequence[str], rows: Iterable[Sequence[Value]], formats: _Formats) -> int:
    """The header in row 2 (frozen), the rows below without gaps; how many rows were written."""
    for column, title in enumerate(columns):
        ws.write_string(1, column, title, formats.header)
    ws.freeze_panes(2, 0)
    count = 0
    for count, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            _write_cell(ws, 1 + count, column, value, formats)
    return count


def _write_cell(ws: Any, row: int, column: int, value: Value, formats: _Formats) -> None:
    if isinstance(value, RatingValue):
        ws.write_string(row, column, value.text, formats.rating(value))
    elif isinstance(value, bool) or value is None:
        ws.write_blank(row, column, None)
    elif isinstance(value, int | float):
        ws.write_number(row, column, value)
    elif value:
        ws.write_string(row, column, _fit(str(value)), formats.text)


def _fit(text: str) -> str:
    """Text within Excel's cell limit (longer text is cut, and says so)."""
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - len(_CUT)] + _CUT


def generated_line(by: str, on: dt.date) -> str:
    return f"{by} on {on.isoformat()}"
