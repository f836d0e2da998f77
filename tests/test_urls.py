"""Site addresses: absolute ones under `site_url` (the feed, the card deck's QR codes)
and the relative links generated pages carry. Expected values are written out by hand."""

from __future__ import annotations

import posixpath

import pathspec
import pytest
from mkdocs.utils.yaml import yaml_load

from peerhub.render import urls
from peerhub.render.pages import generated_pages
from peerhub.render.urls import absolute, relative, source_page
from peerhub.site import Site

from conftest import REPO


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


@pytest.mark.parametrize(
    ("url", "source"),
    [
        ("formats/", "formats/index.md"),
        ("formats/troika-consulting/", "formats/troika-consulting.md"),
        ("groups/page/2/", "groups/page/2.md"),
        ("reference/settings/", "reference/settings.md"),
        ("kits/", "kits/index.md"),
    ],
)
def test_a_generated_page_s_source_follows_its_address(url: str, source: str) -> None:
    assert source_page(url) == source


def test_every_generated_page_is_in_the_nav_or_kept_out_of_it(repo_hub: Site) -> None:
    """mkdocs.yml's `not_in_nav` (read as MkDocs reads it, gitignore-style) covers every
    page the hub generates that the nav does not list, so none warns in a strict build."""
    config = yaml_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    hidden = pathspec.GitIgnoreSpec.from_lines(config["not_in_nav"].splitlines())
    listed = set(_nav_files(config["nav"]))
    loose = [
        page.src_uri
        for page in generated_pages(repo_hub)
        if page.src_uri not in listed and not hidden.match_file(page.src_uri)
    ]
    assert loose == []
    assert urls.source_page(urls.GROUPS) in listed  # the directory is in the nav


def _nav_files(nav: object) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [f for value in nav.values() for f in _nav_files(value)]
    if isinstance(nav, list):
        return [f for item in nav for f in _nav_files(item)]
    return []


def test_relative_links_are_what_posixpath_relpath_gives() -> None:
    """Every pair of a few hundred site addresses, pages and files, at every depth,
    including shared beginnings, look-alike names and dot folders."""
    names = ["", "a", "ab", "b", "a.b", ".", ".."]
    paths = {"/".join(p for p in (x, y, z) if p) for x in names for y in names for z in names}
    targets = sorted(paths | {p + "/" for p in paths if p} | {"assets/hub.css", "404.html"})
    pages = sorted({p + "/" for p in paths if p} | {"", "404.html", "a/b.html"})

    def by_relpath(target: str, page: str) -> str:
        rel = posixpath.relpath("/" + target, "/" + posixpath.dirname(page))
        return rel + "/" if target.endswith("/") or not target else rel

    wrong = [
        (t, p, relative(t, p), by_relpath(t, p))
        for t in targets
        for p in pages
        if relative(t, p) != by_relpath(t, p)
    ]
    assert len(targets) * len(pages) > 20_000
    assert wrong == []
