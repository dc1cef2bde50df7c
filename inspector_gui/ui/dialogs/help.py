"""Help menu dialogs: About (version, the open store, where its data comes from) and the
keyboard shortcuts."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from inspector_gui import __version__
from inspector_gui.reports.catalogue import Catalogue
from inspector_gui.ui.dialogs.message import plain_message
from inspector_gui.ui.shortcuts import SHORTCUTS

PROVENANCE = (
    "The bundled data set holds real, published facts about probation inspections in England and "
    "Wales (2018–2025), compiled from HM Inspectorate of Probation's press releases and report "
    "pages, ministers' answers and local news. Every inspection, rating and finding carries the "
    "address it was taken from. Standard-level ratings appear only where a source stated them; "
    "a standard without one is shown as not recorded, never guessed. Findings are short "
    "statements in this project's own words, not quotations."
)


def about_text(catalogue: Catalogue | None) -> str:
    lines = [f"Inspector GUI {__version__}",
             "Read, compare and report on probation inspections in England and Wales.", ""]
    if catalogue is not None:
        info = catalogue.info
        counts = ", ".join(f"{n} {t}" for t, n in info.counts.items())
        lines += [f"Store: {info.path}", f"Contents: {counts}",
                  f"Standard ratings recorded: {info.ratings_recorded} of {info.ratings_possible}",
                  f"Data as at: {info.as_at or 'unknown'}"]
        if info.synthetic:
            lines.append("SYNTHETIC DATA: generated for testing, not real inspections.")
        lines.append("")
    lines.append(PROVENANCE)
    return "\n".join(lines)


def show_about(parent: QWidget | None, catalogue: Catalogue | None) -> QMessageBox:
    return plain_message(parent, QMessageBox.Icon.Information, "About Inspector GUI", about_text(catalogue))


def shortcuts_text() -> str:
    width = max(len(s.keys) for s in SHORTCUTS)
    lines = [f"{s.keys:<{width}}   {s.description}" for s in SHORTCUTS]
    lines += ["", "Arrow keys move across matrix cells and findings; Tab moves between panels.",
              "Enter or double-click on a matrix cell shows its findings."]
    return "\n".join(lines)


def show_shortcuts(parent: QWidget | None) -> QMessageBox:
    return plain_message(parent, QMessageBox.Icon.NoIcon, "Keyboard shortcuts", shortcuts_text())
