"""What an outcome file may hold: one of the ten outcomes and its recommended designs.

Each field is declared once, typed, with a docstring under it; the same
declarations validate the YAML files and produce the JSON Schemas that editors use.
Relations between fields and files are checked in `rules.py`, not here.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from peerhub.content.fieldtypes import Count, Name, Prose, Sentence, Slug
from peerhub.content.modelbase import Range, Strict
from peerhub.content.vocabulary import Cadence, Facilitation, Mode

__all__ = ["FORMAT_DESIGN_SUFFIX", "Design", "Outcome", "Reasons"]

#: The picker names a design made from a format "<format name> program".
FORMAT_DESIGN_SUFFIX = " program"


class Reasons(Strict):
    """Why a design makes each of its choices."""

    formats: Sentence
    """Why these formats."""
    size: Sentence
    """Why this size."""
    cadence: Sentence
    """Why this cadence and session length."""
    program: Sentence
    """Why this program length."""
    facilitation: Sentence
    """Why this facilitation model."""
    composition: Sentence
    """Why these people."""


class Design(Strict):
    """A recommended group design for one outcome."""

    title: Name
    """A short name for the design."""
    formats: Annotated[list[Slug], Field(min_length=1, max_length=4)]
    """Slugs of the formats the design uses, main one first."""
    size: Range
    """How many members."""
    session_minutes: Count(15, 480)  # type: ignore[valid-type]
    """Length of a meeting in minutes."""
    cadence: Cadence
    """How often the group meets."""
    program_months: Range
    """How long the program runs, in months."""
    facilitation: Facilitation
    """Who facilitates."""
    modes: Annotated[list[Mode], Field(min_length=1)]
    """Meeting modes the design works in."""
    composition: Sentence
    """Who should be in the group."""
    reasons: Reasons
    """Why each choice was made."""


class Outcome(Strict):
    """One of the ten outcomes a peer group program can aim for."""

    name: Name
    """The outcome's name, such as 'Problem solving'."""
    question: Sentence
    """The question it answers for a program designer."""
    definition: Prose
    """What the outcome means (Markdown subset)."""
    signs: Annotated[list[Sentence], Field(min_length=1, max_length=10)]
    """Signs that a program is achieving it."""
    designs: Annotated[list[Design], Field(min_length=1, max_length=3)]
    """One to three recommended designs, best first."""
    keywords: Annotated[list[Name], Field(max_length=12)] = []
    """Words readers search with when they want this outcome, such as 'burnout'."""
