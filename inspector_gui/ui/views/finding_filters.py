"""The findings filter bar: search (debounced), scope, standard, one button per domain and the
three kinds. It emits ``changed`` when the filters settle; the panel turns them into a query."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from inspector_gui.domain.records import KIND_LABELS, KINDS
from inspector_gui.reports.catalogue import Catalogue
from inspector_gui.ui import settings as keys
from inspector_gui.ui.settings import Settings
from inspector_gui.ui.text import mnemonic_safe, plain_label, plain_tooltip
from inspector_gui.ui.views.choices import ChoiceBox
from inspector_gui.ui.views.flow_layout import FlowLayout
from inspector_gui.ui.views.search_box import SearchBox

SEARCH_DELAY_MS = 250
NO_DOMAIN = ""
"""The domain "code" of findings about the whole inspection."""
_KIND_BUTTONS = {"strength": "Strengths", "improvement": "Improvements", "recommendation": "Recommendations"}


class FindingFilters(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._domain: str | None = None
        self.search = SearchBox("Search findings (Ctrl+F)", "Search findings", SEARCH_DELAY_MS, self)
        self.search.setMinimumWidth(160)
        self.search.settled.connect(self.changed)
        self.follow = ChoiceBox(None, "Which providers' findings", self)
        self.follow.set_choices([("Selected providers", "selection"), ("All providers", "all")])
        self.standard = ChoiceBox("Any standard", "Standard", self)
        self.standard.setMaximumWidth(200)
        self.standard.set_choices([])  # says "Any standard" while the store loads
        for box in (self.follow, self.standard):
            box.value_changed.connect(lambda _: self.changed.emit())
        self.count = plain_label(parent=self)
        self.count.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        self.count.setMinimumHeight(self.search.sizeHint().height())
        self.domains = QButtonGroup(self)
        self.domains.setExclusive(True)
        self.domains.idClicked.connect(self._domain_clicked)
        self._strip = QWidget(self)
        FlowLayout(self._strip)
        self.kinds = {kind: self._kind_button(kind) for kind in KINDS}
        self._domain_codes: list[str | None] = []
        self._standards: dict[str, tuple[str, list[str]]] = {}
        self._lay_out()

    def _kind_button(self, kind: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(_KIND_BUTTONS[kind])
        button.setCheckable(True)
        button.setChecked(True)
        button.setToolTip(f"Show findings of kind: {KIND_LABELS[kind]}")
        button.toggled.connect(lambda _: self.changed.emit())
        return button

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        for widget in (*self.kinds.values(), self.follow, self.standard):
            top.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self._strip)

    def _refill_strip(self) -> None:
        """Domain buttons, then the count, wrapping when the panel is narrow."""
        flow = self._strip.layout()
        while flow.takeAt(0) is not None:
            pass
        for widget in [*self.domains.buttons(), self.count]:
            flow.addWidget(widget)

    def set_catalogue(self, catalogue: Catalogue | None) -> None:
        """One button per domain of the store, then "Whole inspection"; standards by code. A
        chosen domain this store does not have falls back to every domain."""
        for button in self.domains.buttons():
            self.domains.removeButton(button)
            button.deleteLater()
        domains = catalogue.domains if catalogue else []
        self._domain_codes = [None] + [code for code, _ in domains] + [NO_DOMAIN]
        if self._domain not in self._domain_codes:
            self._domain = None
        labels = ["All domains"] + [f"{code} {names.split(' / ')[0]}" for code, names in domains]
        tips = ["Findings of every domain"] + [f"Domain {c}: {n}" for c, n in domains]
        tips.append("Findings about the inspection as a whole, not one domain")
        for number, (label, tip) in enumerate(zip(labels + ["Whole inspection"], tips, strict=True)):
            self._add_domain_button(number, label, tip)
        self._refill_strip()
        self._standards = _standard_choices(catalogue)
        self._offer_standards()
        self._check_domain()

    def _add_domain_button(self, number: int, label: str, tip: str) -> None:
        button = QToolButton(self)
        button.setText(mnemonic_safe(label))
        button.setCheckable(True)
        button.setToolTip(plain_tooltip(tip + (f" (Ctrl+{number})" if number < 10 else "")))
        button.setAccessibleName(label)
        previous = self.domains.button(number - 1) if number else self.standard
        self.domains.addButton(button, number)
        QWidget.setTabOrder(previous, button)

    def domain(self) -> str | None:
        """The chosen domain code, ``""`` for whole-inspection findings, None for every domain."""
        return self._domain

    def select_domain(self, number: int) -> None:
        """Choose the n-th domain button (0 = every domain), as Ctrl+digit does."""
        if 0 <= number < len(self._domain_codes):
            self._set_domain(self._domain_codes[number])
            self.changed.emit()

    def set_domain(self, code: str | None) -> None:
        self._set_domain(code)

    def _set_domain(self, code: str | None) -> None:
        self._domain = code
        self._check_domain()
        self._offer_standards()

    def _domain_clicked(self, number: int) -> None:
        self.select_domain(number)

    def _check_domain(self) -> None:
        if self._domain in self._domain_codes:
            button = self.domains.button(self._domain_codes.index(self._domain))
            if button is not None:
                button.setChecked(True)

    def _offer_standards(self) -> None:
        self.standard.set_choices([(f"{code} {' / '.join(names)}", code)
                                   for code, (domain, names) in sorted(self._standards.items())
                                   if self._domain is None or domain == self._domain])

    def show_everything(self) -> None:
        """Every domain, standard and kind, no search: what a drill-down into one cell starts
        from, so no filter set earlier hides part of it. Emits nothing; the caller refreshes."""
        self.search.replace_now("")
        for button in self.kinds.values():
            button.blockSignals(True)
            button.setChecked(True)
            button.blockSignals(False)
        self._set_domain(None)
        self.standard.set_value("")

    def kinds_chosen(self) -> tuple[str, ...] | None:
        """The kinds ticked, or None when all three are (no filter)."""
        chosen = tuple(k for k, b in self.kinds.items() if b.isChecked())
        return None if len(chosen) == len(KINDS) else chosen

    def follows_selection(self) -> bool:
        return self.follow.value() != "all"

    def save_state(self, settings: Settings) -> None:
        settings.set(keys.FINDINGS_DOMAIN, self._domain)
        settings.set(keys.FINDINGS_KINDS, [k for k, b in self.kinds.items() if b.isChecked()])
        settings.set(keys.FINDINGS_SCOPE, self.follows_selection())

    def restore_state(self, settings: Settings) -> None:
        self._domain = settings.get(keys.FINDINGS_DOMAIN)
        wanted = settings.get(keys.FINDINGS_KINDS)
        for kind, button in self.kinds.items():
            button.blockSignals(True)
            button.setChecked(kind in wanted)
            button.blockSignals(False)
        self.follow.set_value("selection" if settings.get(keys.FINDINGS_SCOPE) else "all")


def _standard_choices(catalogue: Catalogue | None) -> dict[str, tuple[str, list[str]]]:
    """Standard code → its domain code and the distinct names it has across frameworks."""
    choices: dict[str, tuple[str, list[str]]] = {}
    for framework in (catalogue.frameworks.values() if catalogue else ()):
        for standard in framework.standards:
            names = choices.setdefault(standard.code, (standard.domain_code, []))[1]
            if standard.name not in names:
                names.append(standard.name)
    return choices

