"""The start kit: calendar files, charters and run-sheets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar

from peerhub import kit
from peerhub.project import load_hub

from conftest import REPO, built_copy, soup

HUB = load_hub(REPO)
REFERENCE = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("outcome", "index"),
    [(o, i) for o, out in HUB.outcomes.items() for i in range(len(out.designs))],
)
def test_calendar_has_one_event_and_one_alarm_per_meeting(outcome: str, index: int) -> None:
    design = HUB.outcomes[outcome].designs[index]
    raw = kit.calendar(f"{outcome}-{index + 1}", HUB.outcomes[outcome], design, ["X"], REFERENCE)
    cal = Calendar.from_ical(raw)
    events = cal.walk("VEVENT")
    expected = max(
        1,
        round(
            design.program_months.min
            * {
                "weekly": 52,
                "fortnightly": 26,
                "monthly": 12,
                "every-two-months": 6,
                "quarterly": 4,
            }[design.cadence]
            / 12
        ),
    )
    assert len(events) == expected
    assert len(cal.walk("VALARM")) == expected
    starts = [e.decoded("dtstart") for e in events]
    assert starts == sorted(starts)
    assert starts[0].date() > REFERENCE
    for event in events:
        (alarm,) = event.walk("VALARM")
        assert alarm.decoded("trigger") == dt.timedelta(days=-7)
        minutes = (event.decoded("dtend") - event.decoded("dtstart")).total_seconds() / 60
        assert minutes == design.session_minutes
        assert event.get("dtstamp") is not None and event.get("uid")


def test_monthly_meetings_fall_on_the_first_tuesday() -> None:
    design = HUB.outcomes["support"].designs[0]
    assert design.cadence == "monthly"
    dates = kit.meeting_dates(design, REFERENCE)
    assert dates[0] == dt.date(2026, 12, 1)
    assert all(d.weekday() == 1 and d.day <= 7 for d in dates)


def test_calendar_is_reproducible() -> None:
    outcome = HUB.outcomes["support"]
    first = kit.calendar("k", outcome, outcome.designs[0], ["X"], REFERENCE)
    assert first == kit.calendar("k", outcome, outcome.designs[0], ["X"], REFERENCE)


def test_charter_has_every_section() -> None:
    outcome = HUB.outcomes["problem-solving"]
    text = kit.charter(outcome, outcome.designs[0], ["Troika consulting"])
    for heading in (
        "Purpose",
        "Outcome",
        "Members",
        "Timeframe",
        "Confidentiality",
        "Commitment",
        "Facilitation",
    ):
        assert f"\n## {heading}\n" in text
    assert "**Problem solving**" in text


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_copy(tmp_path_factory.mktemp("kit") / "hub") / "site"


def test_kits_are_published_for_every_design(site: Path) -> None:
    for outcome_id, outcome in HUB.outcomes.items():
        for number in range(1, len(outcome.designs) + 1):
            folder = site / "kits" / f"{outcome_id}-{number}"
            assert Calendar.from_ical((folder / "calendar.ics").read_bytes())
            assert (folder / "charter.md").read_text().startswith("# Group charter: ")
            sheet = soup(folder / "index.html")
            assert len(sheet.select(".ph-runsheet__meeting")) == 3
            page = soup(site / "outcomes" / outcome_id / "index.html")
            assert page.select_one(f'a[href$="kits/{outcome_id}-{number}/calendar.ics"]')


def test_run_sheet_prints_one_meeting_per_page(site: Path) -> None:
    css = (site / "assets" / "hub.css").read_text()
    print_rules = css[css.index("@media print") :]
    assert ".ph-runsheet__meeting { break-after: page; }" in print_rules
