"""What a format file may hold: a meeting format, with its roles, agenda and outcomes.

Each field is declared once, typed, with a docstring under it; the same
declarations validate the YAML files and produce the JSON Schemas that editors use.
Relations between fields and files are checked in `rules.py`, not here.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from peerhub.content.fieldtypes import Count, Name, Prose, Sentence, Slug, Url
from peerhub.content.modelbase import Range, Strict
from peerhub.content.vocabulary import Cadence, Facilitation, Mode, OutcomeId

__all__ = ["AgendaStep", "Format", "OutcomeLinks", "Reference", "Role"]


class Role(Strict):
    """A part someone plays in the meeting."""

    name: Name
    """The role, such as 'Client' or 'Timekeeper'."""
    does: Sentence
    """What the person in this role does."""


class AgendaStep(Strict):
    """One step of a meeting, with its time."""

    step: Name
    """A short name for the step."""
    minutes: Count(1, 480)  # type: ignore[valid-type]
    """How long the step takes, in minutes."""
    detail: Sentence
    """What happens in this step."""


class Reference(Strict):
    """A public description of the format that a reader can follow: a book or a page.

    A page without a date is fine when it has a link; a book needs its year.
    """

    title: Name
    """The book's or the page's title."""
    author: Name
    """The person or organisation behind it."""
    year: Count(1600, 2100) | None = None  # type: ignore[valid-type]
    """The year it was published, where it says."""
    url: Url | None = None
    """Where to read it (https://), where it is online."""

    @model_validator(mode="after")
    def _findable(self) -> Reference:
        if self.url is None and self.year is None:
            raise PydanticCustomError(
                "findable",
                "give the year it was published (for a book) or its url, so readers can find it",
            )
        return self


class OutcomeLinks(Strict):
    """The outcomes a format or a group serves."""

    primary: Annotated[list[OutcomeId], Field(min_length=1, max_length=3)]
    """The outcomes it serves best (one to three of the ten)."""
    secondary: Annotated[list[OutcomeId], Field(max_length=9)] = []
    """Outcomes it also helps with."""


class Format(Strict):
    """A meeting format: a repeatable way for a peer group to spend its time together."""

    name: Name
    """The format's usual name, such as 'Troika consulting'."""
    summary: Sentence
    """One sentence that says what the format is."""
    description: Prose
    """How the format works, in a few paragraphs (Markdown subset)."""
    use_when: Annotated[list[Sentence], Field(min_length=1, max_length=12)]
    """Situations where the format works well."""
    avoid_when: Annotated[list[Sentence], Field(min_length=1, max_length=12)]
    """Situations where another format would serve better."""
    size: Range
    """How many people take part in one session."""
    session_minutes: Count(5, 480)  # type: ignore[valid-type]
    """Length of one session in minutes; the agenda's minutes add up to it."""
    cadence: Cadence
    """How often groups using this format usually meet."""
    program_months: Range
    """How many months a program built on this format usually runs."""
    facilitation: Annotated[list[Facilitation], Field(min_length=1)]
    """Facilitation models that work for this format."""
    modes: Annotated[list[Mode], Field(min_length=1)]
    """Meeting modes the format suits: virtual, in-person, hybrid."""
    roles: Annotated[list[Role], Field(min_length=1, max_length=12)]
    """The roles people play."""
    agenda: Annotated[list[AgendaStep], Field(min_length=1, max_length=20)]
    """The steps of one session in order."""
    preparation: Annotated[list[Sentence], Field(min_length=1, max_length=12)]
    """What to do before the session."""
    pitfalls: Annotated[list[Sentence], Field(min_length=1, max_length=12)]
    """What tends to go wrong, and how to avoid it."""
    variations: Annotated[list[Sentence], Field(max_length=12)] = []
    """Known variants of the format."""
    outcomes: OutcomeLinks
    """Which of the ten outcomes the format serves."""
    related: Annotated[list[Slug], Field(max_length=12)] = []
    """Slugs of related formats."""
    references: Annotated[list[Reference], Field(min_length=1, max_length=8)]
    """Where the format is described: the facts on its page come from these."""
    standalone: bool = True
    """Whether a group can meet on this format alone; false for a part of other
    meetings, such as a health check, which the picker never offers as a design."""
