"""A check-in trend as HTML: its small SVG chart, then the table of its numbers.

Python rather than a template: a group page with check-ins draws four of these, about
250 printed values, and the template engine's work per value made them the largest
part of such a page's build. Every value goes through `markup.text`, as each value a
template prints does.
"""

from __future__ import annotations

from markupsafe import Markup

from peerhub.decisions.checkins import BOX, Trend
from peerhub.render.markup import text

__all__ = ["trend_figure"]


def trend_figure(trend: Trend) -> Markup:
    """The `<figure>` of one trend: chart (axes, scale, line, dots) and numbers."""
    key, title = text(trend.key), text(trend.title)
    left, right, top, bottom = (text(BOX[side]) for side in ("left", "right", "top", "bottom"))
    points = trend.points
    desc = "; ".join(f"{text(p.day)}: {text(p.shown)}" for p in points)
    line = "".join(
        f'<line class="ph-trend__line" x1="{text(a.x)}%" y1="{text(a.y)}%" '
        f'x2="{text(b.x)}%" y2="{text(b.y)}%"></line>'
        for a, b in trend.segments
    )
    dots = "".join(
        f'<circle class="ph-trend__dot" cx="{text(p.x)}%" cy="{text(p.y)}%" r="4"></circle>'
        for p in points
    )
    rows = "".join(f"<tr><td>{text(p.day)}</td><td>{text(p.shown)}</td></tr>" for p in points)

    def scale(y: str, label: object) -> str:
        """A number of the scale, right-aligned against the vertical axis at height `y`."""
        return (
            f'<text class="ph-trend__scale" x="{left}%" dx="-0.4em" y="{y}%" dy="0.35em" '
            f'text-anchor="end">{text(label)}</text>'
        )

    return Markup(  # noqa: S704 - every value above went through `text`
        "\n".join(
            [
                '<figure class="ph-trend">',
                f'<svg class="ph-trend__chart" role="img" aria-labelledby="trend-{key}-title '
                f'trend-{key}-desc" xmlns="http://www.w3.org/2000/svg">',
                f'<title id="trend-{key}-title">{title}</title>',
                f'<desc id="trend-{key}-desc">{desc}</desc>',
                f'<line class="ph-trend__axis" x1="{left}%" y1="{bottom}%" x2="{right}%" '
                f'y2="{bottom}%"></line>',
                f'<line class="ph-trend__axis" x1="{left}%" y1="{top}%" x2="{left}%" '
                f'y2="{bottom}%"></line>',
                scale(top, int(trend.top)),
                scale(bottom, 0),
                f"{line}{dots}</svg>",
                f"<figcaption>{title}</figcaption>",
                '<table class="ph-trend__numbers">',
                '<thead><tr><th scope="col">Check-in</th>'
                f'<th scope="col">{text(trend.title.split(":")[0])}</th></tr></thead>',
                f"<tbody>{rows}</tbody>",
                "</table>",
                "</figure>",
            ]
        )
    )
