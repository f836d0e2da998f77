"""The hub: a project's validated content, and what pages derive from it, computed once.

Pages, cards, the picker, search, the feed and the API all read the same published
views, directory order and picker candidates. Each is a cached property here, so it is
computed the first time a page asks and shared afterwards; a new `Hub` (as every build
and every test gets) starts with nothing computed. The functions that compute them
live with the idea they belong to (privacy, facets, charts, recommend, evidence).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from . import facets, privacy, recommend
from .charts import Chart
from .charts import charts as compute_charts
from .evidence import Evidence, hub_evidence
from .models import Design, Format, Group, Outcome, today
from .settings import Settings

__all__ = ["Hub"]

#: A published group as pages may show it (see `privacy.published`).
View = dict[str, Any]


@dataclass(eq=False)
class Hub:
    """All validated content of a project, keyed by slug, in file-name order."""

    root: Path
    formats: dict[str, Format] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    outcomes: dict[str, Outcome] = field(default_factory=dict)
    #: The maintainers' options from `extra.peerhub` in mkdocs.yml.
    settings: Settings = field(default_factory=Settings)

    @cached_property
    def published_views(self) -> dict[str, View]:
        """Every non-private group as published, keyed and ordered by address."""
        return privacy.published_views(self)

    @cached_property
    def directory_order(self) -> list[tuple[str, View]]:
        """Published groups by the name they are shown under."""
        return facets.directory_order(self)

    @cached_property
    def facet_values(self) -> dict[str, list[tuple[str, str]]]:
        """Every directory facet's (value, label) pairs in display order."""
        return facets.facet_values(self)

    @cached_property
    def charts(self) -> dict[str, Chart]:
        """The home page's four figures, over the published groups."""
        return compute_charts(self)

    @cached_property
    def candidates(self) -> dict[str, list[tuple[str, Design, float]]]:
        """Each outcome's candidate designs, best first (see `recommend.candidates`)."""
        return {oid: recommend.candidates(self, oid) for oid in self.outcomes}

    @cached_property
    def evidence(self) -> dict[str, dict[str, Evidence]]:
        """Maturity, long-running groups and check-in medians for every format and
        candidate design (see `evidence.hub_evidence`).
        """
        return hub_evidence(self, today())
