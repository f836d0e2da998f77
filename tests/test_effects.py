"""The effect of each constraint at the edges of its rules, on small made-up designs
(the golden picker cases cover the real content; these pin the thresholds)."""

from __future__ import annotations

import pytest

from peerhub.agenda import Step, later_meeting
from peerhub.choices import Constraints
from peerhub.effects import NO_EFFECT, Effect, minutes_effect, source_size_effect
from peerhub.hub import Hub
from peerhub.models import Design
from peerhub.recommend import explain_second

REASONS = ("formats", "size", "cadence", "program", "facilitation", "composition")


def design(low: int, high: int, minutes: int = 90) -> Design:
    return Design.model_validate(
        {
            "title": f"{low} to {high}",
            "formats": ["troika-consulting"],
            "size": {"min": low, "max": high},
            "session_minutes": minutes,
            "cadence": "monthly",
            "program_months": {"min": 6, "max": 12},
            "facilitation": "members",
            "modes": ["virtual", "in-person"],
            "composition": "Peers.",
            "reasons": dict.fromkeys(REASONS, "Because."),
        }
    )


@pytest.mark.parametrize(
    ("low", "high", "c", "session", "ranked_lower"),
    [
        # short meetings and virtual ones: the sources' 6-10 band
        (3, 6, Constraints(), 90, False),  # touches the band's lower end
        (3, 5, Constraints(), 90, True),
        (10, 14, Constraints(), 90, False),  # touches its upper end
        (11, 14, Constraints(), 90, True),
        (15, 20, Constraints(minutes=120), 180, True),  # 120 minutes is still short
        (15, 20, Constraints(mode="virtual", size="13-20"), 180, True),
        # long meetings, or more than a dozen people in person: 15-20
        (15, 20, Constraints(minutes=180), 180, False),
        (15, 20, Constraints(size="13-20", mode="in-person"), 90, False),
        (6, 8, Constraints(size="13-20"), 90, True),
        (6, 8, Constraints(size="9-12"), 90, False),  # a dozen is not more than a dozen
        (20, 24, Constraints(), 150, False),
        (21, 24, Constraints(), 150, True),
    ],
)
def test_the_sources_group_sizes(
    low: int, high: int, c: Constraints, session: int, ranked_lower: bool
) -> None:
    effect = source_size_effect(design(low, high), c, session)
    assert effect == (Effect(1) if ranked_lower else NO_EFFECT)


def test_meetings_of_three_fifths_the_plan_cost_less_than_shorter_ones() -> None:
    shorter = "-minute meetings are shorter than the 100 minutes it plans"
    effect, minutes = minutes_effect(design(6, 8, minutes=100), 60)
    assert (effect.penalty, minutes) == (1, 60)
    assert shorter in (effect.change or "")
    effect, _ = minutes_effect(design(6, 8, minutes=101), 60)
    assert effect.penalty == 2.5
    assert minutes_effect(design(6, 8, minutes=100), 149) == (NO_EFFECT, 100)
    effect, minutes = minutes_effect(design(6, 8, minutes=100), 150)
    assert (effect.penalty, minutes) == (0.5, 150)


def test_later_meetings_fold_both_opening_steps_into_the_check_in() -> None:
    steps = (
        Step("Welcome", 4, ""),
        Step("Rules", 6, ""),
        Step("Main", 30, ""),
        Step("Close", 3, ""),
    )
    later = later_meeting(steps)
    assert [(s.title, s.minutes) for s in later] == [
        ("Check-in and report-back", 10),
        ("Main", 30),
        ("Actions and next time", 3),
    ]


def test_two_outcomes_with_the_same_first_design_are_still_told_apart(hub: Hub) -> None:
    same = hub.outcomes["support"].model_copy(update={"name": "Mutual aid"})
    alone = Hub(hub.root, hub.formats, {}, {"support": hub.outcomes["support"], "aid": same})
    text = explain_second(alone, "support", "aid")
    assert "Here the first design for support means different people and a different rhythm." in (
        text
    )
