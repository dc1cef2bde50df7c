"""Property tests: any bytes or text given to the readers, the importer or the search builder
gives a clean result or a typed error, never anything else."""

from __future__ import annotations

import json
import shutil
import sqlite3
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from badinput import contents
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector_gui.domain.search import Search
from inspector_gui.errors import ImportFailed, InspectorError
from inspector_gui.exchange.readers import Batch, read_files
from inspector_gui.exchange.tables import TABLES
from inspector_gui.store import Store
from inspector_gui.store.search import fts_query

FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
COLUMNS = sorted({c for spec in TABLES.values() for c in spec.columns})
VALUES = ["merseyside-crc-2018-09-26", "essex-crc", "crc-nps-2018", "1", "1.2", "2.5", "strength",
          "Good", "Poor", "2019-05", "2019-02-30", "", " ", "yes", "CRC", "x" * 300]
FILE_NAMES = ["findings.csv", "ratings.csv", "inspections.csv", "providers.csv", "renamed.csv",
              "findings.json", "data.json", "notes.txt"]


def _cells() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(VALUES), st.text(max_size=20),
                     st.text(alphabet='",;\t\r\n\'\\ ', max_size=6))


@st.composite
def csv_bytes(draw: st.DrawFn) -> bytes:
    """A CSV-ish file: a header of real and odd columns, rows of plausible and hostile cells,
    any delimiter, saved in one of the encodings spreadsheets use (or broken)."""
    sep = draw(st.sampled_from([",", ";", "\t", "|"]))
    header = draw(st.lists(st.one_of(st.sampled_from(COLUMNS), st.text(max_size=8)), min_size=1, max_size=8))
    rows = draw(st.lists(st.lists(_cells(), min_size=0, max_size=len(header) + 1), max_size=6))
    quote = draw(st.booleans())
    lines = [sep.join(f'"{c}"' if quote else c for c in row) for row in [header, *rows]]
    text = draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]))
    data = text.encode(encoding, errors="replace")
    return data[: draw(st.integers(0, len(data)))] if draw(st.booleans()) else data


JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                         st.text(max_size=20), st.sampled_from(VALUES))
JSON_VALUES = st.recursive(JSON_SCALARS, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=10)


@st.composite
def json_bytes(draw: st.DrawFn) -> bytes:
    """A JSON document shaped like the interchange form, with wrong keys, types and values."""
    keys = st.one_of(st.sampled_from(COLUMNS), st.text(max_size=6))
    record = st.dictionaries(keys, JSON_VALUES, max_size=7)
    tables = st.dictionaries(st.one_of(st.sampled_from(list(TABLES)), st.text(max_size=6)),
                             st.one_of(st.lists(record, max_size=4), JSON_VALUES), max_size=3)
    document = draw(st.one_of(tables, JSON_VALUES))
    text = json.dumps(document, ensure_ascii=draw(st.booleans()))
    return text[: draw(st.integers(0, len(text)))].encode() if draw(st.booleans()) else text.encode()


def _check_batch(batch: Batch) -> None:
    for name, rows in batch.tables.items():
        for row in rows:
            assert set(row.values) == set(TABLES[name].columns)
            assert all(isinstance(v, str | int) or v is None for v in row.values.values())


def _check_failure(failure: ImportFailed) -> None:
    assert failure.problems
    for problem in failure.problems:
        text = str(problem)
        assert text and text.isprintable(), text


@pytest.fixture
def inbox(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "inbox"
    folder.mkdir()
    yield folder


def _read(folder: Path, name: str, data: bytes) -> Batch | ImportFailed:
    for old in folder.iterdir():
        old.unlink()
    path = folder / name
    path.write_bytes(data)
    try:
        batch = read_files([path])
    except ImportFailed as failure:
        _check_failure(failure)
        return failure
    _check_batch(batch)
    return batch


@FUZZ
@given(name=st.sampled_from(FILE_NAMES), data=st.binary(max_size=600))
def test_any_bytes_read_cleanly_or_fail_cleanly(inbox: Path, name: str, data: bytes) -> None:
    _read(inbox, name, data)


@FUZZ
@given(name=st.sampled_from(FILE_NAMES[:5]), data=csv_bytes())
def test_csv_like_files_read_cleanly_or_fail_cleanly(inbox: Path, name: str, data: bytes) -> None:
    _read(inbox, name, data)


@FUZZ
@given(name=st.sampled_from(FILE_NAMES[5:7]), data=json_bytes())
def test_json_like_files_read_cleanly_or_fail_cleanly(inbox: Path, name: str, data: bytes) -> None:
    _read(inbox, name, data)


@settings(FUZZ, max_examples=60)
@given(name=st.sampled_from(FILE_NAMES[:5]), data=csv_bytes())
def test_imports_succeed_or_change_nothing(store_path: Path, inbox: Path, name: str, data: bytes) -> None:
    """Through the whole importer against a real store: an import either succeeds or raises a
    typed error, and a failed one leaves every row as it was."""
    target = inbox.parent / "fuzz.db"
    shutil.copyfile(store_path, target)
    before = contents(target)
    (inbox / name).write_bytes(data)
    try:
        with Store.open(target, readonly=False) as store:
            store.import_files([inbox / name])
    except InspectorError:
        assert contents(target) == before
    finally:
        (inbox / name).unlink()


# ---- the search-text builder ----------------------------------------------------------------

SEARCH_TEXT = st.text(alphabet=st.one_of(st.sampled_from('"*()-:^+{}\'_ .,;\\%'), st.characters()),
                      max_size=40) | st.lists(st.sampled_from(
                          ["AND", "OR", "NOT", "NEAR(", "NEAR", ")", '"', "*", "-", ":", "risk",
                           "harm", "text:", "^", "{text}", "'"]), max_size=8).map(" ".join)


@pytest.fixture
def fts(store_path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(f"file:{store_path}?mode=ro", uri=True)
    yield conn
    conn.close()


@FUZZ
@given(text=SEARCH_TEXT)
def test_any_search_text_is_none_or_a_query_fts5_accepts(fts: sqlite3.Connection, text: str) -> None:
    query = fts_query(Search.parse(text))
    if query is not None:
        fts.execute("SELECT count(*) FROM findings_fts WHERE findings_fts MATCH ?", (query,)).fetchone()


@FUZZ
@given(text=SEARCH_TEXT)
def test_any_search_text_through_the_store(store: Store, text: str) -> None:
    from inspector_gui.domain.records import FindingQuery

    query = FindingQuery(search=text, limit=5)
    assert len(store.findings(query)) <= 5
    assert store.count_findings(query) >= 0


WORD = st.text(alphabet=string.ascii_letters + string.digits + "éèçàüöäßñøåÆŒœÉ", min_size=1, max_size=12)


@FUZZ
@given(word=WORD)
def test_a_word_in_a_finding_finds_it_in_any_case(store_path: Path, word: str) -> None:
    """Whatever a finding says, typing one of its words finds it, in upper or lower case."""
    conn = sqlite3.connect(store_path, isolation_level=None)
    try:
        conn.execute("BEGIN")
        conn.execute("INSERT INTO findings (inspection_id, kind, text, natural_key) VALUES "
                     "('merseyside-crc-2018-09-26', 'strength', ?, 'fuzz')", (f"Before {word}, after.",))
        rowid = conn.execute("SELECT last_insert_rowid()").fetchone()[0]
        shouted = word.upper() if len(word.upper()) == len(word) else word  # "ß".upper() is "SS"
        for typed in (word, f"before {shouted}", f"{word.lower()} AFTER"):
            found = [r[0] for r in conn.execute("SELECT rowid FROM findings_fts WHERE findings_fts "
                                                "MATCH ?", (fts_query(Search.parse(typed)),))]
            assert rowid in found, typed
    finally:
        conn.execute("ROLLBACK")
        conn.close()
