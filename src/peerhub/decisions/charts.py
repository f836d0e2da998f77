"""Figures about the groups, drawn at build time as accessible bar charts.

Each chart is a <figure>: one row per bar, whose label and number are HTML text (so
they read at the body's size on a phone and on a wide screen alike) and whose bar is
a small SVG stretched to the row's width. The whole reads to screen readers as one
image with the numbers in its name, and the same numbers sit in a table in a
<details> element. Like every figure, they count the published groups alone
(`privacy.FIGURES_RULE`): each bar is a sum of what the groups' own pages show.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from peerhub.content.outcomes import Outcome
from peerhub.content.vocabulary import CADENCE_LABELS, OUTCOME_IDS
from peerhub.decisions.facets import LIFESPANS, NOT_RECORDED, SIZE_BANDS, lifespan, size_band
from peerhub.decisions.views import GroupView

__all__ = ["CHART_NAMES", "FEWEST_TO_DRAW", "Bar", "Chart", "charts", "geometry"]


@dataclass(frozen=True)
class Bar:
    """One row of a chart."""

    label: str
    count: int


#: Fewer groups' answers than this say more about those groups than about groups: the
#: page says how many recorded it and asks for more, instead of drawing a chart.
FEWEST_TO_DRAW = 3


@dataclass(frozen=True)
class Chart:
    """A titled list of bars over `total` published groups."""

    key: str
    title: str
    bars: tuple[Bar, ...]
    total: int

    @property
    def drawn(self) -> tuple[Bar, ...]:
        """The bars a chart draws: what groups recorded, never the groups that did not."""
        return tuple(bar for bar in self.bars if bar.label != NOT_RECORDED)

    @property
    def recorded(self) -> int:
        """How many of the groups recorded this."""
        return sum(bar.count for bar in self.drawn)

    @property
    def enough(self) -> bool:
        """Whether enough groups recorded this to draw it (`FEWEST_TO_DRAW`)."""
        return self.recorded >= FEWEST_TO_DRAW

    @property
    def total_shown(self) -> str:
        """The chart's total as printed: "4 groups", or "3 of 4 groups" where some did
        not record it.
        """
        of = f"{self.recorded} of " if self.recorded != self.total else ""
        return f"{of}{self.total} group{'s' if self.total != 1 else ''}"


#: The figures `charts` draws, in its order: known without any group, so that checking a
#: guide's `group_chart` call needs no published views.
CHART_NAMES = ("sizes", "cadences", "outcomes", "lifespans")


def charts(
    views: Mapping[str, GroupView], outcomes: Mapping[str, Outcome], today: dt.date
) -> dict[str, Chart]:
    """The four figures over the published groups: sizes, cadences, primary outcomes,
    lifespans (to `today` for a group that still meets).
    """
    groups = list(views.values())

    def chart(
        key: str, title: str, labels: list[tuple[str, str]], value: Callable[[Any], str]
    ) -> Chart:
        counts = Counter(value(g) for g in groups)
        if counts["unknown"]:
            labels = [*labels, ("unknown", NOT_RECORDED)]
        bars = tuple(Bar(label, counts[k]) for k, label in labels)
        return Chart(key, title, bars, len(groups))

    named = [(o, outcomes[o].name) for o in OUTCOME_IDS if o in outcomes]
    return {
        "sizes": chart(
            "sizes",
            "Members per group",
            [(k, label) for k, label, _, _ in SIZE_BANDS],
            lambda g: size_band(g.size),
        ),
        "cadences": chart(
            "cadences",
            "How often groups meet",
            list(CADENCE_LABELS.items()),
            lambda g: g.cadence or "unknown",
        ),
        "outcomes": chart("outcomes", "Main outcome", named, lambda g: g.outcomes.primary),
        "lifespans": chart(
            "lifespans",
            "How long groups have run",
            [(k, label) for k, label, _, _ in LIFESPANS],
            lambda g: lifespan(g.started, g.ended, today),
        ),
    }


def geometry(chart: Chart) -> dict[str, Any]:
    """Each drawn bar's length as a percentage of the longest, so the template holds no
    arithmetic.
    """
    peak = max((bar.count for bar in chart.drawn), default=0) or 1
    rows = [{"bar": bar, "share": round(100 * bar.count / peak, 1)} for bar in chart.drawn]
    return {"rows": rows}
