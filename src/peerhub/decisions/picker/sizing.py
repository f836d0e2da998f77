"""What the number of people does to one design: whether the reader's size band fits it,
and whether the sources' sizes for such meetings advise against it.

`size_effect` depends on the size choice only; `source_size_effect` on three choices
(mode, size and meeting length), which the picker's data carries as one table.
"""

from __future__ import annotations

import math

from peerhub.content.outcomes import Design
from peerhub.decisions.picker.choices import SIZE_LABELS, SIZES, Constraints
from peerhub.decisions.picker.effects import NO_EFFECT, Effect

__all__ = [
    "BEST_SHORT_MAX",
    "SHORT_MEETING_MINUTES",
    "SOURCE_SIZES",
    "TYPICAL_PEOPLE",
    "size_effect",
    "source_size_effect",
]

#: Meetings this long or shorter hold small groups best (002: two hours or less).
SHORT_MEETING_MINUTES = 120
#: The sources' group sizes: 6-10 for short or virtual meetings (003's usual best), 15-20
#: for long ones (002, the Commonwealth Study Conference).
SOURCE_SIZES = {"short": (6, 10), "long": (15, 20)}
#: The best size for virtual or short meetings (002: six to eight people), and what a
#: design pitched for more than that costs when a small group meets so.
BEST_SHORT_MAX = 8
OVER_BEST_COST = 1.0
#: A band the design fits only at its top costs this much per whole band below its
#: minimum; below more than HALF of the band, the choice conflicts with the design.
PART_FIT_WEIGHT = 2.0
HALF = 0.5
#: The number of people a size choice stands for when a group must split into circles
#: (the top of its range; "41 or more" as 60, the reference group's size).
TYPICAL_PEOPLE = {"3-5": 5, "6-8": 8, "9-12": 12, "13-20": 20, "21-40": 40, "41-plus": 60}


def size_effect(design: Design, size: str | None) -> tuple[Effect, str]:
    """The effect of the number of people available, and how to describe the group size."""
    text = f"{design.size.span()} people"
    if not size:
        return NO_EFFECT, text
    low, high = SIZES[size]
    if low > design.size.max:
        people = TYPICAL_PEOPLE[size]
        circles = max(2, math.ceil(people / design.size.max))
        # Each extra circle is another group to start and to keep linked.
        if size == "41-plus":
            change = (
                f"{SIZE_LABELS[size]} is more than one group can hold; split into "
                f"circles of {text} (60 people make {circles}) and link them with a "
                "shared channel."
            )
            shown = f"circles of {text}"
        else:
            fewest = max(2, math.ceil(low / design.size.max))
            change = (
                f"{SIZE_LABELS[size]} is more than one group of {design.size.span()} "
                f"can hold; split into circles of {text} (for example {high} people make "
                f"{circles} circles) and link them with a shared channel and an occasional "
                "joint meeting."
            )
            shown = f"{fewest if fewest == circles else f'{fewest}–{circles}'} circles of {text}"
        return Effect(change, conflict=True, size_cost=circles - 1), shown
    if high < design.size.min:
        return Effect(
            f"{SIZE_LABELS[size]} is fewer than the {design.size.span()} this "
            "design needs; invite a few more peers, or choose a design for smaller "
            "groups.",
            conflict=True,
            size_cost=design.size.min - high,
        ), text
    if low < design.size.min:
        # The band fits only at its top: the groups at its bottom are too small, and
        # where most of the band is, the choice does not fit the design as it stands.
        below = (design.size.min - low) / (high - low + 1)
        return Effect(
            f"It needs at least {design.size.min} people; with fewer, invite a few more "
            "peers before the first meeting.",
            conflict=below > HALF,
            penalty=round(PART_FIT_WEIGHT * below, 3),  # thousandths: the picker data's unit
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
        return Effect(penalty=1)
    small = c.size is not None and SIZES[c.size][1] <= BEST_SHORT_MAX
    if band == "short" and small and design.size.max > BEST_SHORT_MAX:
        # A small group's design pitched for more people than such meetings hold best
        # (6-8) ranks lower; one pitched for more than they hold at all (10) conflicts.
        if design.size.max <= high:
            return Effect(penalty=OVER_BEST_COST)
        return Effect(
            f"It takes up to {design.size.max} people, but meetings like yours work best "
            "with six to eight and hold ten at most: keep the group within that as it grows.",
            conflict=True,
            penalty=OVER_BEST_COST,
        )
    return NO_EFFECT
