"""Evidence for formats and designs: the rules /evaluate/ states, on the pages, in the
picker (Chromium) and in /api/evidence.json. Expected figures are worked out by hand
from the groups below, not by the code under test."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from bs4 import BeautifulSoup

from peerhub.decisions.evidence import evidence_for
from peerhub.decisions.views import GroupView
from peerhub.render.components import Components
from peerhub.render.datafiles import generated_assets
from peerhub.render.project import load_site
from peerhub.render.schema import schemas
from peerhub.site import Site

from conftest import golden_json, make_project, needs_chromium, served, soup
from sample_groups import group_view

TODAY = dt.date(2026, 1, 15)


def view(
    *,
    started: str | None = "2024-01",
    ended: str | None = None,
    running: bool | None = True,
    checkins: list[dict[str, Any]] | None = None,
) -> GroupView:
    """A published view as `masking.published_views` gives it, with what counts set."""
    return group_view(started=started, ended=ended, running=running, checkins=checkins or [])


def checkin(members: int, attendance: float, process: int, results: int, safety: int) -> dict:
    return {
        "date": "2025-12-01",
        "members": members,
        "attendance": attendance,
        "process": process,
        "results": results,
        "safety": safety,
    }


@pytest.mark.parametrize(
    ("count", "level"), [(0, "untried"), (1, "tried"), (2, "tried"), (3, "established")]
)
def test_maturity_follows_the_stated_thresholds(count: int, level: str) -> None:
    found = evidence_for([view() for _ in range(count)], TODAY)
    assert (found.level, found.groups) == (level, count)


def test_a_higher_min_groups_setting_raises_every_threshold_but_maturity() -> None:
    four = [view(checkins=[checkin(8, 6, 4, 4, 4)]) for _ in range(4)]
    found = evidence_for(four, TODAY, least=5)
    assert (found.level, found.groups, found.checked) == ("established", 4, 0)
    assert found.medians is None
    assert found.texts("format")["medians"] == (
        "Check-in medians: fewer than 5 groups with check-ins so far."
    )
    assert evidence_for([view()], TODAY, least=1).least == 3  # never below 3


def test_medians_need_three_groups_with_check_ins() -> None:
    two = evidence_for(
        [view(checkins=[checkin(8, 6, 4, 3, 5)]), view(checkins=[checkin(8, 8, 3, 4, 4)]), view()],
        TODAY,
    )
    assert (two.level, two.checked, two.medians) == ("established", 0, None)
    assert "fewer than 3 groups" in two.texts("design")["medians"]
    three = evidence_for(
        [
            view(checkins=[checkin(8, 2, 1, 1, 1), checkin(8, 6, 4, 3, 5)]),  # latest counts
            view(checkins=[checkin(8, 8, 3, 4, 4)]),
            view(checkins=[checkin(10, 5, 5, 2, 3)]),
        ],
        TODAY,
    )
    assert three.checked == 3
    # Attendance rates 75%, 100%, 50%; process 4, 3, 5; results 3, 4, 2; safety 5, 4, 3.
    assert three.medians is not None
    assert three.medians.model_dump() == {"attendance": 75, "process": 4, "results": 3, "safety": 4}
    four = evidence_for([view(checkins=[checkin(8, 4, n, n, n)]) for n in (1, 2, 4, 5)], TODAY)
    assert four.medians is not None
    assert four.medians.model_dump() == {"attendance": 50, "process": 3, "results": 3, "safety": 3}


def test_long_running_counts_months_to_the_end_the_last_check_in_or_today() -> None:
    groups = [
        view(started="2024-01", ended="2025-02", running=None),  # 13 months
        view(started="2025-06", running=True),  # 7 months to today
        view(started="2024-11", running=None, checkins=[checkin(8, 6, 4, 4, 4)]),  # 13
        view(started="2024-01-20", ended="2025-01-19", running=None),  # 11 whole months
    ]
    found = evidence_for(groups, TODAY)
    assert found.long_running == 2
    assert found.texts("format")["lasting"] == "2 of 4 ran 12 months or more."


def test_evaluate_states_the_rules_as_reviewed(hub: Site) -> None:
    html = BeautifulSoup(Components(hub).evidence_rules("evaluate/"), "html.parser")
    rules = [(dt_.get_text(), dt_.find_next_sibling("dd").get_text()) for dt_ in html.select("dt")]
    golden_json("evidence-rules.json", rules)


# A hub whose groups make every case of the rules visible on its pages.
def group(name: str, formats: str, outcome: str, extra: str = "", members: int = 8) -> str:
    return (
        f"name: {name}\nsummary: A test group.\nadded: 2025-01-15\nformats: [{formats}]\n"
        f"outcomes:\n  primary: {outcome}\nsize:\n  members: {members}\n{extra}"
    )


def checkins(*rows: tuple[str, int, float, int, int, int]) -> str:
    lines = ["checkins:"]
    for day, members, attendance, process, results, safety in rows:
        lines.append(
            f"  - {{date: {day}, members: {members}, meetings: 3, attendance: {attendance}, "
            f"process: {process}, results: {results}, safety: {safety}}}"
        )
    return "\n".join(lines) + "\n"


GROUPS = {
    # Three problem-solving groups of 8 on troika consulting and case clinic, all checked in.
    "first.yml": group(
        "First circle",
        "troika-consulting, case-clinic",
        "problem-solving",
        "started: 2024-01\nrunning: true\n"
        + checkins(("2025-03-01", 8, 2, 1, 1, 1), ("2025-06-01", 8, 6, 4, 3, 5)),
    ),
    "second.yml": group(
        "Second circle",
        "troika-consulting, case-clinic",
        "problem-solving",
        "started: 2025-01\nrunning: true\nvisibility: anonymous\nanonymous_id: q7w2e9r4t5y8\n"
        + checkins(("2025-06-01", 8, 8, 3, 4, 4)),
    ),
    "third.yml": group(
        "Third circle",
        "troika-consulting, case-clinic",
        "problem-solving",
        "started: 2024-02\nended: 2025-03\n" + checkins(("2025-03-01", 10, 5, 5, 2, 3)),
    ),
    # Two groups on peer assist: too few for medians.
    "fourth.yml": group(
        "Fourth circle", "peer-assist", "support", checkins(("2025-06-01", 20, 10, 4, 4, 4)), 20
    ),
    "fifth.yml": group(
        "Fifth circle", "peer-assist", "support", checkins(("2025-06-01", 20, 12, 3, 3, 3)), 20
    ),
    # A private group alone on mastermind: it must not make the format "tried".
    "sixth.yml": group("Sixth circle", "mastermind-group", "support", "visibility: private\n", 20),
}

TROIKA = [
    "Established: 3 groups in the hub use this format.",
    "2 of 3 ran 12 months or more.",
    "Medians of the latest check-ins of 3 groups: attendance 75% of members; how well the "
    "meetings ran 4 of 5, progress on the main outcome 3 of 5, how openly members speak 4 of 5.",
]
PEER_ASSIST = [
    "Tried: 2 groups in the hub use this format.",
    "0 of 2 ran 12 months or more.",
    "Check-in medians: fewer than 3 groups with check-ins so far.",
]
#: Problem solving's first design (6-9 people) is matched by the three groups of 8.
FIRST_DESIGN = [
    "Established: 3 groups in the hub match this design.",
    TROIKA[1],
    TROIKA[2],
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    root = make_project(tmp_path_factory.mktemp("evidence") / "hub", groups=GROUPS)
    for url in served(root):
        yield url, root


def said(paragraph: Any) -> list[str]:
    """The sentences of an evidence paragraph (its link left out)."""
    spans = paragraph.select("[data-slot]")
    if spans:
        return [s.get_text() for s in spans if s.get_text()]
    text = paragraph.get_text(" ", strip=True).removesuffix("How the hub counts").strip()
    return [s if s.endswith(".") else s + "." for s in text.split(". ")]


def test_format_pages_show_maturity_and_medians(site: tuple[str, Path]) -> None:
    folder = site[1] / "site" / "formats"
    troika = soup(folder / "troika-consulting" / "index.html")
    assert said(troika.select_one("article .ph-maturity")) == TROIKA
    facts = {d.get_text(): d.find_next_sibling("dd").get_text() for d in troika.select("dt")}
    assert facts["Maturity"] == "Established"
    assert said(soup(folder / "peer-assist" / "index.html").select_one(".ph-maturity")) == (
        PEER_ASSIST
    )
    mastermind = soup(folder / "mastermind-group" / "index.html")
    assert said(mastermind.select_one(".ph-maturity")) == [
        "New here: no group in the hub uses this format yet."
    ]


def test_design_cards_show_the_same_evidence(site: tuple[str, Path]) -> None:
    page = soup(site[1] / "site" / "outcomes" / "problem-solving" / "index.html")
    card = page.select_one("#design-1 .ph-maturity")
    assert said(card) == FIRST_DESIGN
    groups = [a.get_text() for a in page.select("#design-1 .ph-evidence li a")]
    assert groups == ["Anonymous problem solving peer group", "First circle", "Third circle"]


@needs_chromium
def test_the_picker_shows_evidence_under_each_design(
    browser: object, site: tuple[str, Path]
) -> None:
    page = browser.new_page()
    page.goto(f"{site[0]}outcomes/?outcome=problem-solving")
    page.wait_for_selector("#picker-results article")
    cards = page.locator("#picker-results article.ph-design")
    assert cards.count() == 3
    shown = [cards.nth(i).locator("[data-slot]").all_text_contents() for i in range(cards.count())]
    page.close()
    own = soup(site[1] / "site" / "outcomes" / "problem-solving" / "index.html")
    assert shown[0][-3:] == FIRST_DESIGN
    for number, slots in enumerate(shown, start=1):
        card = own.select_one(f"#design-{number} .ph-maturity")
        if card is not None:
            assert [t for t in slots[-3:] if t] == said(card)


def test_the_evidence_data_follows_its_schema(site: tuple[str, Path]) -> None:
    data = json.loads((site[1] / "site" / "api" / "evidence.json").read_text())
    jsonschema.validate(data, schemas()["evidence"])
    assert data["formats"]["troika-consulting"] == {
        "level": "established",
        "groups": 3,
        "long_running": 2,
        "checked": 3,
        "medians": {"attendance": 75.0, "process": 4.0, "results": 3.0, "safety": 4.0},
    }
    assert data["formats"]["mastermind-group"]["level"] == "untried"
    assert data["designs"]["problem-solving-1"]["groups"] == 3
    assert (data["established"], data["long_running_months"], data["min_groups"]) == (3, 12, 3)


def test_the_picker_never_offers_a_format_that_is_part_of_other_meetings(tmp_path: Path) -> None:
    hub = load_site(make_project(tmp_path / "hub"))
    assert hub.formats["health-check"].standalone is False
    offered = {key for found in hub.candidates.values() for key, _, _ in found}
    assert "format/health-check" not in offered
    assert "team-building/format/health-check" not in offered
    assert any(key.startswith("format/") for key in offered)  # standalone formats still are


def test_the_check_in_templates_carry_every_field_and_question(tmp_path: Path) -> None:
    files = dict(generated_assets(load_site(make_project(tmp_path / "hub")), "https://x.example/"))
    assert files["evaluate/check-ins.csv"] == (
        "date,members,meetings,attendance,process,results,safety,note\r\n"
    )
    notes = str(files["evaluate/check-in-notes.txt"])
    for key in ("members", "meetings", "attendance", "process", "results", "safety", "note"):
        assert f"(`{key}`)" in notes
    assert "1 not true, 2 rarely true, 3 sometimes true, 4 mostly true, 5 fully true" in notes
