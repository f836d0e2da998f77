"""Site URLs of the hub's pages, and relative links between them.

Generated pages carry raw HTML, which MkDocs does not rewrite, so links are made
relative here, in the same way MkDocs does for directory URLs.
"""

from __future__ import annotations

import posixpath
from urllib.parse import urljoin

__all__ = ["ANONYMOUS_PREFIX", "absolute", "format_url", "group_url", "outcome_url", "relative"]

#: Anonymous groups' addresses start with this; group file names may not.
ANONYMOUS_PREFIX = "anonymous-"


def format_url(slug: str) -> str:
    """A format's page address."""
    return f"formats/{slug}/"


def group_url(slug: str) -> str:
    """A published group's page address (an anonymous group's is its random one)."""
    return f"groups/{slug}/"


def outcome_url(outcome_id: str) -> str:
    """An outcome's page address."""
    return f"outcomes/{outcome_id}/"


def absolute(site_url: str, target: str) -> str:
    """`target` (a site URL such as `groups/x/`) under `site_url`, which MkDocs may give
    with or without its final slash: `https://example.org/hub` means the `hub/` folder.
    """
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", target)


def relative(target: str, page: str) -> str:
    """Link from the page at site URL `page` (such as `groups/x/`) to `target`; a folder
    target keeps its final slash, as MkDocs' directory URLs do.
    """
    rel = posixpath.relpath("/" + target, "/" + posixpath.dirname(page))
    return rel + "/" if target.endswith("/") or not target else rel
