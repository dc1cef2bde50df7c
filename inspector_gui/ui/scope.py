"""What the provider tree's selection asks the other panels to show."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scope:
    """All providers, a group of them, one provider, or one inspection of one provider.

    ``key`` identifies the tree node (``all``, ``group:CRCs/North West``, ``provider:ID``,
    ``inspection:ID``) so a selection survives a reload and a restart.
    """

    key: str = "all"
    label: str = "All providers"
    provider_ids: tuple[str, ...] | None = None
    provider_id: str | None = None
    inspection_id: str | None = None

    @property
    def is_all(self) -> bool:
        return self.provider_ids is None


ALL = Scope()
