"""The hub's own content: complete, consistent, reachable, and written in its own words."""

from __future__ import annotations

import os
import posixpath
import re
import subprocess
from collections import deque
from pathlib import Path

import pytest

from peerhub.content.project import stray_files
from peerhub.content.vocabulary import OUTCOME_IDS
from peerhub.render.components import Components
from peerhub.site import Site

from conftest import REPO, macro_pages, soup

FORMAT_SLUGS = sorted(p.stem for p in (REPO / "formats").glob("*.yml"))

GUIDES = sorted(p for p in (REPO / "docs" / "guides").glob("*.md") if p.name != "index.md")
REQUIRED_FORMATS = {
    "peer-coaching-group",
    "troika-consulting",
    "case-clinic",
    "peer-assist",
    "working-out-loud-circle",
    "learning-circle",
    "action-learning-set",
    "study-group",
    "discussion-group",
    "member-led-training",
    "done-the-impossible",
    "personal-board-of-directors",
    "authenticity-circle",
    "mastermind-group",
    "support-circle",
}


def test_catalog_has_the_required_formats(hub: Site) -> None:
    assert len(hub.formats) >= 15
    assert set(hub.formats) >= REQUIRED_FORMATS


@pytest.mark.parametrize("slug", FORMAT_SLUGS)
def test_format_is_complete_and_its_agenda_adds_up(slug: str, hub: Site) -> None:
    fmt = hub.formats[slug]
    assert sum(step.minutes for step in fmt.agenda) == fmt.session_minutes
    for field in (
        "use_when",
        "avoid_when",
        "roles",
        "preparation",
        "pitfalls",
        "variations",
        "related",
        "references",
    ):
        assert getattr(fmt, field), f"{slug}: {field} is empty"
    assert set(fmt.related) <= set(hub.formats)


@pytest.mark.parametrize("outcome_id", OUTCOME_IDS)
def test_outcome_has_designs_whose_formats_exist(outcome_id: str, hub: Site) -> None:
    outcome = hub.outcomes[outcome_id]
    assert 1 <= len(outcome.designs) <= 3
    assert outcome.signs
    for design in outcome.designs:
        assert set(design.formats) <= set(hub.formats)
        assert design.size.min <= design.size.max


def test_every_outcome_is_served_by_some_format(hub: Site) -> None:
    served = {o for f in hub.formats.values() for o in f.outcomes.primary + f.outcomes.secondary}
    assert served == set(OUTCOME_IDS)


def test_groups_from_the_sources(hub: Site) -> None:
    assert len(hub.published_views) >= 6
    staff_plus = hub.groups["staff-plus-peer-group"]
    assert (staff_plus.size.invited, staff_plus.size.members, staff_plus.size.attendance) == (
        60,
        50,
        10,
    )


def test_guides_exist_and_use_components() -> None:
    names = {p.stem for p in GUIDES}
    assert names == {
        "scope",
        "self-organize",
        "provide-value",
        "choose-an-outcome",
        "run-a-meeting",
        "lead-and-facilitate",
        "virtual-and-hybrid",
        "keep-it-going",
    }
    for guide in GUIDES:
        text = guide.read_text()
        assert f"guides/{guide.name}" in macro_pages(), guide.name
        assert re.search(r"\{\{ \w+\(", text), f"{guide.name} uses no component"
        assert "*Sources:" in text, f"{guide.name} credits no source"


def test_text_is_original() -> None:
    tool = REPO.parent / "shared" / "tools" / "check-originality"
    if not tool.is_file():
        assert not os.environ.get("CI"), "CI must have ../shared/tools/check-originality"
        pytest.skip("the originality checker is not beside this checkout")
    result = subprocess.run(
        [str(tool), str(REPO)], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().startswith("0 passage(s)")


@pytest.fixture(scope="module")
def site(real_build: Path) -> Path:
    return real_build / "site"


def clicks_from_home(site: Path, limit: int) -> dict[str, int]:
    """Pages reachable from the home page by following links in the page content."""
    seen = {"": 0}
    queue = deque([""])
    while queue:
        url = queue.popleft()
        if seen[url] == limit:
            continue
        for a in soup(site / url / "index.html").select("article a[href], .grid.cards a[href]"):
            href = a["href"].split("#")[0]
            if not href or "://" in href or href.startswith("mailto:"):
                continue
            target = posixpath.normpath(posixpath.join(url, href)).removeprefix(".")
            target = (target.rstrip("/") + "/").lstrip("/")
            if target not in seen and (site / target / "index.html").is_file():
                seen[target] = seen[url] + 1
                queue.append(target)
    return seen


def test_every_format_and_outcome_within_two_clicks_of_home(site: Path, hub: Site) -> None:
    reach = clicks_from_home(site, limit=2)
    for slug in hub.formats:
        assert f"formats/{slug}/" in reach, slug
    for outcome_id in OUTCOME_IDS:
        assert f"outcomes/{outcome_id}/" in reach, outcome_id


def test_group_pages_claim_no_more_than_their_sources(hub: Site) -> None:
    testing = hub.groups["testing-change-executive-directors"]
    assert testing.size.members is None  # its account says six to eight
    assert testing.facilitation is None  # a facilitator, paid or not: not said
    assert "troika-consulting" not in testing.formats  # listed among resources only
    staff = hub.groups["staff-plus-peer-group"]
    assert staff.challenges == []
    assert staff.facilitation is None
    for slug, group in hub.groups.items():
        assert group.running is None, slug  # no account says whether it still meets
        assert group.status in {"unknown", "ended"}, slug
        if group.credit:
            assert len(group.sources) >= 1, f"{slug}: a written-up account needs sources"


def test_texts_say_what_group_pages_are() -> None:
    home = (REPO / "docs" / "index.md").read_text()
    contribute = (REPO / "docs" / "contribute.md").read_text()
    assert "in their own words" not in home
    assert "summaries of published accounts" in home
    assert "a member of that group wrote" not in contribute
    assert "summaries of accounts" in contribute


@pytest.mark.parametrize(
    "invented",
    ["60–80%", "Meetings 1–3", "3–5 people, at least two", "| 1–3 months |", "each 6–12 months"],
)
def test_guides_hold_no_invented_figures(invented: str) -> None:
    for guide in [*GUIDES, REPO / "docs" / "index.md"]:
        assert invented not in guide.read_text(), guide.name


def test_charts_of_what_no_group_recorded_are_not_drawn(hub: Site) -> None:
    drawn = hub.charts
    assert drawn["lifespans"].recorded == 0  # no source says when its group started
    assert not drawn["lifespans"].enough
    assert drawn["outcomes"].enough
    # One of the six sources gives its group's size (Commonwealth alumni: study groups
    # of 15 to 20, not their number of members): too few for a chart of sizes.
    assert not drawn["sizes"].enough
    html = Components(hub).group_chart("lifespans", "guides/keep-it-going/")
    assert "<svg" not in html
    assert "not recorded by any group" in html


def test_only_files_the_hub_cannot_mean_are_called_strays(tmp_path: Path) -> None:
    """Content in any case, hidden files and the folder's README are left alone; the
    rest is named, by name."""
    groups = tmp_path / "groups"
    groups.mkdir()
    for name in ("a.yml", "b.YAML", ".DS_Store", "README.md", "notes.txt", "c.yml.bak", "Z"):
        (groups / name).write_text("x")
    found = [(p.path, p.severity) for p in stray_files(tmp_path, "groups")]
    assert found == [
        ("groups/Z", "warning"),
        ("groups/c.yml.bak", "warning"),
        ("groups/notes.txt", "warning"),
    ]
    assert list(stray_files(tmp_path, "formats")) == []  # no such folder
