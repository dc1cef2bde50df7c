"""What the window reads first (providers with their newest inspection, rounds, years) agrees
with reading every inspection, on the bundled data and on a synthetic store with partial and
missing dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector_gui.store import Store
from inspector_gui.store.synth import SynthSpec, build_synthetic


@pytest.fixture(params=["bundled", "synthetic"])
def any_store(request: pytest.FixtureRequest, store: Store, tmp_path: Path) -> Store:
    if request.param == "bundled":
        return store
    path = build_synthetic(tmp_path / "s.db", SynthSpec(providers=40, inspections=300, findings=600, seed=3))
    return Store.open(path)


def test_newest_inspections_are_the_first_of_each_providers_inspections(any_store: Store) -> None:
    tree = any_store.provider_tree()
    assert len(tree) > 1
    assert any_store.newest_inspections() == [(p, ins[0] if ins else None) for p, ins in tree]


def test_rounds_and_years_are_those_of_the_inspections(any_store: Store) -> None:
    inspections = any_store.inspections()
    assert any_store.inspection_rounds() == sorted({i.round for i in inspections if i.round})
    assert any_store.inspection_years() == sorted(
        {str(i.published.year) for i in inspections if i.published.known})
    assert len(any_store.inspection_years()) > 1


def test_a_provider_without_inspections_has_none_and_names_sort_ignoring_case(store_path: Path,
                                                                              tmp_path: Path) -> None:
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "providers.csv").write_text("provider_id,name,provider_type,region,owner\n"
                                          "aaa-pdu,aaa lower-case PDU,PDU,North,\n")
    with Store.open(store_path, readonly=False) as writable:
        writable.import_files([folder])
    with Store.open(store_path) as store:
        newest = store.newest_inspections()
        assert [p.name for p, _ in newest] == [p.name for p in store.providers()]
        assert dict((p.provider_id, i) for p, i in newest)["aaa-pdu"] is None
