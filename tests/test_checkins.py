"""Check-ins: their trends on a group's page, months running, and who sees them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from peerhub.content.groups import Group
from peerhub.content.rules import check_checkins
from peerhub.content.validation import validate
from peerhub.content.yamlsafe import load_bytes
from peerhub.decisions.checkins import Point, Trend, months_running, trends
from peerhub.decisions.views import CheckInView
from peerhub.render.components import Components
from peerhub.render.datafiles import generated_assets
from peerhub.render.project import check_project, load_site
from peerhub.render.trendchart import trend_figure

from conftest import VALID_GROUP, make_project
from sample_groups import CHECKINS, checkin_view, group_view


def page_of(tmp_path: Path, extra: str, visibility: str = "") -> BeautifulSoup:
    hub = load_site(
        make_project(tmp_path / "hub", groups={"example.yml": VALID_GROUP + extra + visibility})
    )
    (address,) = hub.published_views
    return BeautifulSoup(
        str(Components(hub).group_page(address, f"groups/{address}/")), "html.parser"
    )


def test_a_group_with_four_check_ins_shows_a_chart_and_a_table_per_measure(tmp_path: Path) -> None:
    page = page_of(tmp_path, CHECKINS)
    figures = page.select("figure.ph-trend")
    assert [f.figcaption.get_text() for f in figures] == [
        "Attendance: share of members at a meeting",
        "How well the meetings ran",
        "Progress on the main outcome",
        "How openly members speak",
    ]
    tables = {
        f.figcaption.get_text(): [
            [td.get_text() for td in tr.select("td")] for tr in f.select("tbody tr")
        ]
        for f in figures
    }
    assert tables["Attendance: share of members at a meeting"] == [
        ["2025-03-01", "75%"],
        ["2025-06-01", "88%"],
        ["2025-09-01", "75%"],
        ["2025-12-01", "90%"],
    ]
    assert [row[1] for row in tables["Progress on the main outcome"]] == [
        "2 of 5",
        "3 of 5",
        "4 of 5",
        "4 of 5",
    ]
    for figure in figures:
        svg = figure.svg
        assert svg["role"] == "img"
        assert len(svg.select("circle")) == 4
        assert len(svg.select("line.ph-trend__line")) == 3  # from each check-in to the next
        assert svg.title.get_text() == figure.figcaption.get_text()
        assert svg.desc.get_text().startswith("2025-03-01: ")
        assert not svg.get("viewBox")  # drawn at the page's scale: its numbers never grow
        assert [t.get_text() for t in svg.select("text")] == (
            ["100", "0"] if figure is figures[0] else ["5", "0"]
        )
    circles = figures[1].svg.select("circle")
    assert all(c["cx"].endswith("%") and c["cy"].endswith("%") for c in circles)
    dots = [(float(c["cx"][:-1]), float(c["cy"][:-1])) for c in circles]
    assert dots[0][0] < dots[1][0] < dots[2][0] < dots[3][0]  # later check-ins to the right
    assert dots[0][1] > dots[1][1] > dots[3][1]  # better ratings higher up
    lead = page.find(id="check-ins").find_next("p").get_text()
    assert lead == "4 check-ins, from 2025-03-01 to 2025-12-01. Still meeting after 11 months."
    notes = [li.get_text() for li in page.select("#check-in-notes + ul li")]
    assert notes == ["2025-09-01: Two new members joined after the summer."]


def test_a_group_without_check_ins_says_so(tmp_path: Path) -> None:
    page = page_of(tmp_path, "")
    assert page.find(id="check-ins").find_next("p").get_text().startswith("No check-ins yet.")
    assert not page.select("figure.ph-trend")


def test_dots_sit_on_the_scale_of_their_measure() -> None:
    (attendance, process, _, _) = trends(
        [
            checkin_view(c)
            for c in [
                {
                    "date": "2025-01-01",
                    "members": 10,
                    "attendance": 10,
                    "process": 5,
                    "results": 1,
                    "safety": 1,
                },
                {
                    "date": "2025-02-01",
                    "members": 10,
                    "attendance": 0,
                    "process": 1,
                    "results": 1,
                    "safety": 1,
                },
            ]
        ]
    )
    # In percent of the chart: the plot runs from 3 to 97 across and from 8 to 92 down.
    assert [(p.x, p.y) for p in attendance.points] == [(3, 8), (97, 92)]
    assert [p.y for p in process.points] == [8, 75.2]
    assert attendance.segments == ((attendance.points[0], attendance.points[1]),)
    (single, *_) = trends(
        [
            checkin_view(c)
            for c in [
                {
                    "date": "2025-01-01",
                    "members": 4,
                    "attendance": 2,
                    "process": 3,
                    "results": 3,
                    "safety": 3,
                }
            ]
        ]
    )
    assert [(p.x, p.shown) for p in single.points] == [(50, "50%")]
    assert single.segments == ()


def checkin(day: str, members: int = 6, attendance: float = 5) -> CheckInView:
    fields = {"members": members, "meetings": 2, "attendance": attendance}
    return checkin_view({"date": day, **fields, "process": 3, "results": 3, "safety": 3})


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"started": None, "ended": None, "running": True, "checkins": []}, None),
        ({"started": "2024-01", "ended": "2025-07", "running": None, "checkins": []}, 18),
        (
            {
                "started": "2024-01-15",
                "ended": None,
                "running": None,
                "checkins": [checkin("2024-04-14")],
            },
            2,
        ),
        (
            {
                "started": "2024-01-15",
                "ended": None,
                "running": None,
                "checkins": [checkin("2024-04-15")],
            },
            3,
        ),
        ({"started": "2024", "ended": None, "running": True, "checkins": []}, 22),
        ({"started": "2024", "ended": None, "running": None, "checkins": []}, None),
        ({"started": "2025-11", "ended": None, "running": True, "checkins": []}, 0),
    ],
)
def test_months_running(fields: dict[str, object], expected: int | None) -> None:
    assert months_running(group_view(**fields), dt.date(2025, 11, 30)) == expected


def test_check_ins_are_in_the_api_for_public_and_anonymous_groups_only(tmp_path: Path) -> None:
    anonymous = (
        VALID_GROUP.replace("Example circle", "Quiet circle")
        + CHECKINS
        + ("visibility: anonymous\nanonymous_id: q7w2e9r4t5y8\n")
    )
    private = (
        VALID_GROUP.replace("Example circle", "Hidden circle") + CHECKINS + "visibility: private\n"
    )
    groups = {"example.yml": VALID_GROUP + CHECKINS, "quiet.yml": anonymous, "hidden.yml": private}
    hub = load_site(make_project(tmp_path / "hub", groups=groups))
    records = json.loads(dict(generated_assets(hub, "https://hub.example/"))["api/groups.json"])
    assert len(records) == 2
    for record in records:
        assert [c["date"] for c in record["checkins"]] == [
            "2025-03-01",
            "2025-06-01",
            "2025-09-01",
            "2025-12-01",
        ]
        assert record["checkins"][2]["attendance"] == 7.5


def test_an_anonymous_groups_check_in_note_may_not_name_it(tmp_path: Path) -> None:
    text = (
        VALID_GROUP
        + CHECKINS.replace("Two new members", "Example circle gained two members")
        + ("visibility: anonymous\nanonymous_id: q7w2e9r4t5y8\n")
    )
    _, problems = check_project(make_project(tmp_path / "hub", groups={"example.yml": text}))
    found = [p for p in problems if p.field == "checkins[3].note"]
    assert len(found) == 1
    assert "its name ('example circle')" in found[0].message


def test_points_keep_one_decimal_and_the_measures_keep_their_keys() -> None:
    measures = trends([checkin("2025-01-01", 3, 1), checkin("2025-01-11"), checkin("2025-01-31")])
    assert [t.key for t in measures] == ["attendance", "process", "results", "safety"]
    attendance = measures[0]
    # Day 10 of 30: 3 + 94 / 3 = 34.33; a third of members, rounded to 33%: 8 + 84 * 0.67.
    assert [p.x for p in attendance.points] == [3, 34.3, 97]
    assert attendance.points[0].y == 64.3
    assert attendance.points[0].shown == "33%"


def test_check_ins_a_day_apart_span_the_whole_chart() -> None:
    (attendance, *_) = trends([checkin("2025-01-01"), checkin("2025-01-02")])
    assert [p.x for p in attendance.points] == [3, 97]


def rule_findings(checkins: str) -> list[tuple[str, str]]:
    text = VALID_GROUP + "started: 2026-03\nrunning: true\ncheckins:\n" + checkins
    group, problems = validate(load_bytes(text.encode(), "g.yml"), Group)
    assert group is not None, problems
    today = dt.date(2026, 6, 1)
    return [(".".join(map(str, loc)), message) for loc, message, _ in check_checkins(group, today)]


ROW = "  - {date: %s, members: 6, meetings: 2, attendance: %s, process: 3, results: 3, safety: 3}\n"


def test_check_ins_on_the_edges_are_accepted() -> None:
    """The day the group started, all members present, and today are all allowed."""
    assert rule_findings(ROW % ("2026-03-01", 6) + ROW % ("2026-06-01", 6)) == []


def test_a_check_in_on_the_same_day_as_the_one_above_is_refused() -> None:
    assert rule_findings(ROW % ("2026-04-01", 5) + ROW % ("2026-04-01", 5)) == [
        (
            "checkins.1.date",
            "2026-04-01 is not after the check-in above it (2026-04-01); "
            "list check-ins oldest first",
        )
    ]


def test_a_trend_figure_draws_every_point_and_escapes_every_text() -> None:
    """Two check-ins 90 days apart, worked out by hand: the line from the first to the
    second, a dot at each, both in the table; a title's markup is printed as text."""
    first, second = Point("2026-01-10", "80%", 3.0, 24.8), Point("2026-04-10", "60%", 97.0, 41.6)
    trend = Trend(
        "attendance", "Attendance: <b>share</b>", 100, (first, second), ((first, second),)
    )
    figure = BeautifulSoup(str(trend_figure(trend)), "html.parser").figure
    assert figure.svg.title.get_text() == "Attendance: <b>share</b>"
    assert figure.svg.desc.get_text() == "2026-01-10: 80%; 2026-04-10: 60%"
    line = figure.select_one("line.ph-trend__line")
    assert [line[a] for a in ("x1", "y1", "x2", "y2")] == ["3.0%", "24.8%", "97.0%", "41.6%"]
    assert [(c["cx"], c["cy"]) for c in figure.select("circle")] == [
        ("3.0%", "24.8%"),
        ("97.0%", "41.6%"),
    ]
    assert [t.get_text() for t in figure.select("text")] == ["100", "0"]
    assert [[td.get_text() for td in tr.select("td")] for tr in figure.select("tbody tr")] == [
        ["2026-01-10", "80%"],
        ["2026-04-10", "60%"],
    ]
    assert figure.select_one("thead th:nth-of-type(2)").get_text() == "Attendance"
    assert "<b>" not in str(figure)
