"""Spreadsheets as rows of text: CSV (as Excel saves it, see :mod:`encodings`), XLSX, XLS and
ODS. Workbooks are read with python-calamine, one well-kept reader (Rust's calamine) for all three
workbook formats, fast and with no formulas evaluated or macros run; openpyxl reads XLSX only and
would need a second library for ODS.

Cells become the text a person sees: whole numbers without ``.0`` (a URN typed as a number), dates
as ISO dates, empty cells as empty text. Row numbers are the spreadsheet's own (row 1 is the top).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from inspector_gui.errors import ImportFailed, Problem
from inspector_gui.exchange.encodings import decode, delimiter
from inspector_gui.exchange.tables import MAX_FIELD_BYTES

WORKBOOKS = (".xlsx", ".xlsm", ".xls", ".ods")
SHEET_SUFFIXES = (".csv", ".txt", *WORKBOOKS)
MAX_ROWS = 1_000_000


@dataclass(frozen=True)
class Sheet:
    """One sheet: where it came from (``file`` or ``file[sheet]`` in messages), its column names
    and its rows below the header, each with its row number."""

    label: str
    header_row: int
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]

    def records(self) -> list[tuple[int, dict[str, str]]]:
        """Each non-empty row as ``{column: text}`` (short rows padded with empty text)."""
        width = len(self.header)
        return [(n, dict(zip(self.header, (*cells, *[""] * (width - len(cells)))[:width], strict=True)))
                for n, cells in self.rows if any(c.strip() for c in cells)]


def sheet_names(path: Path) -> list[str]:
    """The sheets of a workbook (a CSV file has none)."""
    if path.suffix.lower() not in WORKBOOKS:
        return []
    return list(_workbook(path).sheet_names)


def read_sheet(path: Path, sheet: str = "", header_row: int = 1) -> Sheet:
    """A sheet's header and rows; raises ImportFailed naming the file for anything unreadable."""
    path = Path(path)
    if not path.is_file():
        raise ImportFailed([Problem(str(path), None, None, "no such file" if not path.exists()
                                    else "is not a file")])
    if path.suffix.lower() in WORKBOOKS:
        label, grid = _read_workbook(path, sheet)
    else:
        label, grid = str(path), _read_csv(path)
    if len(grid) < header_row:
        raise ImportFailed([Problem(label, None, None, f"has no row {header_row} to take the "
                                    "column names from")])
    header = tuple(c.strip() for c in grid[header_row - 1])
    rows = tuple((header_row + 1 + i, tuple(r)) for i, r in enumerate(grid[header_row:]))
    return Sheet(label, header_row, header, rows)


def _read_csv(path: Path) -> list[list[str]]:
    name = str(path)
    text = decode(name, path.read_bytes())
    if "\0" in text:
        raise ImportFailed([Problem(name, None, None, "binary data, not a CSV file")])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text.split("\n", 1)[0]))
    try:
        return list(reader)
    except csv.Error as exc:
        message = f"a field is over {MAX_FIELD_BYTES:,} bytes" if "limit" in str(exc) else str(exc)
        raise ImportFailed([Problem(name, reader.line_num, None, message)]) from None


def _workbook(path: Path):  # noqa: ANN202 - python-calamine's own type
    from python_calamine import CalamineWorkbook  # only imports of sheets need it

    try:
        return CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own errors for every kind of damage
        raise ImportFailed([Problem(str(path), None, None, f"cannot be read as a workbook ({exc})")]
                           ) from None


def _read_workbook(path: Path, sheet: str) -> tuple[str, list[list[str]]]:
    book = _workbook(path)
    names = list(book.sheet_names)
    if not names:
        raise ImportFailed([Problem(str(path), None, None, "holds no sheets")])
    chosen = sheet or names[0]
    if chosen not in names:
        raise ImportFailed([Problem(str(path), None, None, f"has no sheet {chosen!r} (it has "
                                    f"{', '.join(repr(n) for n in names)})")])
    label = f"{path}[{chosen}]" if len(names) > 1 else str(path)
    try:
        grid = book.get_sheet_by_name(chosen).to_python(skip_empty_area=False, nrows=MAX_ROWS)
    except Exception as exc:
        raise ImportFailed([Problem(label, None, None, f"cannot be read ({exc})")]) from None
    return label, [[cell_text(c) for c in row] for row in grid]


def cell_text(value: object) -> str:
    """A workbook cell as the text a person sees in it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
