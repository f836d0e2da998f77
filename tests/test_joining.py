"""Joining a group: the badge and how to ask, the directory facet, the home page's
count and the feed's openings, in a built fixture hub (dated 2027-01-15).

Expected words are written out here from the issue's wording, not taken from the code.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from peerhub.content.groups import Group
from peerhub.decisions.joining import intake
from peerhub.decisions.masking import published
from peerhub.render.components import Components
from peerhub.render.project import load_site

from conftest import git_commit, make_project, mkdocs_build, soup

BASE = """\
summary: Six team leads who meet monthly to help each other.
added: 2025-01-15
outcomes:
  primary: support
"""
GROUPS = {
    "open-circle.yml": "name: Open circle\n"
    + BASE
    + """joining: open
next_intake: 2027-03
join_how: E-mail the contact with a line about your role.
contact:
  name: Dana Reyes
  email: dana@example.org
publish_contact: true
""",
    "asking-circle.yml": "name: Asking circle\n"
    + BASE
    + """joining: open
contact:
  email: asking@example.org
publish_contact: true
""",
    "waitlist-circle.yml": "name: Waitlist circle\n"
    + BASE
    + """joining: waitlist
next_intake: 2026-12
contact:
  email: kept@example.org
""",
    "closed-circle.yml": "name: Closed circle\n" + BASE + "joining: closed\nnext_intake: 2027-01\n",
    "quiet.yml": "name: Quiet circle\nvisibility: anonymous\nanonymous_id: k4r7tq2mzx9w\n"
    + BASE
    + "joining: open\n",
    "hidden.yml": "name: Hidden circle\nvisibility: private\n" + BASE + "joining: open\n",
    "unsaid-circle.yml": "name: Unsaid circle\n" + BASE,
}
HOME = "# Fixture hub\n\n{{ open_groups() }}\n"
EPOCH = "1800000000"  # 2027-01-15


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(
        tmp_path_factory.mktemp("joining") / "hub",
        groups=GROUPS,
        docs={"index.md": HOME},
        macros=("index.md",),
    )
    result = mkdocs_build(root, SOURCE_DATE_EPOCH=EPOCH)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def joining(site: Path, address: str) -> str | None:
    found = soup(site / "groups" / address / "index.html").select_one(".ph-joining")
    return " ".join(found.get_text(" ", strip=True).split()) if found else None


def test_an_open_group_with_a_published_contact_says_how_to_ask(site: Path) -> None:
    assert joining(site, "open-circle") == (
        "Open to new members Next intake: March 2027. "
        "How to ask: E-mail the contact with a line about your role."
    )
    page = soup(site / "groups" / "open-circle" / "index.html")
    assert page.select_one(".ph-joining .ph-badge--open").get_text() == "Open to new members"


def test_without_a_sentence_the_badge_points_at_the_published_contact(site: Path) -> None:
    assert joining(site, "asking-circle") == "Open to new members Ask the contact below."
    page = soup(site / "groups" / "asking-circle" / "index.html")
    assert page.select_one(".ph-joining a")["href"] == "#contact"
    assert page.select_one("#contact") is not None


def test_a_kept_contact_is_not_pointed_at_and_a_past_intake_is_not_shown(site: Path) -> None:
    assert joining(site, "waitlist-circle") == ("Waitlist The group has not published whom to ask.")


def test_a_closed_group_shows_its_next_intake_this_month(site: Path) -> None:
    assert joining(site, "closed-circle") == "Closed Next intake: January 2027."


def test_a_group_that_says_nothing_shows_no_badge(site: Path) -> None:
    assert joining(site, "unsaid-circle") is None


def test_an_anonymous_group_shows_the_badge_and_never_how_to_join(site: Path) -> None:
    assert joining(site, "anonymous-k4r7tq2mzx9w") == (
        "Open to new members The group is anonymous, so the hub cannot say whom to ask."
    )
    group = Group.model_validate(
        {
            "name": "Quiet circle",
            "visibility": "anonymous",
            "anonymous_id": "k4r7tq2mzx9w",
            "summary": "Six team leads.",
            "added": "2025-01-15",
            "outcomes": {"primary": "support"},
            "joining": "open",
            "join_how": "Ask Dana in the team leads channel.",
            "contact": {"name": "Dana"},
            "publish_contact": True,
        }
    )
    view = published("quiet", group, "Support")
    assert view is not None
    assert (view.joining, view.join_how, view.contact) == ("open", None, None)
    public = published("quiet", group.model_copy(update={"visibility": "public"}), "Support")
    assert public is not None
    assert public.join_how == "Ask Dana in the team leads channel."
    kept = group.model_copy(update={"visibility": "public", "publish_contact": False})
    shut = published("quiet", kept, "Support")
    assert shut is not None
    assert shut.join_how is None


def test_the_home_page_counts_the_open_groups_with_a_page(site: Path) -> None:
    # Open circle, Asking circle and the anonymous one; the private group has no page.
    count = soup(site / "index.html").select_one(".ph-open-count")
    assert count.get_text(" ", strip=True) == "3 groups are open to new members now."


def test_the_directory_shows_the_badge_and_offers_the_facet(site: Path) -> None:
    page = soup(site / "groups" / "index.html")
    rows = {
        row.select_one("a").get_text(): row.select("td")[-1].get_text(" ", strip=True)
        for row in page.select(".ph-directory tbody tr")
    }
    assert rows["Open circle"] == "Open to new members"  # no status recorded: the badge alone
    assert rows["Closed circle"] == "Closed"
    assert rows["Unsaid circle"] == "—"  # neither status nor joining recorded
    options = [o.get_text() for o in page.select("#filter-joining option")]
    assert options == ["Any", "Open to new members", "Waitlist", "Closed", "Not recorded"]
    data = json.loads((site / "assets" / "directory-data.json").read_text())
    facet = next(f for f in data["facets"] if f["name"] == "joining")
    assert [o["value"] for o in facet["options"]] == ["open", "waitlist", "closed", "unknown"]
    values = {row["name"]: row["values"]["joining"] for row in data["groups"]}
    assert values == {
        "Anonymous support peer group": ["open"],
        "Asking circle": ["open"],
        "Closed circle": ["closed"],
        "Open circle": ["open"],
        "Unsaid circle": ["unknown"],
        "Waitlist circle": ["waitlist"],
    }


def test_the_feed_notes_the_day_a_group_opened(tmp_path: Path) -> None:
    groups = {
        "open-circle.yml": GROUPS["open-circle.yml"].replace("joining: open", "joining: closed"),
        "quiet.yml": GROUPS["quiet.yml"],
    }
    root = make_project(tmp_path / "hub", groups=groups)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    git_commit(root, "2025-02-01T12:00:00Z", ".")
    opened_file = root / "groups" / "open-circle.yml"
    opened_file.write_text(GROUPS["open-circle.yml"])
    git_commit(root, "2026-09-10T12:00:00Z", "groups/open-circle.yml")
    opened_file.write_text(GROUPS["open-circle.yml"].replace("Six", "Seven"))
    git_commit(root, "2026-10-01T12:00:00Z", "groups/open-circle.yml")  # not about joining
    result = mkdocs_build(root, SOURCE_DATE_EPOCH=EPOCH)
    assert result.returncode == 0, result.stdout + result.stderr
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(root / "site" / "groups" / "feed.xml").getroot()
    entries = [
        (e.findtext(f"{atom}title"), e.findtext(f"{atom}updated"), e.findtext(f"{atom}summary"))
        for e in feed.iter(f"{atom}entry")
    ]
    assert entries == [
        (
            "Open to new members: Open circle",
            "2026-09-10T00:00:00Z",
            "Open circle is open to new members; next intake: March 2027.",
        ),
        (
            "Open circle",
            "2025-01-15T00:00:00Z",
            "Seven team leads who meet monthly to help each other.",
        ),
        (
            # An anonymous group's opening carries its added day, not a commit's.
            "Open to new members: Anonymous support peer group",
            "2025-01-15T00:00:00Z",
            "Anonymous support peer group is open to new members.",
        ),
        (
            "Anonymous support peer group",
            "2025-01-15T00:00:00Z",
            "Six team leads who meet monthly to help each other.",
        ),
    ]
    assert feed.findtext(f"{atom}updated") == "2026-09-10T00:00:00Z"
    links = [e.find(f"{atom}link").get("href") for e in feed.iter(f"{atom}entry")]
    assert links[0] == "https://peer-group-hub.example.org/groups/open-circle/#joining"
    assert links[1] == "https://peer-group-hub.example.org/groups/open-circle/"


@pytest.mark.parametrize(
    ("groups", "said"),
    [
        (
            {},
            "No group has said it is open to new members yet. Running one that takes new "
            "members? List your group and say how people can join. [contribute/]",
        ),
        (
            {"open-circle.yml": GROUPS["open-circle.yml"]},
            "1 group is open to new members now. Find a group to join [groups/?joining=open]",
        ),
    ],
)
def test_the_home_page_count_reads_for_none_and_for_one(
    tmp_path: Path, groups: dict[str, str], said: str
) -> None:
    hub = load_site(make_project(tmp_path / "hub", groups=groups))
    html = BeautifulSoup(str(Components(hub).open_groups()), "html.parser")
    links = [f"[{a['href']}]" for a in html.find_all("a")]
    assert " ".join([*html.get_text().split(), *links]) == said


@pytest.mark.parametrize(
    ("month", "shown"),
    [
        (None, None),
        ("", None),
        ("2027-04", None),  # last month: the place is no longer on offer
        ("2026-12", None),
        ("2027-05", "May 2027"),  # this month: still on offer
        ("2027-06", "June 2027"),
        ("2028-01", "January 2028"),
        ("2028-12", "December 2028"),
    ],
)
def test_the_next_intake_reads_as_a_month_until_that_month_has_passed(
    month: str | None, shown: str | None
) -> None:
    assert intake(month, dt.date(2027, 5, 15)) == shown
