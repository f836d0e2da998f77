"""The start kit in Chromium: for golden picker cases, the kit a reader opens from a
design shows the design exactly as the picker does, and its calendar and charter
carry the same meeting length, cadence, size and facilitation."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import icalendar
import pytest
from test_picker_cases import shown_in_picker

from conftest import needs_chromium, repo_copy, served
from picker_cases import FOLDER, load

pytestmark = needs_chromium
CASES = ["issue-support-small-virtual", "issue-networking-thirty-in-person", "support-any"]
CASES += ["management-development-2", "transfer-of-training-3", "team-building-1"]
ZONE = "Europe/Berlin"
GAPS = {"Weekly": (7, 7), "Every two weeks": (14, 14), "Monthly": (28, 35)}
GAPS |= {"Every two months": (56, 63), "Quarterly": (84, 98)}


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from served(repo_copy(tmp_path_factory.mktemp("kit") / "hub"))


def in_holidays(day: dt.date) -> bool:
    return (day.month, day.day) >= (12, 20) or (day.month, day.day) <= (1, 5)


@pytest.mark.parametrize("name", CASES)
def test_kit_matches_the_picker(browser: object, site_url: str, name: str) -> None:
    case = load(FOLDER / f"{name}.yml")
    context = browser.new_context(accept_downloads=True, timezone_id=ZONE)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    query = urlencode({"outcome": case["outcome"], **(case.get("choices") or {})})
    page.goto(f"{site_url}outcomes/?{query}")
    page.wait_for_selector("#picker-results article")
    picked = shown_in_picker(page)["designs"]
    assert picked == [{k: v for k, v in d.items() if k != "later"} for d in case["designs"]]
    links = [a.get_attribute("href") for a in page.locator(".ph-design .ph-kit a").all()]
    for design, href in zip(case["designs"], links, strict=True):
        page.goto(site_url + "outcomes/" + href)
        page.wait_for_selector("#meeting-1")
        assert page.locator("h1").text_content() == "Start kit: " + design["title"]
        facts = dict(
            zip(
                page.locator("dl.ph-facts dt").all_text_contents(),
                page.locator("dl.ph-facts dd").all_text_contents(),
                strict=True,
            )
        )
        assert (facts["Size"], facts["Meetings"]) == (design["size"], design["meetings"])
        rows = page.locator("#meeting-1 tbody tr").all()
        steps = [
            [r.locator("td").nth(1).text_content(), r.locator("td").nth(0).text_content()]
            for r in rows
        ]
        assert [s[0] for s in steps] == [s[0] for s in design["agenda"]]
        starts = [int(s[1].split("–")[0]) for s in steps]
        assert starts == [sum(m for _, m in design["agenda"][:i]) for i in range(len(steps))]
        for number, agenda in ((2, design["later"]), (3, design["later"])):
            rows = page.locator(f"#meeting-{number} tbody tr").all()
            assert [cell(r, 1) for r in rows] == [s[0] for s in agenda]
        check_default_start(page.locator("#kit-start").input_value())
        first = dt.date.today() + dt.timedelta(days=40)
        while in_holidays(first):
            first += dt.timedelta(days=1)
        page.fill("#kit-start", first.isoformat())
        page.fill("#kit-time", "18:30")
        with page.expect_download() as info:
            page.click("text=Download the calendar (.ics)")
        check_calendar(Path(info.value.path()).read_bytes(), design, first, facts)
        with page.expect_download() as info:
            page.click("text=Download the charter (.md)")
        charter = Path(info.value.path()).read_text()
        minutes = int(design["meetings"].split(", ")[1].split()[0])
        assert f"for {minutes} minutes" in charter
        assert design["meetings"].split(",")[0].lower() in charter
        assert design["size"] in charter
        assert facts["Facilitation"] in charter
        assert f"starting on {first.isoformat()}" in charter
        assert "## Check-ins\nEvery three months, and at our last meeting" in charter
        assert "(the hub's evaluation kit: /evaluate/)" in charter
        links = page.locator(".ph-kit-evaluate a").evaluate_all("as => as.map(a => a.href)")
        assert [link.removeprefix(site_url) for link in links] == [
            "formats/health-check/",
            "evaluate/",
            "evaluate/sheet/",
        ]
    context.close()
    assert errors == []


def cell(row: object, index: int) -> str:
    return row.locator("td").nth(index).text_content()


def check_default_start(value: str) -> None:
    day = dt.date.fromisoformat(value)
    assert day.weekday() == 1  # a Tuesday
    assert day >= dt.date.today() + dt.timedelta(days=14)
    assert not in_holidays(day)


def check_calendar(data: bytes, design: dict, first: dt.date, facts: dict) -> None:
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    cadence, minutes = design["meetings"].split(", ")
    months = int(facts["Program"].split()[0].split("–")[-1])
    starts = [e.decoded("dtstart") for e in events]
    local = [s.astimezone(ZoneInfo(ZONE)) for s in starts]
    assert local[0].date() == first
    assert (local[0].hour, local[0].minute) == (18, 30)
    assert all((t.hour, t.minute) == (18, 30) for t in local)  # across daylight saving
    index = first.month - 1 + months
    end = dt.date(first.year + index // 12, index % 12 + 1, min(first.day, 28))
    assert all(t.date() < end + dt.timedelta(days=4) for t in local)
    assert local[-1].date() > end - dt.timedelta(days=GAPS[cadence][1] + 40)
    assert not any(in_holidays(t.date()) for t in local)
    low, high = GAPS[cadence]
    for a, b in itertools.pairwise(t.date() for t in local):
        skipped = [a + dt.timedelta(days=d) for d in range(1, (b - a).days)]
        assert low <= (b - a).days <= high or any(in_holidays(d) for d in skipped), (a, b)
    assert len(events) >= months * 28 // high - 3
    now = dt.datetime.now(dt.UTC)
    for event, start in zip(events, starts, strict=True):
        assert event.decoded("dtend") - start == dt.timedelta(minutes=int(minutes.split()[0]))
        for alarm in event.walk("VALARM"):
            assert alarm.decoded("trigger") == dt.timedelta(days=-7)
            assert start - dt.timedelta(days=7) > now


ALL_CASES = [c for c in sorted(FOLDER.glob("*.yml")) if not load(c).get("page")]


def test_every_golden_case_opens_the_kit_it_shows(browser: object, site_url: str) -> None:
    page = browser.new_page()
    mismatches = []
    for path in ALL_CASES:
        case = load(path)
        query = urlencode({"outcome": case["outcome"], **(case.get("choices") or {})})
        page.goto(f"{site_url}outcomes/?{query}")
        page.wait_for_selector("#picker-results article")
        links = [a.get_attribute("href") for a in page.locator(".ph-design .ph-kit a").all()]
        for design, href in zip(case["designs"], links, strict=True):
            page.goto(site_url + "outcomes/" + href)
            page.wait_for_selector("#meeting-1")
            facts = page.locator("dl.ph-facts dd").all_text_contents()
            first = [cell(r, 1) for r in page.locator("#meeting-1 tbody tr").all()]
            later = [cell(r, 1) for r in page.locator("#meeting-2 tbody tr").all()]
            if (
                facts[1:3] != [design["size"], design["meetings"]]
                or first != [s[0] for s in design["agenda"]]
                or later != [s[0] for s in design["later"]]
            ):
                mismatches.append(f"{path.stem}: {design['title']}")
    page.close()
    assert mismatches == []


#: Names every JavaScript object inherits: an address naming one names no outcome.
INHERITED = ["__proto__", "constructor", "toString", "hasOwnProperty"]


@pytest.mark.parametrize("outcome", INHERITED)
def test_an_inherited_name_is_no_outcome(browser: object, site_url: str, outcome: str) -> None:
    """The kit and the picker look outcomes up among the data's own keys only: the kit
    asks the reader to open it from a design, the picker to choose an outcome."""
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    settled = """async () => {
        await window.peerHub.load(document.querySelector("[data-src]").dataset.src);
        await new Promise((resolve) => setTimeout(resolve, 50));
    }"""
    page.goto(f"{site_url}kits/?{urlencode({'outcome': outcome, 'design': 'x'})}")
    page.evaluate(settled)
    assert page.locator("#start-kit > p:not(.ph-lead)").all_text_contents() == [
        "Open this page from a design in the outcome picker or on an outcome's page."
    ]
    page.goto(f"{site_url}outcomes/?{urlencode({'outcome': outcome})}")
    page.evaluate(settled)
    assert page.locator("#picker-results").text_content() == (
        "Choose an outcome to see recommended designs."
    )
    page.close()
    assert errors == []
