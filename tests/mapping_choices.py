"""The Ofsted ILACS mapping as choices the import dialog offers (columns from lists, frameworks by
publication date), and a copy of the ILACS sheet that both it and the shipped
``data/ofsted-ilacs.toml`` fit: the rows whose framework the dates tell the same as the shipped
rules do, with each council's name and region copied in from the lookup sheet."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import sqlite3
import tomllib
from pathlib import Path

from click.testing import CliRunner

from inspector_gui import paths
from inspector_gui.cli import main
from inspector_gui.exchange.mapping_build import (
    FrameworkChoice,
    JudgementChoice,
    LevelChoice,
    MappingChoices,
    Source,
)

DATA = paths.data_dir() / "ofsted-ilacs"
SHIPPED = paths.data_dir() / "ofsted-ilacs.toml"
FROM = {"ilacs-2018": "2018-03-12", "ilacs-2022": "2022-09-05", "ofsted-2026": "2026-06-17"}
WORDS = {"outstanding", "good", "requires improvement", "requires improvement to be good", "inadequate",
         "to requires improvement"}


def _shipped_framework(row: dict[str, str]) -> str:
    if row["overall_effectiveness_grade"] == "not_reported_post_reform":
        return "ofsted-2026"
    if row["care_leavers_grade"].lower() in WORDS:
        return "ilacs-2022"
    return "ilacs-2018" if row["impact_of_leaders_grade"].lower() in WORDS else "sif-2013"


def _dated_framework(row: dict[str, str]) -> str:
    published = dt.datetime.strptime(row["publication_date"], "%d/%m/%y").date().isoformat()
    return max((d, f) for f, d in [*FROM.items(), ("sif-2013", "")] if published >= d)[1]


def fitting_sheet(folder: Path) -> Path:
    """The ILACS rows both mappings read alike, beside the lookup sheet the shipped one needs."""
    shutil.copy(DATA / "Provider_data_lookup.csv", folder / "Provider_data_lookup.csv")
    with open(DATA / "Provider_data_lookup.csv", encoding="utf-8-sig", newline="") as f:
        lookup = {r["urn"]: r for r in csv.DictReader(f)}
    with open(DATA / "ofsted_csc_ilacs_history.csv", encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.DictReader(f) if _shipped_framework(r) == _dated_framework(r)]
    path = folder / "ilacs.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.DictWriter(f, [*rows[0], "la_name", "region"])
        out.writeheader()
        for r in rows:
            out.writerow({**r, "la_name": lookup[r["urn"]]["local_authority_ons_name"],
                          "region": lookup[r["urn"]]["region_name"]})
    return path


def ilacs_choices() -> MappingChoices:
    """The shipped mapping's meaning, as choices: what the dialog test enters, widget by widget."""
    shipped = tomllib.loads(SHIPPED.read_text(encoding="utf-8"))
    levels = tuple(LevelChoice(lv["word"], lv["short"], lv["role"], lv["points"],
                               tuple(lv.get("values", ())),
                               tuple(lv.get("unusual", ())))
                   for lv in shipped["scales"]["four-word"]["levels"])
    frameworks = tuple(FrameworkChoice(f["id"], f["name"], f["in_use"], f.get("notes", ""),
                                       FROM.get(f["id"], "")) for f in shipped["frameworks"])
    judgements = tuple(JudgementChoice(j["column"], fw, j["domain"], j["domain_name"], j["code"], j["name"],
                                       j.get("concept", ""))
                       for j in shipped["judgements"] for fw in j["frameworks"])
    ins = shipped["inspectorate"]
    return MappingChoices(
        inspectorate_id=ins["id"], inspectorate_name=ins["name"], attribution=ins["attribution"],
        licence_url=ins["licence_url"], url=ins["url"], provider_id="urn", provider_id_prefix="ofsted-",
        provider_name="la_name", provider_type=Source(fixed="local authority"), region=Source("region"),
        published="publication_date", fieldwork_start="inspection_start_date", date_format="%d/%m/%y",
        fieldwork_format="%d/%m/%Y", overall="overall_effectiveness_grade", source_url="inspection_link",
        levels=levels, not_recorded=tuple(shipped["values"]["not_recorded"]),
        not_applicable=tuple(shipped["values"]["not_applicable"]), rule="date",
        frameworks=frameworks, judgements=judgements)


TABLES = ("inspectorates", "frameworks", "scale_levels", "standards", "providers", "inspections", "ratings")
SCALES = Path(__file__).resolve().parent / "data" / "scales"


def records(path: Path) -> dict[str, list[tuple]]:
    """Every row of the store's data tables but peer groups (a built mapping has no lookup)."""
    conn = sqlite3.connect(path)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
    finally:
        conn.close()


def cli_import(sheet: Path, mapping: Path, store: Path) -> Path:
    """``inspector import SHEET --mapping MAP --store STORE``, which must succeed."""
    result = CliRunner().invoke(main, ["import", str(sheet), "--mapping", str(mapping),
                                       "--store", str(store)])
    assert result.exit_code == 0, result.output
    return store


def scale_store(folder: Path, name: str) -> Path:
    """A store of one of the scale fixtures (``peel``: five grades, ``cqc``: scores 1-4)."""
    return cli_import(SCALES / f"{name}.csv", SCALES / f"{name}.toml", folder / f"{name}.db")


def ofsted_store(folder: Path) -> Path:
    """A store of the whole bundled Ofsted sheet, imported with the shipped mapping."""
    return cli_import(DATA / "ofsted_csc_ilacs_history.csv", SHIPPED, folder / "ofsted.db")
