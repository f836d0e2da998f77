"""The real hub builds under --strict, and its pages hang together."""

from __future__ import annotations

import posixpath
import shutil
from pathlib import Path

import pytest

from conftest import REPO, mkdocs_build, soup


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("real") / "hub"
    shutil.copytree(
        REPO,
        root,
        ignore=shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", ".*_cache"),
    )
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr
    return root / "site"


def test_every_internal_link_resolves(site: Path) -> None:
    checked = 0
    for file in site.rglob("*.html"):
        if file.name == "404.html":  # served at any depth, so it uses absolute URLs
            continue
        page_url = file.parent.relative_to(site).as_posix()
        for a in soup(file).select("a[href]"):
            href = a["href"].split("#")[0]
            if not href or "://" in href or href.startswith(("mailto:", "javascript:")):
                continue
            target = site / posixpath.normpath(posixpath.join(page_url, href))
            if target.is_dir():
                target /= "index.html"
            assert target.is_file(), f"{file.relative_to(site)} links to missing {a['href']}"
            checked += 1
    assert checked > 100


def test_home_page_offers_three_entry_points(site: Path) -> None:
    home = soup(site / "index.html")
    links = {a.get_text(strip=True): a["href"] for a in home.select(".grid.cards a")}
    assert links == {
        "Choose an outcome": "outcomes/",
        "See all formats": "formats/",
        "Read experiences": "groups/",
    }
    assert len(home.select("table a[href^='outcomes/']")) == 10


def test_no_font_hosts_are_called(site: Path) -> None:
    home = (site / "index.html").read_text()
    assert "fonts.googleapis.com" not in home and "fonts.gstatic.com" not in home


def test_phone_viewport_is_set(site: Path) -> None:
    meta = soup(site / "groups/staff-plus-peer-group/index.html").find(
        "meta", attrs={"name": "viewport"}
    )
    assert "width=device-width" in meta["content"]
