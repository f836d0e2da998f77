"""Every data file the hub generates: the feed, the API lists and their schemas, the
picker's per-outcome data, the directory's filters and the check-in templates.

Each is made from the site's derived views (directory order, facet values, evidence)
so the browser and the pages show the same thing; `generated_assets` lists them all,
made only when asked.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from peerhub.content.formats import Format
from peerhub.decisions.evidence import ESTABLISHED, LONG_RUNNING, EvidenceFile
from peerhub.decisions.facets import FACET_LABELS, FACETS, group_values
from peerhub.decisions.masking import allowed
from peerhub.decisions.privacy import MIN_GROUPS
from peerhub.decisions.views import as_json
from peerhub.render import urls
from peerhub.render.evaluation import csv_template, notes_template
from peerhub.render.feed import atom_feed
from peerhub.render.picker_table import picker_data
from peerhub.render.schema import SCHEMA_NAMES, schema
from peerhub.site import Site

__all__ = [
    "directory_data",
    "evidence_data",
    "generated_asset_paths",
    "generated_assets",
]


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


def generated_assets(
    hub: Site, site_url: str, opened: Mapping[str, dt.date] | None = None
) -> Iterator[tuple[str, str | bytes]]:
    """(docs-relative path, content) for every generated data file; `site_url` (MkDocs'
    own setting) makes the feed's links absolute, and `opened` dates the feed's entries
    for groups that opened to new members (see `revisions.opened`).
    """
    for path, make in _asset_makers(hub, site_url, opened).items():
        yield path, make()


def generated_asset_paths(hub: Site) -> tuple[str, ...]:
    """Where `generated_assets` writes, known without making anything."""
    return tuple(_asset_makers(hub, "", None))


def _asset_makers(
    hub: Site, site_url: str, opened: Mapping[str, dt.date] | None
) -> dict[str, Callable[[], str | bytes]]:
    """Each data file's path and what makes it, made only when called."""
    return {
        urls.GROUPS_FEED: lambda: atom_feed(hub, site_url, opened),
        urls.api_file("formats"): lambda: _json(
            [_format_data(s, f) for s, f in hub.formats.items()]
        ),
        urls.api_file("groups"): lambda: _json(_groups_data(hub)),
        urls.api_file("evidence"): lambda: _json(evidence_data(hub)),
        urls.CHECKIN_CSV: csv_template,
        urls.CHECKIN_NOTES: notes_template,
        urls.api_file("outcomes"): lambda: _json(
            [
                {"id": oid, "url": urls.outcome_url(oid), **allowed(o, "public")}
                for oid, o in hub.outcomes.items()
            ]
        ),
        **{urls.schema_file(name): _bind_schema(name) for name in SCHEMA_NAMES},
        **{urls.picker_file(oid): _bind_picker(hub, oid) for oid in hub.outcomes},
        urls.DIRECTORY_DATA: lambda: _json(directory_data(hub)),
    }


def _bind_schema(name: str) -> Callable[[], str]:
    return lambda: json.dumps(schema(name), indent=2) + "\n"


def _bind_picker(hub: Site, outcome: str) -> Callable[[], str]:
    return lambda: _json(picker_data(hub, outcome))


def _format_data(slug: str, fmt: Format) -> dict[str, Any]:
    return {"slug": slug, "url": urls.format_url(slug), **allowed(fmt, "public")}


def _groups_data(hub: Site) -> list[dict[str, Any]]:
    views = hub.published_views
    return [{**as_json(v), "url": urls.group_url(s)} for s, v in views.items()]


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
