"""Discovery at scale: paginated directory, filter data, charts, feed and search index,
on a hub with a few hundred synthetic groups."""

from __future__ import annotations

import json
import posixpath
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from peerhub.decisions.facets import FACETS, group_values
from peerhub.render.project import load_site

from conftest import built_copy, soup

SYNTHETIC = 250


@pytest.fixture(scope="module")
def hub_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_copy(
        tmp_path_factory.mktemp("scale") / "hub",
        synthetic=SYNTHETIC,
        SOURCE_DATE_EPOCH="1800000000",
    )


def test_directory_is_paginated_and_complete(hub_root: Path) -> None:
    hub = load_site(hub_root)
    site = hub_root / "site"
    published = len(hub.published_views)
    pages = -(-published // 100)
    listed: list[str] = []
    for number in range(1, pages + 1):
        path = site / ("groups" if number == 1 else f"groups/page/{number}") / "index.html"
        rows = soup(path).select(".ph-directory tbody tr a")
        assert len(rows) <= 100
        page_url = path.parent.relative_to(site).as_posix() + "/"
        for a in rows:
            target = posixpath.normpath(posixpath.join(page_url, a["href"]))
            assert (site / target / "index.html").is_file()
            listed.append(target)
        pager = soup(path).select(".ph-pager a")
        assert len(pager) == pages - 1
    assert not (site / f"groups/page/{pages + 1}").exists()
    assert sorted(listed) == sorted(f"groups/{slug}" for slug in hub.published_views)


def test_filter_data_matches_the_groups(hub_root: Path) -> None:
    hub = load_site(hub_root)
    data = json.loads((hub_root / "site/assets/directory-data.json").read_text())
    assert [f["name"] for f in data["facets"]] == list(FACETS)
    assert len(data["groups"]) == len(hub.published_views)
    values = {f["name"]: [o["value"] for o in f["options"]] for f in data["facets"]}
    by_url = {row["url"]: row for row in data["groups"]}
    for slug, group in hub.published_views.items():
        row = by_url[f"groups/{slug}/"]
        for facet in FACETS:
            assert row["values"][facet] == group_values(group)[facet]
            assert set(row["values"][facet]) <= set(values[facet])


def test_charts_count_every_published_group_and_no_private_one(hub_root: Path) -> None:
    hub = load_site(hub_root)
    home = soup(hub_root / "site/index.html")
    figures = home.select("figure.ph-chart")
    assert len(figures) == 2
    for figure in figures:
        image = figure.select_one("[role=img]")
        table = figure.find_next_sibling("details")  # the numbers follow their figure
        rows = [[td.get_text() for td in tr("td")] for tr in table.select("tbody tr")]
        assert sum(int(n) for _, n in rows) == len(hub.published_views)
        assert len(hub.published_views) < len(hub.groups)  # the private ones are left out
        drawn = [(label, n) for label, n in rows if label != "Not recorded"]  # never a bar
        named = "; ".join(f"{label}: {n}" for label, n in drawn)
        assert image["aria-label"].endswith(f" groups): {named}")
        assert len(image.select("rect")) == len(drawn)
        assert [v.get_text() for v in image.select(".ph-chart__value")] == [n for _, n in drawn]
        counts = [int(n) for _, n in drawn]
        widths = [float(r["width"].removesuffix("%")) for r in image.select("rect")]
        assert widths == [pytest.approx(100 * c / max(counts), abs=0.05) for c in counts]
    assert "script" not in str(figures[0]).lower()


def test_feed_lists_newest_published_groups(hub_root: Path) -> None:
    hub = load_site(hub_root)
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.fromstring((hub_root / "site/groups/feed.xml").read_bytes())
    entries = feed.findall(f"{atom}entry")
    assert len(entries) == 50
    dates = [e.findtext(f"{atom}updated") for e in entries]
    assert dates == sorted(dates, reverse=True)
    names = {g.name for g in hub.published_views.values()}
    private = {g.name for g in hub.groups.values() if g.visibility == "private"}
    for entry in entries:
        name = entry.findtext(f"{atom}title").removeprefix("Open to new members: ")
        assert name in names
        assert name not in private
    newest = max(g.added for g in hub.published_views.values())
    assert feed.findtext(f"{atom}updated") == f"{newest}T00:00:00Z"


def search(index: dict, word: str) -> list[dict]:
    word = word.lower()
    return [
        doc
        for doc in index["docs"]
        if word in doc["title"].lower()
        or word in doc["text"].lower()
        or any(word in tag.lower() for tag in doc.get("tags", []))
    ]


def test_search_index_is_tuned(hub_root: Path) -> None:
    hub = load_site(hub_root)
    index = json.loads((hub_root / "site/search/search_index.json").read_text())
    locations = Counter(doc["location"].split("#")[0] for doc in index["docs"])
    for slug in hub.published_views:
        assert locations[f"groups/{slug}/"] == 1  # one compact entry per group
    private = [s for s, g in hub.groups.items() if g.visibility == "private"]
    assert private
    assert not any(locations[f"groups/{s}/"] for s in private)
    troika = [d for d in search(index, "troika") if d["location"].startswith("formats/troika")]
    assert troika
    assert all(d.get("boost") == 2 for d in troika)
    staff = search(index, "staff-plus engineers peer group")
    assert any(d["location"] == "groups/staff-plus-peer-group/" for d in staff)
    group = next(d for d in index["docs"] if d["location"] == "groups/staff-plus-peer-group/")
    assert group["boost"] == 0.5
    assert group["tags"] == ["Support", "Discussion group"]
    guides = search(index, "hub-and-spoke")
    assert any(d["location"].startswith("guides/lead-and-facilitate/") for d in guides)
    assert not any(d["location"].startswith("groups/page/") for d in index["docs"])


def test_group_pages_stay_small(hub_root: Path) -> None:
    pages = list((hub_root / "site/groups").glob("synthetic-group-*/index.html"))
    assert pages
    assert max(p.stat().st_size for p in pages) <= 40 * 1024
