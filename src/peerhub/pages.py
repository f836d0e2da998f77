"""Every file the hub generates from data: pages, data files and downloads.

This module is the whole contract between the data and the site. The MkDocs hook
adds `generated_pages` as pages whose Markdown is only front matter, and asks each
page for its HTML when MkDocs renders it: the component HTML never goes through
Markdown (it is finished, escaped HTML) and is rendered once, when needed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from . import urls
from .components import Components
from .facets import directory_data
from .feed import FEED_PATH, atom_feed
from .hub import Hub
from .markup import plain, text
from .models import Format
from .picker import picker_data
from .privacy import allowed
from .schema import schemas

__all__ = [
    "PAGE_TEMPLATE",
    "GeneratedPage",
    "generated_assets",
    "generated_pages",
    "search_entries",
]

PAGE_TEMPLATE = "hub-page.html"


@dataclass(frozen=True)
class GeneratedPage:
    """A page made from data: its front matter now, its HTML when MkDocs asks."""

    src_uri: str
    title: str
    description: str
    body: Callable[[], Markup]
    crumb: tuple[str, str] | None = None
    search_boost: float | None = None
    #: Indexed by `search_entries` instead of Material parsing the page (groups).
    search_exclude: bool = False
    #: Outside the nav: the nav, tabs and footer are the same for every such page.
    shared_chrome: bool = True
    #: Search tags; Material ranks tag matches first, so formats and outcomes carry
    #: their own names (groups carry theirs through `search_entries`, with a lower boost).
    tags: tuple[str, ...] = ()
    #: The content file the page is made from, for "edit this page" (None: no such
    #: file, or one whose name must not be published, as an anonymous group's).
    source: str | None = None

    def front_matter(self) -> str:
        """JSON front matter; titles are pre-escaped because Material prints them raw."""
        meta: dict[str, Any] = {
            "title": str(text(self.title)),
            "description": str(text(self.description)),
            "template": PAGE_TEMPLATE,
            "hide": ["toc"],
        }
        if self.crumb:
            meta["crumb"] = {"title": str(text(self.crumb[0])), "url": str(text(self.crumb[1]))}
        if self.search_boost is not None:
            meta["search"] = {"boost": self.search_boost}
        if self.search_exclude:
            meta["search"] = {"exclude": True}
        if self.shared_chrome:
            meta["shared_chrome"] = True
        if self.tags:
            meta["tags"] = [str(text(tag)) for tag in self.tags]
        return f"---\n{json.dumps(meta, ensure_ascii=False)}\n---\n"


def generated_pages(hub: Hub) -> Iterator[GeneratedPage]:
    """Every page generated from formats, groups and outcomes."""
    c = Components(hub)
    yield GeneratedPage(
        "formats/index.md",
        "Meeting formats",
        "Meeting formats for peer groups, with size, timing and agenda.",
        lambda: c.formats_index("formats/"),
        shared_chrome=False,
    )
    for slug, fmt in hub.formats.items():
        yield GeneratedPage(
            f"formats/{slug}.md",
            fmt.name,
            fmt.summary,
            _bind(c.format_page, slug, urls.format_url(slug)),
            crumb=("Formats", "../"),
            search_exclude=True,
            source=f"formats/{slug}.yml",
        )
    yield from _directory(hub, c)
    for slug, view in hub.published_views.items():
        yield GeneratedPage(
            f"groups/{slug}.md",
            view["name"],
            view["summary"],
            _bind(c.group_page, slug, urls.group_url(slug)),
            crumb=("Groups", "../"),
            search_exclude=True,
            source=None if view["anonymous"] else f"groups/{slug}.yml",
        )
    yield GeneratedPage(
        "outcomes/index.md",
        "Pick an outcome",
        "From the outcome you want to a peer group design you can run.",
        lambda: c.outcome_picker("outcomes/"),
        shared_chrome=False,
    )
    for oid, outcome in hub.outcomes.items():
        yield GeneratedPage(
            f"outcomes/{oid}.md",
            outcome.name,
            outcome.question,
            _bind(c.outcome_page, oid, urls.outcome_url(oid)),
            crumb=("Outcomes", "../"),
            search_exclude=True,
            source=f"outcomes/{oid}.yml",
        )
    yield GeneratedPage(
        "reference/settings.md",
        "Settings",
        "What maintainers may tune under extra.peerhub in mkdocs.yml.",
        lambda: c.settings_reference("reference/settings/"),
        crumb=("Contribute", "../../contribute/"),
    )
    yield GeneratedPage(
        "kits/index.md",
        "Start kit",
        "A run-sheet, calendar and charter for the group design you picked.",
        lambda: c.start_kit("kits/"),
        crumb=("Pick an outcome", "../outcomes/"),
        search_exclude=True,
    )


def _directory(hub: Hub, c: Components) -> Iterator[GeneratedPage]:
    slugs = [slug for slug, _ in hub.directory_order]
    size = hub.settings.directory_page_size
    chunks = [slugs[i : i + size] for i in range(0, len(slugs), size)] or [[]]
    for number, chunk in enumerate(chunks, start=1):
        src = "groups/index.md" if number == 1 else f"groups/page/{number}.md"
        at = "groups/" if number == 1 else f"groups/page/{number}/"
        yield GeneratedPage(
            src,
            "Groups' experiences" + ("" if number == 1 else f" (page {number})"),
            "How real peer groups run, in their members' words.",
            _bind(c.groups_index, at, chunk, number, len(chunks)),
            crumb=None if number == 1 else ("Groups", "../../"),
            shared_chrome=number != 1,
            search_exclude=number != 1,  # the groups themselves are indexed one by one
            tags=("Join a group", "Find a group") if number == 1 else (),
            search_boost=hub.settings.search_boost.directory if number == 1 else None,
        )


def search_entries(hub: Hub) -> list[dict[str, Any]]:
    """One compact search entry per format, outcome and group page, in the format of
    Material's search index.

    These pages are excluded from Material's own indexer, which would parse every page
    and index each section of it (a format page has ten) so that sections crowd out
    the guides; their entries hold what readers search them by, and nothing private.
    The theme shows these fields as HTML, so they are escaped like Material's own.
    """
    entries = []
    boost = hub.settings.search_boost
    for slug, fmt in hub.formats.items():
        served = [hub.outcomes[o].name for o in fmt.outcomes.primary if o in hub.outcomes]
        words = [fmt.summary, *fmt.use_when, f"Best for: {', '.join(served)}."]
        entries.append(_entry(urls.format_url(slug), fmt.name, words, [fmt.name], boost.formats))
    for oid, outcome in hub.outcomes.items():
        words = [outcome.question, plain(outcome.definition), *outcome.signs]
        tags = [outcome.name, *outcome.keywords]
        entries.append(_entry(urls.outcome_url(oid), outcome.name, words, tags, boost.outcomes))
    for slug, view in hub.published_views.items():
        outcome_name = hub.outcomes[view["outcomes"]["primary"]].name
        formats = [hub.formats[f].name for f in view["formats"] if f in hub.formats]
        facts = [view["summary"], view["audience"], view["sector"], view["organization"]]
        entries.append(
            _entry(
                urls.group_url(slug),
                view["name"],
                [f for f in facts if f],
                [outcome_name, *formats],
                boost.groups,
            )
        )
    return entries


def _entry(
    location: str, title: str, words: list[str], tags: list[str], boost: float
) -> dict[str, Any]:
    return {
        "location": location,
        "title": str(escape(title)),
        "text": str(escape(" ".join(words))),
        "tags": [str(escape(tag)) for tag in tags],
        "boost": boost,
    }


def _bind(function: Callable[..., Markup], *args: Any) -> Callable[[], Markup]:
    return lambda: function(*args)


def generated_assets(hub: Hub, site_url: str) -> Iterator[tuple[str, str | bytes]]:
    """(docs-relative path, content) for every generated data file; `site_url` (MkDocs'
    own setting) makes the feed's links absolute.
    """
    yield FEED_PATH, atom_feed(hub, site_url)
    yield "api/formats.json", _json([_format_data(s, f) for s, f in hub.formats.items()])
    yield "api/groups.json", _json(_groups_data(hub))
    yield (
        "api/outcomes.json",
        _json(
            [
                {"id": oid, "url": urls.outcome_url(oid), **allowed(o, "public")}
                for oid, o in hub.outcomes.items()
            ]
        ),
    )
    for name, schema in schemas().items():
        yield f"schema/{name}.schema.json", json.dumps(schema, indent=2) + "\n"
    yield "assets/picker-data.json", _json(picker_data(hub))
    yield "assets/directory-data.json", _json(directory_data(hub))


def _format_data(slug: str, fmt: Format) -> dict[str, Any]:
    return {"slug": slug, "url": urls.format_url(slug), **allowed(fmt, "public")}


def _groups_data(hub: Hub) -> list[dict[str, Any]]:
    views = hub.published_views
    return [{**v, "url": urls.group_url(s)} for s, v in views.items()]


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
