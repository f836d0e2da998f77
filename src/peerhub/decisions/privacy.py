"""What of the content may be published: one table, read as an allow-list.

Every field of every content model is classified in `CLASSIFICATION`. Pages, cards,
the directory, search, the feed, the picker, the JSON API and every figure read groups
only through `masking.published_views`, which copies a field only where its rule allows
it; a field that nobody classified is never published (and a test fails until someone
does).

The rule for figures (`FIGURES_RULE`): a private group is counted in no figure. Any
exact figure that did count one would give it away to a reader who compares two builds
(add one private group and the bar it joins grows by one) or subtracts the published
groups' own values from it; so every count, chart, facet, maturity level and median is
computed from the published groups alone, and what the site publishes is the same
whatever the private groups hold (`tests/test_privacy_attacker.py` builds it both ways).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel

from peerhub.content.formats import AgendaStep, Format, OutcomeLinks, Reference, Role
from peerhub.content.groups import CheckIn, Contact, Group, GroupOutcomes, GroupSize, SourceNote
from peerhub.content.modelbase import Link, Range
from peerhub.content.outcomes import Design, Outcome, Reasons

__all__ = [
    "CLASSIFICATION",
    "CONTACT",
    "EVERYWHERE",
    "FIGURES_RULE",
    "IDENTIFYING",
    "JOINING",
    "MAINTAINED",
    "MIN_GROUPS",
    "NEVER",
    "PAGE",
    "READABLE_NOTE",
    "VISIBILITY_TEXT",
    "Rule",
    "fewer",
]

#: Check-in medians are shown only with at least this many groups behind them, so one
#: group's ratings are never a "median". (`extra.peerhub.min_groups` may raise it.)
MIN_GROUPS = 3

#: The privacy rule for figures, as the contributor pages and the evaluation kit state it.
FIGURES_RULE = (
    "A private group is counted in no figure: every count, chart, maturity level and "
    "median on the site comes from the published groups alone, so nobody can work out a "
    "private group's answers by subtracting the published groups or comparing two builds."
)


def fewer(least: int = MIN_GROUPS) -> str:
    """What a figure with too few groups behind it says instead of its value."""
    return f"fewer than {least} groups"


#: What each visibility publishes, in the words contributors read where they choose it:
#: the issue form and the `peerhub new group` template use these; /contribute/ and
#: CONTRIBUTING.md say the same in prose (a test checks that all four name every level).
VISIBILITY_TEXT = {
    "public": "a page with everything in the file, except the contact unless "
    "publish_contact is true",
    "anonymous": "a page under a neutral title (such as 'Anonymous peer group of "
    "engineering managers, Technology') at a random address, without the group's name, "
    "file name, organization, people's names, contact, links or credit",
    "private": "nothing at all: no page, and the group is counted in no figure (it stays "
    "in the repository for the maintainers)",
}
#: Said wherever a contributor chooses a visibility.
READABLE_NOTE = (
    "The group file, and an issue made with the form, can be read by everyone who can "
    "read the repository, whatever the visibility. If that is too much, ask a maintainer "
    "from a private channel to add the group as private for you."
)


@dataclass(frozen=True)
class Rule:
    """Where one field may appear (figures count only what published groups show)."""

    public: Literal["yes", "no", "opt-in"]
    """On a public group's page and records ("opt-in": only with `publish_contact: true`)."""
    anonymous: bool
    """On an anonymous group's page and records."""


#: Maintainers' content (formats, outcomes): published everywhere.
MAINTAINED = Rule("yes", anonymous=True)
#: Facts about how a group runs: on its page, and so in figures.
EVERYWHERE = Rule("yes", anonymous=True)
#: A group's own words: on public and anonymous pages (checked for names).
PAGE = EVERYWHERE
#: Whether and when a group takes new members: on any group's page.
JOINING = EVERYWHERE
#: Names the group, its organization or its people: public groups only.
IDENTIFYING = Rule("yes", anonymous=False)
#: How to reach someone: public groups that opted in with `publish_contact: true`.
CONTACT = Rule("opt-in", anonymous=False)
#: Settings that steer publishing; never published themselves.
NEVER = Rule("no", anonymous=False)


CLASSIFICATION: dict[type[BaseModel], dict[str, Rule]] = {
    Group: {
        "name": IDENTIFYING,  # an anonymous group is shown under `neutral_label`
        "visibility": NEVER,
        "anonymous_id": NEVER,  # only ever part of the address
        "summary": PAGE,
        "added": PAGE,
        "organization": IDENTIFYING,
        "audience": PAGE,
        "sector": PAGE,
        "story": PAGE,
        "formats": EVERYWHERE,
        "outcomes": EVERYWHERE,
        "size": EVERYWHERE,
        "mode": EVERYWHERE,
        "cadence": EVERYWHERE,
        "session_minutes": EVERYWHERE,
        "facilitation": EVERYWHERE,
        "started": EVERYWHERE,
        "ended": EVERYWHERE,
        "running": EVERYWHERE,
        "tools": PAGE,
        "what_worked": PAGE,
        "challenges": PAGE,
        "advice": PAGE,
        "links": IDENTIFYING,
        "joining": JOINING,
        "next_intake": JOINING,
        "join_how": CONTACT,  # how to ask is a way to reach someone
        "contact": CONTACT,
        "publish_contact": NEVER,
        "credit": IDENTIFYING,
        "sources": IDENTIFYING,  # cites published accounts, which name the group
        "checkins": EVERYWHERE,  # figures; private groups count only in aggregates
    },
    CheckIn: {
        **dict.fromkeys(
            ("date", "members", "meetings", "attendance", "process", "results", "safety"),
            EVERYWHERE,
        ),
        "note": PAGE,  # the group's own words: checked for names, never counted
    },
    SourceNote: dict.fromkeys(("claim", "source"), IDENTIFYING),
    GroupSize: dict.fromkeys(("invited", "members", "attendance"), EVERYWHERE),
    GroupOutcomes: dict.fromkeys(("primary", "secondary"), EVERYWHERE),
    Contact: dict.fromkeys(("name", "email", "url"), CONTACT),
    Link: dict.fromkeys(("title", "url"), IDENTIFYING),
    Format: dict.fromkeys(
        (
            "name",
            "summary",
            "description",
            "use_when",
            "avoid_when",
            "size",
            "session_minutes",
            "cadence",
            "program_months",
            "facilitation",
            "modes",
            "roles",
            "agenda",
            "preparation",
            "pitfalls",
            "variations",
            "outcomes",
            "related",
            "references",
            "standalone",
        ),
        MAINTAINED,
    ),
    Range: dict.fromkeys(("min", "max"), MAINTAINED),
    Role: dict.fromkeys(("name", "does"), MAINTAINED),
    AgendaStep: dict.fromkeys(("step", "minutes", "detail"), MAINTAINED),
    Reference: dict.fromkeys(("title", "author", "year", "url"), MAINTAINED),
    OutcomeLinks: dict.fromkeys(("primary", "secondary"), MAINTAINED),
    Outcome: dict.fromkeys(
        ("name", "question", "definition", "signs", "designs", "keywords"), MAINTAINED
    ),
    Design: dict.fromkeys(
        (
            "title",
            "formats",
            "size",
            "session_minutes",
            "cadence",
            "program_months",
            "facilitation",
            "modes",
            "composition",
            "reasons",
        ),
        MAINTAINED,
    ),
    Reasons: dict.fromkeys(
        ("formats", "size", "cadence", "program", "facilitation", "composition"), MAINTAINED
    ),
}
