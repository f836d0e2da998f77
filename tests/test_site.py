"""The real hub builds under --strict, and its pages hang together."""

from __future__ import annotations

import posixpath
from pathlib import Path

import html5lib
import pytest

from peerhub.decisions.checkins import COUNTS, QUESTIONS
from peerhub.render.csp import parse, quick_scan

from conftest import soup


@pytest.fixture(scope="module")
def site(real_build: Path) -> Path:
    return real_build / "site"


def ids(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        cache[path] = {tag["id"] for tag in soup(path).select("[id]")}
    return cache[path]


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    checked, anchors, cache = 0, 0, {}
    for file in site.rglob("*.html"):
        if file.name == "404.html":  # served at any depth, so it uses absolute URLs
            continue
        page_url = file.parent.relative_to(site).as_posix()
        for a in soup(file).select("a[href]"):
            href, _, fragment = a["href"].partition("#")
            href = href.partition("?")[0]  # the start kit reads its design from the query
            if "://" in href or href.startswith(("mailto:", "javascript:")):
                continue
            target = site / posixpath.normpath(posixpath.join(page_url, href)) if href else file
            if target.is_dir():
                target /= "index.html"
            assert target.is_file(), f"{file.relative_to(site)} links to missing {a['href']}"
            checked += 1
            if fragment and target.suffix == ".html":
                assert fragment in ids(target, cache), f"{file.relative_to(site)}: {a['href']}"
                anchors += 1
    assert checked > 100
    assert anchors > 10


def test_every_page_is_well_formed_html_with_unique_ids(site: Path) -> None:
    for file in site.rglob("*.html"):
        parser = html5lib.HTMLParser(strict=True)
        parser.parse(file.read_bytes())  # raises on any parse error
        found = [tag["id"] for tag in soup(file).select("[id]")]
        duplicates = {i for i in found if found.count(i) > 1}
        assert duplicates == set(), f"{file.relative_to(site)}: {duplicates}"


def test_home_page_offers_four_entry_points(site: Path) -> None:
    home = soup(site / "index.html")
    links = {a.get_text(strip=True): a["href"] for a in home.select(".grid.cards a")}
    assert links == {
        "Choose an outcome": "outcomes/",
        "See all formats": "formats/",
        "Read experiences": "groups/",
        # No group in the repository is open to new members: the card asks to list one.
        "List your group": "contribute/",
    }
    assert len(home.select("table a[href^='outcomes/']")) == 10


def test_no_font_hosts_are_called(site: Path) -> None:
    home = (site / "index.html").read_text()
    assert "fonts.googleapis.com" not in home
    assert "fonts.gstatic.com" not in home


def test_phone_viewport_is_set(site: Path) -> None:
    meta = soup(site / "groups/staff-plus-peer-group/index.html").find(
        "meta", attrs={"name": "viewport"}
    )
    assert "width=device-width" in meta["content"]


def test_the_quick_script_scan_agrees_with_the_html_parser_on_every_page(site: Path) -> None:
    """The build finds inline scripts with `quick_scan` for speed; Python's HTML parser
    is the reference, so a page where they differ would get a wrong policy."""
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        html = page.read_text(encoding="utf-8")
        scan = quick_scan(html)
        assert scan == parse(html), page
        assert scan.head_end is not None, page
        assert scan.inline_scripts, page


def test_the_evaluation_kit_shows_the_questions_and_rules(site: Path) -> None:
    evaluate = soup(site / "evaluate" / "index.html")
    sentences = [li.get_text() for li in evaluate.select(".ph-ratings li")]
    assert sentences == [f"{text} {key}" for key, text in QUESTIONS.items()]
    assert [d.get_text() for d in evaluate.select(".ph-rules dt")][:3] == [
        "New here",
        "Tried",
        "Established",
    ]
    sheet = soup(site / "evaluate" / "sheet" / "index.html")
    rows = sheet.select("table.ph-scale tbody tr")
    assert [[td.get_text() for td in row.select("td")] for row in rows] == [
        ["1", "2", "3", "4", "5"]
    ] * len(QUESTIONS)
    assert len(sheet.select(".ph-counts .ph-blank")) == len(COUNTS)
