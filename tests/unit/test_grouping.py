"""Provider grouping for the tree: every provider lands in exactly one group, in a stable order."""

from __future__ import annotations

import pytest

from inspector_gui.domain.dates import PartialDate
from inspector_gui.domain.grouping import (
    NOT_RECORDED,
    filter_entries,
    group_providers,
    owner_group,
)
from inspector_gui.domain.ratings import Rating
from inspector_gui.domain.records import Inspection, Provider
from inspector_gui.store import Store


def _entry(pid: str, kind: str, region: str = "", owner: str = "", framework: str = "pdu-2023"):
    provider = Provider(pid, pid.title(), kind, region, owner)
    inspection = Inspection(f"{pid}-1", pid, framework, "", PartialDate(), PartialDate(2024),
                            Rating.GOOD, "", ())
    return provider, [inspection]


def test_type_then_region_nests_regions_inside_types_in_type_order():
    entries = [_entry("b", "PDU", "Wales"), _entry("a", "CRC", "London"), _entry("c", "PDU", "")]
    groups = group_providers(entries, "type_region")
    assert [g.label for g in groups] == ["CRCs", "PDUs"]
    assert [g.label for g in groups[1].groups] == ["Wales", NOT_RECORDED]
    assert groups[1].count == 2
    assert groups[1].provider_ids() == ("b", "c")


def test_owner_groups_merge_bracketed_variants_of_one_company():
    entries = [_entry("x", "CRC", owner="Purple Futures (led by Interserve)"),
               _entry("y", "CRC", owner="Purple Futures"), _entry("z", "CRC", owner="")]
    groups = group_providers(entries, "owner")
    assert [(g.label, g.count) for g in groups] == [("Purple Futures", 2), (NOT_RECORDED, 1)]
    assert owner_group("Seetec (managed by KSS CRC; formerly Working Links)") == "Seetec"


def test_framework_grouping_uses_the_latest_inspection_and_framework_names():
    entries = [_entry("a", "PDU", framework="pdu-2021"), _entry("b", "PDU", framework="pdu-2023")]
    groups = group_providers(entries, "framework", {"pdu-2021": "PDU 2021", "pdu-2023": "PDU 2023"})
    assert [g.label for g in groups] == ["PDU 2021", "PDU 2023"]


def test_unknown_grouping_is_refused():
    with pytest.raises(ValueError, match="unknown grouping"):
        group_providers([], "colour")


def test_filter_matches_every_word_in_name_region_or_owner():
    entries = [_entry("leeds", "PDU", "Yorkshire"), _entry("york", "PDU", "Yorkshire", "Seetec")]
    assert [p.provider_id for p, _ in filter_entries(entries, "YORKSHIRE seetec")] == ["york"]
    assert len(filter_entries(entries, "  ")) == 2


@pytest.mark.parametrize("by", ["type_region", "region", "owner", "framework"])
def test_every_bundled_provider_is_in_exactly_one_group(store: Store, by: str):
    tree = store.provider_tree()
    groups = group_providers(tree, by, {f: fw.name for f, fw in store.frameworks().items()})
    ids = [pid for g in groups for pid in g.provider_ids()]
    assert sorted(ids) == sorted(p.provider_id for p, _ in tree)
    assert sum(g.count for g in groups) == len(tree) == 93


def test_several_inspectorates_are_grouped_first_and_never_mixed() -> None:
    P = Provider  # noqa: N806 - short, for the table of entries
    names = {"ofsted": "Ofsted", "hmip": "HM Inspectorate of Probation"}
    entries = [(P("a", "Barnet", "local authority", "London", "", "ofsted"), []),
               (P("b", "Leeds PDU", "PDU", "North", "", "hmip"), []),
               (P("c", "Camden", "local authority", "London", "", "ofsted"), [])]
    groups = group_providers(entries, "region", None, names)
    assert [g.label for g in groups] == ["HM Inspectorate of Probation", "Ofsted"]
    assert groups[1].provider_ids() == ("a", "c") and groups[0].provider_ids() == ("b",)
    single = group_providers(entries[:1], "region")
    assert [g.label for g in single] == ["London"]
