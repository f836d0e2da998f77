"""Golden picker cases: one YAML file per case in tests/picker/, reviewed by a person.

A case names an outcome and the picker's choices (left out: "any") and holds what a
reader must see: each ranked design's title, size, meetings, the notes on what the
choices changed, the first meeting's agenda and the later meetings' (shown in the
start kit); then the answer's notes. Cases
named `page-<outcome>.yml` hold the outcome's own page instead (no JavaScript): its
designs in order, each as designed. The same files drive a Python test of
`recommend` and a Chromium test of the real picker script.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from peerhub.cards import meetings_text
from peerhub.choices import Constraints
from peerhub.hub import Hub
from peerhub.recommend import Recommendation, recommend

FOLDER = Path(__file__).parent / "picker"
CASES = sorted(FOLDER.glob("*.yml"))
DIMENSIONS = ("mode", "size", "minutes", "cadence", "facilitation")


def load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def shown(r: Recommendation) -> dict[str, Any]:
    """A design as the picker shows it."""
    return {
        "title": r.design.title,
        "size": r.size_text,
        "meetings": meetings_text(r.cadence, r.session_minutes),
        "changes": list(r.changes),
        "notes": list(r.notes),
        "agenda": [[s.title, s.minutes] for s in r.agenda],
        "later": [[s.title, s.minutes] for s in r.later],
    }


def expected_now(hub: Hub, case: dict[str, Any]) -> dict[str, Any]:
    """What the code gives today for a case's input (to compare with, or to update)."""
    outcome = case["outcome"]
    if case.get("page"):
        return {"designs": [shown(r) for r in recommend(hub, outcome, Constraints()).designs]}
    choices = case.get("choices") or {}
    values = [str(choices.get(d, "any")) for d in DIMENSIONS]
    answer = recommend(hub, outcome, Constraints.from_choices(*values))
    return {"designs": [shown(r) for r in answer.designs], "notes": list(answer.notes)}


class _Step(list):  # type: ignore[type-arg]
    """An agenda step, written on one line: `[Sharing rounds, 18]`."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    _Step, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True)
)


def write(path: Path, case: dict[str, Any], result: dict[str, Any]) -> None:
    head = {k: case[k] for k in ("outcome", "why", "choices", "page") if k in case}
    for design in result["designs"]:
        design["agenda"] = [_Step(step) for step in design["agenda"]]
        design["later"] = [_Step(step) for step in design["later"]]
    text = yaml.dump(
        {**head, **result}, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100
    )
    path.write_text(text, encoding="utf-8")
