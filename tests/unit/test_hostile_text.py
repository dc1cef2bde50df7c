"""Hostile text in the store and the CLI: search text is plain words, never FTS syntax; every
filter value reaches SQL as a parameter; control characters never reach a terminal."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from pathlib import Path

import pytest
from badinput import FINDINGS_HEADER, INSPECTION, MARKUP, contents, sha256
from click.testing import CliRunner

from inspector_gui.cli import main
from inspector_gui.domain.domains import DomainChoiceError, resolve_domain
from inspector_gui.domain.records import FindingQuery
from inspector_gui.domain.search import Search
from inspector_gui.errors import UnknownProviderError
from inspector_gui.store import Store
from inspector_gui.store.search import fts_query

ALL_FINDINGS = 538
FTS_SYNTAX = ['"', "*", "AND", "OR", "NOT", "NEAR(", "-", ":", "'", "(", ")", "((", "risk)",
              '"risk', "risk*", "^risk", "-risk", "risk -harm", "text:risk", "findings_fts:risk",
              "{text}: risk", "NEAR(risk harm, 2)", "risk AND harm", "risk OR harm", "risk NOT harm",
              "risk + harm", "'; DROP TABLE findings; --", "", "   ", "\x00", "\\", "%", "_", "risk_",
              "r\u00e9sum\u00e9 \u201csmart quotes\u201d", "\U0001f600"]


@pytest.mark.parametrize("text", FTS_SYNTAX)
def test_search_text_is_plain_words_and_never_raises(store: Store, text: str) -> None:
    """Upper-case AND/OR/NOT/NEAR are FTS operators, lower-case ones plain words: a search means
    the same either way, and text without words does not filter at all."""
    query = FindingQuery(search=text, limit=1000)
    found = store.findings(query)
    assert store.count_findings(query) == len(found)
    assert len(found) == store.count_findings(FindingQuery(search=text.lower()))
    if fts_query(Search.parse(text)) is None:
        assert len(found) == ALL_FINDINGS


def test_operators_are_words(store: Store) -> None:
    """``risk OR harm`` finds findings holding all three words, not either of two; balanced double
    quotes make a phrase (the words next to each other), an unbalanced one is text."""
    def texts(text: str) -> list[str]:
        return [f.text for f in store.findings(FindingQuery(search=text, limit=1000))]

    either = texts("risk OR harm")
    assert either and all(re.search(r"\bor\b", t, re.IGNORECASE) for t in either)
    assert len(either) < len(set(texts("risk")) | set(texts("harm")))
    assert texts("NEAR(risk harm") == texts("near risk harm")
    phrase = texts('"risk of harm"')
    assert phrase and all(re.search(r"\brisk\w*\W+of\W+harm", t, re.IGNORECASE) for t in phrase)
    assert set(phrase) <= set(texts("risk of harm"))
    assert texts('"risk of harm') == texts("risk of harm")  # an unbalanced quote is text


@pytest.mark.parametrize("text", FTS_SYNTAX)
def test_cli_search_never_fails(store_path: Path, text: str) -> None:
    result = CliRunner().invoke(main, ["findings", "--search", text, "--store", str(store_path)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith(" matching findings\n")


def test_findings_holding_fts_syntax_and_markup_are_found_by_their_words(store_path: Path,
                                                                         tmp_path: Path) -> None:
    hostile = f'He said "NEAR(risk*" AND OR - : \' ( {MARKUP} zebra-crossing'
    source = tmp_path / "findings.csv"
    quoted = hostile.replace('"', '""')
    source.write_text(f'{FINDINGS_HEADER}\n{INSPECTION},1,1.2,strength,"{quoted}",\n')
    assert CliRunner().invoke(main, ["import", str(source), "--store", str(store_path)]).exit_code == 0
    with Store.open(store_path) as store:
        for words in ('"NEAR(risk*', "zebra-crossing", "<img src=", "passwd", "etc/passwd\">"):
            texts = [f.text for f in store.findings(FindingQuery(search=words))]
            assert hostile in texts, words
    shown = CliRunner().invoke(main, ["findings", "--search", "zebra", "--format", "json",
                                      "--store", str(store_path)])
    assert [r["text"] for r in json.loads(shown.stdout)] == [hostile]


# ---- every filter value is a parameter --------------------------------------------------

INJECTIONS = ["x' OR '1'='1", "x\" OR \"1\"=\"1", "1; DROP TABLE findings; --", "') OR 1=1 --",
              "%", "_", "*", "1.1' UNION SELECT name FROM sqlite_master --", "NULL", "\x00"]


@pytest.mark.parametrize("value", INJECTIONS)
def test_filter_values_match_nothing_and_harm_nothing(store: Store, value: str) -> None:
    before = sha256(store.path)
    for query in (FindingQuery(provider_ids=(value,)), FindingQuery(inspection_id=value),
                  FindingQuery(inspection_ids=(value,)), FindingQuery(domain_codes=(value,)),
                  FindingQuery(domains=((value, value), ("pdu-2023", value))),
                  FindingQuery(standard_code=value), FindingQuery(kinds=(value,))):
        assert store.findings(query) == [] and store.count_findings(query) == 0
    assert store.rating_matrix(round=value, provider_type=value) == []
    assert store.rating_matrix(provider_ids=(value,), latest_only=False) == []
    assert store.national_distribution(provider_type=value) == []
    assert store.inspections(value) == [] and store.inspection(value) is None
    with pytest.raises(DomainChoiceError, match="no domain"):
        resolve_domain(value, store.frameworks())
    with pytest.raises(UnknownProviderError):
        store.find_provider(value)
    assert sha256(store.path) == before


@pytest.mark.parametrize("option", ["--provider", "--domain", "--standard"])
@pytest.mark.parametrize("value", INJECTIONS[:4])
def test_cli_names_that_match_nothing_are_one_line_errors(store_path: Path, option: str, value: str) -> None:
    result = CliRunner().invoke(main, ["findings", option, value, "--store", str(store_path)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("inspector: no ")


@pytest.mark.parametrize("value", INJECTIONS[:4])
def test_cli_codes_that_match_nothing_list_nothing(store_path: Path, value: str) -> None:
    result = CliRunner().invoke(main, ["findings", "--inspection", value, "--store", str(store_path)])
    assert result.exit_code == 0 and result.stderr == "0 of 0 matching findings\n"


HOSTILE_RECORDS = {
    "frameworks.csv": [["framework_id", "name"], ["evil' --", "Framework'); DROP TABLE frameworks;--"]],
    "standards.csv": [["framework_id", "domain_code", "domain_name", "standard_code", "standard_name"],
                      ["evil' --", "9", "Case'); DROP TABLE standards;--", "9.1' OR '1'='1", "S"]],
    "providers.csv": [["provider_id", "name", "provider_type"],
                      ["x' OR '1'='1", "Robert'); DROP TABLE findings;--", "CRC"]],
    "inspections.csv": [["inspection_id", "provider_id", "framework_id", "published"],
                        ['i" OR 1=1 --', "x' OR '1'='1", "evil' --", "2020"]],
    "findings.csv": [FINDINGS_HEADER.split(","),
                     ['i" OR 1=1 --', "9", "9.1' OR '1'='1", "strength", "Own finding", ""]],
}


def test_injection_looking_names_find_exactly_their_own_rows(store_path: Path, tmp_path: Path) -> None:
    """Records really named like SQL injections are found by those names and codes, with their
    own finding only, and the store is intact afterwards."""
    for name, rows in HOSTILE_RECORDS.items():
        with (tmp_path / name).open("w", newline="") as handle:
            csv.writer(handle).writerows(rows)
    assert CliRunner().invoke(main, ["import", str(tmp_path), "--store", str(store_path)]).exit_code == 0
    data = contents(store_path)
    for option, value in (("--provider", "Robert'); DROP TABLE findings;--"), ("--provider", "x' OR '1'='1"),
                          ("--inspection", 'i" OR 1=1 --'), ("--domain", "Case'); DROP"),
                          ("--standard", "9.1' OR '1'='1")):
        result = CliRunner().invoke(main, ["findings", option, value, "--format", "csv",
                                           "--store", str(store_path)])
        assert result.exit_code == 0, result.stderr
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert [(r["provider"], r["inspection_id"], r["text"]) for r in rows] == [
            ("Robert'); DROP TABLE findings;--", 'i" OR 1=1 --', "Own finding")], (option, value)
    with Store.open(store_path) as store:
        assert store.counts()["findings"] == ALL_FINDINGS + 1
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert contents(store_path) == data


def test_control_characters_never_reach_the_terminal(store_path: Path) -> None:
    """A store written by another tool may hold terminal escapes; the table shows them as escapes,
    as the README says (CSV and JSON keep the data: JSON escapes it, CSV is for files)."""
    conn = sqlite3.connect(store_path)
    conn.execute("UPDATE findings SET text = 'Title \x1b]0;pwned\x07 \x1b[2J cleared' "
                 "WHERE id = (SELECT min(id) FROM findings)")
    conn.commit()
    conn.close()
    result = CliRunner().invoke(main, ["findings", "--search", "cleared", "--store", str(store_path)])
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "Title \\x1b]0;pwned\\x07 \\x1b[2J cleared" in result.stdout
