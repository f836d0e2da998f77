"""A group's check-ins: what they add up to (the rules across them are `content.rules`).

Check-ins are the hub's evaluation loop (process, results, attendance). This module
holds the check-in's questions and turns a group's published list into its trends:
attendance rate and the three ratings over time, and how long the group has been
meeting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from peerhub.content.datefields import partial_date_start
from peerhub.decisions.views import CheckInView, GroupView

__all__ = [
    "BOX",
    "COUNTS",
    "QUESTIONS",
    "RATINGS",
    "SCALE",
    "Point",
    "Trend",
    "months_running",
    "trends",
]

#: The three ratings, with the question each answers (shown beside the trends).
RATINGS = {
    "process": "How well the meetings ran",
    "results": "Progress on the main outcome",
    "safety": "How openly members speak",
}

#: What each member marks from 1 to 5 at a check-in: a statement to agree with. The
#: evaluation kit (`/evaluate/` and its printable sheet) prints these with `SCALE`.
QUESTIONS = {
    "process": "Our meetings ran well: they started on time, kept to the agenda and "
    "ended with something useful.",
    "results": "I am making progress on what this group is for.",
    "safety": "I can raise anything here, a mistake or a worry included, and it stays here.",
}

#: The five marks, in plain words.
SCALE = ("Not true", "Rarely true", "Sometimes true", "Mostly true", "Fully true")

#: The counts a check-in records, with how the kit asks for each.
COUNTS = {
    "members": "How many members does the group have today?",
    "meetings": "How many meetings has it held since the last check-in (or since it started)?",
    "attendance": "How many members came to a meeting, on average, in that time?",
}


@dataclass(frozen=True)
class Point:
    """One check-in's value of a measure, placed on its chart (in percent of the chart)."""

    day: str
    shown: str
    x: float
    y: float


@dataclass(frozen=True)
class Trend:
    """One measure over time, oldest first, laid out for a small SVG chart (the
    template draws it and holds no arithmetic).
    """

    key: str
    title: str
    #: The highest value the measure can take: the top of the chart.
    top: float
    points: tuple[Point, ...]
    #: The line through the points: each pair of neighbours, oldest first.
    segments: tuple[tuple[Point, Point], ...]


#: The trend chart's plot area, in percent of the chart's width and height. The chart
#: has no viewBox: drawn in percentages at the page's own scale, its numbers stay at
#: the body's size on every screen (hub.css gives its height and the numbers' margin).
LEFT, RIGHT, TOP, BOTTOM = 3, 97, 8, 92
#: Where the template draws the axes.
BOX = {"left": LEFT, "right": RIGHT, "top": TOP, "bottom": BOTTOM}


def trends(checkins: Sequence[CheckInView]) -> list[Trend]:
    """Attendance rate and the three ratings over time, from a group's published
    check-ins (`masking.published`: the same data its page may show).
    """
    days = [c.date for c in checkins]
    measures: list[tuple[str, str, float, list[float], str]] = [
        (
            "attendance",
            "Attendance: share of members at a meeting",
            100,
            [round(100 * c.attendance / c.members) for c in checkins],
            "%",
        ),
        *(
            (key, title, 5, [float(getattr(c, key)) for c in checkins], " of 5")
            for key, title in RATINGS.items()
        ),
    ]
    return [
        _laid_out(key, title, top, days, values, unit=unit)
        for key, title, top, values, unit in measures
    ]


def _laid_out(
    key: str, title: str, top: float, days: list[dt.date], values: list[float], *, unit: str
) -> Trend:
    span = (days[-1] - days[0]).days if days else 0  # a lone check-in sits in the middle
    inner_w, inner_h = RIGHT - LEFT, BOTTOM - TOP
    points = tuple(
        Point(
            day.isoformat(),
            f"{value:g}{unit}",
            round(LEFT + inner_w * ((day - days[0]).days / span if span else 0.5), 1),
            round(TOP + inner_h * (1 - value / top), 1),
        )
        for day, value in zip(days, values, strict=True)
    )
    return Trend(key, title, top, points, tuple(pairwise(points)))


def months_running(group: GroupView, today: dt.date) -> int | None:
    """Whole months from `started` to `ended`, else to the last check-in, else to today
    if the group says it still meets; None when the start is not recorded.
    """
    if not group.started:
        return None
    start = partial_date_start(group.started)
    if group.ended:
        end = partial_date_start(group.ended)
    elif group.checkins:
        end = group.checkins[-1].date
    elif group.running:
        end = today
    else:
        return None
    months = (end.year - start.year) * 12 + end.month - start.month
    return max(0, months - (end.day < start.day))
