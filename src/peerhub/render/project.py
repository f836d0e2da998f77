"""A whole project checked and built into a `Site`: its content, then what the
maintainers' guides ask of the site made from it.

`check_project` returns the site and every problem; `load_site` returns a clean site
or raises :class:`ContentError`. The CLI and the MkDocs hook both call these, so they
report the same problems in the same words.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from peerhub.content.clock import today
from peerhub.content.problems import ContentError, Problem
from peerhub.content.project import check_content, fingerprint
from peerhub.content.settings import CONFIG_FILE
from peerhub.render import guides
from peerhub.site import Site

__all__ = ["check_project", "check_project_cached", "load_site"]


def check_project(
    root: Path, *, on: dt.date | None = None, config: str = CONFIG_FILE
) -> tuple[Site, list[Problem]]:
    """Load and check every content file under `root` as on the day `on` (today by
    default), then the guides' macro calls and pages against the site it makes; never
    raises for bad content.
    """
    day = on or today()
    content, problems = check_content(root, on=day, config=config)
    site = Site(content, day)
    problems += guides.macro_call_problems(site.root, site, site.settings.macro_pages)
    if not any(p.severity == "error" for p in problems):
        # Where the hub generates pages depends on content that loaded cleanly.
        problems += guides.docs_collisions(site.root, site)
    return site, sorted(set(problems))


def load_site(root: Path, *, on: dt.date | None = None, config: str = CONFIG_FILE) -> Site:
    """A fully valid site, or :class:`ContentError` listing every error (warnings too)."""
    site, problems = check_project(root, on=on, config=config)
    if any(p.severity == "error" for p in problems):
        raise ContentError(problems)
    return site


#: The last check of each project and settings file, with the files' fingerprint and
#: the day it was made for.
_CACHE: dict[tuple[Path, str], tuple[object, Site, list[Problem]]] = {}


def check_project_cached(root: Path, config: str = CONFIG_FILE) -> tuple[Site, list[Problem]]:
    """`check_project`, reused while no content file changed and the day is the same
    (one load per build; `mkdocs serve` across midnight counts intakes afresh).

    The MkDocs hook and the macros module both need the site; this lets them share
    one load without depending on the order MkDocs calls them in.
    """
    root = root.resolve()
    day = today()
    stamp = (fingerprint(root, config), day)
    cached = _CACHE.get((root, config))
    if cached is None or cached[0] != stamp:
        site, problems = check_project(root, on=day, config=config)
        _CACHE[(root, config)] = (stamp, site, problems)
        return site, problems
    return cached[1], cached[2]
