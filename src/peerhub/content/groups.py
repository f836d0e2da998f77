"""What a group file may hold: one group's experience, its head counts, contact and check-ins.

Each field is declared once, typed, with a docstring under it; the same
declarations validate the YAML files and produce the JSON Schemas that editors use.
Relations between fields and files are checked in `rules.py`, not here.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from peerhub.content.datefields import Day, Month, PartialDate
from peerhub.content.fieldtypes import (
    Count,
    Email,
    Name,
    OpaqueId,
    OptionalProse,
    Sentence,
    Slug,
    Url,
    YesNo,
)
from peerhub.content.modelbase import Link, Strict
from peerhub.content.vocabulary import Cadence, Facilitation, Joining, Mode, OutcomeId, Visibility

__all__ = ["CheckIn", "Contact", "Group", "GroupOutcomes", "GroupSize", "SourceNote"]


class GroupSize(Strict):
    """Head counts for a group; leave out any you do not know."""

    invited: Count(1, 100_000) | None = None  # type: ignore[valid-type]
    """How many people were invited or are eligible."""
    members: Count(1, 100_000) | None = None  # type: ignore[valid-type]
    """How many people count themselves as members."""
    attendance: Count(1, 10_000) | None = None  # type: ignore[valid-type]
    """How many people come to a typical meeting."""


class GroupOutcomes(Strict):
    """The outcome a group was set up for, and any it also serves."""

    primary: OutcomeId
    """The one outcome the group mainly serves."""
    secondary: Annotated[list[OutcomeId], Field(max_length=9)] = []
    """Other outcomes members report."""


class Contact(Strict):
    """How to reach the group; published only when `publish_contact` is true."""

    name: Name | None = None
    """A contact person."""
    email: Email | None = None
    """An e-mail address."""
    url: Url | None = None
    """A web page about the group."""


class SourceNote(Strict):
    """One fact on a group's page and the published sentence that supports it."""

    claim: Sentence
    """The fact as the page states it, such as 'About ten people join a typical call'."""
    source: Sentence
    """Where it is said: the account, and the words or figure that support it."""


class CheckIn(Strict):
    """How the group has done since its previous check-in (every three months, and at
    the end): the hub turns a group's check-ins into its trends and into evidence for
    the formats and designs it uses.
    """

    date: Day
    """The day of the check-in (YYYY-MM-DD); list check-ins oldest first."""
    members: Count(1, 100_000)  # type: ignore[valid-type]
    """How many members the group had that day."""
    meetings: Count(0, 1_000)  # type: ignore[valid-type]
    """Meetings held since the previous check-in (for the first: since the start)."""
    attendance: Annotated[float, Field(ge=0, le=100_000)]
    """Members present per meeting, on average (at most `members`)."""
    process: Count(1, 5)  # type: ignore[valid-type]
    """1-5: how well the meetings ran (5: every meeting ran well)."""
    results: Count(1, 5)  # type: ignore[valid-type]
    """1-5: progress on the group's main outcome (5: clear progress)."""
    safety: Count(1, 5)  # type: ignore[valid-type]
    """1-5: how openly members speak (5: anyone can raise anything)."""
    note: Sentence | None = None
    """One optional sentence: what stood out since the last check-in."""


class Group(Strict):
    """One peer group's experience, shared by its members."""

    name: Name
    """The group's name, such as 'Staff-plus engineers peer group'."""
    visibility: Visibility = "public"
    """public: a page with everything but the contact (see publish_contact); anonymous: a
    page under a neutral title and a random address, without name, organization, people's
    names, contact, links or credit; private: no page, counted only in totals of 3 or more."""
    anonymous_id: OpaqueId | None = None
    """Random letters and digits for the page address of an anonymous group, so that the
    address says nothing about the group (required when visibility is anonymous)."""
    summary: Sentence
    """One sentence: who meets, and why."""
    added: Day
    """The day this experience was added to the hub (YYYY-MM-DD)."""
    organization: Name | None = None
    """Where the group runs (never published for anonymous or private groups)."""
    audience: Name | None = None
    """Who the members are, such as 'Staff-plus engineers' or 'NGO executive directors'."""
    sector: Name | None = None
    """The members' sector, such as 'Technology' or 'Non-profit'."""
    story: OptionalProse = None
    """How the group started and how it runs (Markdown subset)."""
    formats: Annotated[list[Slug], Field(max_length=12)] = []
    """Slugs of the formats the group uses, from formats/."""
    outcomes: GroupOutcomes
    """The outcomes the group serves."""
    size: GroupSize = GroupSize()
    """Head counts."""
    mode: Mode | None = None
    """How the group meets: virtual, in-person or hybrid."""
    cadence: Cadence | None = None
    """How often the group meets."""
    session_minutes: Count(5, 1440) | None = None  # type: ignore[valid-type]
    """How long a meeting lasts, in minutes."""
    facilitation: Facilitation | None = None
    """Who facilitates the meetings."""
    started: PartialDate | None = None
    """When the group started: YYYY, YYYY-MM or YYYY-MM-DD."""
    ended: PartialDate | None = None
    """When the group ended, if it has."""
    running: YesNo | None = None
    """true if the group still meets, false if it stopped; leave out if you do not know."""
    tools: Annotated[list[Name], Field(max_length=12)] = []
    """Tools the group uses, such as 'a private chat channel'."""
    what_worked: Annotated[list[Sentence], Field(max_length=12)] = []
    """What worked well."""
    challenges: Annotated[list[Sentence], Field(max_length=12)] = []
    """What was hard."""
    advice: Annotated[list[Sentence], Field(max_length=12)] = []
    """Advice for people starting a similar group."""
    links: Annotated[list[Link], Field(max_length=12)] = []
    """Public pages about the group."""
    joining: Joining | None = None
    """Whether new members can join: open, waitlist or closed (leave out if you do not say)."""
    next_intake: Month | None = None
    """The month the group next takes new members (YYYY-MM)."""
    join_how: Sentence | None = None
    """One sentence on how to ask to join; published only with the contact (public groups
    with publish_contact: true)."""
    contact: Contact | None = None
    """How to reach the group."""
    publish_contact: YesNo = False
    """Set to true to publish the contact on the group's page (public groups only)."""
    credit: Sentence | None = None
    """Where this account comes from, if someone else wrote it up."""
    sources: Annotated[list[SourceNote], Field(max_length=20)] = []
    """For an account written up from published material: each fact and where it is said."""
    checkins: Annotated[list[CheckIn], Field(max_length=60)] = []
    """The group's check-ins, oldest first: at most one a month, and 60 in all."""

    @property
    def status(self) -> str:
        """active, ended, or unknown: a group is not called active unless someone said so."""
        if self.ended or self.running is False:
            return "ended"
        return "active" if self.running else "unknown"
