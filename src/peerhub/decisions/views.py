"""Published groups as typed, read-only views: the only form in which pages see a group.

A view is made from what the privacy allow-list lets through (`masking.allowed`), so a
field nobody classified never reaches one, and a view field with no classified source
fails the build rather than show something by accident. Dates stay dates until a
renderer formats them; `as_json` gives the shape the API files publish.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from peerhub.content.groups import Group

__all__ = [
    "CheckInView",
    "ContactView",
    "GroupView",
    "LinkView",
    "OutcomesView",
    "SizeView",
    "SourceView",
    "as_json",
    "view_of",
]


@dataclass(frozen=True)
class CheckInView:
    """One published check-in."""

    date: dt.date
    members: int
    meetings: int
    attendance: float
    process: int
    results: int
    safety: int
    note: str | None


@dataclass(frozen=True)
class SizeView:
    """How many were invited, are members and come to a meeting, where recorded."""

    invited: int | None
    members: int | None
    attendance: int | None

    @property
    def recorded(self) -> bool:
        """Whether the group recorded any of the three."""
        return any((self.invited, self.members, self.attendance))


@dataclass(frozen=True)
class OutcomesView:
    """The group's main outcome and any others it serves."""

    primary: str
    secondary: tuple[str, ...]


@dataclass(frozen=True)
class LinkView:
    """A link a public group published."""

    title: str
    url: str


@dataclass(frozen=True)
class ContactView:
    """How to reach a public group that chose to publish it."""

    name: str | None
    email: str | None
    url: str | None


@dataclass(frozen=True)
class SourceView:
    """A published account a public group's facts come from."""

    claim: str
    source: str


@dataclass(frozen=True)
class GroupView:
    """A published group. Withheld fields are empty (None or ()), so every view, and
    every record in the API, has one shape.
    """

    #: The published address's last part: the file name, or `anonymous-<id>`.
    slug: str
    name: str
    #: active, ended or unknown (from `running` and `ended`).
    status: str
    anonymous: bool
    summary: str
    added: dt.date
    organization: str | None
    audience: str | None
    sector: str | None
    story: str | None
    formats: tuple[str, ...]
    outcomes: OutcomesView
    size: SizeView
    mode: str | None
    cadence: str | None
    session_minutes: int | None
    facilitation: str | None
    started: str | None
    ended: str | None
    running: bool | None
    tools: tuple[str, ...]
    what_worked: tuple[str, ...]
    challenges: tuple[str, ...]
    advice: tuple[str, ...]
    links: tuple[LinkView, ...]
    joining: str | None
    next_intake: str | None
    join_how: str | None
    contact: ContactView | None
    credit: str | None
    sources: tuple[SourceView, ...]
    checkins: tuple[CheckInView, ...]
    #: Steer publishing and are never published: always None in a view.
    visibility: None = None
    anonymous_id: None = None
    publish_contact: None = None


#: The fields that hold other views, and the view each item becomes.
_NESTED: dict[str, type] = {
    "outcomes": OutcomesView,
    "size": SizeView,
    "contact": ContactView,
    "links": LinkView,
    "sources": SourceView,
    "checkins": CheckInView,
}


def _value(name: str, value: Any) -> Any:
    kind = _NESTED.get(name)
    if isinstance(value, list):
        return tuple(kind(**_fields(item)) if kind else item for item in value)
    if kind is not None and isinstance(value, Mapping):
        return kind(**_fields(value))
    return value


def _fields(data: Mapping[str, Any]) -> dict[str, Any]:
    return {name: _value(name, value) for name, value in data.items()}


def view_of(published: Mapping[str, Any]) -> GroupView:
    """The view of one group from `masking.published` (with dates as dates).

    A key the view does not declare, or a declared field with no value, raises
    TypeError: the allow-list and the view must say the same.
    """
    return GroupView(**_fields(published))


def as_json(view: Any) -> Any:
    """`view` as the API files publish it: objects as dicts in the allow-list's field
    order, tuples as lists, dates in ISO form.
    """
    if type(view) in _PLAIN:  # most values: thousands of groups' texts and numbers
        return view
    if isinstance(view, tuple | list):
        return [as_json(item) for item in view]
    if isinstance(view, dt.date):
        return view.isoformat()
    if dataclasses.is_dataclass(view) and not isinstance(view, type):
        return {name: as_json(getattr(view, name)) for name in _ordered(type(view))}
    return view


#: Types `as_json` gives back as they are.
_PLAIN = frozenset({str, int, float, bool, type(None)})


@functools.cache
def _ordered(kind: type) -> tuple[str, ...]:
    """A view's field names in the order the API has always listed them: for a group,
    the group file's fields as the model declares them, then slug, status and anonymous.
    """
    names = [f.name for f in dataclasses.fields(kind)]
    if kind is not GroupView:
        return tuple(names)
    order = [*Group.model_fields, "slug", "status", "anonymous"]
    return tuple(name for name in order if name in names)
