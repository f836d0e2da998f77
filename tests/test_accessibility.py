"""axe-core in Chromium on every built page, at desktop and phone widths, in the light
and the dark colour scheme: no violation of any impact, and no console error. The same
loads measure each page's layout shift, at the phone's width and at the desktop's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import VALID_GROUP, needs_chromium, rendered_sizes, repo_copy, served
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
    """Every page a reader stays on: not a renamed page's old address, which sends the
    reader on at once (to a page checked here)."""
    found = sorted(
        p.parent.relative_to(site).as_posix()
        for p in site.rglob("index.html")
        if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")
    )
    return ["" if p == "." else p + "/" for p in found] + ["404.html"]


#: The pages split in three, so the six runs share the workers evenly.
SECTIONS = {"formats": ("formats/",), "outcomes": ("outcomes/", "kits/"), "other": ()}


def section_of(path: str) -> str:
    return next((name for name, starts in SECTIONS.items() if path.startswith(starts)), "other")


#: Brings every transition to its end state at once (the header's tabs fade in at the
#: desktop's width, for about half a second), frame after frame until none is left: a
#: finished transition can start another. axe then sees the page as it settles, without
#: the wait, and without Chromium drawing the frames in between.
SETTLE = """async () => {
  for (let frames = 0; frames < 20; frames++) {
    await new Promise(done => requestAnimationFrame(done));
    const running = document.getAnimations().filter(a => a.playState !== 'finished');
    if (running.length === 0) return frames;
    running.forEach(a => a.finish());
  }
  throw new Error('transitions keep starting');
}"""

#: Adds up every layout shift not caused by the reader's input, from the first paint:
#: an upper bound of the page's cumulative layout shift (CLS), which counts only the
#: worst five-second window.
SHIFTS = """window.peerhubShift = 0;
new PerformanceObserver(list => list.getEntries().forEach(entry => {
  if (!entry.hadRecentInput) window.peerhubShift += entry.value;
})).observe({type: 'layout-shift', buffered: true});"""
#: The shift so far, read after two frames, once the page's scripts have shown their forms.
SHIFTED = """async () => {
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  await new Promise(done => setTimeout(done, 50));
  return window.peerhubShift;
}"""
#: Half the budget of 0.1 ("good" CLS), so that the format catalog's old shift (0.096 on
#: a desktop, when its filter panel opened above the cards) fails too.
MOST_SHIFT = 0.05


@pytest.mark.parametrize("section", list(SECTIONS))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_passes_axe(
    browser: object, site: tuple[str, Path], scheme: str, section: str
) -> None:
    """Each page is loaded once per colour scheme and checked, then resized and checked
    again (the theme follows the window's size as it changes, as on a rotated tablet):
    in the light scheme loaded at the phone's width, in the dark at the desktop's. Each
    load measures how far the page shifted as it loaded, at the width it loaded at."""
    url, folder = site
    views = ("phone", "desktop") if scheme == "light" else ("desktop", "phone")
    context = browser.new_context(viewport=VIEWS[views[0]], color_scheme=scheme)
    context.add_init_script(SHIFTS)
    page = context.new_page()
    axe = Axe()
    found: list[str] = []
    page.on("pageerror", lambda error: found.append(f"{page.url}: {error}"))
    page.on(
        "console",
        lambda m: found.append(f"{page.url}: console {m.text}") if m.type == "error" else None,
    )
    checked = [path for path in pages(folder) if section_of(path) == section]
    for path in checked:
        page.set_viewport_size(VIEWS[views[0]])
        if path == "kits/":
            page.goto(url + path + "?outcome=support&design=support-1")
            page.wait_for_selector("#meeting-1")
        else:
            page.goto(url + path)
        page.wait_for_function("() => !document.querySelector('form.ph-filters[hidden]')")
        shift = page.evaluate(SHIFTED)
        if shift > MOST_SHIFT:
            found.append(f"{path} ({views[0]}): the layout shifted by {shift:.3f} as it loaded")
        if path.startswith("outcomes/") and path.count("/") == 1:
            page.check("#outcome-support")  # the picker's results are part of the page
            page.wait_for_selector("#picker-results article")
            page.evaluate(SETTLE)
        page.evaluate(SETTLE)
        page.evaluate(axe.axe_script)
        for view in views:
            if view != views[0]:
                page.set_viewport_size(VIEWS[view])
                page.evaluate(SETTLE)
            if view == "phone":
                wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                if wide > 0:
                    found.append(f"{path}: the page is {wide}px wider than the phone's screen")
            result = page.evaluate("axe.run({resultTypes: ['violations']})")
            for violation in result["violations"]:
                targets = [n["target"] for n in violation["nodes"]][:3]
                where = f"{path} ({view})"
                found.append(f"{where}: {violation['id']} ({violation['impact']}) {targets}")
    context.close()
    assert checked  # every section has pages
    assert found == []


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1440, 900), (2400, 1300)])
def test_check_in_chart_numbers_read_at_the_body_size_at_every_width(
    browser: object, site: tuple[str, Path], width: int, height: int
) -> None:
    """The trend charts' scale numbers (100 and 0, 5 and 0) stay at the body's size."""
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    tab.goto(site[0] + "groups/checked-in-circle/")
    body, sizes = rendered_sizes(tab, "#check-ins + p", "figure.ph-trend svg text")
    clipped = tab.evaluate(
        """() => [...document.querySelectorAll('figure.ph-trend svg text')].filter(t => {
             const own = t.getBoundingClientRect();
             const figure = t.closest('figure').getBoundingClientRect();
             return own.left < figure.left - 0.5;
           }).length"""
    )
    context.close()
    assert len(sizes) == 8  # two numbers on each of the four charts
    assert {round(s, 1) for s in sizes} == {round(body, 1)}
    assert clipped == 0  # the numbers sit in the chart's margin, inside its figure
