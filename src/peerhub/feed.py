"""An Atom feed (RFC 4287) of newly added group experiences.

Entries are ordered by each file's `added` date, and the feed's own date is the
newest of them, so the same content always gives the same feed.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urljoin
from xml.etree import ElementTree as ET

from . import urls
from .hub import Hub

__all__ = ["ATOM", "FEED_PATH", "atom_feed"]

ATOM = "http://www.w3.org/2005/Atom"
FEED_PATH = "groups/feed.xml"


def atom_feed(hub: Hub, site_url: str) -> bytes:
    """The newest published groups as Atom XML; `site_url` makes the links absolute."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    newest = sorted(
        hub.published_views.items(), key=lambda item: (item[1]["added"], item[0]), reverse=True
    )[: hub.settings.feed_length]
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")

    def add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        element.text = text
        return element

    add(feed, "id", urljoin(base, FEED_PATH))
    add(feed, "title", "Peer Group Hub: new group experiences")
    add(feed, "link", href=urljoin(base, "groups/"))
    add(feed, "link", rel="self", href=urljoin(base, FEED_PATH))
    latest = dt.date.fromisoformat(newest[0][1]["added"]) if newest else dt.date(2026, 1, 1)
    add(feed, "updated", _stamp(latest))
    author = add(feed, "author")
    add(author, "name", "Peer Group Hub contributors")
    for slug, view in newest:
        entry = add(feed, "entry")
        link = urljoin(base, urls.group_url(slug))
        add(entry, "id", link)
        add(entry, "title", view["name"])
        add(entry, "link", href=link)
        add(entry, "updated", _stamp(dt.date.fromisoformat(view["added"])))
        add(entry, "summary", view["summary"])
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
