"""An Atom feed (RFC 4287) of newly added group experiences and of groups that open.

A group's entry is dated by its file's `added` day. A group open to new members gets
a second entry, dated by the day it opened (from git, see `revisions.opened`; its
`added` day without git, and always for an anonymous group, whose commits would point
at its file). The feed's own date is the newest entry's, so the same content and
history always give the same feed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from xml.etree import ElementTree as ET

from peerhub.decisions.joining import intake
from peerhub.render import urls
from peerhub.site import Site

__all__ = ["ATOM", "atom_feed"]

ATOM = "http://www.w3.org/2005/Atom"


def atom_feed(hub: Site, site_url: str, opened: Mapping[str, dt.date] | None = None) -> bytes:
    """The newest published groups and openings as Atom XML; `site_url` makes the links
    absolute, and `opened` (group file → day) dates the openings.
    """
    newest = sorted(_entries(hub, opened or {}), reverse=True)[: hub.settings.feed_length]
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")

    def add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        element.text = text
        return element

    add(feed, "id", urls.absolute(site_url, urls.GROUPS_FEED))
    add(feed, "title", "Peer Group Hub: new group experiences and groups open to join")
    add(feed, "link", href=urls.absolute(site_url, urls.GROUPS))
    add(feed, "link", rel="self", href=urls.absolute(site_url, urls.GROUPS_FEED))
    latest = newest[0][0] if newest else dt.date(2026, 1, 1)
    add(feed, "updated", _stamp(latest))
    author = add(feed, "author")
    add(author, "name", "Peer Group Hub contributors")
    for day, slug, anchor, title, summary in newest:
        entry = add(feed, "entry")
        link = urls.absolute(site_url, urls.group_url(slug)) + anchor
        add(entry, "id", link)
        add(entry, "title", title)
        add(entry, "link", href=link)
        add(entry, "updated", _stamp(day))
        add(entry, "summary", summary)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _entries(hub: Site, opened: Mapping[str, dt.date]) -> list[tuple[dt.date, str, str, str, str]]:
    """(day, address, anchor, title, summary) of every entry: each group as added, and
    each open group as it opened (its entry links the page's joining badge).
    """
    entries = []
    for address, view in hub.published_views.items():
        added = view.added
        entries.append((added, address, "", view.name, view.summary))
        if view.joining != "open":
            continue
        # A public group's address is its file name (`masking.address`).
        day = added if view.anonymous else opened.get(urls.content_file("groups", address), added)
        month = intake(view.next_intake, hub.today)
        summary = f"{view.name} is open to new members" + (
            f"; next intake: {month}." if month else "."
        )
        entries.append(
            (max(day, added), address, "#joining", f"Open to new members: {view.name}", summary)
        )
    return entries


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
