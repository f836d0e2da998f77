"""Facets of the group directory: the values readers filter by, and each group's values.

Bands and labels are decided here; the directory script only counts and filters by
the numbers this data gives it. Private groups never appear.
"""

from __future__ import annotations

from typing import Any

from . import urls
from .fieldtypes import partial_date_start
from .models import Group, today
from .project import Hub
from .vocabulary import CADENCE_LABELS, MODE_LABELS, OUTCOME_IDS

NOT_RECORDED = "Not recorded"
SIZE_BANDS = (
    ("1-8", "Up to 8 members", 1, 8),
    ("9-15", "9 to 15", 9, 15),
    ("16-30", "16 to 30", 16, 30),
    ("31-plus", "31 or more", 31, 10**6),
)
LIFESPANS = (
    ("under-1", "Under a year", 0, 1),
    ("1-2", "1 to 2 years", 1, 2),
    ("2-5", "2 to 5 years", 2, 5),
    ("5-plus", "5 years or more", 5, 10**3),
)
FACETS = ("outcome", "format", "size", "cadence", "mode", "sector", "status")
FACET_LABELS = {
    "outcome": "Main outcome",
    "format": "Format",
    "size": "Members",
    "cadence": "Meets",
    "mode": "How",
    "sector": "Sector",
    "status": "Status",
}


def size_band(group: Group) -> str:
    """The members band, from members, else attendance, else invited."""
    count = group.size.members or group.size.attendance or group.size.invited
    if count is None:
        return "unknown"
    return next(key for key, _, low, high in SIZE_BANDS if low <= count <= high)


def lifespan(group: Group) -> str:
    """How long the group has run (to its end, or to today)."""
    if not group.started:
        return "unknown"
    end = partial_date_start(group.ended) if group.ended else today()
    years = (end - partial_date_start(group.started)).days / 365.25
    return next(key for key, _, low, high in LIFESPANS if low <= years < high)


def facet_values(hub: Hub) -> dict[str, list[tuple[str, str]]]:
    """Every facet's (value, label) pairs in display order, "unknown" last."""
    sectors = sorted({g.sector.strip() for g in hub.groups.values() if g.sector}, key=str.lower)
    unknown = [("unknown", NOT_RECORDED)]
    return {
        "outcome": [(o, hub.outcomes[o].name) for o in OUTCOME_IDS if o in hub.outcomes],
        "format": [(s, f.name) for s, f in hub.formats.items()],
        "size": [(k, label) for k, label, _, _ in SIZE_BANDS] + unknown,
        "cadence": [*CADENCE_LABELS.items(), *unknown],
        "mode": [*MODE_LABELS.items(), *unknown],
        "sector": [(s.lower(), s) for s in sectors] + unknown,
        "status": [("active", "Active"), ("ended", "Ended")],
    }


def group_values(group: Group) -> dict[str, list[str]]:
    """One group's value(s) for every facet (formats can be several)."""
    return {
        "outcome": [group.outcomes.primary],
        "format": list(group.formats),
        "size": [size_band(group)],
        "cadence": [group.cadence or "unknown"],
        "mode": [group.mode or "unknown"],
        "sector": [group.sector.strip().lower() if group.sector else "unknown"],
        "status": [group.status],
    }


def directory_data(hub: Hub) -> dict[str, Any]:
    """Compact data for the directory filters: value lists, then one row per group."""
    values = facet_values(hub)
    index = {f: {v: i for i, (v, _) in enumerate(values[f])} for f in FACETS}
    rows = []
    for slug, group in sorted(hub.published_groups.items(), key=lambda i: i[1].name.lower()):
        mine = group_values(group)
        rows.append(
            [
                group.name,
                urls.group_url(slug),
                group.summary,
                *([index[f][v] for v in mine[f]] for f in FACETS),
            ]
        )
    return {
        "facets": [
            [f, FACET_LABELS[f], [label for _, label in values[f]], [v for v, _ in values[f]]]
            for f in FACETS
        ],
        "groups": rows,
    }
