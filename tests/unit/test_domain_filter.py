"""Domains are (framework, domain code): a filter names a framework's domain, a name covers the
domains of that name, and a code that means different domains is an error listing the choices."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from inspector_gui.cli import main
from inspector_gui.domain.domains import DomainChoiceError, domain_groups, resolve_domain
from inspector_gui.domain.records import FindingQuery
from inspector_gui.store import Store


def _findings(store_path: Path, *args: str):
    return CliRunner().invoke(main, ["findings", "--store", str(store_path), "--limit", "1000",
                                     "--format", "csv", *args])


def test_every_domain_name_is_one_group_saying_which_frameworks(store: Store) -> None:
    frameworks = store.frameworks()
    labels = [g.label(frameworks) for g in domain_groups(frameworks)]
    assert "Case supervision (2018)" in labels
    assert "Organisational delivery (2021, 2018)" in labels
    assert "Service delivery (2023)" in labels and "Court work and case supervision (2021)" in labels
    shared = next(g for g in domain_groups(frameworks) if g.name == "Organisational delivery")
    assert shared.keys == (("pdu-2021", "1"), ("crc-nps-2018", "1"))
    assert "PDU standards 2021-2023 (pdu-2021)" in shared.describe(frameworks)


def test_a_name_a_unique_code_or_a_framework_code_resolve(store: Store) -> None:
    frameworks = store.frameworks()
    assert resolve_domain("case SUPERVISION", frameworks).keys == (("crc-nps-2018", "2"),)
    assert resolve_domain("3", frameworks).name == "NPS-specific work"
    assert resolve_domain("2", frameworks, "pdu-2023").keys == (("pdu-2023", "2"),)
    assert resolve_domain("court work", frameworks).name == "Court work and case supervision"


@pytest.mark.parametrize(("text", "framework", "message"), [
    ("2", None, "domain '2' means different domains in different frameworks: "),
    ("supervision", None, "'Court work and case supervision' (pdu-2021); 2 'Case supervision'"),
    ("zzz", None, "no domain 'zzz'; domains are 1 "),
    ("2", "nope", "no framework 'nope'; frameworks are "),
    ("4", "pdu-2023", "no domain '4'; domains are 1 'Organisational arrangements and delivery'"),
])
def test_ambiguous_or_unknown_domains_list_the_choices(store: Store, text, framework, message) -> None:
    with pytest.raises(DomainChoiceError) as raised:
        resolve_domain(text, store.frameworks(), framework)
    assert message in raised.value.message


def test_findings_by_domain_name_are_only_of_domains_so_named(store_path: Path, store: Store) -> None:
    """Done when: ``inspector findings --domain "Case supervision"`` returns only findings of
    domains so named."""
    result = _findings(store_path, "--domain", "Case supervision")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {r["domain"] for r in rows} == {"2 Case supervision"}
    everything = store.findings(FindingQuery(limit=10_000))
    assert len(rows) == sum(1 for f in everything if f.domain_name == "Case supervision")
    assert len(rows) < sum(1 for f in everything if f.domain_code == "2")


def test_an_ambiguous_code_is_exit_2_with_the_choices_or_takes_a_framework(store_path: Path) -> None:
    result = _findings(store_path, "--domain", "2")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "'Service delivery' (pdu-2023)" in result.stderr and "--framework" in result.stderr
    chosen = _findings(store_path, "--domain", "2", "--framework", "pdu-2023")
    assert chosen.exit_code == 0, chosen.stderr
    assert {r["domain"] for r in csv.DictReader(io.StringIO(chosen.stdout))} == {"2 Service delivery"}
    alone = _findings(store_path, "--framework", "pdu-2023")
    assert alone.exit_code == 2 and "give one too" in alone.stderr


def test_the_query_matches_framework_and_code_together(store: Store) -> None:
    query = FindingQuery(domains=(("pdu-2021", "2"),), search="court", limit=1000)
    found = store.findings(query)
    assert found and {f.domain_name for f in found} == {"Court work and case supervision"}
    assert store.count_findings(query) == len(found)
    nothing = FindingQuery(domains=())
    assert store.findings(nothing) == [] and store.count_findings(nothing) == 0


def test_a_standard_code_several_frameworks_have_is_exit_2_with_the_choices(store_path: Path,
                                                                            store: Store) -> None:
    """A standard is (framework, code): "2.1" is Assessment in 2018 and something else later."""
    holders = [f.framework_id for f in store.frameworks().values()
               if any(s.code == "2.1" for s in f.standards)]
    assert len(holders) > 1
    result = _findings(store_path, "--standard", "2.1")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert all(f"({fid})" in result.stderr for fid in holders) and "--framework" in result.stderr
    chosen = _findings(store_path, "--standard", "2.1", "--framework", "crc-nps-2018")
    assert chosen.exit_code == 0, chosen.stderr
    rows = list(csv.DictReader(io.StringIO(chosen.stdout)))
    expected = store.findings(FindingQuery(standard=("crc-nps-2018", "2.1"), limit=1000))
    assert rows and [r["inspection_id"] for r in rows] == [f.inspection_id for f in expected]
    assert {r["domain"] for r in rows} == {"2 Case supervision"}
    assert len(rows) < store.count_findings(FindingQuery(standard_code="2.1"))
    unknown = _findings(store_path, "--standard", "9.9")
    assert unknown.exit_code == 2 and "no standard '9.9'" in unknown.stderr


def test_a_standard_code_one_framework_alone_has_works_as_before(store_path: Path, store: Store) -> None:
    codes = [s.code for f in store.frameworks().values() for s in f.standards]
    code = next(c for c in codes if codes.count(c) == 1)
    result = _findings(store_path, "--standard", code, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)) == min(
        1000, store.count_findings(FindingQuery(standard_code=code)))


def test_the_query_matches_standard_framework_and_code_together(store: Store) -> None:
    for query in (FindingQuery(standard=("crc-nps-2018", "2.1"), limit=1000),
                  FindingQuery(standard=("crc-nps-2018", "2.1"), search="the", limit=1000)):
        found = store.findings(query)
        frameworks = {i.inspection_id: i.framework_id for i in store.inspections()}
        assert found and {frameworks[f.inspection_id] for f in found} == {"crc-nps-2018"}
        assert {f.standard_code for f in found} == {"2.1"}
        assert store.count_findings(query) == len(found)


NEWEST_FIRST = ("SELECT f.id FROM inspections i CROSS JOIN findings f ON f.inspection_id = i.inspection_id "
                "WHERE i.framework_id = ? AND f.domain_code = ? "
                "ORDER BY i.published DESC, i.inspection_id, f.id")


@pytest.mark.parametrize("undated", [False, True])
def test_a_framework_domain_page_is_its_matches_newest_first_none_dropped(store_path: Path,
                                                                          undated: bool) -> None:
    """The walk starts at the framework's newest date, unless one of its inspections has no date
    at all (NULL, as another program may write): its findings are still found."""
    key = ("crc-nps-2018", "2")
    with contextlib.closing(sqlite3.connect(store_path)) as raw:
        if undated:
            with raw:
                raw.execute("UPDATE inspections SET published = NULL WHERE inspection_id = "
                            "(SELECT max(inspection_id) FROM inspections WHERE framework_id = ?)", key[:1])
        expected = [r[0] for r in raw.execute(NEWEST_FIRST, key)]
    with Store.open(store_path) as store:
        first = store.findings(FindingQuery(domains=(key,), limit=50))
        every = store.findings(FindingQuery(domains=(key,), limit=len(expected) + 10))
    assert [f.finding_id for f in first] == expected[:50]
    assert sorted(f.finding_id for f in every) == sorted(expected)
    assert len(expected) > 50
