"""The site map: every address the hub generates, and relative links between them.

Pages, data files, the feed, the card deck, templates (through `Components`) and the
checks of the maintainers' guides take their addresses from here, so each is spelled
once. Generated pages carry raw HTML, which MkDocs does not rewrite, so links are made
relative here, in the same way MkDocs does for directory URLs.
"""

from __future__ import annotations

import posixpath
from urllib.parse import urlencode, urljoin

__all__ = [
    "CARDS_ENV",
    "CARD_PDFS",
    "CHECKIN_CSV",
    "CHECKIN_NOTES",
    "DIRECTORY_DATA",
    "FORMATS",
    "FORMAT_CARDS",
    "GROUPS",
    "GROUPS_FEED",
    "KITS",
    "OUTCOMES",
    "PICKER_DATA",
    "PLACEHOLDER_SITE_URL",
    "RENAMED_FORMATS",
    "SETTINGS_REFERENCE",
    "absolute",
    "api_file",
    "content_file",
    "directory_page",
    "format_url",
    "group_url",
    "kit_url",
    "outcome_url",
    "picker_file",
    "relative",
    "schema_file",
    "source_page",
    "unpublishable",
]

#: mkdocs.yml's `site_url` when PEERHUB_SITE_URL is not set: an address nobody serves.
PLACEHOLDER_SITE_URL = "https://peer-group-hub.example.org/"


def unpublishable(site_url: str) -> str | None:
    """What is wrong with publishing a build made for `site_url`, if anything."""
    if site_url.rstrip("/") != PLACEHOLDER_SITE_URL.rstrip("/"):
        return None
    return (
        f"site_url is the placeholder {PLACEHOLDER_SITE_URL}: the feed, the sitemap and "
        "the cards' QR codes point there. Set PEERHUB_SITE_URL to the published address "
        "before building a site to publish."
    )


#: The format catalog, and every format on printable cards (with their two PDFs).
FORMATS = "formats/"
FORMAT_CARDS = "formats/cards/"
CARD_PDFS = {"a4": "formats/cards.pdf", "letter": "formats/cards-letter.pdf"}
#: Set to "1" by `peerhub build --cards` for its build: the PDFs will be there to link.
CARDS_ENV = "PEERHUB_CARD_PDFS"
#: Formats renamed since they were published, old file name to new: the old address
#: keeps a page that sends readers on, so links and bookmarks made before still work.
RENAMED_FORMATS = {"teach-back-session": "member-led-training"}
#: The group directory's first page, and the feed of new and opening groups.
GROUPS = "groups/"
GROUPS_FEED = "groups/feed.xml"
#: The outcome picker, and the start kit it links to.
OUTCOMES = "outcomes/"
KITS = "kits/"
#: The options maintainers may set under `extra.peerhub`.
SETTINGS_REFERENCE = "reference/settings/"
#: The evaluation kit's two downloads.
CHECKIN_CSV = "evaluate/check-ins.csv"
CHECKIN_NOTES = "evaluate/check-in-notes.txt"
#: What the picker, the start kit and the directory's filters read.
#: One outcome's picker data (the picker and the start kit fetch the chosen outcome's
#: only); scripts fill in the outcome, as `picker_file` does here.
PICKER_DATA = "assets/picker/{outcome}.json"


def picker_file(outcome: str) -> str:
    """The address of one outcome's picker data."""
    return PICKER_DATA.format(outcome=outcome)


DIRECTORY_DATA = "assets/directory-data.json"


def api_file(name: str) -> str:
    """A published data file: `formats`, `groups`, `outcomes` or `evidence`."""
    return f"api/{name}.json"


def schema_file(name: str) -> str:
    """A JSON Schema the hub publishes (`format`, `group`, `outcome`, `evidence`)."""
    return f"schema/{name}.schema.json"


def directory_page(number: int) -> str:
    """Page `number` of the group directory (the first is `groups/` itself)."""
    return GROUPS if number == 1 else f"{GROUPS}page/{number}/"


def source_page(url: str) -> str:
    """The Markdown file a generated page has at the directory URL `url`: a
    section's own page is its `index.md` (`formats/` is `formats/index.md`), every other
    page a file beside it (`formats/x/` is `formats/x.md`, `groups/page/2/` is
    `groups/page/2.md`).
    """
    folder = url.rstrip("/")
    return f"{folder}/index.md" if url.endswith("/") and "/" not in folder else f"{folder}.md"


def content_file(folder: str, slug: str) -> str:
    """The content file behind a page, as its edit link names it."""
    return f"{folder}/{slug}.yml"


def format_url(slug: str) -> str:
    """A format's page address."""
    return f"formats/{slug}/"


def group_url(slug: str) -> str:
    """A published group's page address (an anonymous group's is its random one)."""
    return f"groups/{slug}/"


def outcome_url(outcome_id: str) -> str:
    """An outcome's page address."""
    return f"outcomes/{outcome_id}/"


def kit_url(outcome_id: str, design: str) -> str:
    """The start kit's address for one design of an outcome: the only place it is
    made (the picker's script adds the reader's choices to its query with `URL`).
    """
    return KITS + "?" + urlencode({"outcome": outcome_id, "design": design})


def absolute(site_url: str, target: str) -> str:
    """`target` (a site URL such as `groups/x/`) under `site_url`, which MkDocs may give
    with or without its final slash: `https://example.org/hub` means the `hub/` folder.
    """
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", target)


def relative(target: str, page: str) -> str:
    """Link from the page at site URL `page` (such as `groups/x/`) to `target`; a folder
    target keeps its final slash, as MkDocs' directory URLs do.

    What `posixpath.relpath` gives, worked out from the two lists of folders: a build
    makes tens of thousands of these links, and relpath first makes both paths absolute
    and normal (three times the work). Paths with `.` or `..` go to relpath.
    """
    start = [part for part in posixpath.dirname(page).split("/") if part]
    goal = [part for part in target.split("/") if part]
    if {".", ".."} & {*start, *goal}:
        rel = posixpath.relpath("/" + target, "/" + posixpath.dirname(page))
    else:
        common = 0
        for here, there in zip(start, goal, strict=False):
            if here != there:
                break
            common += 1
        rel = "/".join([".."] * (len(start) - common) + goal[common:]) or "."
    return rel + "/" if target.endswith("/") or not target else rel
