"""Every branch of the validation messages, through a small probe model with one field
of each shape the hub's models use. Each row: a YAML file and the exact lines a
contributor is shown."""

from __future__ import annotations

from typing import Annotated, Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field

from peerhub.content.problems import suggest
from peerhub.content.validation import validate
from peerhub.content.yamlsafe import load_bytes

from conftest import plain_id


class Step(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    title: str
    minutes: int
    """Minutes the step takes.
    Counted toward the session."""


class Probe(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    cadence: Literal["weekly", "monthly", "10"] = "weekly"
    modes: list[str] = []
    pair: tuple[int, int] = (1, 2)
    labels: dict[str, str] = {}
    step: Step | None = None
    steps: list[Step] = []
    wrapped: list[Annotated[Step, Field(title="a step")]] = []
    text: str = ""
    count: int = 0
    flag: bool = False
    one: Annotated[list[str], Field(min_length=1, max_length=2)] = ["x"]
    two: Annotated[list[str], Field(min_length=2)] = ["x", "y"]
    short: Annotated[str, Field(max_length=5)] = ""
    slug: Annotated[str, Field(pattern=r"^[a-z]+(?:-[a-z]+)*$")] = "a"
    size: Annotated[int, Field(ge=1, le=9)] = 1
    undocumented: int = 0


LONG = "x" * 61
ROWS = [
    (
        "cadence: weekley",
        "1:10: cadence: expected one of: weekly, monthly, 10; got 'weekley'; "
        "did you mean 'weekly'?",
    ),
    ("cadence: daily", "1:10: cadence: expected one of: weekly, monthly, 10; got 'daily'"),
    ("cadence: [weekly]", "1:1: cadence: expected one of: weekly, monthly, 10; got a list"),
    ("cadence:", "1:9: cadence: has no value; write one, or delete the line"),
    ("modes: virtual", "1:8: modes: expected a list, one '- item' per line; got 'virtual'"),
    ("pair: 3", "1:7: pair: expected a list, one '- item' per line; got '3'"),
    ("labels: [a]", "1:1: labels: expected fields written as 'key: value' lines; got a list"),
    ("step: first", "1:7: step: expected fields written as 'key: value' lines; got 'first'"),
    ("text: [a, b]", "1:1: text: expected text; got a list"),
    ("text: {a: b}", "1:1: text: expected text; got fields"),
    ("count: lots", "1:8: count: expected a whole number such as 8; got 'lots'"),
    ("count: 8.5", "1:8: count: expected a whole number such as 8; got '8.5'"),
    ("count: [8]", "1:1: count: expected a whole number such as 8; got a list"),
    ("one: []", "1:1: one: needs at least 1 item"),
    ("two: [a]", "1:1: two: needs at least 2 items"),
    ("one: [a, b, c]", "1:1: one: has 3 items; at most 2 allowed"),
    ("short: abcdef", "1:8: short: is 6 characters long; the limit is 5"),
    (
        "slug: Two Words",
        "1:7: slug: expected lower-case words joined by hyphens, such as "
        "'troika-consulting'; got 'Two Words'",
    ),
    ("size: 0", "1:7: size: must be at least 1; got '0'"),
    ("size: 10", "1:7: size: must be at most 9; got '10'"),
    ("flag: maybe", "1:7: flag: Input should be a valid boolean, unable to interpret input"),
    (f"count: {'x' * 60}", f"1:8: count: expected a whole number such as 8; got '{'x' * 60}'"),
    (f"count: {LONG}", f"1:8: count: expected a whole number such as 8; got '{'x' * 57}...'"),
    ("step: {title: t}", "1:7: step.minutes: required field is missing (Minutes the step takes)"),
    ("step: {minutes: 5}", "1:7: step.title: required field is missing"),
    (
        "steps:\n  - title: a\n    minutes: 5\n  - title: b",
        "4:5: steps[2].minutes: required field is missing (Minutes the step takes)",
    ),
    (
        "steps:\n  - title: a\n    minutes: 5\n    minute: 5",
        "4:5: steps[1].minute: unknown field; did you mean 'minutes'?",
    ),
    (
        "wrapped:\n  - title: a\n    minutes: 5\n    colour: red",
        "4:5: wrapped[1].colour: unknown field; allowed here: title, minutes",
    ),
    ("stepz: {title: a}", "1:1: stepz: unknown field; did you mean 'step'?"),
    (
        "step:\n  title: a\n  minutes: 1\n  zzz: 1",
        "4:3: step.zzz: unknown field; allowed here: title, minutes",
    ),
]


@pytest.mark.parametrize(("yaml_text", "expected"), ROWS, ids=[plain_id(r[0][:24]) for r in ROWS])
def test_each_kind_of_mistake_has_its_message(yaml_text: str, expected: str) -> None:
    doc = load_bytes((yaml_text + "\n").encode(), "p.yml")
    model, problems = validate(doc, Probe)
    assert model is None
    assert [f"{p.line}:{p.column}: {p.field}: {p.message}" for p in problems] == [expected]


def test_suggest_names_only_the_closest_choice() -> None:
    assert suggest("weekley", ["weekly", "weakly", "monthly"]) == "; did you mean 'weekly'?"
    assert suggest("fortnight", ["weekly", "monthly"]) == ""
    assert suggest("mnthly", ["monthly"]) == "; did you mean 'monthly'?"
