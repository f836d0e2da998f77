"""What to change when a check-in measure is low or falling, in the guides' own words.

A check-in gives four measures: attendance as a share of members, and the process,
results and safety ratings. When the latest check-in has one that is low (below a
threshold) or falling (down by a set amount since the check-in before), a group's
page says what the guides and formats suggest for it, and `/evaluate/` lists every
rule. The rules are data (`data/checkin_advice.yml`, validated by `AdviceFile`), and
each rests on a sentence it quotes from a guide or a format file, with a link to the
heading it sits under; the tests check that the sentence is still there, so the advice
cannot drift away from the guides.

Only published check-ins reach these functions (the group page's view, see
`masking.published`): the advice of a private group is never computed for any page.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from importlib.resources import files
from typing import Annotated, Literal, Self

from pydantic import AfterValidator, Field, model_validator

from peerhub.content.fieldtypes import Name, Sentence, Slug
from peerhub.content.modelbase import Strict
from peerhub.content.validation import validate
from peerhub.content.yamlsafe import load_bytes
from peerhub.decisions.views import CheckInView

__all__ = [
    "ADVICE_FILE",
    "MEASURES",
    "Advice",
    "AdviceFile",
    "Rule",
    "Source",
    "advice_for",
    "advice_rules",
    "condition",
    "measures",
]

#: The rules' file, inside the package.
ADVICE_FILE = "data/checkin_advice.yml"

Measure = Literal["attendance", "process", "results", "safety"]

#: Each measure as the advice names it, in the order pages list them.
MEASURES: dict[str, str] = {
    "attendance": "Attendance",
    "process": "Process rating",
    "results": "Results rating",
    "safety": "Safety rating",
}

#: The most a measure can be: attendance in percent of members, ratings out of 5.
_TOP = {"attendance": 100, "process": 5, "results": 5, "safety": 5}

#: Where a source may be: a guide (its page is `guides/<slug>/`) or a format file (its
#: page is `formats/<slug>/`).
_SOURCE_FILE = re.compile(
    r"(docs/guides/[a-z0-9]+(-[a-z0-9]+)*\.md|formats/[a-z0-9]+(-[a-z0-9]+)*\.yml)"
)


def _source_file(value: str) -> str:
    if not _SOURCE_FILE.fullmatch(value):
        raise ValueError(
            f"expected a guide (docs/guides/<slug>.md) or a format file "
            f"(formats/<slug>.yml); got '{value}'"
        )
    return value


class Source(Strict):
    """The sentence of a guide or format that a suggestion rests on, and where it is."""

    file: Annotated[str, AfterValidator(_source_file)]
    """The file in the project: `docs/guides/<slug>.md` or `formats/<slug>.yml`."""
    title: Name
    """The page's title, as the page shows it."""
    section: Name
    """The heading the quoted sentence sits under, as the page shows it."""
    anchor: Slug
    """That heading's id on the built page (the link goes to `<page>#<anchor>`)."""
    quote: Sentence
    """A sentence or phrase copied exactly from `file` (line breaks aside)."""

    @property
    def page(self) -> str:
        """The site address of the page made from `file`."""
        stem = self.file.rpartition("/")[2].rpartition(".")[0]
        return f"guides/{stem}/" if self.file.startswith("docs/") else f"formats/{stem}/"


class Rule(Strict):
    """One measure, one condition, and what to try when the condition holds."""

    measure: Measure
    """attendance (share of members at a meeting), process, results or safety."""
    when: Literal["low", "falling"]
    """low: the latest check-in is below `below`; falling: it is at least `by` below
    the check-in before it."""
    below: Annotated[float, Field(gt=0)] | None = None
    """For `low`: percent of members for attendance, a mark out of 5 for a rating."""
    by: Annotated[float, Field(gt=0)] | None = None
    """For `falling`: percentage points for attendance, points out of 5 for a rating."""
    suggestion: Sentence
    """What to try, in one or two sentences."""
    source: Source
    """The guide or format the suggestion comes from."""

    @model_validator(mode="after")
    def _one_threshold(self) -> Self:
        wanted, other = ("below", "by") if self.when == "low" else ("by", "below")
        value = getattr(self, wanted)
        if value is None or getattr(self, other) is not None:
            raise ValueError(f"a '{self.when}' rule takes '{wanted}' (and not '{other}')")
        top = _TOP[self.measure]
        if self.measure != "attendance" and self.when == "low" and value <= 1:
            raise ValueError(f"'below: {value:g}' can never hold: the lowest mark is 1")
        if value > top:
            raise ValueError(f"'{wanted}: {value:g}' is more than {self.measure} can be ({top})")
        return self


class AdviceFile(Strict):
    """`data/checkin_advice.yml`: the rules, at most one per measure and condition."""

    rules: Annotated[list[Rule], Field(min_length=1)]
    """The rules, in the order pages list them."""

    @model_validator(mode="after")
    def _one_rule_each(self) -> Self:
        seen = [(rule.measure, rule.when) for rule in self.rules]
        twice = sorted({pair for pair in seen if seen.count(pair) > 1})
        if twice:
            raise ValueError(f"more than one rule for {', '.join(map(' '.join, twice))}")
        return self


@cache
def advice_rules() -> tuple[Rule, ...]:
    """The rules from the package's data file, read and checked once."""
    raw = files("peerhub.decisions").joinpath(ADVICE_FILE).read_bytes()
    model, problems = validate(load_bytes(raw, f"src/peerhub/decisions/{ADVICE_FILE}"), AdviceFile)
    if model is None:
        raise ValueError("\n".join(map(str, problems)))
    return tuple(model.rules)


def condition(rule: Rule) -> str:
    """A rule's condition in words, as `/evaluate/` states it."""
    if rule.measure == "attendance":
        if rule.when == "low":
            return f"below {rule.below:g}% of members at the latest check-in"
        return f"down by {rule.by:g} percentage points or more since the check-in before"
    if rule.when == "low":
        worst = math.ceil(rule.below or 0) - 1  # marks are whole numbers
        return f"marked {worst} of 5 or less at the latest check-in"
    points = "point" if rule.by == 1 else "points"
    return f"down by {rule.by:g} {points} or more since the check-in before"


@dataclass(frozen=True)
class Advice:
    """A rule that holds for a group's latest check-in, and why."""

    rule: Rule
    #: What the numbers show, in one sentence.
    why: str

    @property
    def heading(self) -> str:
        """Such as "Attendance is falling" or "Safety rating is low"."""
        return f"{MEASURES[self.rule.measure]} is {self.rule.when}"


def measures(checkin: CheckInView) -> dict[str, Fraction]:
    """A check-in's four measures, exactly: attendance in percent of members (from the
    number as written, so 6 of 10 is 60%, not a float's 59.99…), the ratings as marked.
    """
    attendance = Fraction(str(checkin.attendance)) * 100 / checkin.members
    return {"attendance": attendance} | {
        k: Fraction(getattr(checkin, k)) for k in MEASURES if k != "attendance"
    }


def _shown(measure: str, value: Fraction, *, unit: bool = True) -> str:
    if measure == "attendance":  # rounded as the trend chart shows it
        return f"{round(float(value))}%" + (" of members" if unit else "")
    return f"{value}" + (" of 5" if unit else "")


def _why(rule: Rule, now: Fraction, before: Fraction | None) -> str:
    measure = rule.measure
    shown = _shown(measure, now)
    if rule.when == "falling" and before is not None:
        return (
            f"{MEASURES[measure]} fell from {_shown(measure, before, unit=False)} to {shown} "
            "since the check-in before."
        )
    if measure == "attendance":
        return f"At the latest check-in, attendance was {shown}."
    return f"At the latest check-in, the {MEASURES[measure].lower()} was {shown}."


def advice_for(
    checkins: Sequence[CheckInView], rules: Sequence[Rule] | None = None
) -> list[Advice]:
    """The rules that hold for the latest of a group's published check-ins (oldest
    first), in the rules' order. A lone check-in can be low but never falling.
    """
    if not checkins:
        return []
    latest = measures(checkins[-1])
    previous = measures(checkins[-2]) if len(checkins) > 1 else None
    found = []
    for rule in advice_rules() if rules is None else rules:
        now = latest[rule.measure]
        before = previous[rule.measure] if previous is not None else None
        if rule.when == "low":
            holds = rule.below is not None and now < Fraction(str(rule.below))
        else:
            holds = before is not None and before - now >= Fraction(str(rule.by))
        if holds:
            found.append(Advice(rule, _why(rule, now, before)))
    return found
