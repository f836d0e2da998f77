"""Site URLs of the hub's pages, and relative links between them.

Generated pages carry raw HTML, which MkDocs does not rewrite, so links are made
relative here, in the same way MkDocs does for directory URLs.
"""

from __future__ import annotations

import posixpath

__all__ = ["ANONYMOUS_PREFIX", "format_url", "group_url", "outcome_url", "relative"]

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


def relative(target: str, page: str) -> str:
    """Link from the page at site URL `page` (such as `groups/x/`) to `target`."""
    base = page if page.endswith("/") or not page else posixpath.dirname(page) + "/"
    rel = (
        posixpath.relpath("/" + target, "/" + base)
        if target
        else posixpath.relpath("/", "/" + base)
    )
    if (target.endswith("/") or not target) and not rel.endswith("/"):
        rel += "/"
    return "./" if rel in {".", "./"} else rel
