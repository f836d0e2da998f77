"""What each constraint does to one design: a ranking penalty and a note saying why.

Each effect depends on one design and one choice only, so the recommendation can
compute it once per design and value, and add the effects up.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .choices import SIZE_LABELS, SIZES, Constraints
from .models import Design, Format
from .vocabulary import CADENCE_LABELS, FACILITATION_LABELS, MODE_LABELS

__all__ = [
    "NO_EFFECT",
    "SHORT_MEETING_MINUTES",
    "SOURCE_SIZES",
    "SPLIT_PENALTY",
    "Effect",
    "facilitation_effect",
    "minutes_effect",
    "mode_effect",
    "size_effect",
    "source_size_effect",
    "stretch_effect",
]

#: Who a facilitation model needs, and which of the picker's answers can provide it.
_CAN_PROVIDE = {
    "members": {"members", "volunteer", "paid"},
    "volunteer": {"volunteer", "paid"},
    "paid": {"paid"},
    "paid-then-members": {"paid"},
}
#: Ranking cost of each circle beyond the first when the people available outnumber
#: a design: two circles of 15-20 beat four circles of 8-12 for 40 people.
SPLIT_PENALTY = 0.75
#: What the sources advise: 6-8 people for virtual or short meetings (two hours or
#: less), 15-20 when there is more time; groups of 6-10 are the common case.
SHORT_MEETING_MINUTES = 120
SOURCE_SIZES = {"short": (6, 10), "long": (15, 20)}


@dataclass(frozen=True)
class Effect:
    """What one constraint does to one design: a ranking penalty and a note saying why."""

    penalty: float = 0.0
    change: str | None = None
    conflict: bool = False


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
    return Effect(3, change, conflict=True)


def facilitation_effect(design: Design, available: str | None) -> Effect:
    """What the facilitation the group can have changes for a design."""
    if not available:
        return NO_EFFECT
    wanted = FACILITATION_LABELS[design.facilitation].lower()
    if available not in _CAN_PROVIDE[design.facilitation]:
        if available == "members":
            return Effect(
                2,
                f"It assumes {wanted}; with members only, rotate the facilitator "
                "from the first meeting and spend the first two meetings practising "
                "the format's steps together.",
            )
        return Effect(
            2,
            f"It assumes {wanted}; a volunteer can take that role if they are "
            "given the format's steps in advance and a co-facilitator from the group.",
        )
    if available == "paid" and design.facilitation == "members":
        return Effect(
            0,
            "Your paid facilitator can run the first two or three meetings, then "
            "hand the role to members so the group stays theirs.",
        )
    return NO_EFFECT


def size_effect(design: Design, size: str | None) -> tuple[Effect, str]:
    """The effect of the number of people available, and how to describe the group size."""
    text = f"{design.size.span()} people"
    if not size:
        return NO_EFFECT, text
    low, high = SIZES[size]
    if low > design.size.max:
        fewest, most = math.ceil(low / design.size.max), math.ceil(high / design.size.max)
        # Each extra circle is another group to start and to keep linked.
        penalty = 1 + SPLIT_PENALTY * (most - 1)
        if high >= 200:
            return Effect(
                penalty,
                f"{SIZE_LABELS[size]} is more than one group can hold; split into "
                f"circles of {text} and link them with a shared channel.",
                conflict=True,
            ), f"circles of {text}"
        return Effect(
            penalty,
            f"{SIZE_LABELS[size]} is more than one group of {design.size.span()} "
            f"can hold; split into circles of {text} (for example {high} people make "
            f"{most} circles) and link them with a shared channel and an occasional "
            "joint meeting.",
            conflict=True,
        ), f"{fewest if fewest == most else f'{fewest}–{most}'} circles of {text}"
    if high < design.size.min:
        return Effect(
            2,
            f"{SIZE_LABELS[size]} is fewer than the {design.size.span()} this "
            "design needs; invite a few more peers, or choose a design for smaller "
            "groups.",
            conflict=True,
        ), text
    return NO_EFFECT, text


def source_size_effect(design: Design, c: Constraints, session: int) -> Effect:
    """Rank designs the way the sources size groups: 6-8 people (6-10 at most) for
    virtual or short meetings, 15-20 when meetings are long enough for a larger group,
    which is what a reader with more than a dozen people to meet in person needs.
    """
    many = c.size is not None and SIZES[c.size][0] > 12
    if c.mode == "virtual" or (c.minutes is not None and c.minutes <= SHORT_MEETING_MINUTES):
        band = "short"
    elif many:
        band = "long"
    else:
        band = "short" if session <= SHORT_MEETING_MINUTES else "long"
    low, high = SOURCE_SIZES[band]
    if design.size.max < low or design.size.min > high:
        return Effect(1)
    return NO_EFFECT


def stretch_effect(design: Design, fmt: Format) -> Effect:
    """A design that runs its main format outside the format's own size or cadence says
    so, and ranks a little lower (never enough to overturn the outcome file's own order
    of designs, which differ by 1).
    """
    notes, penalty = [], 0.0
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
    return Effect(penalty, " ".join(notes)) if notes else NO_EFFECT


def minutes_effect(design: Design, minutes: int | None) -> tuple[Effect, int]:
    """The effect of the meeting length available, and the session length to plan."""
    planned = design.session_minutes
    if not minutes:
        return NO_EFFECT, planned
    if minutes < planned:
        penalty = 1 if minutes / planned >= 0.6 else 2.5
        return Effect(
            penalty,
            f"Your {minutes}-minute meetings are shorter than the {planned} "
            "minutes it plans: the first-meeting agenda is shortened to fit, and "
            "meeting more often keeps the same total time.",
        ), minutes
    if minutes >= planned * 1.5:
        return Effect(
            0.5,
            f"You have {minutes} minutes, more than the {planned} it needs: the "
            "agenda leaves time for an extra round and informal time.",
        ), minutes
    return NO_EFFECT, planned
