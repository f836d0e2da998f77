"""First meetings at the edges: very short meetings, one-step formats, the kickoff's
fixed length, and minutes that do not share out evenly."""

from __future__ import annotations

from peerhub.content.formats import AgendaStep, Format
from peerhub.content.vocabulary import MODES
from peerhub.decisions.picker.agenda import (
    KICKOFF_MINUTES,
    LONGEST_BREAK,
    MIN_SEGMENT,
    first_meeting,
    timetable,
)
from peerhub.decisions.picker.effects import minutes_effect
from peerhub.site import Site

#: Every meeting length the picker offers.
MINUTES = range(30, 241, 15)


def one_step(hub: Site, title: str) -> Format:
    step = AgendaStep(step=title, minutes=30, detail="One thing.")
    return hub.formats["troika-consulting"].model_copy(update={"agenda": [step]})


def shown(steps: tuple[object, ...]) -> list[tuple[str, int]]:
    return [(s.title, s.minutes) for s in steps]  # type: ignore[attr-defined]


def test_the_kickoff_keeps_its_length_once_the_format_has_a_quarter_hour(hub: Site) -> None:
    fmt = hub.formats["troika-consulting"]
    roomy = first_meeting(fmt, KICKOFF_MINUTES + 15, "in-person")
    assert [s.minutes for s in (roomy[0], roomy[1], roomy[-1])] == [10, 10, 5]
    assert sum(s.minutes for s in roomy) == 40
    tight = first_meeting(fmt, KICKOFF_MINUTES + 14, "in-person")
    assert [s.minutes for s in (tight[0], tight[1], tight[-1])] == [7, 7, 3]
    assert sum(s.minutes for s in tight) == 39


def test_a_meeting_shorter_than_its_steps_keeps_the_first_ones(hub: Site) -> None:
    steps = first_meeting(hub.formats["troika-consulting"], 3, "virtual")
    assert shown(steps) == [
        ("Get-to-know-you activity", 1),
        ("Purpose and ground rules", 1),
        ("Set up", 1),
    ]


def test_minutes_that_do_not_share_out_evenly_still_add_up(hub: Site) -> None:
    steps = first_meeting(hub.formats["troika-consulting"], 8, "virtual")
    # every step gets its minute; the one left goes to the largest remainder (the first)
    assert [m for _, m in shown(steps)] == [2, 1, 1, 1, 1, 1, 1]


def test_when_one_minute_floors_overshoot_the_longest_step_gives_way(hub: Site) -> None:
    long_and_short = [
        AgendaStep(step="Long round", minutes=60, detail="Most of it."),
        *(AgendaStep(step=f"Quick {n}", minutes=1, detail="A moment.") for n in "abc"),
    ]
    fmt = hub.formats["troika-consulting"].model_copy(update={"agenda": long_and_short})
    steps = first_meeting(fmt, 10, "in-person")
    assert shown(steps) == [
        ("Welcome and introductions", 1),
        ("Purpose and ground rules", 1),
        ("Long round", 4),  # 6 by share, less the 2 the floors added
        ("Quick a", 1),
        ("Quick b", 1),
        ("Quick c", 1),
        ("Calendar and roles", 1),
    ]


def clinic_at_60(hub: Site) -> Format:
    """Case clinic as a 60-minute format: the arithmetic below was worked out for 60
    minutes, which the tests keep whatever the real page gives (70, its originators')."""
    return hub.formats["case-clinic"].model_copy(update={"session_minutes": 60})


def test_a_one_step_format_keeps_its_step_and_adds_other_rounds_after_it(hub: Site) -> None:
    fmt = one_step(hub, "Check-in round")
    other = clinic_at_60(hub)
    steps = first_meeting(fmt, 120, "in-person", [other])
    [s.title for s in steps]
    # 120 minutes less the 25 of the kickoff leave 95: the step's 30 and case clinic's
    # own 60 fit, and the 5 left over go to the main format's step.
    assert shown(steps) == [
        ("Welcome and introductions", 10),
        ("Purpose and ground rules", 10),
        ("Check-in round", 35),  # the only step: not dropped as an arrival round
        ("Case clinic round", 60),
        ("Calendar and roles", 5),
    ]
    # In 90 minutes (65 after the kickoff) case clinic gets a short round of 35.
    steps = first_meeting(fmt, 90, "in-person", [other])
    assert shown(steps)[2:4] == [("Check-in round", 30), ("A short case clinic round", 35)]
    assert steps[3].detail.startswith("A short version: 35 of the 60 minutes its page gives it")


def test_a_timetable_starts_each_step_where_the_last_ended() -> None:
    rows = timetable([("Check-in", 10, "Each says one thing."), ("Case", 35, "One case.")])
    assert rows == [
        ("0–10 min", "Check-in", "Each says one thing."),
        ("10–45 min", "Case", "One case."),
    ]
    assert timetable([]) == []


def test_a_long_meeting_keeps_the_format_times_and_adds_rounds_and_a_break(hub: Site) -> None:
    steps = first_meeting(hub.formats["troika-consulting"], 240, "in-person")
    # 240 less the kickoff's 25 leave 215: one troika of 35 (5 + 3 x 10) at its page's
    # times, and 180 more. Two more rounds would leave a 110-minute break, longer than a
    # long lunch, so four more (140) and a break of the 40 left.
    assert shown(steps) == [
        ("Welcome and introductions", 10),
        ("Purpose and ground rules", 10),
        ("Set up", 5),
        ("Round one", 10),
        ("Round two", 10),
        ("Round three", 10),
        ("Break and informal time", 40),
        ("Troika consulting round 2", 35),
        ("Troika consulting round 3", 35),
        ("Troika consulting round 4", 35),
        ("Troika consulting round 5", 35),
        ("Calendar and roles", 5),
    ]
    assert steps[6].detail == (
        "Time to talk over coffee or a meal: bonds form here, not only in the rounds."
    )
    assert steps[7].detail == (
        "The same steps at the times its page gives them, with another member in the "
        "lead or in new sub-groups."
    )
    # 100 minutes: 75 after the kickoff, one more round of 35 and 5 minutes over, too
    # few for a break, which the four steps share (6 + 12 + 11 + 11 = 40).
    steps = first_meeting(hub.formats["troika-consulting"], 100, "in-person")
    assert [m for _, m in shown(steps)[2:7]] == [6, 12, 11, 11, 35]
    # 130 minutes: 105 after the kickoff; two more rounds (70) leave nothing for a break.
    steps = first_meeting(hub.formats["troika-consulting"], 130, "virtual")
    assert shown(steps)[2:] == [
        ("Set up", 5),
        ("Round one", 10),
        ("Round two", 10),
        ("Round three", 10),
        ("Troika consulting round 2", 35),
        ("Troika consulting round 3", 35),
        ("Calendar and roles", 5),
    ]


def test_every_format_keeps_its_page_times_in_every_meeting_long_enough(hub: Site) -> None:
    """Over every format, every meeting length the picker offers and every mode: once a
    meeting holds a format's steps, each keeps at least its page's minutes, extra rounds
    are whole rounds, a break is no longer than a long lunch (or than a round), and the
    steps together grow by less than `MIN_SEGMENT`.
    """
    checked = 0
    for fmt in hub.formats.values():
        page = list(fmt.agenda)
        for minutes in MINUTES:
            for mode in MODES:
                steps = first_meeting(fmt, minutes, mode)
                assert sum(s.minutes for s in steps) == minutes
                own = [s for s in steps if s.title in {p.step for p in page}]
                planned = sum(p.minutes for p in page if p.step in {s.title for s in own})
                if minutes - KICKOFF_MINUTES < planned:
                    continue
                checked += 1
                times = {p.step: p.minutes for p in page}
                assert all(s.minutes >= times[s.title] for s in own), (fmt.name, minutes)
                assert sum(s.minutes for s in own) < planned + MIN_SEGMENT
                for step in steps:
                    if step.title.startswith(f"{fmt.name} round "):
                        assert step.minutes == planned
                    if step.title == "Break and informal time":
                        assert step.minutes >= MIN_SEGMENT
                        assert step.minutes <= max(LONGEST_BREAK, planned - 1)
    assert checked > 100


def test_every_design_runs_each_other_format_in_full_or_says_it_is_short(hub: Site) -> None:
    """Every design, at every meeting length the picker offers: each other format gets
    its page's time or a round marked short."""
    for outcome in hub.outcomes.values():
        for design in outcome.designs:
            main, *others = (hub.formats[f] for f in design.formats)
            for minutes in MINUTES:
                if minutes < KICKOFF_MINUTES + 15:
                    # Too short for more than one format: the card says the choice
                    # conflicts with the design.
                    effect, _ = minutes_effect(design, main, minutes)
                    assert effect.conflict, (design.title, minutes)
                    continue
                steps = first_meeting(main, minutes, design.modes[0], others)
                for other in others:
                    full = [s for s in steps if s.title == f"{other.name} round"]
                    short = [s for s in steps if s.title == f"A short {other.name.lower()} round"]
                    assert len(full + short) == 1, (design.title, minutes, other.name)
                    if full:
                        assert full[0].minutes >= other.session_minutes
                    else:
                        assert short[0].minutes < other.session_minutes
                        assert short[0].detail.startswith(
                            f"A short version: {short[0].minutes} of the "
                            f"{other.session_minutes} minutes its page gives it"
                        )


def test_a_two_step_format_drops_its_arrival_round_and_fits_others_exactly(hub: Site) -> None:
    steps = [
        AgendaStep(step="Check-in round", minutes=10, detail="Arrive."),
        AgendaStep(step="Case work", minutes=20, detail="One case."),
    ]
    fmt = hub.formats["troika-consulting"].model_copy(update={"agenda": steps})
    # 105 minutes: 80 after the kickoff, exactly case work's 20 and case clinic's own 60.
    meeting = first_meeting(fmt, 105, "in-person", [clinic_at_60(hub)])
    assert shown(meeting) == [
        ("Welcome and introductions", 10),
        ("Purpose and ground rules", 10),
        ("Case work", 20),
        ("Case clinic round", 60),
        ("Calendar and roles", 5),
    ]


def test_short_rounds_share_what_the_main_format_leaves_and_never_take_all(hub: Site) -> None:
    fmt = one_step(hub, "Case work")  # 30 minutes
    others = [clinic_at_60(hub), hub.formats["learning-circle"]]  # 60 and 90
    # 100 minutes: 75 after the kickoff, 45 beyond the 30 of case work, shared 23 + 22.
    steps = first_meeting(fmt, 100, "in-person", others)
    assert [m for _, m in shown(steps)[2:5]] == [30, 23, 22]
    # 50 minutes: 25 after the kickoff; each other format would want at least 10, but the
    # main format keeps 10, so the two share 15 (8 + 7).
    steps = first_meeting(fmt, 50, "in-person", others)
    assert [m for _, m in shown(steps)[2:5]] == [10, 8, 7]


def test_a_one_step_format_ending_in_a_closing_word_is_still_not_a_closing(hub: Site) -> None:
    fmt = one_step(hub, "Closing reflections")
    steps = first_meeting(fmt, 120, "in-person", [clinic_at_60(hub)])
    assert [t for t, _ in shown(steps)[2:4]] == ["Closing reflections", "Case clinic round"]


def test_one_minute_over_is_taken_from_the_longest_step_once(hub: Site) -> None:
    long_and_short = [
        AgendaStep(step="Long round", minutes=60, detail="Most of it."),
        *(AgendaStep(step=f"Quick {n}", minutes=1, detail="A moment.") for n in "ab"),
    ]
    fmt = hub.formats["troika-consulting"].model_copy(update={"agenda": long_and_short})
    # 87 planned minutes in 10: floors of 1 give 1, 1, 6, 1, 1, 1 = 11; the 6 gives one.
    assert [m for _, m in shown(first_meeting(fmt, 10, "in-person"))] == [1, 1, 5, 1, 1, 1]


def test_a_two_step_format_keeps_its_closing_last(hub: Site) -> None:
    steps = [
        AgendaStep(step="Case work", minutes=20, detail="One case."),
        AgendaStep(step="Closing", minutes=10, detail="Each says what they take away."),
    ]
    fmt = hub.formats["troika-consulting"].model_copy(update={"agenda": steps})
    meeting = first_meeting(fmt, 120, "in-person", [clinic_at_60(hub)])
    assert [t for t, _ in shown(meeting)[2:5]] == ["Case work", "Case clinic round", "Closing"]
