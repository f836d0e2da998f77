"""The templates' environment: autoescaped, strict about undefined names, and with every
printed value made Markdown-inert, so contributor text is data, never markup or code.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from peerhub.content.vocabulary import (
    CADENCE_LABELS,
    FACILITATION_LABELS,
    JOINING_LABELS,
    MODE_LABELS,
    STATUS_LABELS,
)
from peerhub.render.markup import prose, text
from peerhub.render.trendchart import trend_figure

__all__ = ["ENVIRONMENT", "compact"]


def _finalize(value: Any) -> Any:
    """Every printed value becomes escaped, Markdown-inert HTML (Markup is kept as is)."""
    if isinstance(value, Markup) or value is None:
        return value if value is not None else ""
    return text(value)


def _bullet_list(items: list[str]) -> Markup:
    return Markup("<ul>{}</ul>").format(
        Markup("").join(Markup("<li>{}</li>").format(text(item)) for item in items)
    )


def _range_of(value: Any, unit: str) -> Markup:
    return text(f"{value.span()} {unit}")


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("peerhub.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["prose"] = prose
    env.globals["bullet_list"] = _bullet_list
    env.globals["range_of"] = _range_of
    env.globals["trend_figure"] = trend_figure
    env.globals.update(
        cadence_label=CADENCE_LABELS,
        facilitation_label=FACILITATION_LABELS,
        mode_label=MODE_LABELS,
        status_label=STATUS_LABELS,
        joining_label=JOINING_LABELS,
    )
    return env


#: The one template environment: autoescaped, strict, every value Markdown-inert.
ENVIRONMENT = _environment()


def compact(html: str) -> Markup:
    """Drop blank lines so Markdown keeps the whole component as one raw HTML block."""
    # Already escaped by the templates' autoescape; only blank lines are removed.
    return Markup("\n".join(line for line in html.splitlines() if line.strip()))  # noqa: S704
