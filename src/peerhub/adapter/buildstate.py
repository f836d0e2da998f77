"""What one build's MkDocs events share: its content, pages, scripts, dates and staged build.

The hook keeps one `BuildState` and `on_config` starts a new one for every build, so a
rebuild (`mkdocs serve`) or a second build in one process never sees another's state.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from mkdocs.exceptions import PluginError
from mkdocs.utils import CountHandler

from peerhub.adapter.ahead import Ahead
from peerhub.adapter.sitebuild import Build
from peerhub.render.csp import KnownScripts
from peerhub.render.pages import GeneratedPage
from peerhub.site import Site

__all__ = ["BuildState"]

_NOT_CONFIGURED = "the peerhub hook's on_config has not run for this build"


@dataclass
class BuildState:
    """What one build's events share, from `on_config` to the swap of its site."""

    command: str | None = None
    """The MkDocs command, from `on_startup` (once per process under `mkdocs serve`)."""
    hub: Site | None = None
    pages: dict[str, GeneratedPage] = field(default_factory=dict)
    ahead: Ahead | None = None
    """The pages' bodies being rendered ahead, from `on_config` until the pages are built."""
    scripts: KnownScripts | None = None
    revisions: dict[str, dt.date] = field(default_factory=dict)
    opened: dict[str, dt.date] = field(default_factory=dict)
    build: Build | None = None
    """The build next to `site/` this hook started, until it is published or thrown away."""
    warnings: CountHandler | None = None
    """Counts the warnings of that build, which --strict turns into its failure."""

    def stop_ahead(self) -> None:
        """Stop rendering ahead: every page is built, or the build ended."""
        if self.ahead is not None:
            self.ahead.close()
            self.ahead = None

    @property
    def site(self) -> Site:
        """The checked content, which `on_config` loads before any later event."""
        if self.hub is None:
            raise PluginError(_NOT_CONFIGURED)
        return self.hub

    @property
    def known_scripts(self) -> KnownScripts:
        """The theme's inline scripts, which `on_config` reads before any page is written."""
        if self.scripts is None:
            raise PluginError(_NOT_CONFIGURED)
        return self.scripts
