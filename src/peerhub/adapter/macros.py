"""mkdocs-macros module: the hub's components, callable from guides that opt in.

Example in a guide listed under `extra.peerhub.macro_pages` in mkdocs.yml:
`{{ format_card("troika-consulting") }}`. Each macro returns HTML that links
correctly from the page it is placed on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup
from mkdocs.exceptions import PluginError

from peerhub.render.components import Components
from peerhub.render.guides import MACROS
from peerhub.render.project import check_project_cached

#: `extra.peerhub.macro_pages` of each project, read once per build by `define_env`.
_macro_pages: dict[str, list[str]] = {}

__all__ = ["define_env", "on_pre_page_macros"]


def define_env(env: Any) -> None:
    """Register the hub's components as macros (mkdocs-macros calls this once per build)."""
    root = Path(env.project_dir)
    config = Path(env.conf["config_file_path"]).name
    # The hook's `on_config` has loaded the project from the same file: this is its
    # cached hub (one load per build), with the settings of the file MkDocs was given.
    hub, _ = check_project_cached(root, config)
    _macro_pages[env.project_dir] = hub.settings.macro_pages
    # mkdocs-macros calls define_env once per build (also on each `mkdocs serve`
    # rebuild), so the hub is always current.
    components = Components(hub)

    def register(name: str) -> None:
        def macro(*args: str) -> Markup:
            page_url = env.page.url if env.page else ""
            return getattr(components, name)(*args, page=page_url)

        macro.__name__ = name
        macro.__doc__ = getattr(Components, name).__doc__
        env.macro(macro, name)

    for macro_name in MACROS:
        register(macro_name)


def on_pre_page_macros(env: Any) -> None:
    """Before each page: macros only in listed pages, and only in a sandbox.

    Pages may use macros only when mkdocs.yml lists them (`extra.peerhub.macro_pages`),
    so turning macros on needs a maintainer (CODEOWNERS). The sandbox keeps a template
    from reaching Python internals (`{{ x.__globals__ }}`) even in a listed page.
    """
    listed = _macro_pages[env.project_dir]
    page = env.page
    if page.meta.get("render_macros") is True and page.file.src_uri not in listed:
        raise PluginError(
            f"{page.file.src_uri}: 'render_macros: true' is not accepted; macros run only "
            "in pages listed under extra.peerhub.macro_pages in mkdocs.yml (a maintainer's "
            "change)"
        )
    # mkdocs-macros reads the page's own front matter to decide; the list decides here.
    page.meta["render_macros"] = page.file.src_uri in listed
    if not isinstance(env.env, SandboxedEnvironment):
        # mkdocs-macros (1.5) builds its environment after loading this module and has no
        # public way to choose its class: `env.env` is a read-only property, and the
        # `j2_*` options pass only delimiters and extensions to `Environment(...)`. So the
        # private attribute behind that property is swapped here, before first use.
        env._env = _sandboxed(env.env)


def _sandboxed(original: Environment) -> SandboxedEnvironment:
    sandbox = SandboxedEnvironment(
        loader=original.loader,
        undefined=original.undefined,
        block_start_string=original.block_start_string,
        block_end_string=original.block_end_string,
        variable_start_string=original.variable_start_string,
        variable_end_string=original.variable_end_string,
        comment_start_string=original.comment_start_string,
        comment_end_string=original.comment_end_string,
    )
    sandbox.globals.update(original.globals)
    sandbox.filters.update(original.filters)
    return sandbox
