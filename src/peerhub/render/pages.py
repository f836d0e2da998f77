"""Every page the hub generates from data, and the search entries of those pages (the
data files are `peerhub.render.datafiles`).

This module is the whole contract between the data and the site, in terms of no
particular engine: `peerhub.adapter.material` turns pages and search entries into what
MkDocs and Material read. A page's HTML is finished, escaped HTML, rendered once,
when the engine asks for it; it never goes through Markdown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from peerhub.render import urls
from peerhub.render.components import Components
from peerhub.render.markup import plain
from peerhub.site import Site

__all__ = [
    "GeneratedPage",
    "SearchEntry",
    "generated_page_addresses",
    "generated_pages",
    "search_entries",
]


@dataclass(frozen=True)
class GeneratedPage:
    """A page made from data, for any site engine: what it is called, where it sits,
    how search should treat it, and its finished HTML when asked (`peerhub.adapter.material`
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
    #: Where the page's content went (relative to it): the page sends readers there.
    moved_to: str | None = None


@dataclass(frozen=True)
class SearchEntry:
    """What one generated page is found by; plain text, escaped by whoever shows it."""

    location: str
    title: str
    words: tuple[str, ...]
    tags: tuple[str, ...]
    boost: float


def generated_pages(
    hub: Site, site_url: str = "", *, card_pdfs: bool = True
) -> Iterator[GeneratedPage]:
    """Every page generated from formats, groups and outcomes; `site_url` (MkDocs' own
    setting) gives the card deck's QR codes their absolute links; `card_pdfs` says the
    build prints the deck's PDFs (`peerhub build --cards`), so the pages link them.
    """
    c = Components(hub, card_pdfs=card_pdfs)
    yield GeneratedPage(
        urls.source_page(urls.FORMATS),
        "Meeting formats",
        "Meeting formats for peer groups, with size, timing and agenda.",
        lambda: c.formats_index(urls.FORMATS),
        shared_chrome=False,
    )
    yield GeneratedPage(
        urls.source_page(urls.FORMAT_CARDS),
        "Format cards",
        "Every meeting format as a printable card: A4 and US Letter, four to a sheet.",
        _bind(c.format_deck, urls.FORMAT_CARDS, site_url),
        crumb=("Formats", "../"),
        search_exclude=True,  # its cards repeat the format pages; `search_entries` has one
    )
    for slug, fmt in hub.formats.items():
        yield GeneratedPage(
            urls.source_page(urls.format_url(slug)),
            fmt.name,
            fmt.summary,
            _bind(c.format_page, slug, urls.format_url(slug)),
            crumb=("Formats", "../"),
            search_exclude=True,
            source=urls.content_file("formats", slug),
        )
    for old, new in urls.RENAMED_FORMATS.items():  # the old address sends readers on
        at, name = urls.format_url(old), hub.formats[new].name
        there = urls.relative(urls.format_url(new), at)
        yield GeneratedPage(
            urls.source_page(at), f"Moved: {name}", f"This page is now {name}.",
            _bind(c.moved_page, name, there), search_exclude=True, moved_to=there,
        )  # fmt: skip
    yield from _directory(hub, c)
    for slug, view in hub.published_views.items():
        yield GeneratedPage(
            urls.source_page(urls.group_url(slug)),
            view.name,
            view.summary,
            _bind(c.group_page, slug, urls.group_url(slug)),
            crumb=("Groups", "../"),
            search_exclude=True,
            source=None if view.anonymous else urls.content_file("groups", slug),
        )
    yield GeneratedPage(
        urls.source_page(urls.OUTCOMES),
        "Pick an outcome",
        "From the outcome you want to a peer group design you can run.",
        lambda: c.outcome_picker(urls.OUTCOMES),
        shared_chrome=False,
        # Each design it shows opens a start kit: calendar invites and a group charter.
        tags=("Start kit", "Calendar invite", "Group charter"),
    )
    for oid, outcome in hub.outcomes.items():
        yield GeneratedPage(
            urls.source_page(urls.outcome_url(oid)),
            outcome.name,
            outcome.question,
            _bind(c.outcome_page, oid, urls.outcome_url(oid)),
            crumb=("Outcomes", "../"),
            search_exclude=True,
            source=urls.content_file("outcomes", oid),
        )
    yield GeneratedPage(
        urls.source_page(urls.SETTINGS_REFERENCE),
        "Settings",
        "What maintainers may tune under extra.peerhub in mkdocs.yml.",
        lambda: c.settings_reference(urls.SETTINGS_REFERENCE),
        crumb=("Contribute", "../../contribute/"),
    )
    yield GeneratedPage(
        urls.source_page(urls.KITS),
        "Start kit",
        "A run-sheet, calendar and charter for the group design you picked.",
        lambda: c.start_kit(urls.KITS),
        crumb=("Pick an outcome", "../outcomes/"),
        search_exclude=True,
    )


def generated_page_addresses(hub: Site) -> set[str]:
    """The address of every page `generated_pages` makes, known without the published
    views it needs for their titles: `peerhub validate` checks the guides against these
    (`tests/test_generated.py` holds the two to the same set).
    """
    fixed = [urls.FORMATS, urls.FORMAT_CARDS, urls.OUTCOMES, urls.SETTINGS_REFERENCE, urls.KITS]
    pages = _directory_pages(len(hub.addresses), hub.settings.directory_page_size)
    return {
        *fixed,
        *(urls.format_url(slug) for slug in [*hub.formats, *urls.RENAMED_FORMATS]),
        *(urls.directory_page(number) for number in range(1, pages + 1)),
        *(urls.group_url(address) for address in hub.addresses.values()),
        *(urls.outcome_url(oid) for oid in hub.outcomes),
    }


def _directory_pages(groups: int, size: int) -> int:
    """How many pages the directory takes: one even with no group."""
    return max(1, -(-groups // size))


def _directory(hub: Site, c: Components) -> Iterator[GeneratedPage]:
    slugs = [slug for slug, _ in hub.directory_order]
    size = hub.settings.directory_page_size
    pages = _directory_pages(len(slugs), size)
    chunks = [slugs[i * size : (i + 1) * size] for i in range(pages)]
    for number, chunk in enumerate(chunks, start=1):
        at = urls.directory_page(number)
        yield GeneratedPage(
            urls.source_page(at),
            "Groups' experiences" + ("" if number == 1 else f" (page {number})"),
            "How real peer groups run, in their members' words.",
            _bind(c.groups_index, at, chunk, number, len(chunks)),
            crumb=None if number == 1 else ("Groups", "../../"),
            shared_chrome=number != 1,
            search_exclude=number != 1,  # the groups themselves are indexed one by one
            tags=("Join a group", "Find a group") if number == 1 else (),
            search_boost=hub.settings.search_boost.directory if number == 1 else None,
        )


def search_entries(hub: Site) -> list[SearchEntry]:
    """One compact search entry per format, outcome and group page.

    These pages are kept out of the engine's own indexer, which would index each
    section of a page (a format page has ten) so that sections crowd out the guides;
    their entries hold what readers search them by, and nothing private.
    """
    boost = hub.settings.search_boost
    entries = [
        SearchEntry(
            urls.FORMAT_CARDS,
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
        outcome_name = hub.outcomes[view.outcomes.primary].name
        formats = [hub.formats[f].name for f in view.formats if f in hub.formats]
        facts = [view.summary, view.audience, view.sector, view.organization]
        entries.append(
            SearchEntry(
                urls.group_url(slug),
                view.name,
                tuple(f for f in facts if f),
                (outcome_name, *formats),
                boost.groups,
            )
        )
    return entries


def _bind(function: Callable[..., Markup], *args: Any) -> Callable[[], Markup]:
    return lambda: function(*args)
