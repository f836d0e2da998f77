"""mkdocs-macros module: the hub's components, callable from guides that opt in.

Example in a guide with `render_macros: true` in its front matter:
`{{ format_card("troika-consulting") }}`. Each macro returns HTML that links
correctly from the page it is placed on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup

from peerhub.components import Components
from peerhub.project import check_project_cached

_MACROS = (
    "format_card",
    "format_page",
    "group_card",
    "group_page",
    "outcome_page",
    "outcomes_table",
    "outcomes_index",
    "hub_figures",
    "group_chart",
    "group_sizes",
    "outcome_counts",
    "formats_index",
    "groups_index",
)


def define_env(env: Any) -> None:
    root = Path(env.project_dir)
    # mkdocs-macros calls define_env once per build (also on each `mkdocs serve`
    # rebuild), so one load per call is always current.
    cache: list[Components] = []

    def components() -> Components:
        if not cache:
            hub, _ = check_project_cached(root)
            cache.append(Components(hub))
        return cache[0]

    def register(name: str) -> None:
        def macro(*args: str) -> Markup:
            page_url = env.page.url if env.page else ""
            return getattr(components(), name)(*args, page=page_url)

        macro.__name__ = name
        macro.__doc__ = getattr(Components, name).__doc__
        env.macro(macro, name)

    for name in _MACROS:
        register(name)
