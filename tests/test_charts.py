"""The home page's four charts, counted by hand from a small hub: every bar, the total,
what is drawn and what is not, and each bar's length. A private group counts nowhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from peerhub.decisions.charts import CHART_NAMES, Bar, Chart, charts, geometry
from peerhub.render.components import Components
from peerhub.render.project import load_site
from peerhub.site import Site

from conftest import make_project


def group(name: str, extra: str) -> str:
    return (
        f"name: {name}\nsummary: A test group.\nadded: 2025-01-15\nformats: [troika-consulting]\n"
        f"outcomes:\n  primary: support\n{extra}"
    )


GROUPS = {
    # 8 members, monthly, support, started 2024-01 and ended 2024-07 (half a year).
    "a.yml": group(
        "A circle", "size: {members: 8}\ncadence: monthly\nstarted: 2024-01\nended: 2024-07\n"
    ),
    # 12 at a meeting (no members), weekly, problem solving, 1.5 years (2023-01 to 2024-07).
    "b.yml": group(
        "B circle", "size: {attendance: 12}\ncadence: weekly\nstarted: 2023-01\nended: 2024-07\n"
    ).replace("primary: support", "primary: problem-solving"),
    # 40 invited only, monthly, support, no start: its lifespan is not recorded.
    "c.yml": group("C circle", "size: {invited: 40}\ncadence: monthly\n"),
    # Nothing recorded but the outcome; anonymous groups count too.
    "d.yml": group("D circle", "visibility: anonymous\nanonymous_id: k4r7tq2mzx9w\n"),
    # Private: counted in no chart, whatever it holds.
    "e.yml": group(
        "E circle",
        "visibility: private\nsize: {members: 9}\ncadence: weekly\n"
        "started: 2020-01\nended: 2026-01\n",
    ),
}


@pytest.fixture(scope="module")
def small_hub(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return load_site(make_project(tmp_path_factory.mktemp("charts") / "hub", groups=GROUPS))


def bars(chart: Chart) -> list[tuple[str, int]]:
    return [(bar.label, bar.count) for bar in chart.bars]


def test_each_chart_counts_the_published_groups_by_hand(small_hub: Site) -> None:
    found = charts(small_hub.published_views, small_hub.outcomes, small_hub.today)
    assert tuple(found) == CHART_NAMES  # what a guide's group_chart() call is checked against
    assert [(key, chart.key, chart.title) for key, chart in found.items()] == [
        ("sizes", "sizes", "Members per group"),
        ("cadences", "cadences", "How often groups meet"),
        ("outcomes", "outcomes", "Main outcome"),
        ("lifespans", "lifespans", "How long groups have run"),
    ]
    assert {chart.total for chart in found.values()} == {4}  # a, b, c and d; not e
    assert bars(found["sizes"]) == [
        ("Up to 8 members", 1),  # a: 8 members
        ("9 to 15", 1),  # b: 12 at a meeting
        ("16 to 30", 0),
        ("31 or more", 1),  # c: 40 invited
        ("Not recorded", 1),  # d
    ]
    assert bars(found["cadences"]) == [
        ("Weekly", 1),
        ("Every two weeks", 0),
        ("Monthly", 2),
        ("Every two months", 0),
        ("Quarterly", 0),
        ("Not recorded", 1),
    ]
    outcomes = dict(bars(found["outcomes"]))
    assert (outcomes["Support"], outcomes["Problem solving"]) == (3, 1)
    assert sum(outcomes.values()) == 4
    assert "Not recorded" not in outcomes  # every group has a main outcome
    assert bars(found["lifespans"]) == [
        ("Under a year", 1),  # a
        ("1 to 2 years", 1),  # b
        ("2 to 5 years", 0),
        ("5 years or more", 0),  # e ran six years, but it is private
        ("Not recorded", 2),  # c and d
    ]
    assert found["sizes"].total_shown == "3 of 4 groups"  # d recorded no size
    assert found["outcomes"].total_shown == "4 groups"


def test_a_chart_of_one_group_says_group() -> None:
    assert Chart("k", "T", (Bar("x", 1),), 1).total_shown == "1 group"
    assert Chart("k", "T", (Bar("x", 0),), 0).total_shown == "0 groups"


def test_a_chart_is_drawn_only_when_three_groups_recorded_it() -> None:
    assert not Chart("k", "T", (Bar("A", 0), Bar("Not recorded", 3)), 3).enough
    assert not Chart("k", "T", (Bar("A", 1), Bar("B", 1), Bar("Not recorded", 3)), 5).enough
    assert Chart("k", "T", (Bar("A", 2), Bar("B", 1), Bar("Not recorded", 9)), 12).enough
    assert Chart("k", "T", (Bar("A", 3),), 3).enough


def test_groups_that_did_not_record_it_are_no_bar_but_are_counted() -> None:
    """The biggest bar is never "Not recorded": the caption says how many recorded it."""
    chart = Chart("k", "T", (Bar("A", 1), Bar("B", 2), Bar("Not recorded", 5)), 8)
    assert [row["bar"].label for row in geometry(chart)["rows"]] == ["A", "B"]
    assert [row["share"] for row in geometry(chart)["rows"]] == [50.0, 100.0]
    assert (chart.recorded, chart.total_shown) == (3, "3 of 8 groups")


def test_bar_lengths_are_shares_of_the_longest() -> None:
    chart = Chart("k", "T", (Bar("A", 2), Bar("B", 3), Bar("C", 0)), 5)
    assert [row["share"] for row in geometry(chart)["rows"]] == [66.7, 100.0, 0.0]
    empty = Chart("k", "T", (Bar("A", 0),), 0)
    assert [row["share"] for row in geometry(empty)["rows"]] == [0.0]
    assert geometry(Chart("k", "T", (), 0)) == {"rows": []}


def test_the_chart_reads_its_numbers_aloud(small_hub: Site) -> None:
    html = BeautifulSoup(Components(small_hub).group_chart("cadences"), "html.parser")
    image = html.select_one("[role=img]")
    assert image["aria-label"] == (
        "How often groups meet (3 of 4 groups): Weekly: 1; Every two weeks: 0; Monthly: 2; "
        "Every two months: 0; Quarterly: 0"
    )
    assert html.select_one("figcaption").get_text() == (
        "How often groups meet: 3 of 4 groups. Add your group's."
    )
    widths = [rect["width"] for rect in html.select("rect")]
    assert widths == ["50.0%", "0.0%", "100.0%", "0.0%", "0.0%"]
    numbers = [[td.get_text() for td in tr("td")] for tr in html.select("details tbody tr")]
    assert numbers[-1] == ["Not recorded", "1"]  # the table keeps every group


def test_a_chart_two_groups_recorded_says_so_instead(small_hub: Site) -> None:
    html = BeautifulSoup(Components(small_hub).group_chart("lifespans"), "html.parser")
    assert html.select("svg") == []
    assert " ".join(html.get_text().split()) == (
        "How long groups have run: recorded by 2 of 4 groups so far, too few to chart. "
        "Share your group's."
    )


def test_a_hub_with_no_group_draws_nothing(tmp_path: Path) -> None:
    hub = load_site(make_project(tmp_path / "hub"))
    assert all(
        not chart.enough for chart in charts(hub.published_views, hub.outcomes, hub.today).values()
    )
    text = BeautifulSoup(Components(hub).group_chart("sizes"), "html.parser").get_text()
    assert "not recorded by any group on the hub yet" in text
