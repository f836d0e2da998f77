"""The site: one project's validated content on one day, and what its pages derive from it.

This is the composition root. `Site` is built once per build (and per test) from the
loaded `Content` and today's date; every derivation is a function of explicit inputs
in `peerhub.decisions`, called here once and shared by pages, cards, the picker,
search, the feed and the API. Nothing in `decisions` imports this module.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from peerhub.content.formats import Format
from peerhub.content.groups import Group
from peerhub.content.outcomes import Outcome
from peerhub.content.project import Content
from peerhub.content.settings import Settings
from peerhub.decisions import facets, joining, masking
from peerhub.decisions.charts import Chart, charts
from peerhub.decisions.evidence import Evidence, site_evidence
from peerhub.decisions.picker.recommend import Candidate, Recommender
from peerhub.decisions.views import GroupView

__all__ = ["Site"]


@dataclass(eq=False)
class Site:
    """A project's content as published on `today`, with every derived view computed
    the first time a page asks for it.
    """

    content: Content
    #: The day the site is built for: intakes, lifespans and evidence are counted to it.
    today: dt.date

    @property
    def root(self) -> Path:
        """The project folder."""
        return self.content.root

    @property
    def formats(self) -> dict[str, Format]:
        """Formats by slug, in file-name order."""
        return self.content.formats

    @property
    def groups(self) -> dict[str, Group]:
        """Every group by file slug, private ones included (see `published_views`)."""
        return self.content.groups

    @property
    def outcomes(self) -> dict[str, Outcome]:
        """The ten outcomes, in their fixed order."""
        return self.content.outcomes

    @property
    def settings(self) -> Settings:
        """The maintainers' options from `extra.peerhub` in mkdocs.yml."""
        return self.content.settings

    @cached_property
    def published_views(self) -> dict[str, GroupView]:
        """Every non-private group as published, keyed and ordered by address."""
        return masking.published_views(self.groups, self.outcomes)

    @cached_property
    def addresses(self) -> dict[str, str]:
        """File slug → published address, for every group with a page."""
        return masking.addresses(self.groups)

    @cached_property
    def directory_order(self) -> list[tuple[str, GroupView]]:
        """Published groups by the name they are shown under."""
        return facets.directory_order(self.published_views)

    @cached_property
    def open_groups(self) -> list[tuple[str, GroupView]]:
        """Published groups open to new members, in directory order."""
        return joining.open_groups(self.directory_order)

    @cached_property
    def facet_values(self) -> dict[str, list[tuple[str, str]]]:
        """Every directory facet's (value, label) pairs in display order."""
        return facets.facet_values(self.published_views, self.formats, self.outcomes)

    @cached_property
    def charts(self) -> dict[str, Chart]:
        """The home page's four figures, over the published groups."""
        return charts(self.published_views, self.outcomes, self.today)

    @cached_property
    def recommender(self) -> Recommender:
        """The picker's ranking over this site's formats and outcomes."""
        return Recommender(self.formats, self.outcomes)

    @property
    def candidates(self) -> dict[str, list[Candidate]]:
        """Each outcome's candidate designs, best first (see `recommend.candidates`)."""
        return self.recommender.candidates

    @cached_property
    def evidence(self) -> dict[str, dict[str, Evidence]]:
        """Maturity, long-running groups and check-in medians for every format and
        candidate design (see `evidence.site_evidence`).
        """
        return site_evidence(
            self.published_views,
            self.formats,
            self.candidates,
            self.settings.min_groups,
            self.today,
        )
