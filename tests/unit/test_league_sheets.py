"""League and rating-matrix workbooks: one sheet per league group (framework, provider type and
round or year), each ranked on its own, named safely, listed on the Notes sheet, its cells
equal to the store's — on the bundled probation data (many groups) and the bundled Ofsted set."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from workbook_readback import assert_fill, notes, table

from inspector_gui.cli import main
from inspector_gui.domain.league import LeagueGroup
from inspector_gui.exchange.writers.workbook import sheet_name
from inspector_gui.exchange.writers.xlsx_tables import group_sheet_name
from inspector_gui.reports.summary import build_league
from inspector_gui.store import Store

DATA = Path(__file__).parents[2] / "data"
BAD = re.compile(r"[\[\]:*?/\\']")


def _write(store_path: Path, out: Path, *args: str) -> openpyxl.Workbook:
    result = CliRunner().invoke(main, [*args, "-o", str(out), "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    return openpyxl.load_workbook(out)


def check_group_sheets(wb: openpyxl.Workbook, store: Store, latest_only: bool) -> int:
    """Every sheet after Notes is one league group of ``build_league``, in its order; returns
    how many groups there were."""
    league = build_league(store, latest_only=latest_only)
    groups = league.groups()
    frameworks = store.frameworks()
    facts = notes(wb)
    names = wb.sheetnames[1:]
    assert len(names) == len(groups) > 1
    assert len({n.casefold() for n in names}) == len(names)
    for name, group in zip(names, groups, strict=True):
        assert len(name) <= 31 and not BAD.search(name)
        assert facts[f"Sheet: {name}"].startswith(f"League group {group.label}: ")
        assert group.ranking in facts[f"Sheet: {name}"]
        ws = wb[name]
        header, rows = table(ws)
        assert ws["A1"].value == f"League table: {group.label} ({group.framework_id})"
        framework = frameworks[group.framework_id]
        entries = [e for e in league.entries if e.group == group]
        by_code = {s.code: s for s in framework.standards}
        codes = [h.split(" ", 1)[0] for h in header[11:-1]]
        assert [f"{c} {by_code[c].name}" for c in codes] == header[11:-1]
        assert all(any(by_code[c].applies(e.row.provider.provider_type) for e in entries) for c in codes)
        assert [r[5] for r in rows] == [e.row.inspection.inspection_id for e in entries]
        assert [r[0] for r in rows] == [e.rank for e in entries]
        ranks = [r[0] for r in rows if r[0] is not None]
        assert ranks == sorted(ranks) and (not ranks or ranks[0] == 1), "each group ranked from 1"
        for row, cells, entry in zip(rows, ws.iter_rows(min_row=3), entries, strict=True):
            source = entry.row
            assert row[2] == source.provider.name and row[3] == group.provider_type
            assert row[8] == (source.inspection.overall.label or "Not recorded")
            assert_fill(cells[8])
            own = {s.code for s in framework.standards_for(source.provider.provider_type)}
            for offset, code in enumerate(codes):
                value = row[11 + offset]
                if code not in own:
                    assert value == "Not applicable"
                elif code in source.cells and source.cells[code].rating.label:
                    assert value == source.cells[code].rating.label
                else:
                    assert value == "Not recorded"
                assert_fill(cells[11 + offset])
    return len(groups)


@pytest.mark.parametrize("latest", [True, False])
def test_league_workbook_has_a_sheet_per_league_group(store_path: Path, store: Store, tmp_path: Path,
                                                      latest: bool) -> None:
    args = ("export", "--all") if latest else ("export", "--all", "--all-inspections")
    wb = _write(store_path, tmp_path / "league.xlsx", *args)
    assert check_group_sheets(wb, store, latest) >= 10
    assert "CRC 2018-19 (2018)" in wb.sheetnames and "NPS division 2018-19 (2018)" in wb.sheetnames
    scope = "each provider's latest inspection" if latest else "every inspection"
    assert notes(wb)["Filter: inspections"] == scope


def test_rating_matrix_workbook_splits_a_round_into_its_groups(store_path: Path, store: Store,
                                                               tmp_path: Path) -> None:
    wb = _write(store_path, tmp_path / "matrix.xlsx", "ratings", "--round", "2018/19")
    assert wb.sheetnames == ["Notes", "CRC 2018-19 (2018)", "NPS division 2018-19 (2018)"]
    assert notes(wb)["Filter: round"] == "2018/19"
    crc, nps = (table(wb[n])[1] for n in wb.sheetnames[1:])
    assert {r[3] for r in crc} == {"CRC"} and {r[3] for r in nps} == {"NPS division"}
    assert crc[0][0] == 1 and nps[0][0] == 1


@pytest.fixture(scope="module")
def ofsted_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled Ofsted ILACS set, imported through its shipped mapping."""
    path = tmp_path_factory.mktemp("ofsted") / "ofsted.db"
    result = CliRunner().invoke(main, ["import", str(DATA / "ofsted-ilacs" / "ofsted_csc_ilacs_history.csv"),
                                       "--mapping", str(DATA / "ofsted-ilacs.toml"), "--store", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_ofsted_league_workbook_has_a_sheet_per_group(ofsted_store: Path, tmp_path: Path) -> None:
    wb = _write(ofsted_store, tmp_path / "ofsted.xlsx", "export", "--all", "--all-inspections")
    with Store.open(ofsted_store) as store:
        check_group_sheets(wb, store, latest_only=False)


def test_group_sheet_names_keep_within_excels_limits() -> None:
    group = LeagueGroup("f", "A framework", "a very long provider type name indeed", "2018/19")
    name = group_sheet_name(group, "pdu-2023")
    assert name == "a very long 2018-19 (pdu-2023)" and len(name) <= 31
    taken = {"notes"}
    hostile = group_sheet_name(LeagueGroup("f", "F", "Trust: [north]/*?", "2020/21"), "2020")
    assert sheet_name(hostile, taken) == "Trust north 2020-21 (2020)"
    assert sheet_name(hostile, taken) == "Trust north 2020-21 (2020) (2)"
    assert group_sheet_name(LeagueGroup("f", "F", "", "undated"), "2018") == "type not recorde undated (2018)"
