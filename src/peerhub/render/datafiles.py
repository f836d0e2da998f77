"""The data files the browser reads: the directory's filters and the evidence API.

Each is made from the site's derived views (directory order, facet values, evidence)
so the browser and the pages show the same thing.
"""

from __future__ import annotations

from typing import Any

from peerhub.decisions.evidence import ESTABLISHED, LONG_RUNNING, EvidenceFile
from peerhub.decisions.facets import FACET_LABELS, FACETS, group_values
from peerhub.decisions.privacy import MIN_GROUPS
from peerhub.render import urls
from peerhub.site import Site

__all__ = ["directory_data", "evidence_data"]


def directory_data(hub: Site) -> dict[str, Any]:
    """The directory filters' data: each facet's name, label and options (value and
    label), then each group's name, address, summary and its values by facet.
    """
    values = hub.facet_values
    return {
        "facets": [
            {
                "name": f,
                "label": FACET_LABELS[f],
                "options": [{"value": v, "label": label} for v, label in values[f]],
            }
            for f in FACETS
        ],
        "groups": [
            {
                "name": view.name,
                "url": urls.group_url(slug),
                "summary": view.summary,
                "values": group_values(view),
            }
            for slug, view in hub.directory_order
        ],
    }


def evidence_data(hub: Site) -> dict[str, Any]:
    """`/api/evidence.json`, as `EvidenceFile` describes it."""
    found = hub.evidence
    data = EvidenceFile(
        established=ESTABLISHED,
        long_running_months=LONG_RUNNING,
        min_groups=max(hub.settings.min_groups, MIN_GROUPS),
        formats=dict(found["formats"]),
        designs=dict(found["designs"]),
    )
    return data.model_dump(mode="json")
