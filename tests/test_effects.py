"""The effect of each constraint at the edges of its rules, on small made-up designs
(the golden picker cases cover the real content; these pin the thresholds)."""

from __future__ import annotations

import pytest

from peerhub.content.outcomes import Design
from peerhub.decisions.picker.agenda import Step, later_meeting
from peerhub.decisions.picker.choices import Constraints
from peerhub.decisions.picker.effects import (
    NO_EFFECT,
    Effect,
    minutes_effect,
    stretch_effect,
)
from peerhub.decisions.picker.ranking import Rank, rank
from peerhub.decisions.picker.sizing import size_effect, source_size_effect
from peerhub.site import Site

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
    assert effect == (Effect(penalty=1) if ranked_lower else NO_EFFECT)


def test_a_meeting_too_short_for_the_main_format_conflicts(hub: Site) -> None:
    """A design planning 100 minutes around a 70-minute format (case clinic's page, after
    the Presencing Institute's minimum)."""
    plan, main = design(6, 8, minutes=100), hub.formats["case-clinic"]
    assert main.session_minutes == 70
    # 70 minutes: shorter than the plan, but the whole case clinic fits: an adaptation.
    effect, minutes = minutes_effect(plan, main, 70)
    assert (effect.conflict, effect.penalty, minutes) == (False, 0.5, 70)
    assert "shorter than the 100 minutes it plans: case clinic keeps its full time" in (
        effect.change or ""
    )
    # 45 minutes: too short for the case clinic itself: a conflict that says so.
    effect, minutes = minutes_effect(plan, main, 45)
    assert (effect.conflict, effect.penalty, minutes) == (True, 1, 45)
    assert "shorter than the 70 minutes case clinic takes on its own page" in (effect.change or "")
    # Airtime at the design's largest size, 8: 45 // 8 = 5 minutes rather than 100 // 8 = 12.
    assert "each member gets about 5 minutes of airtime rather than 12" in (effect.change or "")
    # Up to half as long again: the reader's length, nothing to say; from 150 on, more time.
    assert minutes_effect(plan, main, 149) == (NO_EFFECT, 149)
    assert minutes_effect(plan, main, 100) == (NO_EFFECT, 100)
    effect, minutes = minutes_effect(plan, main, 150)
    assert (effect.conflict, effect.penalty, minutes) == (False, 0.5, 150)


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


def test_the_second_outcome_note_names_that_outcomes_own_first_design(hub: Site) -> None:
    text = hub.recommender.explain_second("support", "problem-solving")
    first = hub.recommender.recommend("problem-solving", Constraints()).designs[0]
    assert text.startswith("Design for one outcome: Support.")
    assert f"\u201c{first.design.title}\u201d ({first.size_text}, monthly, for 6–12 months)" in text
    # It names no design of the primary outcome: which one is shown first depends on
    # the choices, and the note would speak of the wrong one.
    for _, design, _ in hub.candidates["support"]:
        assert design.title not in text


def test_rank_counts_each_conflict_once_and_adds_penalties() -> None:
    effects = (
        Effect("a", conflict=True, penalty=0.5),
        Effect("b", conflict=True, size_cost=2),
        Effect(penalty=0.25),
    )
    assert rank(effects, 1.0) == Rank(size_cost=2, conflicts=2, penalty=1.75)
    assert rank((), 0.0) == Rank(0, 0, 0.0)


def test_a_group_too_small_costs_the_people_it_is_short() -> None:
    # 3 to 5 people against 6-8: one short; against 20-24: fifteen short.
    assert size_effect(design(6, 8), "3-5")[0].size_cost == 1
    assert size_effect(design(20, 24), "3-5")[0].size_cost == 15
    assert size_effect(design(20, 24), "6-8")[0].size_cost == 12


def test_a_design_stretching_its_format_in_every_way_says_each(hub: Site) -> None:
    fmt = hub.formats["case-clinic"]  # 4-5 people, 70 minutes, monthly
    assert (fmt.size.max, fmt.session_minutes, fmt.cadence) == (5, 70, "monthly")
    fits = design(4, 5, minutes=70)
    assert stretch_effect(fits, fmt) == NO_EFFECT
    everything = design(4, 8, minutes=45).model_copy(update={"cadence": "weekly"})
    effect = stretch_effect(everything, fmt)
    # Shorter than the format (0.25), larger (0.25) and more often (0.5).
    assert effect.penalty == 1.0
    assert effect.change is not None
    assert "45-minute meetings, shorter than the 70 minutes case clinic takes" in effect.change
    assert "sub-groups of 4–5" in effect.change
    assert "meets weekly" in effect.change
    larger = stretch_effect(design(4, 8, minutes=70), fmt)
    assert larger.penalty == 0.25


def test_the_form_values_become_constraints() -> None:
    c = Constraints.from_choices("virtual", "3-5", "45", "fortnightly", "members")
    assert c == Constraints("virtual", "3-5", 45, "fortnightly", "members")
    assert Constraints.from_choices("any", "any", "any", "any", "any") == Constraints()


def test_a_band_the_design_fits_only_at_its_top_is_said_and_weighed() -> None:
    """ "3 to 5 people" and a design for 5-10: three and four are too few. Two thirds of
    the band are below the minimum, so the choice does not fit it as it stands; a design
    for 4-8 leaves out only three, a third, and ranks a little lower without a conflict.
    """
    most, _ = size_effect(design(5, 10), "3-5")
    assert (most.conflict, most.size_cost) == (True, 0)
    assert most.penalty == 1.333  # 2 x 2/3, in thousandths as the picker data holds it
    assert most.change == (
        "It needs at least 5 people; with fewer, invite a few more peers before the first meeting."
    )
    some, _ = size_effect(design(4, 8), "3-5")
    assert (some.conflict, some.size_cost) == (False, 0)
    assert some.penalty == 0.667
    assert size_effect(design(3, 8), "3-5")[0] == NO_EFFECT  # the whole band fits
    # "9 to 12" and a design for 11 and more: half the band is below, not most of it.
    half, _ = size_effect(design(11, 16), "9-12")
    assert (half.conflict, half.penalty) == (False, 1.0)


def test_a_small_groups_short_meeting_is_not_sent_to_a_design_for_a_dozen() -> None:
    """002: online or short meetings hold six to eight best; 003: six to ten is the usual
    best size. A group of up to eight meeting for 30 minutes: a design for up to 10 ranks
    a little lower, one for up to 12 conflicts and says why; without a size choice, or
    with nine to twelve people, neither is weighed."""
    short = Constraints(size="6-8", minutes=30)
    assert source_size_effect(design(3, 8), short, 30) == NO_EFFECT
    ten = source_size_effect(design(3, 10), short, 30)
    assert (ten.conflict, ten.penalty, ten.change) == (False, 1.0, None)
    dozen = source_size_effect(design(3, 12), short, 30)
    assert (dozen.conflict, dozen.penalty) == (True, 1.0)
    assert dozen.change == (
        "It takes up to 12 people, but meetings like yours work best with six to eight and "
        "hold ten at most: keep the group within that as it grows."
    )
    assert source_size_effect(design(3, 12), Constraints(minutes=30), 30) == NO_EFFECT
    assert source_size_effect(design(3, 12), Constraints(size="9-12", minutes=30), 30) == (
        NO_EFFECT
    )
