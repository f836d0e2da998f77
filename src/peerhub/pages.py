"""Every file the hub generates from data: pages, search entries and data files.

This module is the whole contract between the data and the site, in terms of no
particular engine: `peerhub.material` turns pages and search entries into what
MkDocs and Material read. A page's HTML is finished, escaped HTML, rendered once,
when the engine asks for it; it never goes through Markdown.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from . import urls
from .components import Components
from .evaluation import CSV_PATH, NOTES_PATH, csv_template, notes_template
from .evidence import evidence_data
from .facets import directory_data
from .feed import FEED_PATH, atom_feed
from .hub import Hub
from .markup import plain
from .models import Format
from .picker import picker_data
from .privacy import allowed
from .schema import SCHEMA_NAMES, schema

__all__ = [
    "GeneratedPage",
    "SearchEntry",
    "generated_asset_paths",
    "generated_assets",
    "generated_pages",
    "search_entries",
]


@dataclass(frozen=True)
class GeneratedPage:
    """A page made from data, for any site engine: what it is called, where it sits,
    how search should treat it, and its finished HTML when asked (`peerhub.material`
    says all this to MkDocs and Material).
    """

    src_uri: str
    title: str
    description: str
    body: Callable[[], Markup]
    #: (title, relative URL) of the page one level up.
    crumb: tuple[str, str] | None = None
    search_boost: float | None = None
    #: Indexed by `search_entries` instead of the engine parsing the page (groups).
    search_exclude: bool = False
    #: Outside the nav: the nav, tabs and footer are the same for every such page.
    shared_chrome: bool = True
    #: Words the page is found by first; formats and outcomes carry their own names
    #: (groups carry theirs through `search_entries`, with a lower boost).
    tags: tuple[str, ...] = ()
    #: The content file the page is made from, for "edit this page" (None: no such
    #: file, or one whose name must not be published, as an anonymous group's).
    source: str | None = None


@dataclass(frozen=True)
class SearchEntry:
    """What one generated page is found by; plain text, escaped by whoever shows it."""

    location: str
    title: str
    words: tuple[str, ...]
    tags: tuple[str, ...]
    boost: float


def generated_pages(hub: Hub, site_url: str = "") -> Iterator[GeneratedPage]:
    """Every page generated from formats, groups and outcomes; `site_url` (MkDocs' own
    setting) gives the card deck's QR codes their absolute links.
    """
    c = Components(hub)
    yield GeneratedPage(
        "formats/index.md",
        "Meeting formats",
        "Meeting formats for peer groups, with size, timing and agenda.",
        lambda: c.formats_index("formats/"),
        shared_chrome=False,
    )
    yield GeneratedPage(
        "formats/cards.md",
        "Format cards",
        "Every meeting format as a printable card: A4 and US Letter, four to a sheet.",
        _bind(c.format_deck, "formats/cards/", site_url),
        crumb=("Formats", "../"),
        search_exclude=True,  # its cards repeat the format pages; `search_entries` has one
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


def search_entries(hub: Hub) -> list[SearchEntry]:
    """One compact search entry per format, outcome and group page.

    These pages are kept out of the engine's own indexer, which would index each
    section of a page (a format page has ten) so that sections crowd out the guides;
    their entries hold what readers search them by, and nothing private.
    """
    boost = hub.settings.search_boost
    entries = [
        SearchEntry(
            "formats/cards/",
            "Format cards",
            (
                "Print every meeting format as a card deck, four to a sheet: PDFs for A4 "
                "and US Letter paper, with each format's roles and timed agenda on the back.",
            ),
            ("Card deck", "Print", "PDF"),
            boost.formats,
        )
    ]
    for slug, fmt in hub.formats.items():
        served = [hub.outcomes[o].name for o in fmt.outcomes.primary if o in hub.outcomes]
        words = (fmt.summary, *fmt.use_when, f"Best for: {', '.join(served)}.")
        entries.append(
            SearchEntry(urls.format_url(slug), fmt.name, words, (fmt.name,), boost.formats)
        )
    for oid, outcome in hub.outcomes.items():
        words = (outcome.question, plain(outcome.definition), *outcome.signs)
        tags = (outcome.name, *outcome.keywords)
        entries.append(
            SearchEntry(urls.outcome_url(oid), outcome.name, words, tags, boost.outcomes)
        )
    for slug, view in hub.published_views.items():
        outcome_name = hub.outcomes[view["outcomes"]["primary"]].name
        formats = [hub.formats[f].name for f in view["formats"] if f in hub.formats]
        facts = [view["summary"], view["audience"], view["sector"], view["organization"]]
        entries.append(
            SearchEntry(
                urls.group_url(slug),
                view["name"],
                tuple(f for f in facts if f),
                (outcome_name, *formats),
                boost.groups,
            )
        )
    return entries


def _bind(function: Callable[..., Markup], *args: Any) -> Callable[[], Markup]:
    return lambda: function(*args)


def generated_assets(
    hub: Hub, site_url: str, opened: Mapping[str, dt.date] | None = None
) -> Iterator[tuple[str, str | bytes]]:
    """(docs-relative path, content) for every generated data file; `site_url` (MkDocs'
    own setting) makes the feed's links absolute, and `opened` dates the feed's entries
    for groups that opened to new members (see `revisions.opened`).
    """
    for path, make in _asset_makers(hub, site_url, opened).items():
        yield path, make()


def generated_asset_paths(hub: Hub) -> tuple[str, ...]:
    """Where `generated_assets` writes, known without making anything."""
    return tuple(_asset_makers(hub, "", None))


def _asset_makers(
    hub: Hub, site_url: str, opened: Mapping[str, dt.date] | None
) -> dict[str, Callable[[], str | bytes]]:
    """Each data file's path and what makes it, made only when called."""
    return {
        FEED_PATH: lambda: atom_feed(hub, site_url, opened),
        "api/formats.json": lambda: _json([_format_data(s, f) for s, f in hub.formats.items()]),
        "api/groups.json": lambda: _json(_groups_data(hub)),
        "api/evidence.json": lambda: _json(evidence_data(hub)),
        CSV_PATH: csv_template,
        NOTES_PATH: notes_template,
        "api/outcomes.json": lambda: _json(
            [
                {"id": oid, "url": urls.outcome_url(oid), **allowed(o, "public")}
                for oid, o in hub.outcomes.items()
            ]
        ),
        **{f"schema/{name}.schema.json": _bind_schema(name) for name in SCHEMA_NAMES},
        "assets/picker-data.json": lambda: _json(picker_data(hub)),
        "assets/directory-data.json": lambda: _json(directory_data(hub)),
    }


def _bind_schema(name: str) -> Callable[[], str]:
    return lambda: json.dumps(schema(name), indent=2) + "\n"


def _format_data(slug: str, fmt: Format) -> dict[str, Any]:
    return {"slug": slug, "url": urls.format_url(slug), **allowed(fmt, "public")}


def _groups_data(hub: Hub) -> list[dict[str, Any]]:
    views = hub.published_views
    return [{**v, "url": urls.group_url(s)} for s, v in views.items()]


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
