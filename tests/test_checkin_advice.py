"""What a group's page and /evaluate/ suggest when a check-in measure is low or falling.

Every expected value here is worked out by hand from the thresholds in
`src/peerhub/decisions/data/checkin_advice.yml`: attendance is low below 60% of members and
falling when it drops by 15 percentage points or more; a rating is low at 2 of 5 or
less and falling when it drops by 1 point or more since the check-in before.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from peerhub.content.validation import validate
from peerhub.content.yamlsafe import load_bytes
from peerhub.decisions.advice import (
    AdviceFile,
    advice_for,
    advice_rules,
    condition,
    measures,
)
from peerhub.decisions.views import CheckInView

from conftest import REPO, VALID_GROUP, make_project, mkdocs_build, soup
from sample_groups import checkin_view


def checkin(
    members: int,
    attendance: float,
    *,
    process: int = 4,
    results: int = 4,
    safety: int = 4,
    day: str = "2025-06-01",
) -> CheckInView:
    """A published check-in as a group page's view holds it."""
    fields = {"members": members, "meetings": 3, "attendance": attendance}
    return checkin_view(
        {"date": day, **fields, "process": process, "results": results, "safety": safety}
    )


def fired(checkins: list[CheckInView]) -> list[tuple[str, str]]:
    return [(a.rule.measure, a.rule.when) for a in advice_for(checkins)]


# The rules as data


def test_the_rules_and_their_thresholds_are_the_documented_ones() -> None:
    assert [(r.measure, r.when, r.below, r.by) for r in advice_rules()] == [
        ("attendance", "low", 60, None),
        ("attendance", "falling", None, 15),
        ("process", "low", 3, None),
        ("process", "falling", None, 1),
        ("results", "low", 3, None),
        ("results", "falling", None, 1),
        ("safety", "low", 3, None),
        ("safety", "falling", None, 1),
    ]
    assert [condition(r) for r in advice_rules()] == [
        "below 60% of members at the latest check-in",
        "down by 15 percentage points or more since the check-in before",
        "marked 2 of 5 or less at the latest check-in",
        "down by 1 point or more since the check-in before",
        "marked 2 of 5 or less at the latest check-in",
        "down by 1 point or more since the check-in before",
        "marked 2 of 5 or less at the latest check-in",
        "down by 1 point or more since the check-in before",
    ]


def test_attendance_is_an_exact_share_of_members() -> None:
    """6 of 10 is 60% exactly (a float gives 59.99...), 6.5 of 8 is 81.25%."""
    assert measures(checkin(10, 6))["attendance"] == 60
    assert measures(checkin(8, 6.5))["attendance"] == Fraction(8125, 100)


def test_a_rating_that_falls_by_two_says_points_and_a_low_mark_of_4_5_means_4() -> None:
    """A maintainer may set other thresholds: the words follow them (ratings are whole
    marks, so "below 4.5" holds for a mark of 4 or less)."""
    low, falling = (
        rule.model_copy(update=change)
        for rule, change in zip(
            [r for r in advice_rules() if r.measure == "safety"],
            [{"below": 4.5}, {"by": 2}],
            strict=True,
        )
    )
    assert condition(low) == "marked 4 of 5 or less at the latest check-in"
    assert condition(falling) == "down by 2 points or more since the check-in before"


def test_each_suggestion_points_where_the_issue_says() -> None:
    sources = {(r.measure, r.when): (r.source.file, r.source.anchor) for r in advice_rules()}
    assert sources == {
        ("attendance", "low"): ("docs/guides/run-a-meeting.md", "before-the-meeting"),
        ("attendance", "falling"): ("docs/guides/keep-it-going.md", "when-attendance-lapses"),
        ("process", "low"): ("docs/guides/lead-and-facilitate.md", "roles-in-a-meeting"),
        ("process", "falling"): ("docs/guides/run-a-meeting.md", "during-the-meeting"),
        ("results", "low"): ("docs/guides/choose-an-outcome.md", "how-to-choose"),
        ("results", "falling"): ("docs/guides/provide-value.md", "check-the-group-is-delivering"),
        ("safety", "low"): ("formats/peer-coaching-group.yml", "preparation"),
        ("safety", "falling"): ("docs/guides/provide-value.md", "start-with-safety"),
    }
    pages = {r.source.file: r.source.page for r in advice_rules()}
    assert pages["docs/guides/keep-it-going.md"] == "guides/keep-it-going/"
    assert pages["formats/peer-coaching-group.yml"] == "formats/peer-coaching-group/"


def words(text: str) -> str:
    """Text with its line breaks and runs of spaces made single spaces."""
    return " ".join(text.split())


#: Every measure and condition; the rules are read when a test runs, never at import.
KEYS = [(m, w) for m in ("attendance", "process", "results", "safety") for w in ("low", "falling")]


@pytest.mark.parametrize("key", KEYS, ids="-".join)
def test_every_quote_is_in_its_file_under_its_heading(key: tuple[str, str]) -> None:
    source = {(r.measure, r.when): r for r in advice_rules()}[key].source
    text = (REPO / source.file).read_text(encoding="utf-8")
    assert source.quote in words(text), f"{source.file} no longer says: {source.quote}"
    if source.file.endswith(".md"):
        # The quote sits in the section the link goes to: from its heading to the next.
        heading = f"\n## {source.section}\n"
        assert heading in text, f"{source.file} has no heading '## {source.section}'"
        section = text.split(heading, 1)[1].split("\n#", 1)[0]
        assert source.quote in words(section)
        assert f"\n# {source.title}\n" in text


RULE = """\
rules:
  - measure: safety
    when: {when}
    {threshold}
    suggestion: Agree the ground rules again.
    source:
      file: {file}
      title: Provide value
      section: Start with safety
      anchor: start-with-safety
      quote: Write the agreement down.
"""


@pytest.mark.parametrize(
    ("when", "threshold", "file", "message"),
    [
        ("low", "by: 1", "docs/guides/provide-value.md", "a 'low' rule takes 'below'"),
        ("falling", "below: 3", "docs/guides/provide-value.md", "a 'falling' rule takes 'by'"),
        ("low", "below: 6", "docs/guides/provide-value.md", "more than safety can be (5)"),
        ("low", "below: 1", "docs/guides/provide-value.md", "can never hold"),
        ("low", "below: 3", "docs/provide-value.md", "expected a guide (docs/guides/<slug>.md)"),
    ],
)
def test_a_rule_that_cannot_work_is_refused(
    when: str, threshold: str, file: str, message: str
) -> None:
    text = RULE.format(when=when, threshold=threshold, file=file)
    model, problems = validate(load_bytes(text.encode(), "advice.yml"), AdviceFile)
    assert model is None
    assert any(message in p.message for p in problems), problems


def test_two_rules_for_the_same_measure_and_condition_are_refused() -> None:
    rule = RULE.format(when="low", threshold="below: 3", file="docs/guides/provide-value.md")
    twice = rule + rule.removeprefix("rules:\n")
    model, problems = validate(load_bytes(twice.encode(), "advice.yml"), AdviceFile)
    assert model is None
    assert any("more than one rule for safety low" in p.message for p in problems), problems


# Hand-worked cases


def test_attendance_that_fell_from_7_of_8_to_4_of_8_gets_the_attendance_suggestions() -> None:
    found = advice_for([checkin(8, 7, day="2025-03-01"), checkin(8, 4)])
    # 7 of 8 is 87.5%, 4 of 8 is 50%: below 60%, and down 37.5 points.
    assert [(a.rule.measure, a.rule.when) for a in found] == [
        ("attendance", "low"),
        ("attendance", "falling"),
    ]
    low, falling = found
    assert low.heading == "Attendance is low"
    assert low.why == "At the latest check-in, attendance was 50% of members."
    assert falling.heading == "Attendance is falling"
    assert falling.why == "Attendance fell from 88% to 50% of members since the check-in before."
    assert falling.rule.source.section == "When attendance lapses"


def test_safety_marked_2_gets_the_ground_rules_suggestion() -> None:
    (found,) = advice_for([checkin(8, 7, safety=2)])
    assert (found.rule.measure, found.rule.when) == ("safety", "low")
    assert found.why == "At the latest check-in, the safety rating was 2 of 5."
    assert "confidentiality" in found.rule.source.quote


def test_a_group_where_every_measure_is_fine_gets_no_suggestion() -> None:
    assert fired([checkin(8, 7, day="2025-03-01"), checkin(8, 7)]) == []
    assert fired([checkin(10, 6, process=3, results=3, safety=3)]) == []
    assert fired([]) == []


def test_a_single_check_in_can_be_low_but_never_falling() -> None:
    assert fired([checkin(10, 5, process=1, results=2)]) == [
        ("attendance", "low"),
        ("process", "low"),
        ("results", "low"),
    ]


def test_only_the_latest_two_check_ins_count() -> None:
    old_drop = [checkin(8, 8, day="2025-01-01"), checkin(8, 5, safety=1, day="2025-03-01")]
    assert fired([*old_drop, checkin(8, 6)]) == []  # 75%, up from 62.5%; safety back to 4


@pytest.mark.parametrize(
    ("before", "latest", "expected"),
    [
        # Attendance low: below 60% of members.
        (None, checkin(10, 6), []),  # 60%: at the threshold
        (None, checkin(10, 5.9), [("attendance", "low")]),  # 59%
        (None, checkin(5, 3), []),  # 60%
        (None, checkin(17, 10.2), []),  # exactly 60% (a float would make it 59.999...%)
        # Attendance falling: down 15 points or more.
        (checkin(10, 8), checkin(10, 6.5), [("attendance", "falling")]),  # 80% to 65%: 15
        (checkin(10, 8), checkin(10, 6.6), []),  # 80% to 66%: 14
        (checkin(6, 4.6), checkin(6, 3.7), [("attendance", "falling")]),  # 76.7% to 61.7%: 15
        (checkin(10, 6), checkin(10, 8), []),  # up
        # Ratings low: 2 or less.
        (None, checkin(8, 7, process=3), []),
        (None, checkin(8, 7, process=2), [("process", "low")]),
        (None, checkin(8, 7, results=3), []),
        (None, checkin(8, 7, results=2), [("results", "low")]),
        (None, checkin(8, 7, safety=3), []),
        (None, checkin(8, 7, safety=2), [("safety", "low")]),
        # Ratings falling: down 1 point or more.
        (checkin(8, 7, process=5), checkin(8, 7, process=4), [("process", "falling")]),
        (checkin(8, 7, results=4), checkin(8, 7, results=3), [("results", "falling")]),
        (checkin(8, 7, safety=5), checkin(8, 7, safety=3), [("safety", "falling")]),
        (checkin(8, 7, safety=3), checkin(8, 7, safety=4), []),  # up
        # Both at once: from 3 to 2 is low and falling.
        (
            checkin(8, 7, safety=3),
            checkin(8, 7, safety=2),
            [("safety", "low"), ("safety", "falling")],
        ),
    ],
)
def test_thresholds_at_the_edge_and_one_step_past_it(
    before: CheckInView | None, latest: CheckInView, expected: list[tuple[str, str]]
) -> None:
    assert fired(
        [latest] if before is None else [replace(before, date=dt.date(2025, 3, 1)), latest]
    ) == (expected)


def test_a_falling_rating_says_from_what_to_what() -> None:
    (found,) = advice_for([checkin(8, 7, results=5, day="2025-03-01"), checkin(8, 7, results=3)])
    assert found.why == "Results rating fell from 5 to 3 of 5 since the check-in before."
    assert found.heading == "Results rating is falling"


# The built site


def group(name: str, checkins: str, extra: str = "") -> str:
    text = VALID_GROUP.replace("Example circle", name)
    return text + extra + "started: 2025-01\nrunning: true\ncheckins:\n" + checkins


def row(day: str, attendance: float, safety: int, ratings: int = 4) -> str:
    """One check-in of a group of 8, in the group file's flow style."""
    counts = f"members: 8, meetings: 3, attendance: {attendance}"
    return (
        f"  - {{date: {day}, {counts}, process: {ratings}, results: {ratings}, safety: {safety}}}\n"
    )


GROUPS = {
    # The guide on scope shows this group's card.
    "staff-plus-peer-group.yml": (REPO / "groups" / "staff-plus-peer-group.yml").read_text(),
    "falling-circle.yml": group(
        "Falling circle", row("2025-03-01", 7, 4) + row("2025-06-01", 4, 4)
    ),
    "steady-circle.yml": group("Steady circle", row("2025-03-01", 7, 4) + row("2025-06-01", 7, 4)),
    "quiet.yml": group(
        "Quiet circle",
        row("2025-06-01", 7, 2),
        "visibility: anonymous\nanonymous_id: q7w2e9r4t5y8\n",
    ),
    # A private group whose check-ins would trigger every rule; its dates are markers.
    "hidden.yml": group(
        "Hidden circle",
        row("2025-04-17", 8, 5, 5) + row("2025-07-23", 1, 1, 1),
        "visibility: private\n",
    ),
}
GUIDES = sorted((REPO / "docs" / "guides").glob("*.md"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    docs = {f"guides/{p.name}": p.read_text(encoding="utf-8") for p in GUIDES}
    for page in ("evaluate/index.md", "evaluate/sheet.md", "contribute.md"):
        docs[page] = (REPO / "docs" / page).read_text(encoding="utf-8")
    root = make_project(
        tmp_path_factory.mktemp("advice") / "hub",
        groups=GROUPS,
        docs=docs,
        macros=(*(f"guides/{p.name}" for p in GUIDES), "evaluate/index.md", "evaluate/sheet.md"),
    )
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def page(site: Path, url: str) -> BeautifulSoup:
    return soup(site / url / "index.html")


def follow(site: Path, url: str, href: str) -> tuple[Path, str]:
    """The built file a link on the page at `url` leads to, and its fragment."""
    path, _, fragment = href.partition("#")
    target = site / posixpath.normpath(posixpath.join(url, path))
    return (target / "index.html" if target.is_dir() else target), fragment


def section_text(heading: Tag) -> str:
    """The words from a heading to the next heading of its level or above."""
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name in {"h1", "h2"}:
            break
        parts.append(sibling.get_text(" "))
    return words(" ".join(parts))


def check_links(site: Path, url: str, items: list[Tag]) -> int:
    """Each item's source link leads to a built page, to a heading on it, and to the
    section holding the quoted sentence; returns how many links were followed."""
    followed = 0
    for item in items:
        source = item.select_one(".ph-advice__source")
        quote = source.get_text().split("”")[0].removeprefix("“")
        target, anchor = follow(site, url, source.a["href"])
        assert target.is_file(), source.a["href"]
        heading = soup(target).find(id=anchor)
        assert heading is not None, f"{source.a['href']}: no #{anchor}"
        assert heading.name == "h2"
        assert quote in section_text(heading), f"{source.a['href']}: {quote}"
        # The link names the page and the heading as they read on the built site.
        rule = {r.source.quote: r for r in advice_rules()}[quote]
        title, section = rule.source.title, rule.source.section
        assert source.a.get_text() == f"{title}: {section}"
        assert heading.get_text().removesuffix("¶").strip() == section
        assert soup(target).h1.get_text().removesuffix("¶").strip() == title
        followed += 1
    return followed


def test_a_falling_groups_page_shows_the_attendance_suggestions(site: Path) -> None:
    url = "groups/falling-circle/"
    body = page(site, url)
    items = body.select("#what-to-try ~ ul.ph-advice > li")
    assert [li.p.strong.get_text() for li in items] == [
        "Attendance is low.",
        "Attendance is falling.",
    ]
    assert (
        items[1]
        .p.get_text()
        .startswith(
            "Attendance is falling. Attendance fell from 88% to 50% of members since the check-in "
            "before. Ask the convener"
        )
    )
    links = [li.select_one(".ph-advice__source a")["href"] for li in items]
    assert links == [
        "../../guides/run-a-meeting/#before-the-meeting",
        "../../guides/keep-it-going/#when-attendance-lapses",
    ]
    assert items[1].select_one(".ph-advice__source a").get_text() == (
        "Keep it going and end well: When attendance lapses"
    )
    assert check_links(site, url, items) == 2
    lead = body.find(id="what-to-try").find_next("p")
    target, anchor = follow(site, url, lead.a["href"])
    assert soup(target).find(id=anchor).get_text().startswith("When a measure is low or falling")


def test_a_steady_groups_page_says_nothing_stands_out(site: Path) -> None:
    body = page(site, "groups/steady-circle/")
    assert not body.select(".ph-advice")
    line = body.find(id="what-to-try").find_next("p").get_text()
    assert line == (
        "Nothing stands out at the latest check-in (2025-06-01): no measure is low or falling "
        "(what would stand out)."
    )


def test_an_anonymous_groups_page_shows_the_safety_suggestion(site: Path) -> None:
    url = "groups/anonymous-q7w2e9r4t5y8/"
    items = page(site, url).select("ul.ph-advice > li")
    assert [li.p.strong.get_text() for li in items] == ["Safety rating is low."]
    assert items[0].select_one(".ph-advice__source a")["href"] == (
        "../../formats/peer-coaching-group/#preparation"
    )
    assert check_links(site, url, items) == 1


def test_the_evaluation_kit_lists_every_rule_with_its_source(site: Path) -> None:
    body = page(site, "evaluate/")
    rules = body.select_one("#when-a-measure-is-low-or-falling ~ dl.ph-advice-rules")
    assert [dt.get_text() for dt in rules.select("dt")] == [
        "Attendance is low: below 60% of members at the latest check-in",
        "Attendance is falling: down by 15 percentage points or more since the check-in before",
        "Process rating is low: marked 2 of 5 or less at the latest check-in",
        "Process rating is falling: down by 1 point or more since the check-in before",
        "Results rating is low: marked 2 of 5 or less at the latest check-in",
        "Results rating is falling: down by 1 point or more since the check-in before",
        "Safety rating is low: marked 2 of 5 or less at the latest check-in",
        "Safety rating is falling: down by 1 point or more since the check-in before",
    ]
    assert check_links(site, "evaluate/", rules.select("dd")) == 8


def test_a_private_groups_check_ins_appear_on_no_page(site: Path) -> None:
    assert not (site / "groups" / "hidden").exists()
    pages = sorted(p.parent.name for p in (site / "groups").glob("*/index.html"))
    assert "hidden" not in pages
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".xml", ".txt"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "2025-07-23" not in text, path
            assert "Hidden circle" not in text, path
