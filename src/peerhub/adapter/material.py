"""The one module that knows Material for MkDocs: generated pages as MkDocs reads them.

A generated page becomes a `FinishedPage`: MkDocs gets its metadata (what front matter
would hold; the `hub-page.html` override lays it out) and its finished HTML as they
are, with no front matter to parse and no Markdown engine to build. A search entry
becomes an entry of Material's search index.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from peerhub.render.markup import text
from peerhub.render.pages import GeneratedPage, SearchEntry

__all__ = [
    "PAGE_TEMPLATE",
    "DataFile",
    "FinishedPage",
    "add_to_index",
    "front_matter",
    "index_entry",
    "nav_titles",
    "page_meta",
]

#: The theme override that lays out every generated page.
PAGE_TEMPLATE = "hub-page.html"


def page_meta(page: GeneratedPage) -> dict[str, Any]:
    """The page's metadata as Material reads it; titles are pre-escaped because Material
    prints them raw.
    """
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
    if page.moved_to:
        meta["moved_to"] = str(text(page.moved_to))
    return meta


def front_matter(page: GeneratedPage) -> str:
    """`page_meta` as the JSON front matter a Markdown file would carry."""
    return f"---\n{json.dumps(page_meta(page), ensure_ascii=False)}\n---\n"


def nav_titles(nav: object) -> dict[str, str]:
    """`{path: title}` for each page `mkdocs.yml`'s nav names with a title of its own."""
    found: dict[str, str] = {}
    items = nav if isinstance(nav, list) else [nav]
    for item in items:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    found[value] = title
                else:
                    found |= nav_titles(value)
    return found


class FinishedPage(Page):
    """A MkDocs page whose HTML the hub made. MkDocs would parse front matter and build a
    Markdown engine (all the site's extensions) for each of thousands of group pages, to
    convert nothing; this page hands over the metadata and the HTML as they are. Plugins
    still see every event from `on_page_markdown` (with no Markdown) on.

    A `deferred` page has no HTML while MkDocs reads every page (`render` leaves it
    empty): the hook gives it its HTML (`made`) just before MkDocs writes it, and takes
    it back once written, so the bodies of thousands of pages are never all held at
    once. Only for sites where no plugin but the hub handles `on_page_content`.
    """

    def __init__(
        self,
        file: File,
        config: MkDocsConfig,
        page: GeneratedPage,
        title: str | None,
        body: Callable[[], str] | None = None,
        *,
        deferred: bool = False,
    ) -> None:
        # `title`: the nav's, which wins over the page's own as for any MkDocs page.
        # `body`: where the finished HTML comes from, if not the page's own renderer
        # (`peerhub.adapter.ahead` may have rendered it already).
        super().__init__(title, file, config)
        self.generated = page
        self._body = body or (lambda: str(page.body()))
        self.deferred = deferred

    def read_source(self, config: MkDocsConfig) -> None:  # noqa: ARG002 - MkDocs' signature
        """The metadata, as is; no Markdown (plugins' `on_page_markdown` sees "")."""
        self.markdown, self.meta = "", page_meta(self.generated)

    def render(self, config: MkDocsConfig, files: Files) -> None:  # noqa: ARG002 - MkDocs'
        """The finished HTML; like the Markdown page it replaces, no headings in the
        table of contents and no anchors for other pages' links to check.
        """
        self.content = "" if self.deferred else self._body()
        self.toc = get_toc([])
        self.present_anchor_ids = set()
        self.links_to_anchors = {}

    def made(self) -> str:
        """The finished HTML, made (or taken from `peerhub.adapter.ahead`) now."""
        return self._body()


class DataFile(File):
    """A generated data file (JSON, feed, sitemap) that lets go of its content once
    MkDocs has written it, before any page is: at 5,000 groups they hold 14 MiB, which
    nothing reads again.
    """

    def copy_file(self, dirty: bool = False) -> None:
        """Write the file, as MkDocs does; then keep none of it."""
        super().copy_file(dirty)
        self.content_bytes = b""


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


def add_to_index(index: Path, entries: Iterable[SearchEntry]) -> None:
    """Add `entries` to the search index Material wrote at `index`, writing them one by
    one after its own: the same file as loading the index, extending its list of
    documents and writing it whole, without holding thousands of entries at once.
    """
    data = json.loads(index.read_text(encoding="utf-8"))
    if list(data)[-1:] != ["docs"] or not isinstance(data["docs"], list):
        raise ValueError(f"{index}: not a search index whose last field is 'docs'")
    whole = _compact(data)  # ends with the list's "]" and the object's "}"
    with index.open("w", encoding="utf-8") as out:
        out.write(whole[:-2])
        comma = "," if data["docs"] else ""
        for entry in entries:
            out.write(comma + _compact(index_entry(entry)))
            comma = ","
        out.write("]}")


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
