"""The recommendation logic behind the picker, and the data the browser looks answers up in."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from peerhub.picker import CHOICES, picker_data
from peerhub.project import load_hub
from peerhub.recommend import Constraints, explain_second, first_meeting, recommend
from peerhub.vocabulary import OUTCOME_IDS

from conftest import REPO

HUB = load_hub(REPO)
COMBINATIONS = list(itertools.product(*CHOICES.values()))


@pytest.mark.parametrize("outcome", OUTCOME_IDS)
def test_every_combination_gets_designs_whose_formats_exist(outcome: str) -> None:
    for combo in COMBINATIONS:
        constraints = Constraints.from_choices(*combo)
        answer = recommend(HUB, outcome, constraints)
        assert 1 <= len(answer.designs) <= 3, combo
        for rec in answer.designs:
            assert set(rec.design.formats) <= set(HUB.formats)
            assert sum(step.minutes for step in rec.agenda) == rec.session_minutes, combo
            if constraints.minutes:
                assert rec.session_minutes <= max(constraints.minutes, rec.design.session_minutes)
        if answer.designs[0].conflict:
            assert answer.notes and answer.designs[0].changes, combo


def test_without_constraints_the_outcome_files_order_wins() -> None:
    for outcome in OUTCOME_IDS:
        answer = recommend(HUB, outcome, Constraints())
        assert answer.designs[0].design == HUB.outcomes[outcome].designs[0]
        assert answer.designs[0].changes == ()
        assert answer.notes == ()


def test_forty_people_wanting_support_are_split_into_circles() -> None:
    answer = recommend(HUB, "support", Constraints(size="21-40"))
    top = answer.designs[0]
    assert top.conflict
    assert "circles of" in top.size_text
    assert "split into circles" in top.changes[0]
    assert answer.notes[0].startswith("Your choices do not fit any design as it stands.")


def test_each_constraint_says_what_it_changed() -> None:
    outcome = "leadership-development"  # first design: 120-minute monthly case clinic
    answer = recommend(
        HUB, outcome, Constraints(minutes=60, mode="virtual", facilitation="members")
    )
    changed = " ".join(change for rec in answer.designs for change in rec.changes)
    assert "60-minute meetings are shorter" in changed
    for rec in answer.designs:
        assert rec.session_minutes == min(60, rec.design.session_minutes) or rec.changes


def test_shorter_meetings_rank_shorter_designs_first() -> None:
    answer = recommend(HUB, "problem-solving", Constraints(minutes=30))
    assert answer.designs[0].design.session_minutes <= 90


def test_virtual_mode_opens_with_a_get_to_know_you_activity() -> None:
    fmt = HUB.formats["peer-coaching-group"]
    assert first_meeting(fmt, 120, "virtual")[0].title == "Get-to-know-you activity"
    assert first_meeting(fmt, 120, "in-person")[0].title == "Welcome and introductions"
    for minutes in (30, 45, 60, 90, 180):
        assert sum(s.minutes for s in first_meeting(fmt, minutes, "virtual")) == minutes


def test_second_outcome_is_explained() -> None:
    text = explain_second(HUB, "support", "transfer-of-training")
    assert text.startswith("Design for one outcome: Support.")
    assert "two houses on one foundation" in text
    assert "transfer of training" in text


def lookup(data: dict[str, Any], outcome: str, combo: tuple[str, ...]) -> list[tuple[Any, ...]]:
    """What the browser script does with the data, step for step, in Python."""
    pick = {k: data["choices"][k].index(v) for k, v in zip(CHOICES, combo, strict=True)}
    position = 0
    for name in CHOICES:
        position = position * len(data["choices"][name]) + pick[name]
    ranked, *notes = data["answers"][data["index"][outcome][position]]
    shown = []
    for design_id in ranked:
        d = data["designs"][design_id]
        fx = d["effects"]
        effects = [fx[name][pick[name]] for name in ("mode", "facilitation", "size", "minutes")]
        changes = tuple(data["texts"][e[0]] for e in effects if e[0] >= 0)
        agenda = data["agendas"][d["agenda"][pick["minutes"]][pick["mode"]]]
        shown.append(
            (
                d["title"],
                data["texts"][fx["size"][pick["size"]][2]],
                fx["minutes"][pick["minutes"]][2],
                changes,
                [tuple(a) for a in agenda],
            )
        )
    return [*shown, tuple(data["texts"][n] for n in notes)]


def test_picker_data_reproduces_every_answer() -> None:
    data = picker_data(HUB)
    for outcome in OUTCOME_IDS:
        for combo in COMBINATIONS:
            answer = recommend(HUB, outcome, Constraints.from_choices(*combo))
            expected = [
                (
                    r.design.title,
                    r.size_text,
                    r.session_minutes,
                    r.changes,
                    [(s.title, s.minutes) for s in r.agenda],
                )
                for r in answer.designs
            ] + [answer.notes]
            assert lookup(data, outcome, combo) == expected, (outcome, combo)
