"""Figures about the groups, drawn at build time as accessible SVG bar charts.

Each chart is a <figure>: an SVG with a title and description for screen readers,
and the same numbers as a table in a <details> element. Private groups count here,
anonymously, as the hub promises; nothing identifies them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from markupsafe import Markup, escape

from .facets import LIFESPANS, NOT_RECORDED, SIZE_BANDS, lifespan, size_band
from .project import Hub
from .vocabulary import CADENCE_LABELS, OUTCOME_IDS

BAR_HEIGHT = 30
LABEL_WIDTH = 210
BAR_WIDTH = 200


@dataclass(frozen=True)
class Chart:
    """A titled list of (label, count) rows."""

    key: str
    title: str
    rows: tuple[tuple[str, int], ...]


def charts(hub: Hub) -> dict[str, Chart]:
    """The four figures: sizes, cadences, primary outcomes, lifespans."""
    groups = list(hub.groups.values())

    def rows(labels: list[tuple[str, str]], counts: Counter[str]) -> tuple[tuple[str, int], ...]:
        known = [(label, counts[key]) for key, label in labels]
        unknown = counts.get("unknown", 0)
        return tuple(known + ([(NOT_RECORDED, unknown)] if unknown else []))

    return {
        "sizes": Chart(
            "sizes",
            "Members per group",
            rows(
                [(k, label) for k, label, _, _ in SIZE_BANDS], Counter(size_band(g) for g in groups)
            ),
        ),
        "cadences": Chart(
            "cadences",
            "How often groups meet",
            rows(list(CADENCE_LABELS.items()), Counter(g.cadence or "unknown" for g in groups)),
        ),
        "outcomes": Chart(
            "outcomes",
            "Main outcome",
            rows(
                [(o, hub.outcomes[o].name) for o in OUTCOME_IDS if o in hub.outcomes],
                Counter(g.outcomes.primary for g in groups),
            ),
        ),
        "lifespans": Chart(
            "lifespans",
            "How long groups have run",
            rows(
                [(k, label) for k, label, _, _ in LIFESPANS], Counter(lifespan(g) for g in groups)
            ),
        ),
    }


def render(chart: Chart) -> Markup:
    """The chart as a <figure> with an SVG and a data table."""
    total = sum(count for _, count in chart.rows)
    peak = max((count for _, count in chart.rows), default=0) or 1
    height = BAR_HEIGHT * len(chart.rows) + 4
    width = LABEL_WIDTH + BAR_WIDTH + 60
    title_id, desc_id = f"chart-{chart.key}-title", f"chart-{chart.key}-desc"
    summary = "; ".join(f"{label}: {count}" for label, count in chart.rows)
    bars = []
    for index, (label, count) in enumerate(chart.rows):
        y = index * BAR_HEIGHT + 2
        length = round(BAR_WIDTH * count / peak)
        bars.append(
            f'<text class="ph-chart__label" x="{LABEL_WIDTH - 8}" y="{y + 20}" '
            f'text-anchor="end">{escape(label)}</text>'
            f'<rect class="ph-chart__bar" x="{LABEL_WIDTH}" y="{y + 3}" width="{length}" '
            f'height="{BAR_HEIGHT - 6}" rx="2"></rect>'
            f'<text class="ph-chart__value" x="{LABEL_WIDTH + length + 6}" y="{y + 20}">'
            f"{count}</text>"
        )
    table_rows = "".join(
        f"<tr><td>{escape(label)}</td><td>{count}</td></tr>" for label, count in chart.rows
    )
    return Markup(
        f'<figure class="ph-chart">'
        f'<svg viewBox="0 0 {width} {height}" role="img" aria-labelledby="{title_id} {desc_id}" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{title_id}">{escape(chart.title)} ({total} groups)</title>'
        f'<desc id="{desc_id}">{escape(summary)}</desc>{"".join(bars)}</svg>'
        f"<figcaption>{escape(chart.title)}, {total} groups, including private ones."
        f"</figcaption>"
        f'<details><summary>The numbers</summary><table><thead><tr><th scope="col">'
        f'{escape(chart.title)}</th><th scope="col">Groups</th></tr></thead>'
        f"<tbody>{table_rows}</tbody></table></details></figure>"
    )
