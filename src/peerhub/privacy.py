"""What of a group may be published: the one place the visibility rules live.

Pages, cards, the JSON API and search all read groups through `published`, so a
private group never reaches the site and an anonymous one loses what identifies it.
"""

from __future__ import annotations

from typing import Any

from .models import Group
from .project import Hub

#: Fields an anonymous group never publishes: they name people or the organization.
IDENTIFYING = ("organization", "contact", "links", "credit")


def published(group: Group) -> dict[str, Any] | None:
    """The publishable fields of a group as plain data, or None for a private group."""
    if group.visibility == "private":
        return None
    data = group.model_dump(mode="json", exclude={"publish_contact", "visibility"})
    data["status"] = group.status
    # Withheld fields stay in the data as empty values, so every record has one shape.
    if group.visibility == "anonymous":
        for key in IDENTIFYING:
            data[key] = [] if key == "links" else None
    elif not group.publish_contact:
        data["contact"] = None
    data["anonymous"] = group.visibility == "anonymous"
    return data


def published_views(hub: Hub) -> dict[str, dict[str, Any]]:
    """`published` for every non-private group, computed once per hub and shared by
    pages, cards, the picker, search entries and the JSON API. Treat as read-only."""

    def compute() -> dict[str, dict[str, Any]]:
        views = ((slug, published(group)) for slug, group in hub.groups.items())
        return {slug: view for slug, view in views if view is not None}

    return hub.memo("published_views", compute)
