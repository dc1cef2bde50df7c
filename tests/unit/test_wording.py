"""Counts read as English: one of a thing is singular."""

from inspector_gui.domain.wording import counted


def test_one_is_singular_and_every_other_count_plural():
    assert counted(1, "provider") == "1 provider"
    assert counted(0, "provider") == "0 providers"
    assert counted(93, "inspection") == "93 inspections"
    assert counted(2, "body", "bodies") == "2 bodies"
