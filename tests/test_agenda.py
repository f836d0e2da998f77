"""First meetings at the edges: very short meetings, one-step formats, the kickoff's
fixed length, and minutes that do not share out evenly."""

from __future__ import annotations

from peerhub.agenda import KICKOFF_MINUTES, first_meeting, timetable
from peerhub.hub import Hub
from peerhub.models import AgendaStep, Format


def one_step(hub: Hub, title: str) -> Format:
    step = AgendaStep(step=title, minutes=30, detail="One thing.")
    return hub.formats["troika-consulting"].model_copy(update={"agenda": [step]})


def shown(steps: tuple[object, ...]) -> list[tuple[str, int]]:
    return [(s.title, s.minutes) for s in steps]  # type: ignore[attr-defined]


def test_the_kickoff_keeps_its_length_once_the_format_has_a_quarter_hour(hub: Hub) -> None:
    fmt = hub.formats["troika-consulting"]
    roomy = first_meeting(fmt, KICKOFF_MINUTES + 15, "in-person")
    assert [s.minutes for s in (roomy[0], roomy[1], roomy[-1])] == [10, 10, 5]
    assert sum(s.minutes for s in roomy) == 40
    tight = first_meeting(fmt, KICKOFF_MINUTES + 14, "in-person")
    assert [s.minutes for s in (tight[0], tight[1], tight[-1])] == [7, 7, 3]
    assert sum(s.minutes for s in tight) == 39


def test_a_meeting_shorter_than_its_steps_keeps_the_first_ones(hub: Hub) -> None:
    steps = first_meeting(hub.formats["troika-consulting"], 3, "virtual")
    assert shown(steps) == [
        ("Get-to-know-you activity", 1),
        ("Purpose and ground rules", 1),
        ("Set up", 1),
    ]


def test_minutes_that_do_not_share_out_evenly_still_add_up(hub: Hub) -> None:
    steps = first_meeting(hub.formats["troika-consulting"], 8, "virtual")
    # every step gets its minute; the one left goes to the largest remainder (the first)
    assert [m for _, m in shown(steps)] == [2, 1, 1, 1, 1, 1, 1]


def test_when_one_minute_floors_overshoot_the_longest_step_gives_way(hub: Hub) -> None:
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


def test_a_one_step_format_keeps_its_step_and_adds_other_rounds_after_it(hub: Hub) -> None:
    fmt = one_step(hub, "Check-in round")
    other = hub.formats["case-clinic"]
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
