"""Proposed file names from imported ids stay one harmless name inside the chosen folder."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from inspector_gui.exchange.filenames import MAX_LENGTH, file_slug


def test_a_plain_provider_id_is_kept():
    assert file_slug("west-yorkshire-crc") == "west-yorkshire-crc"


def test_separators_dots_and_accents_are_neutralised():
    assert file_slug("../../etc/x") == "etc-x"
    assert file_slug("..\\..\\Windows\\x") == "windows-x"
    assert file_slug("Ynys Môn: <PDU>") == "ynys-mon-pdu"
    assert file_slug("...") == "provider"
    assert file_slug("", fallback="chart") == "chart"


@given(st.text())
def test_any_text_gives_one_name_inside_the_folder(text):
    name = file_slug(text)
    folder = Path("/reports")
    assert (folder / f"{name}-summary.pdf").parent == folder
    assert 0 < len(name) <= MAX_LENGTH and not name.startswith((".", "-"))
    assert "/" not in name and "\\" not in name and "\x00" not in name
