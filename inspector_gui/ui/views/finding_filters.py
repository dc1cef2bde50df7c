"""The findings filter bar: search (debounced), scope, standard, one button per domain and the
three kinds. It emits ``changed`` when the filters settle; the panel turns them into a query.

A domain button covers the domains of one name across the store's frameworks (a domain is a
framework's: "2" is Case supervision in 2018 and Service delivery in 2023), and its label and
tooltip say which frameworks those are (:mod:`inspector_gui.domain.domains`)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspector_gui.domain.domains import DomainGroup, domain_groups, domain_refs, framework_tags
from inspector_gui.domain.frameworks import Framework, Standard, code_order
from inspector_gui.domain.records import KIND_LABELS, KINDS
from inspector_gui.reports.catalogue import Catalogue
from inspector_gui.ui import settings as keys
from inspector_gui.ui.settings import Settings
from inspector_gui.ui.text import mnemonic_safe, plain_label, plain_tooltip
from inspector_gui.ui.views.choices import ChoiceBox
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
        self.tag = ChoiceBox("Any tag", "Tag (your notebook)", self)
        self.tag.set_choices([])
        for box in (self.follow, self.standard, self.tag):
            box.value_changed.connect(lambda _: self.changed.emit())
        self.count = plain_label(parent=self)
        self.count.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        self.count.setMinimumHeight(self.search.sizeHint().height())
        self.domains = QButtonGroup(self)
        self.domains.setExclusive(True)
        self.domains.idClicked.connect(self._domain_clicked)
        self._strip = QWidget()
        row = QHBoxLayout(self._strip)
        row.setContentsMargins(0, 0, 0, 0)
        self._scroller = _strip_scroller(self._strip, self)
        self._scroller.horizontalScrollBar().rangeChanged.connect(lambda *_: self._show_checked())
        self.kinds = {kind: self._kind_button(kind) for kind in KINDS}
        self._domain_keys: list[str | None] = []
        self._groups: dict[str, DomainGroup] = {}
        self._standards: dict[str, Standard] = {}
        self._tags: dict[str, str] = {}
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
        bottom = QHBoxLayout()
        bottom.addWidget(self._scroller, 1)
        bottom.addWidget(self.tag)
        bottom.addWidget(self.count)
        layout.addLayout(bottom)

    def _refill_strip(self) -> None:
        """Domain buttons in one row, which scrolls sideways when the panel is narrow (a store
        of several frameworks has a dozen domains; wrapped, they took the findings' room)."""
        row = self._strip.layout()
        while row.takeAt(0) is not None:
            pass
        for widget in self.domains.buttons():
            row.addWidget(widget)
        row.addStretch(1)
        bar = self._scroller.horizontalScrollBar().sizeHint().height()
        tallest = max((b.sizeHint().height() for b in self.domains.buttons()), default=0)
        self._scroller.setFixedHeight(tallest + bar + 4)

    def set_catalogue(self, catalogue: Catalogue | None) -> None:
        """One button per domain of the store, then "Whole inspection"; one standard entry per
        (framework, code). A chosen domain this store does not have falls back to every domain."""
        for button in self.domains.buttons():
            self.domains.removeButton(button)
            button.deleteLater()
        frameworks = catalogue.frameworks if catalogue else {}
        groups = domain_groups(frameworks)
        self._groups = {g.name: g for g in groups}
        self._domain_keys = [None] + [g.name for g in groups] + [NO_DOMAIN]
        if self._domain not in self._domain_keys:
            self._domain = None
        labels = ["All domains"] + [g.label(frameworks) for g in groups]
        tips = ["Findings of every domain"] + [f"Findings of the domains named {g.name!r}:\n"
                                               f"{g.describe(frameworks)}" for g in groups]
        tips.append("Findings about the inspection as a whole, not one domain")
        for number, (label, tip) in enumerate(zip(labels + ["Whole inspection"], tips, strict=True)):
            self._add_domain_button(number, label, tip)
        self._refill_strip()
        self._standards = _standard_choices(frameworks)
        self._tags = framework_tags(frameworks)
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
        """The chosen domain name, ``""`` for whole-inspection findings, None for every domain."""
        return self._domain

    def domain_query(self) -> dict[str, tuple]:
        """The chosen domain as findings-query fields: the (framework, code) of each domain of
        that name, or the whole-inspection findings, or nothing."""
        if self._domain is None:
            return {}
        if self._domain == NO_DOMAIN:
            return {"domain_codes": (NO_DOMAIN,)}
        group = self._groups.get(self._domain)
        return {"domains": group.keys if group else ()}

    def select_domain(self, number: int) -> None:
        """Choose the n-th domain button shown (0 = every domain), as Ctrl+digit does."""
        shown = [key for i, key in enumerate(self._domain_keys) if not self.domains.button(i).isHidden()]
        if 0 <= number < len(shown):
            self._set_domain(shown[number])
            self.changed.emit()

    def narrow_domains(self, framework_ids: frozenset[str] | None) -> None:
        """Show only the buttons of domains of these frameworks (those of the selection: a CRC's
        findings have no 2023 PDU domains) and the chosen one; None shows every button."""
        for number, key in enumerate(self._domain_keys):
            group = self._groups.get(key) if key else None
            button = self.domains.button(number)
            button.setVisible(group is None or framework_ids is None or button.isChecked()
                              or any(m.framework_id in framework_ids for m in group.members))

    def set_domain(self, name: str | None) -> None:
        self._set_domain(name)

    def _set_domain(self, name: str | None) -> None:
        self._domain = name
        self._check_domain()
        self._offer_standards()

    def _domain_clicked(self, number: int) -> None:
        self._set_domain(self._domain_keys[number])
        self.changed.emit()

    def _check_domain(self) -> None:
        if self._domain in self._domain_keys:
            button = self.domains.button(self._domain_keys.index(self._domain))
            if button is not None:
                button.setChecked(True)
                self._show_checked()

    def _show_checked(self) -> None:
        """Scroll the strip to the chosen domain's button (once the strip is laid out)."""
        button = self.domains.checkedButton()
        if button is not None:
            self._scroller.ensureWidgetVisible(button)

    def _offer_standards(self) -> None:
        """The standards of the chosen domain's frameworks (every standard for every domain),
        each labelled with its framework: "2.1" is a different standard in each."""
        group = self._groups.get(self._domain or "")
        keys = set(group.keys) if group else set()
        self.standard.set_choices([
            (f"{s.code} {s.name} ({self._tags[s.framework_id]})", value)
            for value, s in self._standards.items()
            if self._domain is None or (s.framework_id, s.domain_code) in keys])

    def standard_query(self) -> dict[str, tuple[str, str]]:
        """The chosen standard as findings-query fields: its (framework, code), or nothing."""
        chosen = self._standards.get(self.standard.value())
        return {"standard": (chosen.framework_id, chosen.code)} if chosen else {}

    def set_tag_counts(self, counts: list[tuple[str, int]]) -> None:
        """The notebook's tags on findings, each with its count; a chosen tag stays chosen."""
        self.tag.set_choices([(f"{tag} ({count})", tag) for tag, count in counts])

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


def _standard_choices(frameworks: Mapping[str, Framework]) -> dict[str, Standard]:
    """Every framework's standards by code, newest framework first, keyed by a value naming
    framework and code."""
    order = {ref.key: n for n, ref in enumerate(domain_refs(frameworks))}
    standards = sorted((s for f in frameworks.values() for s in f.standards),
                       key=lambda s: (code_order(s.code), order.get((s.framework_id, s.domain_code), 0)))
    return {f"{s.framework_id}\n{s.code}": s for s in standards}


def _strip_scroller(strip: QWidget, parent: QWidget) -> QScrollArea:
    scroller = QScrollArea(parent)
    scroller.setWidget(strip)
    scroller.setWidgetResizable(True)
    scroller.setFrameShape(QFrame.Shape.NoFrame)
    scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return scroller
