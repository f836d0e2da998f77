"""Publishing by the allow-list: each group as its visibility lets it be seen.

`allowed` copies a field only where `privacy.CLASSIFICATION` allows it for the
audience; `published` turns one group into its typed view (an anonymous group under a
neutral label at a random address; a private one into nothing), and `published_views`
does it for every group, keyed and ordered by address.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel

from peerhub.content.filenames import ANONYMOUS_PREFIX
from peerhub.content.groups import Group
from peerhub.content.outcomes import Outcome
from peerhub.decisions.privacy import CLASSIFICATION, Rule
from peerhub.decisions.views import GroupView, view_of

__all__ = [
    "Audience",
    "address",
    "addresses",
    "allowed",
    "neutral_label",
    "published",
    "published_views",
]

Audience = Literal["public", "public+contact", "anonymous"]


def _allows(rule: Rule, audience: Audience) -> bool:
    if audience == "anonymous":
        return rule.anonymous
    return rule.public == "yes" or (rule.public == "opt-in" and audience == "public+contact")


def allowed(model: BaseModel, audience: Audience, *, as_json: bool = True) -> dict[str, Any]:
    """The fields of `model` that `audience` may see, as JSON-ready data (or, with
    `as_json=False`, with dates kept as dates, for a typed view).

    Classified fields that are withheld stay as empty values (None or []), so every
    record has one shape; unclassified fields are left out altogether.
    """
    rules = CLASSIFICATION.get(type(model), {})
    data: dict[str, Any] = {}
    for name in type(model).model_fields:
        rule = rules.get(name)
        if rule is None:
            continue
        value = getattr(model, name)
        shown = _allows(rule, audience)
        data[name] = _dump(value, audience, as_json) if shown else _empty(value)
    return data


def _dump(value: Any, audience: Audience, as_json: bool) -> Any:
    if isinstance(value, BaseModel):
        return allowed(value, audience, as_json=as_json)
    if isinstance(value, list):
        return [_dump(item, audience, as_json) for item in value]
    if isinstance(value, dt.date) and as_json:
        return value.isoformat()
    return value


def _empty(value: Any) -> Any:
    return [] if isinstance(value, list) else None


def address(slug: str, group: Group) -> str:
    """The slug a group is published under: its file name, or for an anonymous group its
    random `anonymous_id`, so the address says nothing about the group.
    """
    if group.visibility == "anonymous":
        if not group.anonymous_id:
            raise ValueError(f"anonymous group '{slug}' has no anonymous_id")
        return ANONYMOUS_PREFIX + group.anonymous_id
    return slug


def neutral_label(group: Group, outcome_name: str) -> str:
    """The title of an anonymous group, made only from fields its page shows anyway."""
    if group.audience:
        label = f"Anonymous peer group of {group.audience}"
    else:
        label = f"Anonymous {outcome_name.lower()} peer group"
    return f"{label}, {group.sector}" if group.sector else label


def published(slug: str, group: Group, outcome_name: str) -> GroupView | None:
    """What may be published of one group, or None for a private group."""
    if group.visibility == "private":
        return None
    anonymous = group.visibility == "anonymous"
    audience: Audience = (
        "anonymous" if anonymous else "public+contact" if group.publish_contact else "public"
    )
    data = allowed(group, audience, as_json=False)
    if anonymous:
        data["name"] = neutral_label(group, outcome_name)
    data["slug"] = address(slug, group)
    data["status"] = group.status
    data["anonymous"] = anonymous
    return view_of(data)


def published_views(
    groups: Mapping[str, Group], outcomes: Mapping[str, Outcome]
) -> dict[str, GroupView]:
    """`published` for every non-private group, keyed and ordered by address.

    Read it as `Site.published_views`: computed once per site and shared by pages,
    cards, the picker, search and the API. The order is the addresses' (not the file
    names'), so an anonymous group's place in a list says nothing about its file name.
    """
    views = {}
    for slug, group in groups.items():
        view = published(slug, group, outcomes[group.outcomes.primary].name)
        if view is not None:
            views[view.slug] = view
    return dict(sorted(views.items()))


def addresses(groups: Mapping[str, Group]) -> dict[str, str]:
    """File slug → address, for every group with a page (maintainers' macros use file slugs)."""
    return {
        slug: address(slug, group)
        for slug, group in groups.items()
        if group.visibility != "private"
    }
