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

import copy
import difflib
import functools
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import yaml
from inline_snapshot import Format, external_file, register_format
from rich.text import Text

from peerhub.decisions.picker.choices import Constraints
from peerhub.decisions.picker.recommend import Answer, Recommendation, design_key
from peerhub.render.cards import meetings_text
from peerhub.render.urls import kit_url
from peerhub.site import Site

FOLDER = Path(__file__).parent / "picker"
CASES = sorted(FOLDER.glob("*.yml"))
DIMENSIONS = ("mode", "size", "minutes", "cadence", "facilitation")


def load(path: Path) -> dict[str, Any]:
    """A case as its file holds it now (a fresh copy: a caller may change it)."""
    return copy.deepcopy(_parsed(path.read_text(encoding="utf-8")))


@functools.cache
def _parsed(text: str) -> dict[str, Any]:
    """Three test files read the same cases, at collection and in tests: parse each once."""
    return yaml.safe_load(text)


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


def _answer(hub: Site, case: dict[str, Any]) -> Answer:
    if case.get("page"):
        return hub.recommender.recommend(case["outcome"], Constraints())
    choices = case.get("choices") or {}
    values = [str(choices.get(d, "any")) for d in DIMENSIONS]
    return hub.recommender.recommend(case["outcome"], Constraints.from_choices(*values))


def expected_now(hub: Site, case: dict[str, Any]) -> dict[str, Any]:
    """What the code gives today for a case's input (to compare with, or to update)."""
    answer = _answer(hub, case)
    if case.get("page"):
        return {"designs": [shown(r) for r in answer.designs]}
    return {"designs": [shown(r) for r in answer.designs], "notes": list(answer.notes)}


def kit_addresses(hub: Site, case: dict[str, Any]) -> list[tuple[str, dict[str, str]]]:
    """The start kit's address and query for each design the picker shows for a case:
    the design's kit (`urls.kit_url`) with the case's choices added, as the picker's
    script links it."""
    outcome = case["outcome"]
    chosen = {k: str(v) for k, v in (case.get("choices") or {}).items() if str(v) != "any"}
    found = []
    for r in _answer(hub, case).designs:
        address = urlsplit(kit_url(outcome, design_key(outcome, r.key)))
        found.append((address.path, {**dict(parse_qsl(address.query)), **chosen}))
    return found


def address_of(href: str) -> tuple[str, dict[str, str]]:
    """A link's path and query, in the form `kit_addresses` gives them."""
    parts = urlsplit(href)
    return parts.path, dict(parse_qsl(parts.query))


class _Step(list):  # type: ignore[type-arg]
    """An agenda step, written on one line: `[Sharing rounds, 18]`."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    _Step, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True)
)


def reviewed(case: dict[str, Any], result: dict[str, Any]) -> dict[str, Any]:
    """The whole case file as it should read for `result`: the case's own input, then
    what a reader sees, each agenda step on one line."""
    head = {k: case[k] for k in ("outcome", "why", "choices", "page") if k in case}
    for design in result["designs"]:
        design["agenda"] = [_Step(step) for step in design["agenda"]]
        design["later"] = [_Step(step) for step in design["later"]]
    return {**head, **result}


class CaseFile(Format[dict]):  # type: ignore[type-arg]
    """A picker case as inline-snapshot reads and writes it (`external_file(path)`):
    compared as data, so a case written by hand may lay its YAML out as it likes, and
    rewritten by `pytest -p no:xdist --inline-snapshot=fix` in the layout above."""

    suffix = ".yml"

    def is_format_for(self, value: object) -> bool:
        return isinstance(value, dict)

    def encode(self, value: dict[str, Any], path: Path) -> None:
        text = yaml.dump(value, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
        path.write_text(text, encoding="utf-8")

    def decode(self, path: Path) -> dict[str, Any]:
        return load(path)

    def rich_diff(self, original: Path, new: Path) -> Text:
        lines = difflib.unified_diff(
            original.read_text(encoding="utf-8").splitlines(),
            new.read_text(encoding="utf-8").splitlines(),
            lineterm="",
        )
        return Text("\n".join(lines))

    def rich_show(self, path: Path) -> Text:
        return Text(path.read_text(encoding="utf-8"))


def case_file(path: Path) -> object:
    """The case at `path` through inline-snapshot, read and written as a `CaseFile`.
    The format is registered at each use: inline-snapshot keeps formats per test
    session, and mutmut runs several sessions in one process."""
    register_format(CaseFile, replace_handler=True)
    return external_file(path)
