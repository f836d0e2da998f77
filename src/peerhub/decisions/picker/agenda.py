"""The first meeting's agenda and the later meetings', from a design's formats.

The first meeting opens with a welcome and ground rules, runs the main format's own
steps, a round of each other format the design names (at the length its own page
gives it, or a short version that says so), and closes with the calendar.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from peerhub.content.formats import Format

__all__ = [
    "CLOSING_WORDS",
    "KICKOFF_MINUTES",
    "LONGEST_BREAK",
    "MAX_REPEATS",
    "MIN_SEGMENT",
    "OPENING_WORDS",
    "Step",
    "first_meeting",
    "later_meeting",
    "timetable",
]

KICKOFF_MINUTES = 25
#: Words that mark a format's last step as its close, which stays last.
CLOSING_WORDS = ("clos", "commitment", "action", "takeaway", "reflect", "next", "wrap")
#: The shortest round of another format worth holding in a meeting.
MIN_SEGMENT = 10
#: Extra rounds of the main format a long meeting holds before the rest is a break...
MAX_REPEATS = 2
#: ...unless the break would be longer than a long lunch.
LONGEST_BREAK = 45
#: Words that mark a format's first step as an arrival round; the first meeting opens
#: with its own welcome, so a second one would repeat it.
OPENING_WORDS = ("check-in", "welcome", "arrival", "introductions", "opening round", "update")


@dataclass(frozen=True)
class Step:
    """One step of the first meeting's agenda."""

    title: str
    minutes: int
    detail: str


def timetable(steps: Iterable[tuple[str, int, str]]) -> list[tuple[str, str, str]]:
    """(time span, step, what happens) rows, each step starting where the one before
    ended (such as 0 to 15 min for a first step of 15 minutes), as agenda tables show them.
    """
    rows, start = [], 0
    for title, minutes, detail in steps:
        rows.append((f"{start}–{start + minutes} min", title, detail))
        start += minutes
    return rows


def first_meeting(
    fmt: Format, minutes: int, mode: str, others: Sequence[Format] = ()
) -> tuple[Step, ...]:
    """The first meeting: welcome and ground rules, the main format's own steps (without
    its arrival round, which the welcome replaces, and shortened only when `minutes`
    leaves less than its page gives them), a round of each other format the design uses
    (its page's length, else a short version that says so), and the calendar.
    """
    opening = (
        Step(
            "Get-to-know-you activity",
            10,
            "A member leads a short activity so people meet as people, not only as job titles.",
        )
        if mode in {"virtual", "hybrid"}
        else Step(
            "Welcome and introductions",
            10,
            "Each person says who they are and what they hope the group will give them.",
        )
    )
    kickoff = [
        opening,
        Step(
            "Purpose and ground rules",
            10,
            "Agree the group's one outcome, confidentiality "
            "and how members will hold each other to their commitments.",
        ),
        Step(
            "Calendar and roles",
            5,
            "Confirm the meeting series and who hosts and takes notes next time.",
        ),
    ]
    steps = list(fmt.agenda)
    if len(steps) > 1 and any(word in steps[0].step.lower() for word in OPENING_WORDS):
        steps = steps[1:]
    body = [Step(s.step, s.minutes, s.detail) for s in steps]
    if minutes < KICKOFF_MINUTES + 15:
        # Too short to separate a kickoff: everything shares the few minutes there are.
        return tuple(_scale([kickoff[0], kickoff[1], *body, kickoff[2]], minutes))
    room = minutes - KICKOFF_MINUTES
    planned = sum(s.minutes for s in body)
    full = sum(other.session_minutes for other in others)
    if room - planned >= full:
        # Room for every other format at the length its own page gives it.
        shares = [other.session_minutes for other in others]
    else:
        # Each other format gets a short round (at least MIN_SEGMENT minutes, taken from
        # the main format if need be), and the card says what the short version drops.
        pool = min(max(room - planned, MIN_SEGMENT * len(others)), room - MIN_SEGMENT)
        shares = [pool // len(others) + (i < pool % len(others)) for i in range(len(others))]
    extra = [
        Step(f"{other.name} round", share, other.summary)
        if share >= other.session_minutes
        else Step(
            f"A short {other.name.lower()} round",
            share,
            f"A short version: {share} of the {other.session_minutes} minutes its page gives "
            "it, so fewer rounds; run it in full at a longer meeting.",
        )
        for other, share in zip(others, shares, strict=True)
    ]
    main = room - sum(shares)
    more = _time_left(fmt, planned, main - planned)
    # The main format's steps take what is left (a few minutes more), or give way.
    body = _scale(body, main - sum(s.minutes for s in more))
    closing = len(body) > 1 and any(w in body[-1].title.lower() for w in CLOSING_WORDS)
    body = [*body[:-1], *more, *extra, body[-1]] if closing else [*body, *more, *extra]
    return (kickoff[0], kickoff[1], *body, kickoff[2])


def _time_left(fmt: Format, planned: int, left: int) -> list[Step]:
    """What a meeting does with `left` minutes beyond the main format's own: its steps
    keep the times its page gives them, and the time goes to a break for informal time
    (which longer meetings give larger groups) and `MAX_REPEATS` more rounds of the
    format, more where the break would be longer than `LONGEST_BREAK`; the steps grow
    by what is left under `MIN_SEGMENT`.
    """
    if not planned or left <= 0:
        return []
    # A few more rounds, or as many as keep the break to a long lunch.
    fits = left // planned
    repeats = min(fits, max(MAX_REPEATS, math.ceil((left - LONGEST_BREAK) / planned)))
    spare = left - repeats * planned
    if spare < MIN_SEGMENT and not repeats:
        return []
    steps = []
    if spare >= MIN_SEGMENT:
        steps.append(
            Step(
                "Break and informal time",
                spare,
                "Time to talk over coffee or a meal: bonds form here, not only in the rounds.",
            )
        )
    for n in range(repeats):
        steps.append(
            Step(
                f"{fmt.name} round {n + 2}",
                planned,
                "The same steps at the times its page gives them, with another member "
                "in the lead or in new sub-groups.",
            )
        )
    return steps


def later_meeting(steps: tuple[Step, ...]) -> tuple[Step, ...]:
    """Meetings after the first swap the kickoff for a check-in and report-back."""
    check_in = Step(
        "Check-in and report-back",
        steps[0].minutes + steps[1].minutes,
        "Each member: one thing since last time, and how their action went.",
    )
    return (
        check_in,
        *steps[2:-1],
        Step(
            "Actions and next time",
            steps[-1].minutes,
            "Each member names one action; confirm the next host.",
        ),
    )


def _scale(steps: list[Step], total: int) -> list[Step]:
    """Share `total` minutes among steps in proportion to their length (at least 1 each)."""
    if total < len(steps):
        steps = steps[:total]
    planned = sum(s.minutes for s in steps)
    exact = [s.minutes * total / planned for s in steps]
    whole = [max(1, math.floor(x)) for x in exact]
    order = sorted(range(len(steps)), key=lambda i: exact[i] - whole[i], reverse=True)
    for i in order[: max(0, total - sum(whole))]:
        whole[i] += 1
    while sum(whole) > total:  # only when the 1-minute floor pushed us over
        i = max(range(len(whole)), key=lambda j: whole[j])
        whole[i] -= 1
    return [Step(s.title, m, s.detail) for s, m in zip(steps, whole, strict=True)]
