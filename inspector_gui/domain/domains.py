"""Domains are (framework, domain code): "2" is Case supervision in 2018, Court work and case
supervision in 2021 and Service delivery in 2023. A filter across the whole store therefore names
a domain, and covers every framework's domain *of that name*, saying which frameworks those are;
a bare code is accepted only where it means one domain, and is otherwise an error listing the
choices (or is narrowed by naming the framework). A standard code is resolved the same way."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from inspector_gui.domain.frameworks import Framework
from inspector_gui.errors import InspectorError

MAPPED = "mapped across frameworks, not identical"


class DomainChoiceError(InspectorError):
    """A domain named nothing, or more than one thing; the message lists the choices."""


@dataclass(frozen=True)
class DomainRef:
    """One framework's domain."""

    framework_id: str
    code: str
    name: str

    @property
    def key(self) -> tuple[str, str]:
        return self.framework_id, self.code


@dataclass(frozen=True)
class DomainGroup:
    """The domains a filter button or ``--domain`` value covers: those sharing one name."""

    name: str
    members: tuple[DomainRef, ...]

    @property
    def keys(self) -> tuple[tuple[str, str], ...]:
        """``(framework_id, domain code)`` of each member, as the findings query takes them."""
        return tuple(m.key for m in self.members)

    def label(self, frameworks: Mapping[str, Framework]) -> str:
        """``Case supervision (2018)``: the name and the frameworks it comes from, by the year
        each came into use (the tooltip names them in full)."""
        return f"{self.name} ({', '.join(framework_tag(frameworks, m.framework_id) for m in self.members)})"

    def describe(self, frameworks: Mapping[str, Framework]) -> str:
        """Every member domain with its framework's full name, one per line."""
        return "\n".join(f"Domain {m.code} {m.name} of {_framework_name(frameworks, m.framework_id)}"
                         for m in self.members)


def framework_tag(frameworks: Mapping[str, Framework], framework_id: str) -> str:
    """A framework's short tag: the year it came into use, else its id."""
    framework = frameworks.get(framework_id)
    year = re.match(r"\s*(\d{4})", framework.in_use) if framework else None
    return year.group(1) if year else framework_id


def framework_tags(frameworks: Mapping[str, Framework]) -> dict[str, str]:
    """Each framework's :func:`framework_tag`, or its id where two frameworks share a year."""
    tags = {fid: framework_tag(frameworks, fid) for fid in frameworks}
    shared = {t for t in tags.values() if list(tags.values()).count(t) > 1}
    return {fid: fid if tag in shared else tag for fid, tag in tags.items()}


def _framework_name(frameworks: Mapping[str, Framework], framework_id: str) -> str:
    framework = frameworks.get(framework_id)
    return f"{framework.name} ({framework_id})" if framework else framework_id


def domain_refs(frameworks: Mapping[str, Framework]) -> list[DomainRef]:
    """Every framework's domains, by domain code, then newest framework first."""
    refs = [DomainRef(f.framework_id, code, name) for f in frameworks.values() for code, name in f.domains()]
    newest = {f.framework_id: framework_tag(frameworks, f.framework_id) for f in frameworks.values()}
    refs.sort(key=lambda r: (newest[r.framework_id], r.framework_id), reverse=True)
    refs.sort(key=lambda r: _code_order(r.code))
    return refs


def _code_order(code: str) -> tuple[int, str]:
    return (int(code), "") if code.isdigit() else (1 << 30, code)


def domain_groups(frameworks: Mapping[str, Framework]) -> list[DomainGroup]:
    """One group per domain name (ignoring case), in the order of :func:`domain_refs`."""
    groups: dict[str, list[DomainRef]] = {}
    for ref in domain_refs(frameworks):
        groups.setdefault(ref.name.casefold(), []).append(ref)
    return [DomainGroup(members[0].name, tuple(members)) for members in groups.values()]


def resolve_domain(text: str, frameworks: Mapping[str, Framework],
                   framework_id: str | None = None) -> DomainGroup:
    """The domains meant by a name (``Case supervision``, any case), a code that means one domain
    (``3``), part of one name (``supervision`` when only one name holds it), or a code of the
    framework ``framework_id``. Raises DomainChoiceError listing the choices otherwise."""
    if framework_id is not None and framework_id not in frameworks:
        raise DomainChoiceError(f"no framework {framework_id!r}; frameworks are {', '.join(frameworks)}")
    groups = [g for g in (_narrow(g, framework_id) for g in domain_groups(frameworks)) if g]
    wanted = text.strip().casefold()
    named = [g for g in groups if g.name.casefold() == wanted]
    coded = [DomainGroup(g.name, tuple(m for m in g.members if m.code == text.strip()))
             for g in groups if any(m.code == text.strip() for m in g.members)]
    partial = [g for g in groups if wanted and wanted in g.name.casefold()]
    for found in (named, coded, partial):
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise DomainChoiceError(_ambiguous(text, found, frameworks))
    raise DomainChoiceError(f"no domain {text!r}; domains are {_choices(groups, frameworks)}")


def _narrow(group: DomainGroup, framework_id: str | None) -> DomainGroup | None:
    if framework_id is None:
        return group
    members = tuple(m for m in group.members if m.framework_id == framework_id)
    return DomainGroup(group.name, members) if members else None


def _ambiguous(text: str, found: list[DomainGroup], frameworks: Mapping[str, Framework]) -> str:
    return (f"domain {text!r} means different domains in different frameworks: "
            f"{_choices(found, frameworks)}; give the domain's name, or --framework ID with the code")


def _choices(groups: list[DomainGroup], frameworks: Mapping[str, Framework]) -> str:
    return "; ".join(f"{m.code} {m.name!r} ({m.framework_id})" for g in groups for m in g.members)


def resolve_standard(text: str, frameworks: Mapping[str, Framework],
                     framework_id: str | None = None) -> tuple[str, str]:
    """``(framework_id, standard code)`` for a code that means one standard in the store (or in
    the framework ``framework_id``): "2.1" is Assessment in 2018 and Court work in 2021, so a
    code several frameworks use is a DomainChoiceError listing them."""
    if framework_id is not None and framework_id not in frameworks:
        raise DomainChoiceError(f"no framework {framework_id!r}; frameworks are {', '.join(frameworks)}")
    code = text.strip()
    found = [s for f in frameworks.values() if framework_id in (None, f.framework_id)
             for s in f.standards if s.code == code]
    if len(found) == 1:
        return found[0].framework_id, found[0].code
    if not found:
        where = f" in framework {framework_id}" if framework_id else ""
        raise DomainChoiceError(f"no standard {text!r}{where}")
    choices = "; ".join(f"{s.code} {s.name!r} ({s.framework_id})" for s in found)
    raise DomainChoiceError(f"standard {text!r} means different standards in different frameworks: "
                            f"{choices}; give --framework ID with the code")
