"""The one module that knows Material for MkDocs: generated pages as MkDocs reads them.

A generated page becomes a Markdown file holding only JSON front matter (the
`hub-page.html` override lays it out; `on_page_content` in the hook supplies its
HTML), and a search entry becomes an entry of Material's search index.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import escape

from peerhub.render.markup import text
from peerhub.render.pages import GeneratedPage, SearchEntry

__all__ = ["PAGE_TEMPLATE", "front_matter", "index_entry"]

#: The theme override that lays out every generated page.
PAGE_TEMPLATE = "hub-page.html"


def front_matter(page: GeneratedPage) -> str:
    """JSON front matter; titles are pre-escaped because Material prints them raw."""
    meta: dict[str, Any] = {
        "title": str(text(page.title)),
        "description": str(text(page.description)),
        "template": PAGE_TEMPLATE,
        "hide": ["toc"],
    }
    if page.crumb:
        meta["crumb"] = {"title": str(text(page.crumb[0])), "url": str(text(page.crumb[1]))}
    if page.search_boost is not None:
        meta["search"] = {"boost": page.search_boost}
    if page.search_exclude:
        meta["search"] = {"exclude": True}
    if page.shared_chrome:
        meta["shared_chrome"] = True
    if page.tags:
        meta["tags"] = [str(text(tag)) for tag in page.tags]
    return f"---\n{json.dumps(meta, ensure_ascii=False)}\n---\n"


def index_entry(entry: SearchEntry) -> dict[str, Any]:
    """An entry of Material's search index; the theme shows these fields as HTML, so
    they are escaped like Material's own.
    """
    return {
        "location": entry.location,
        "title": str(escape(entry.title)),
        "text": str(escape(" ".join(entry.words))),
        "tags": [str(escape(tag)) for tag in entry.tags],
        "boost": entry.boost,
    }
