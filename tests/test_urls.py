"""Site addresses: absolute ones under `site_url` (the feed, the card deck's QR codes)
and the relative links generated pages carry. Expected values are written out by hand."""

from __future__ import annotations

import pytest

from peerhub.urls import absolute, relative


@pytest.mark.parametrize(
    ("site_url", "target", "expected"),
    [
        ("https://hub.example.org/", "groups/x/", "https://hub.example.org/groups/x/"),
        ("https://hub.example.org", "groups/x/", "https://hub.example.org/groups/x/"),
        ("https://example.org/hub", "formats/y/", "https://example.org/hub/formats/y/"),
        ("https://example.org/hub/", "groups/feed.xml", "https://example.org/hub/groups/feed.xml"),
        ("", "groups/x/", "/groups/x/"),  # no site URL: not absolute, so no QR code
    ],
)
def test_absolute_keeps_the_site_folder(site_url: str, target: str, expected: str) -> None:
    assert absolute(site_url, target) == expected


@pytest.mark.parametrize(
    ("target", "page", "expected"),
    [
        ("groups/x/", "groups/y/", "../x/"),
        ("", "groups/y/", "../../"),
        ("groups/", "", "groups/"),
        ("formats/cards.pdf", "formats/", "cards.pdf"),
        ("formats/", "formats/", "./"),
        ("assets/hub.css", "404.html", "assets/hub.css"),
        ("", "", "./"),
    ],
)
def test_relative_links_work_from_the_page_they_are_on(
    target: str, page: str, expected: str
) -> None:
    assert relative(target, page) == expected
