"""axe-core in Chromium on every built page, at desktop and phone widths, in the light
and the dark colour scheme: no violation of any impact, and no console error."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import VALID_GROUP, needs_chromium, repo_copy, served
from sample_groups import CHECKINS

pytestmark = needs_chromium
VIEWS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    root = repo_copy(tmp_path_factory.mktemp("axe") / "hub")
    # The repository's groups have no check-ins yet: one group's page gets charts.
    (root / "groups" / "checked-in-circle.yml").write_text(
        VALID_GROUP.replace("Example circle", "Checked-in circle") + CHECKINS
    )
    for url in served(root):
        yield url, root / "site"


def pages(site: Path) -> list[str]:
    found = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    return ["" if p == "." else p + "/" for p in found] + ["404.html"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("view", list(VIEWS))
def test_every_page_passes_axe(
    browser: object, site: tuple[str, Path], view: str, scheme: str
) -> None:
    url, folder = site
    context = browser.new_context(viewport=VIEWS[view], color_scheme=scheme)
    page = context.new_page()
    axe = Axe()
    found: list[str] = []
    page.on("pageerror", lambda error: found.append(f"{page.url}: {error}"))
    page.on(
        "console",
        lambda m: found.append(f"{page.url}: console {m.text}") if m.type == "error" else None,
    )
    for path in pages(folder):
        if path == "kits/":
            page.goto(url + path + "?outcome=support&design=support-1")
            page.wait_for_selector("#meeting-1")
        else:
            page.goto(url + path)
        if path.startswith("outcomes/") and path.count("/") == 1:
            page.check("#outcome-support")  # the picker's results are part of the page
            page.wait_for_selector("#picker-results article")
            page.wait_for_timeout(500)  # let the header's transitions finish
        if view == "phone":
            wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            if wide > 0:
                found.append(f"{path}: the page is {wide}px wider than the phone's screen")
        for violation in axe.run(page).response["violations"]:
            targets = [n["target"] for n in violation["nodes"]][:3]
            found.append(f"{path}: {violation['id']} ({violation['impact']}) {targets}")
    context.close()
    assert found == []
