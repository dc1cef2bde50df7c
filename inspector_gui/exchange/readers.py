"""Read interchange files (CSV or JSON) into validated rows, without touching any store.
Rating words are checked later, against the scale of the inspection's framework
(:mod:`inspector_gui.exchange.validate`), which may be in the store or in the same import.

Every problem is collected as ``FILE:LINE: column: what is wrong`` up to a cap, so a user can fix
a file in one pass. CSV saved by Excel is accepted: a BOM, CRLF line ends, semicolons or tabs as
the delimiter, cp1252 or UTF-16 text (see :mod:`inspector_gui.exchange.encodings`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from inspector_gui.domain.dates import validate_iso
from inspector_gui.domain.ratings import ROLES
from inspector_gui.domain.records import KINDS
from inspector_gui.errors import ImportFailed, Problem
from inspector_gui.exchange.encodings import control_character, decode, delimiter, visible
from inspector_gui.exchange.tables import (
    INT_COLUMNS,
    KEPT_WHEN_ABSENT,
    MAX_FIELD_BYTES,
    MAX_PROBLEMS,
    TABLES,
    TableSpec,
    closest_table,
    table_for_header,
)
from inspector_gui.files import read_regular

csv.field_size_limit(4 * MAX_FIELD_BYTES)
MAX_IMPORT_BYTES = 100_000_000
"""What one import reads at most, all files together (about a million findings): a larger or
endless file (``/dev/zero``) is refused instead of filling the memory."""


@dataclass
class Row:
    """A row ready for the store, with the place it came from for later messages."""

    values: dict[str, str | int | None]
    file: str
    line: int | None
    where: str = ""

    def problem(self, column: str | None, message: str) -> Problem:
        column = f"{self.where}{column}" if self.where and column else column or self.where or None
        return Problem(self.file, self.line, column, message)


@dataclass
class Batch:
    """Everything one import brings, by table, in file order."""

    tables: dict[str, list[Row]] = field(default_factory=lambda: {name: [] for name in TABLES})
    problems: list[Problem] = field(default_factory=list)
    bytes_read: int = 0

    def add_problem(self, problem: Problem) -> None:
        self.problems.append(problem)

    @property
    def row_count(self) -> int:
        return sum(len(rows) for rows in self.tables.values())

    def raise_if_problems(self) -> None:
        if self.problems:
            raise ImportFailed(self.problems[:MAX_PROBLEMS], max(0, len(self.problems) - MAX_PROBLEMS))


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Folders stand for the ``.csv`` and ``.json`` files they hold, in import order."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in (".csv", ".json"))
            files.extend(sorted(found, key=_import_rank))
        else:
            files.append(path)
    return files


def _import_rank(path: Path) -> int:
    stem = path.stem.lower()
    return TABLES_ORDER.index(stem) if stem in TABLES_ORDER else len(TABLES_ORDER)


TABLES_ORDER = tuple(TABLES)


def read_files(paths: Iterable[str | Path]) -> Batch:
    """Read and check every file; raises ImportFailed listing every problem found."""
    batch = read_batch(paths)
    batch.raise_if_problems()
    return batch


def read_batch(paths: Iterable[str | Path]) -> Batch:
    """Read and check every file, keeping the good rows and recording each problem."""
    batch = Batch()
    paths = [Path(p) for p in paths]
    if not paths:
        batch.add_problem(Problem("(no files)", None, None, "nothing to import"))
    for given in paths:
        files = expand_paths([given])
        if not files:
            batch.add_problem(Problem(str(given), None, None, "holds no .csv or .json files"))
        for path in files:
            _read_one(path, batch)
    return batch


def _read_one(path: Path, batch: Batch) -> None:
    name = str(path)
    try:
        data = read_regular(path, MAX_IMPORT_BYTES - batch.bytes_read, MAX_IMPORT_BYTES)
    except IsADirectoryError:
        batch.add_problem(Problem(name, None, None, "is a folder"))
        return
    except OSError as exc:
        batch.add_problem(Problem(name, None, None, exc.strerror or "cannot be read"))
        return
    batch.bytes_read += len(data)
    if path.suffix.lower() == ".json":
        _read_json(name, data, batch)
    else:
        _read_csv(name, path.stem.lower(), data, batch)


def _read_csv(name: str, stem: str, data: bytes, batch: Batch) -> None:
    text = _csv_text(name, data, batch)
    if text is None:
        return
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text.split("\n", 1)[0]))
    rows = _numbered(name, reader, batch)
    header = [h.strip() for h in next(rows, (1, []))[1]]
    spec = _spec_for(name, stem, header, batch) if header else None
    if spec is None:
        return
    for line, cells in rows:
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            message = f"{len(cells)} fields where the header has {len(header)}"
            batch.add_problem(Problem(name, line, None, message))
            continue
        _check_row(spec, Row(dict(zip(header, cells, strict=True)), name, line), batch)


def _csv_text(name: str, data: bytes, batch: Batch) -> str | None:
    """The file's text, or None with the problem recorded when it is empty, binary or unreadable."""
    try:
        text = decode(name, data)
    except ImportFailed as exc:
        batch.problems.extend(exc.problems)
        return None
    if not text.strip():
        batch.add_problem(Problem(name, None, None, "the file is empty"))
        return None
    if "\0" in text:
        batch.add_problem(Problem(name, None, None, "binary data, not a CSV file"))
        return None
    return text


def _numbered(name: str, reader: csv.Reader, batch: Batch) -> Iterator[tuple[int, list[str]]]:
    """Rows with the physical line each starts on (quoted fields may span lines). A row the csv
    module cannot split (a quoted field running past the size limit) ends the file."""
    start = reader.line_num + 1
    try:
        for cells in reader:
            yield start, cells
            start = reader.line_num + 1
    except csv.Error as exc:
        message = f"a field is over {MAX_FIELD_BYTES:,} bytes" if "limit" in str(exc) else str(exc)
        batch.add_problem(Problem(name, start, None, message))


def _spec_for(name: str, stem: str, header: list[str], batch: Batch) -> TableSpec | None:
    spec = TABLES.get(stem) or table_for_header(header) or closest_table(header)
    if spec is None:
        batch.add_problem(Problem(name, 1, None, "header matches none of the tables "
                                  f"({', '.join(TABLES)}); name the file after its table"))
        return None
    problems = _header_problems(name, spec, header)
    batch.problems.extend(problems)
    return None if problems else spec


def _header_problems(name: str, spec: TableSpec, header: list[str]) -> list[Problem]:
    problems = [Problem(name, 1, col, f"missing column for {spec.name}")
                for col in spec.required if col not in header]
    problems += [Problem(name, 1, col, f"unknown column for {spec.name}")
                 for col in header if col not in spec.columns]
    seen: set[str] = set()
    for col in header:
        if col in seen:
            problems.append(Problem(name, 1, col, "column appears twice"))
        seen.add(col)
    return problems


def _read_json(name: str, data: bytes, batch: Batch) -> None:
    try:
        text = decode(name, data)
        document = json.loads(text, object_pairs_hook=_unique_keys) if text.strip() else None
    except ImportFailed as exc:
        batch.problems.extend(exc.problems)
        return
    except json.JSONDecodeError as exc:
        batch.add_problem(Problem(name, exc.lineno, None, f"not valid JSON: {exc.msg}"))
        return
    except RecursionError:
        batch.add_problem(Problem(name, None, None, "not valid JSON: nested too deeply"))
        return
    except RepeatedKey as exc:
        batch.add_problem(Problem(name, None, None, str(exc)))
        return
    except ValueError:  # a number of more than 4,300 digits
        batch.add_problem(Problem(name, None, None, "not valid JSON: a number is too long"))
        return
    if document is None:
        batch.add_problem(Problem(name, None, None, "the file is empty"))
        return
    if not isinstance(document, dict) or not set(document) <= set(TABLES):
        batch.add_problem(Problem(name, None, None,
                                  f"expected an object whose keys are tables ({', '.join(TABLES)})"))
        return
    for table, records in document.items():
        _read_json_table(name, TABLES[table], records, batch)


class RepeatedKey(ValueError):
    """A JSON object names a key twice; JSON readers silently keep the last, which may not be
    the one meant."""


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    seen: dict[str, object] = {}
    for key, value in pairs:
        if key in seen:
            first = pairs[0][1]
            where = f" (in the record for {str(first)[:60]!r})" if isinstance(first, str) else ""
            raise RepeatedKey(f"the key {key!r} appears twice in one object{where}; keep one")
        seen[key] = value
    return seen


def _read_json_table(name: str, spec: TableSpec, records: object, batch: Batch) -> None:
    if not isinstance(records, list):
        batch.add_problem(Problem(name, None, spec.name, "expected a list of records"))
        return
    for index, record in enumerate(records):
        where = f"{spec.name}[{index}]."
        if not isinstance(record, dict):
            batch.add_problem(Problem(name, None, where.rstrip("."), "expected an object"))
            continue
        row = Row({k: _json_scalar(v) for k, v in record.items()}, name, None, where)
        problems = [row.problem(c, "missing field") for c in spec.required if c not in record]
        problems += [row.problem(c, f"unknown field for {spec.name}")
                     for c in record if c not in spec.columns]
        problems += [row.problem(c, "expected text or a number, not a list or object")
                     for c, v in record.items() if isinstance(v, list | dict) and c in spec.columns]
        batch.problems.extend(problems)
        if not problems:
            _check_row(spec, row, batch)


def _json_scalar(value: object) -> str:
    """A JSON value as the text a CSV cell would hold: null is empty, true/false are words."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _check_row(spec: TableSpec, row: Row, batch: Batch) -> None:
    """Normalise one row's fields, recording a problem for each bad one."""
    values = {col: row.values.get(col, "") for col in spec.columns}
    ok = True
    for col in spec.columns:
        if (spec.name, col) in KEPT_WHEN_ABSENT and col not in row.values:
            values[col] = None  # the store keeps what it holds
            continue
        value = str(values[col] or "").strip().replace("\r\n", "\n").replace("\r", "\n")
        try:
            values[col] = _clean(spec.name, col, value)
        except ValueError as exc:
            batch.add_problem(row.problem(col, str(exc)))
            ok = False
    if ok:
        row.values = values
        batch.tables[spec.name].append(row)


def _clean(table: str, column: str, value: str) -> str | int | None:
    """One field, checked and normalised; raises ValueError with what is wrong."""
    if len(value.encode("utf-8", "surrogatepass")) > MAX_FIELD_BYTES:
        raise ValueError(f"field is over {MAX_FIELD_BYTES:,} bytes")
    surrogate = next((c for c in value if "\ud800" <= c <= "\udfff"), None)
    if surrogate:
        raise ValueError(f"contains U+{ord(surrogate):04X}, half of a UTF-16 pair, which is not a "
                         "character and cannot be stored as text")
    control = control_character(value)
    if control:
        raise ValueError(control)
    if column in TABLES[table].required and not value:
        raise ValueError("must not be empty")
    if column in TABLES[table].required and not visible(value):
        raise ValueError(f"holds only invisible characters ({ascii(value)}); it must not be empty")
    if column in INT_COLUMNS:
        return _integer(value)
    if column in ("published", "fieldwork_start"):
        return validate_iso(value)
    if column == "role":
        return _choice(value, ROLES, "colour role")
    if column == "used_for":
        return _choice(value, ("", "standards", "overall"), "use of a scale")
    if column == "kind":
        return _kind(value)
    if column == "name_confirmed":
        return _yes_no(value)
    if column == "concept":
        return value.casefold()  # a key: "Court-work" and "court-work" are one concept
    return value


def _integer(value: str) -> int | None:
    if not value:
        return None
    try:
        number = int(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a whole number") from None
    if not -2**63 <= number < 2**63:
        raise ValueError(f"{value[:30]}{'…' if len(value) > 30 else ''} is too large: whole numbers "
                         "are stored in 64 bits (at most 9,223,372,036,854,775,807)")
    return number


def _choice(value: str, choices: tuple[str, ...], what: str) -> str:
    if value.casefold() not in choices:
        raise ValueError(f"unknown {what} {value!r} (expected {', '.join(c for c in choices if c)})")
    return value.casefold()


def _kind(value: str) -> str:
    kind = value.casefold()
    if kind not in KINDS:
        raise ValueError(f"unknown kind {value!r} (expected {', '.join(KINDS)})")
    return kind


def _yes_no(value: str) -> str:
    if value.casefold() not in ("", "yes", "no"):
        raise ValueError(f"{value!r} is not yes or no")
    return value.casefold() or "yes"
