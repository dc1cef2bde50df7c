"""A mapping built from choices (the import dialog's lists): the TOML it writes is read back by
the mapping reader, imports through the CLI to the same records the shipped Ofsted mapping gives,
keeps hostile header names intact, and every problem is named as the file's checks name it."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
from mapping_choices import SHIPPED, cli_import, fitting_sheet, ilacs_choices, records

from inspector_gui.exchange.mapping import load_mapping
from inspector_gui.exchange.mapping_build import (
    FOUR_WORD,
    FrameworkChoice,
    JudgementChoice,
    MappingChoices,
    Source,
    check,
    document,
    mapping_text,
)
from inspector_gui.exchange.sheets import read_sheet
from inspector_gui.exchange.toml_text import dumps

HOSTILE = ['Report "URL"', "Rating]\n[evil]\nx = 1", "Grade \\ ]] =", "Évaluation générale ✓", "tab\there",
           "nul\x00bell\x07", "#not a comment", "' single", "\u202eright-to-left"]


def test_built_mapping_imports_as_the_shipped_one(tmp_path: Path) -> None:
    sheet = fitting_sheet(tmp_path)
    built = tmp_path / "built.toml"
    built.write_text(mapping_text(ilacs_choices()), encoding="utf-8")
    shipped = records(cli_import(sheet, SHIPPED, tmp_path / "shipped.db"))
    ours = records(cli_import(sheet, built, tmp_path / "built.db"))
    assert len(ours["inspections"]) > 400 and len(ours["ratings"]) > 1000
    assert ours == shipped


def test_hostile_header_names_round_trip(tmp_path: Path) -> None:
    choices = MappingChoices(
        inspectorate_id="x", inspectorate_name=HOSTILE[1], provider_id=HOSTILE[0], provider_name=HOSTILE[3],
        provider_type=Source(HOSTILE[2]), region=Source(fixed=HOSTILE[6]), published=HOSTILE[4],
        overall=HOSTILE[5], source_url=HOSTILE[7], frameworks=(FrameworkChoice("f", HOSTILE[8]),),
        judgements=(JudgementChoice(HOSTILE[8], "", "1", HOSTILE[1], "1", HOSTILE[2]),),
        not_recorded=tuple(HOSTILE))
    text = mapping_text(choices)
    assert tomllib.loads(text) == document(choices)
    path = tmp_path / "m.toml"
    path.write_text(text, encoding="utf-8")
    mapping = load_mapping(path)
    assert {c for c, _ in mapping.columns()} == {HOSTILE[i] for i in (0, 2, 3, 4, 5, 7, 8)}
    assert mapping.not_recorded == tuple(HOSTILE)
    assert mapping.inspectorate["name"] == HOSTILE[1]


def test_writer_quotes_keys_and_refuses_other_types() -> None:
    doc = {"scales": {'a"]b': {"levels": [{"word": "x"}]}}, "t": {"k]": 1}}
    assert tomllib.loads(dumps(doc)) == doc
    with pytest.raises(TypeError):
        dumps({"t": {"f": 1.5}})


def test_frameworks_by_date_are_newest_first_with_both_bounds() -> None:
    choices = replace(ilacs_choices(), rule="date")
    frameworks = document(choices)["frameworks"]
    assert [f["id"] for f in frameworks] == ["ofsted-2026", "ilacs-2022", "ilacs-2018", "sif-2013"]
    assert frameworks[1]["when"] == {"published_from": "2022-09-05", "published_before": "2026-06-17"}
    assert frameworks[3]["when"] == {"published_before": "2018-03-12"}


def test_framework_by_a_column() -> None:
    doc = document(replace(ilacs_choices(), rule="column", framework_column="inspection_framework"))
    assert doc["inspection"]["framework"] == {"column": "inspection_framework"}
    assert all("when" not in f for f in doc["frameworks"])


def test_judgement_rows_of_one_column_become_one_table() -> None:
    tables = document(ilacs_choices())["judgements"]
    assert [(t["column"], t["frameworks"]) for t in tables][:1] == [
        ("impact_of_leaders_grade", ["ilacs-2018", "ilacs-2022", "ofsted-2026"])]
    assert len(tables) == 5


def test_check_names_missing_choices_as_the_reader_does(tmp_path: Path) -> None:
    sheet = read_sheet(fitting_sheet(tmp_path))
    trial = check(MappingChoices(), sheet)
    text = "\n".join(map(str, trial.problems))
    assert trial.batch is None
    for key in ("inspectorate.id: is missing", "provider.id: is missing", "provider.type: is missing",
                "frameworks: must be one or more [[frameworks]] tables"):
        assert f"new mapping: {key}" in text


def test_check_names_missing_columns_and_bad_cells_with_their_rows(tmp_path: Path) -> None:
    sheet = read_sheet(fitting_sheet(tmp_path))
    good = ilacs_choices()
    assert check(good, sheet).problems == ()
    assert len(check(good, sheet).batch.batch.tables["inspections"]) == 20
    missing = check(replace(good, overall="overall grade"), sheet)
    assert [str(p) for p in missing.problems] == [
        f"{sheet.label}:1: overall grade: no such column in the header (inspection.overall in new mapping "
        "names it)"]
    three = check(replace(good, levels=FOUR_WORD[:3]), sheet)
    bad = next(p for p in three.problems if "is not a level" in p.message)
    assert bad.line and bad.line > 1 and bad.column.endswith("_grade") and "'inadequate'" in bad.message
    wrong_date = check(replace(good, date_format="%Y-%m-%d"), sheet)
    first = wrong_date.problems[0]
    assert (first.line, first.column) == (2, "publication_date") and "not a date" in first.message


def test_a_from_date_that_is_not_iso_is_refused(tmp_path: Path) -> None:
    sheet = read_sheet(fitting_sheet(tmp_path))
    choices = replace(ilacs_choices(), frameworks=(FrameworkChoice("a", "A", published_from="1/2/2020"),))
    assert any("published_from: '1/2/2020' is not a date" in str(p) for p in check(choices, sheet).problems)


def test_explain_names_the_page_and_field_of_a_key() -> None:
    from inspector_gui.errors import Problem
    from inspector_gui.exchange.mapping_build import explain

    assert explain(Problem("new mapping", None, "provider.id", "is missing")) == (
        "2 Provider: Provider id column (provider.id): is missing")
    assert explain(Problem("new mapping", None, "frameworks[0].when.published_from", "bad")).startswith(
        "4 Frameworks (frameworks[0]")
    assert explain(Problem("s.csv", 3, "Grade\n", "odd")) == "s.csv:3: Grade\\n: odd"


def test_a_bad_date_is_reported_once_per_row(tmp_path: Path) -> None:
    sheet = read_sheet(fitting_sheet(tmp_path))
    problems = check(replace(ilacs_choices(), date_format="%Y-%m-%d"), sheet).problems
    dated = [(p.line, p.column) for p in problems if p.column == "publication_date"]
    assert dated and len(dated) == len(set(dated))
