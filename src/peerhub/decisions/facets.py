"""Facets of the group directory: the values readers filter by, and each group's values.

Bands and labels are decided here; the directory script only counts and filters by
the numbers this data gives it. Everything here reads published views (see
`privacy`), so private groups never appear, not even as a filter option.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from peerhub.content.datefields import partial_date_start
from peerhub.content.formats import Format
from peerhub.content.outcomes import Outcome
from peerhub.content.vocabulary import (
    CADENCE_LABELS,
    JOINING_LABELS,
    MODE_LABELS,
    OUTCOME_IDS,
    STATUS_LABELS,
)
from peerhub.decisions.views import GroupView, SizeView

__all__ = [
    "FACETS",
    "FACET_LABELS",
    "LIFESPANS",
    "NOT_RECORDED",
    "SIZE_BANDS",
    "directory_order",
    "facet_values",
    "group_values",
    "lifespan",
    "size_band",
]

NOT_RECORDED = "Not recorded"
SIZE_BANDS = (
    ("1-8", "Up to 8 members", 1, 8),
    ("9-15", "9 to 15", 9, 15),
    ("16-30", "16 to 30", 16, 30),
    ("31-plus", "31 or more", 31, float("inf")),
)
LIFESPANS = (
    ("under-1", "Under a year", 0, 1),
    ("1-2", "1 to 2 years", 1, 2),
    ("2-5", "2 to 5 years", 2, 5),
    ("5-plus", "5 years or more", 5, float("inf")),
)
FACETS = ("outcome", "format", "size", "cadence", "mode", "sector", "status", "joining")
FACET_LABELS = {
    "outcome": "Main outcome",
    "format": "Format",
    "size": "Group size",
    "cadence": "How often",
    "mode": "How they meet",
    "sector": "Sector",
    "status": "Status",
    "joining": "New members",
}


def size_band(size: SizeView) -> str:
    """The members band, from members, else attendance, else invited."""
    count = size.members or size.attendance or size.invited
    if count is None:
        return "unknown"
    return next(key for key, _, low, high in SIZE_BANDS if low <= count <= high)


def lifespan(started: str | None, ended: str | None, today: dt.date) -> str:
    """How long a group has run (to its end, or to `today`)."""
    if not started:
        return "unknown"
    end = partial_date_start(ended) if ended else today
    years = (end - partial_date_start(started)).days / 365.25
    return next(key for key, _, low, high in LIFESPANS if low <= years < high)


def facet_values(
    views: Mapping[str, GroupView], formats: Mapping[str, Format], outcomes: Mapping[str, Outcome]
) -> dict[str, list[tuple[str, str]]]:
    """Every facet's (value, label) pairs in display order, "unknown" last."""
    sectors = sorted({g.sector.strip() for g in views.values() if g.sector}, key=str.lower)
    unknown = [("unknown", NOT_RECORDED)]
    return {
        "outcome": [(o, outcomes[o].name) for o in OUTCOME_IDS if o in outcomes],
        "format": [(s, f.name) for s, f in formats.items()],
        "size": [(k, label) for k, label, _, _ in SIZE_BANDS] + unknown,
        "cadence": [*CADENCE_LABELS.items(), *unknown],
        "mode": [*MODE_LABELS.items(), *unknown],
        "sector": [(s.lower(), s) for s in sectors] + unknown,
        "status": list(STATUS_LABELS.items()),
        "joining": [*JOINING_LABELS.items(), *unknown],
    }


def group_values(view: GroupView) -> dict[str, list[str]]:
    """One published group's value(s) for every facet (formats can be several)."""
    return {
        "outcome": [view.outcomes.primary],
        "format": list(view.formats),
        "size": [size_band(view.size)],
        "cadence": [view.cadence or "unknown"],
        "mode": [view.mode or "unknown"],
        "sector": [view.sector.strip().lower() if view.sector else "unknown"],
        "status": [view.status],
        "joining": [view.joining or "unknown"],
    }


def directory_order(views: Mapping[str, GroupView]) -> list[tuple[str, GroupView]]:
    """Published groups by the name they are shown under (an anonymous group's label);
    read it as `Site.directory_order`, shared by the directory pages and their filter data.
    """
    return sorted(views.items(), key=lambda item: (item[1].name.lower(), item[0]))
