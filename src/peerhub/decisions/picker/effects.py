"""What each choice does to one design: whether it still fits, what the card says it
changes, and what that costs in the ranking.

Each effect depends on one design and one choice only, so the recommendation adds them
up (`ranking`), and the picker's data can carry them per choice for the browser to add
up the same way. The effects of the group's size are in `sizing`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from peerhub.content.formats import Format
from peerhub.content.outcomes import Design
from peerhub.content.vocabulary import (
    CADENCE_LABELS,
    FACILITATION_LABELS,
    MEETINGS_PER_YEAR,
    MODE_LABELS,
)

__all__ = [
    "CADENCE_CONFLICT_RATIO",
    "CAN_PROVIDE",
    "NO_EFFECT",
    "Effect",
    "cadence_effect",
    "facilitation_effect",
    "minutes_effect",
    "mode_effect",
    "stretch_effect",
]

#: Who a facilitation model needs, and which of the picker's answers can provide it.
CAN_PROVIDE = {
    "members": {"members", "volunteer", "paid"},
    "volunteer": {"volunteer", "paid"},
    "paid": {"paid"},
    "paid-then-members": {"paid"},
}
#: What the sources advise: 6-8 people for virtual or short meetings (two hours or
#: less), 15-20 when there is more time; groups of 6-10 are the common case.
#: Meeting four times as often as a design plans, or a quarter as often, is another
#: design: the reader's cadence then conflicts with it, rather than adapting it.
CADENCE_CONFLICT_RATIO = 4


@dataclass(frozen=True)
class Effect:
    """What one choice does to one design."""

    change: str | None = None
    """What the card says the choice changes (None: nothing to say)."""
    conflict: bool = False
    """The design does not fit the choice as it stands."""
    size_cost: float = 0.0
    """How far the group is from the design's size (0: it fits)."""
    penalty: float = 0.0
    """A small cost among designs that fit equally well."""


NO_EFFECT = Effect()


def mode_effect(design: Design, mode: str | None) -> Effect:
    """What meeting virtually, in person or hybrid changes for a design."""
    if not mode or mode in design.modes:
        return NO_EFFECT
    works = ", ".join(MODE_LABELS[m].lower() for m in design.modes)
    if mode == "virtual":
        change = (
            f"It is designed for {works} meetings, not virtual ones; if you go ahead, open "
            "every meeting with a short member-led get-to-know-you activity and plan one "
            "in-person meeting."
        )
    else:
        change = f"It is designed for {works} meetings; adapt it with care."
    return Effect(change, conflict=True)


def facilitation_effect(design: Design, available: str | None) -> Effect:
    """What the facilitation the group can have changes for a design."""
    if not available:
        return NO_EFFECT
    wanted = FACILITATION_LABELS[design.facilitation].lower()
    if available not in CAN_PROVIDE[design.facilitation]:
        if available == "members":
            return Effect(
                f"It assumes {wanted}; with members only, rotate the facilitator "
                "from the first meeting and spend the first two meetings practising "
                "the format's steps together.",
                conflict=True,
            )
        return Effect(
            f"It assumes {wanted}; a volunteer can take that role if they are "
            "given the format's steps in advance and a co-facilitator from the group.",
            conflict=True,
        )
    if available == "paid" and design.facilitation == "members":
        return Effect(
            "Your paid facilitator can run the first two or three meetings, then "
            "hand the role to members so the group stays theirs.",
        )
    return NO_EFFECT


def stretch_effect(design: Design, fmt: Format) -> Effect:
    """A design that runs its main format outside the format's own size, length or
    cadence says so (a note about the design itself, whatever the choices), and ranks a
    little lower
    (never enough to overturn the outcome file's own order of designs, which differ by 1).
    """
    notes, penalty = [], 0.0
    if design.session_minutes < fmt.session_minutes:
        notes.append(
            f"It plans {design.session_minutes}-minute meetings, shorter than the "
            f"{fmt.session_minutes} minutes {fmt.name.lower()} takes on its own page: its "
            "agenda runs a short version with fewer rounds."
        )
        penalty += 0.25
    if design.size.max > fmt.size.max:
        notes.append(
            f"It runs {fmt.name.lower()} in sub-groups of {fmt.size.span()}, the size the "
            "format's own page describes."
        )
        penalty += 0.25
    if design.cadence != fmt.cadence:
        notes.append(
            f"It meets {CADENCE_LABELS[design.cadence].lower()}, where the page of "
            f"{fmt.name.lower()} describes meeting {CADENCE_LABELS[fmt.cadence].lower()}; "
            "expect to adapt its steps."
        )
        penalty += 0.5
    return Effect(" ".join(notes), penalty=penalty) if notes else NO_EFFECT


def _airtime(minutes: int, planned: int, design: Design) -> str:
    """What a meeting length does to each member's time to speak, at the largest size
    the design takes; nothing where that is under two minutes either way (a large
    group's calls are not rounds of speakers).
    """
    now, was = minutes // design.size.max, planned // design.size.max
    if min(now, was) < 2:
        return ""
    return f", and each member gets about {now} minutes of airtime rather than {was}"


def minutes_effect(design: Design, main: Format, minutes: int | None) -> tuple[Effect, int]:
    """The effect of the meeting length available, and the session length to plan.

    A meeting shorter than the main format's own page gives it conflicts with the
    design (its agenda can only run a short version); shorter than the design plans
    but long enough for the main format, it adapts: the other formats get less time
    and each member less airtime.
    """
    planned = design.session_minutes
    if not minutes:
        return NO_EFFECT, planned
    if minutes < min(planned, main.session_minutes):
        return Effect(
            f"Your {minutes}-minute meetings are shorter than the {main.session_minutes} "
            f"minutes {main.name.lower()} takes on its own page: the agenda runs a short "
            f"version with fewer rounds{_airtime(minutes, planned, design)}; meet for longer "
            "if you can.",
            conflict=True,
            penalty=1,
        ), minutes
    if minutes < planned:
        return Effect(
            f"Your {minutes}-minute meetings are shorter than the {planned} minutes it "
            f"plans: {main.name.lower()} keeps its full time and the other formats get a "
            f"short version{_airtime(minutes, planned, design)}.",
            penalty=0.5,
        ), minutes
    if minutes >= planned * 1.5:
        return Effect(
            f"You have {minutes} minutes, more than the {planned} it plans: the agenda leaves "
            f"time for an extra round and informal time{_airtime(minutes, planned, design)}.",
            penalty=0.5,
        ), minutes
    return NO_EFFECT, minutes


def cadence_effect(design: Design, cadence: str | None) -> tuple[Effect, str]:
    """The effect of how often the group can meet, and the cadence to plan.

    Another cadence adapts the design (the card shows the reader's), and says what
    it does to the number of meetings over the program; four times as often or a
    quarter as often is another design, and conflicts.
    """
    planned = design.cadence
    if not cadence or cadence == planned:
        return NO_EFFECT, planned
    ratio = MEETINGS_PER_YEAR[cadence] / MEETINGS_PER_YEAR[planned]
    months = design.program_months
    low = math.ceil(months.min * MEETINGS_PER_YEAR[cadence] / 12)
    high = math.ceil(months.max * MEETINGS_PER_YEAR[cadence] / 12)
    was_low = math.ceil(months.min * MEETINGS_PER_YEAR[planned] / 12)
    was_high = math.ceil(months.max * MEETINGS_PER_YEAR[planned] / 12)
    count = f"{low}" if low == high else f"{low}–{high}"
    was = f"{was_low}" if was_low == was_high else f"{was_low}–{was_high}"
    after = (
        "keep the same months, or end the first term sooner, since members meet more often"
        if ratio > 1
        else "members' actions have longer to drift between meetings, so add a short "
        "written check-in halfway"
    )
    conflict = ratio >= CADENCE_CONFLICT_RATIO or ratio <= 1 / CADENCE_CONFLICT_RATIO
    return Effect(
        f"You can meet {CADENCE_LABELS[cadence].lower()} rather than "
        f"{CADENCE_LABELS[planned].lower()}: over its {months.span()} months that is about "
        f"{count} meetings rather than {was}; {after}.",
        conflict=conflict,
        penalty=round(abs(math.log2(ratio)) / 2, 3),
    ), cadence
