"""The start kit in Chromium: for golden picker cases, the kit a reader opens from a
design shows the design exactly as the picker does, and its calendar and charter
carry the same meeting length, cadence, size and facilitation."""

from __future__ import annotations

import datetime as dt
import io
import itertools
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode, urljoin
from zoneinfo import ZoneInfo

import icalendar
import pytest
from axe_playwright_python.sync_playwright import Axe
from dateutil.rrule import rrulestr
from playwright.sync_api import expect
from pypdf import PdfReader
from test_picker_cases import shown_in_picker

from peerhub.content.vocabulary import OUTCOME_IDS
from peerhub.decisions.picker.choices import Constraints
from peerhub.site import Site

from conftest import REPO, needs_chromium
from picker_cases import FOLDER, kit_addresses, load

pytestmark = needs_chromium
CASES = ["issue-support-small-virtual", "issue-networking-thirty-in-person", "support-any"]
CASES += ["management-development-2", "transfer-of-training-3", "team-building-1"]
ZONE = "Europe/Berlin"
GAPS = {"Weekly": (7, 7), "Every two weeks": (14, 14), "Monthly": (28, 35)}
GAPS |= {"Every two months": (56, 63), "Quarterly": (84, 98)}


@pytest.fixture(scope="module")
def site_url(real_site: tuple[str, Path]) -> str:
    return real_site[0]


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
        page.goto(urljoin(site_url + "outcomes/", href))  # relative or absolute
        page.wait_for_selector("#meeting-1")
        assert page.locator("h1").text_content() == "Start kit: " + design["title"]
        facts = facts_of(page)
        assert (facts["Size"], facts["Meetings"]) == (design["size"], design["meetings"])
        times, titles, second, third = page.evaluate(MEETINGS_SHOWN)
        assert titles == [s[0] for s in design["agenda"]]
        starts = [int(time.split("–")[0]) for time in times]
        assert starts == [sum(m for _, m in design["agenda"][:i]) for i in range(len(titles))]
        assert second == third == [s[0] for s in design["later"]]
        check_default_start(page.locator("#kit-start").input_value())
        first = dt.date.today() + dt.timedelta(days=40)
        while in_holidays(first):
            first += dt.timedelta(days=1)
        page.fill("#kit-start", first.isoformat())
        page.fill("#kit-time", "18:30")
        with page.expect_download() as info:
            page.click("text=Download the calendar (.ics)")
        check_calendar(Path(info.value.path()).read_bytes(), design, first, facts_of(page))
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


def facts_of(page: object) -> dict[str, str]:
    return dict(
        zip(
            page.locator("dl.ph-facts dt").all_text_contents(),
            page.locator("dl.ph-facts dd").all_text_contents(),
            strict=True,
        )
    )


#: The kit's facts and the steps of its first and second meetings, read in one call.
KIT_SHOWN = """() => {
  const texts = selector => [...document.querySelectorAll(selector)].map(e => e.textContent);
  const steps = n => texts(`#meeting-${n} tbody tr > td:nth-child(2)`);
  return [texts('dl.ph-facts dd'), steps(1), steps(2)];
}"""

#: The first meeting's step times and titles, and the second's and third's titles.
MEETINGS_SHOWN = """() => {
  const cells = (n, column) => [...document.querySelectorAll(
    `#meeting-${n} tbody tr > td:nth-child(${column})`)].map(e => e.textContent);
  return [cells(1, 1), cells(1, 2), cells(2, 2), cells(3, 2)];
}"""


def cell(row: object, index: int) -> str:
    return row.locator("td").nth(index).text_content()


def check_default_start(value: str) -> None:
    day = dt.date.fromisoformat(value)
    assert day.weekday() == 1  # a Tuesday
    assert day >= dt.date.today() + dt.timedelta(days=14)
    assert not in_holidays(day)


def series(data: bytes) -> tuple[icalendar.Event, list[dt.datetime], list[dt.datetime]]:
    """The calendar's one event, every date its rule gives, and the dates it leaves out."""
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    start = event.decoded("dtstart")
    rule = event["RRULE"].to_ical().decode()
    dates = list(rrulestr(rule, dtstart=start))
    exdates = event.get("EXDATE", [])
    skipped = [d.dt for e in (exdates if isinstance(exdates, list) else [exdates]) for d in e.dts]
    return event, dates, skipped


def check_calendar(data: bytes, design: dict, first: dt.date, facts: dict) -> None:
    event, dates, skipped = series(data)
    cadence, minutes = design["meetings"].split(", ")
    months = int(facts["Program"].split()[0].split("–")[0])  # the first term: the shortest
    local = [s.astimezone(ZoneInfo(ZONE)) for s in dates if s not in skipped]
    assert local[0].date() == first
    assert all((t.hour, t.minute) == (18, 30) for t in local)  # across daylight saving
    assert all(in_holidays(s.date()) for s in skipped)
    index = first.month - 1 + months
    end = dt.date(first.year + index // 12, index % 12 + 1, min(first.day, 28))
    assert all(s.date() < end + dt.timedelta(days=4) for s in dates)
    assert dates[-1].date() > end - dt.timedelta(days=GAPS[cadence][1] + 4)
    assert not any(in_holidays(t.date()) for t in local)
    low, high = GAPS[cadence]
    for a, b in itertools.pairwise(s.date() for s in dates):
        assert low <= (b - a).days <= high, (a, b)
    assert facts["First term"].startswith(f"{months} months: {len(local)} meetings, ")
    assert facts["First term"].endswith(f"the review on {local[-1].date().isoformat()}")
    assert event.decoded("dtend") - event.decoded("dtstart") == dt.timedelta(
        minutes=int(minutes.split()[0])
    )
    now = dt.datetime.now(dt.UTC)
    for alarm in event.walk("VALARM"):
        assert alarm.decoded("trigger") == dt.timedelta(days=-7)
        assert dates[0] - dt.timedelta(days=7) > now


ALL_CASES = [c for c in sorted(FOLDER.glob("*.yml")) if not load(c).get("page")]


# One test per case (not one loop over all): some 200 kit pages in one test made the
# whole suite wait for one worker; as separate tests, pytest-xdist spreads them.
@pytest.mark.parametrize("path", ALL_CASES, ids=[c.stem for c in ALL_CASES])
def test_every_golden_case_opens_the_kit_it_shows(
    browser: object, site_url: str, path: Path, hub: Site
) -> None:
    """Each design's kit, at the address the picker's card links (which
    test_picker_cases.py checks, for the same cases), shows the card's design."""
    page = browser.new_page()
    mismatches = []
    case = load(path)
    kits = kit_addresses(hub, case)
    for design, (address, query) in zip(case["designs"], kits, strict=True):
        page.goto(urljoin(site_url, address.lstrip("/")) + "?" + urlencode(query))
        page.wait_for_selector("#meeting-1")
        facts, first, later = page.evaluate(KIT_SHOWN)
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
    """The kit and the picker take only the outcomes their page lists: the kit asks the
    reader to open it from a design, the picker to choose an outcome, and neither
    fetches data under a name such as "__proto__" (no failed request, no error)."""
    page = browser.new_page()
    errors: list[str] = []
    fetched: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: fetched.append(r.url) if "/assets/picker/" in r.url else None)
    page.goto(f"{site_url}kits/?{urlencode({'outcome': outcome, 'design': 'x'})}")
    page.wait_for_function("document.getElementById('start-kit').dataset.ready === '1'")
    assert page.locator("#start-kit-empty > p").all_text_contents() == [
        "Open this page from a design in the outcome picker or on an outcome's page, where "
        "your choices of size, length and cadence shape the kit, or start from a design as "
        "it stands:"
    ]
    expect(page.locator("#start-kit-empty")).to_be_visible()
    page.goto(f"{site_url}outcomes/?{urlencode({'outcome': outcome})}")
    page.wait_for_selector("#outcome-picker.ph-picker--ready")
    expect(page.locator("#picker-results")).to_have_text(
        "Choose an outcome to see recommended designs."
    )
    page.close()
    assert errors == []
    assert fetched == []


# The kit keeps every choice. Each expected value below is worked out by hand from
# outcomes/support.yml ("Small confidential support circle", support-1: a volunteer
# facilitator, monthly, 90 minutes, 6 to 24 months) and outcomes/deep-networking.yml
# (deep-networking-2: every two months, 180 minutes, 12 to 24 months), and from a
# calendar of 2030 and 2031. The first term books the meetings of the series before
# the same date that many months later: monthly, months 0 to n - 1; every two months,
# months 0, 2, 4, ... below n; weekly or every two weeks, every date before that day.


def test_the_kit_page_alone_lists_every_designs_kit(browser: object, site_url: str) -> None:
    """Opened without a design (from search, say), the page offers each outcome's
    designs as they stand; the tenth outcome's last design opens its own kit."""
    outcomes = {p.stem: load(p) for p in sorted((REPO / "outcomes").glob("*.yml"))}
    page = browser.new_page()
    page.goto(f"{site_url}kits/")
    headings = page.locator("#start-kit-empty h2").all_text_contents()
    assert headings == [outcomes[o]["name"] for o in OUTCOME_IDS]  # the picker's order
    links = page.locator("#start-kit-empty li a")
    expected = sorted((o["name"], d["title"]) for o in outcomes.values() for d in o["designs"])
    shown = [(h, t) for h in headings for t in page.locator(
        f"#start-kit-empty h2:text-is('{h}') + ul a").all_text_contents()]  # fmt: skip
    assert sorted(shown) == expected
    last = links.last
    title = last.inner_text()
    last.click()
    expect(page.locator("#start-kit h1")).to_have_text(f"Start kit: {title}")
    page.close()


def open_kit(context: object, site_url: str, **query: str) -> object:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.errors = errors
    page.goto(f"{site_url}kits/?{urlencode(query)}")
    page.wait_for_selector("#meeting-1")
    return page


def steps_of(page: object, section: str) -> list[tuple[str, int]]:
    """(step, minutes) of a run-sheet, from its time cells ("0 to 10 min", dashed)."""
    rows = page.locator(f"{section} tbody tr").all()
    spans = [cell(r, 0).removesuffix(" min").split("–") for r in rows]
    return [(cell(r, 1), int(b) - int(a)) for r, (a, b) in zip(rows, spans, strict=True)]


def fill_calendar(page: object, start: str, months: str | None = None, **fields: str) -> None:
    page.fill("#kit-start", start)
    page.fill("#kit-time", "18:30")
    if months is not None:
        page.fill("#kit-months", months)
    for name, value in fields.items():
        page.fill(f"#kit-{name}", value)


def ics(page: object) -> bytes:
    with page.expect_download() as info:
        page.click("text=Download the calendar (.ics)")
    return Path(info.value.path()).read_bytes()


def charter_md(page: object) -> str:
    with page.expect_download() as info:
        page.click("text=Download the charter (.md)")
    return Path(info.value.path()).read_text()


@pytest.fixture
def context(browser: object) -> Iterator[object]:
    context = browser.new_context(accept_downloads=True, timezone_id=ZONE)
    yield context
    context.close()


def test_members_only_means_members_facilitate(context: object, site_url: str) -> None:
    page = open_kit(
        context,
        site_url,
        outcome="support",
        design="support-1",
        mode="virtual",
        size="3-5",
        minutes="60",
        facilitation="members",
    )
    facts = facts_of(page)
    assert facts["Facilitation"] == "Members facilitate, taking turns"
    assert facts["Mode"] == "Virtual"
    assert facts["Meetings"] == "Monthly, 60 minutes"
    assert "One volunteer facilitator" not in page.locator("#start-kit").inner_text()
    fill_calendar(page, "2030-01-08")
    assert "## Facilitation\nMembers facilitate, taking turns. The host role rotates" in (
        charter_md(page)
    )
    charter = page.locator("#kit-charter").text_content()
    assert "Members facilitate, taking turns. The host role rotates" in charter
    assert "for 60 minutes (virtual)" in charter
    description = str(series(ics(page))[0]["DESCRIPTION"])
    assert "Members facilitate, taking turns. Monthly, 60 minutes, virtual." in description
    assert page.errors == []


def test_a_chosen_cadence_sets_the_kit_and_the_series(context: object, site_url: str) -> None:
    page = open_kit(context, site_url, outcome="support", design="support-1", cadence="fortnightly")
    assert facts_of(page)["Meetings"] == "Every two weeks, 90 minutes"
    assert page.locator("#kit-cadence").input_value() == "fortnightly"
    fill_calendar(page, "2030-10-01", "3")
    event = series(ics(page))[0]
    assert event["RRULE"].to_ical() == b"FREQ=WEEKLY;COUNT=7;INTERVAL=2"
    assert "We meet every two weeks for 90 minutes" in charter_md(page)
    # The design's own cadence where the reader left it open, or gave an unknown one.
    for value in ("any", "daily"):
        other = open_kit(context, site_url, outcome="support", design="support-1", cadence=value)
        assert facts_of(other)["Meetings"] == "Monthly, 90 minutes"
    assert page.errors == []


def test_a_meeting_length_of_45_minutes_is_the_pickers(
    context: object, site_url: str, repo_hub: Site
) -> None:
    page = open_kit(context, site_url, outcome="support", design="support-1", minutes="45")
    assert facts_of(page)["Meetings"] == "Monthly, 45 minutes"
    # The kit shows the meeting the picker's card shows for the same choices (the
    # agenda's own rules are pinned in tests/test_agenda.py): 45 minutes in all, the
    # welcome, ground rules and calendar keeping 10 + 10 + 5, and troika consulting as
    # a short round of at least 10 minutes.
    made = repo_hub.recommender.recommend("support", Constraints(minutes=45), limit=99).designs
    support_1 = next(r for r in made if r.key == "support/1")
    first = steps_of(page, "#meeting-1")
    assert first == [(s.title, s.minutes) for s in support_1.agenda]
    assert sum(m for _, m in first) == 45
    assert [m for _, m in first[:2]] == [10, 10]
    assert first[-1] == ("Calendar and roles", 5)
    assert ("A short troika consulting round", 10) in first
    assert steps_of(page, "#meeting-2") == [(s.title, s.minutes) for s in support_1.later]
    fill_calendar(page, "2030-01-08")
    event = series(ics(page))[0]
    assert event.decoded("dtend") - event.decoded("dtstart") == dt.timedelta(minutes=45)
    assert "We meet monthly for 45 minutes" in charter_md(page)
    # Not a multiple of 15, or out of range: the design's own 90 minutes.
    for value in ("50", "15", "255", "60.0"):
        other = open_kit(context, site_url, outcome="support", design="support-1", minutes=value)
        assert facts_of(other)["Meetings"] == "Monthly, 90 minutes", value
    assert page.errors == []


def test_the_first_term_is_the_shortest_program_and_can_change(
    context: object, site_url: str
) -> None:
    page = open_kit(context, site_url, outcome="support", design="support-1")
    assert page.locator("#kit-months").input_value() == "6"  # program_months.min
    fill_calendar(page, "2030-01-08")  # the second Tuesday of January
    # Second Tuesdays: 8 January, 12 February, 12 March, 9 April, 14 May, 11 June.
    assert facts_of(page)["First term"] == "6 months: 6 meetings, the review on 2030-06-11"
    assert page.locator("#meeting-review h2").text_content() == (
        "Meeting 6: review of the first term"
    )
    assert "On 2030-06-11." in page.locator("#meeting-review").text_content()
    assert b"COUNT=6" in ics(page)
    page.fill("#kit-months", "12")  # ... 9 July, 13 August, 10 September, 8 October,
    # 12 November, 10 December.
    assert facts_of(page)["First term"] == "12 months: 12 meetings, the review on 2030-12-10"
    assert page.locator("#meeting-review h2").text_content() == (
        "Meeting 12: review of the first term"
    )
    event, dates, skipped = series(ics(page))
    assert (len(dates), skipped) == (12, [])
    assert "First term: 12 months, 12 meetings; the last, on 2030-12-10, is the review" in (
        str(event["DESCRIPTION"])
    )
    md = charter_md(page)
    assert "Our first term is 12 months: 12 meetings." in md
    assert "We meet monthly for 90 minutes (virtual, in person or hybrid)" in md  # not chosen
    assert "on 2030-12-10, is our review" in md
    assert page.errors == []


def days(*dates: str) -> list[dt.date]:
    return [dt.date.fromisoformat(d) for d in dates]


SERIES = {
    # Monthly from the second Tuesday of January 2030, the first term of 6 months.
    "monthly-six-months": (
        {"outcome": "support", "design": "support-1"},
        {"start": "2030-01-08"},
        "FREQ=MONTHLY;COUNT=6;INTERVAL=1;BYDAY=2TU",
        days("2030-01-08", "2030-02-12", "2030-03-12", "2030-04-09", "2030-05-14", "2030-06-11"),
        [],
    ),
    # Every two weeks for 3 months from 1 October 2030: dates before 1 January 2031;
    # 24 December falls in the default holidays (20 December to 5 January).
    "fortnightly-three-months": (
        {"outcome": "support", "design": "support-1", "cadence": "fortnightly"},
        {"start": "2030-10-01", "months": "3"},
        "FREQ=WEEKLY;COUNT=7;INTERVAL=2",
        days("2030-10-01", "2030-10-15", "2030-10-29", "2030-11-12", "2030-11-26", "2030-12-10"),
        days("2030-12-24"),
    ),
    # Weekly for 3 months from 3 December 2030: 13 Tuesdays before 3 March 2031; the
    # reader's holidays from 23 December to 8 January leave out three of them.
    "weekly-with-holidays": (
        {"outcome": "support", "design": "support-1", "cadence": "weekly"},
        {"start": "2030-12-03", "months": "3", "from": "12-23", "to": "01-08"},
        "FREQ=WEEKLY;COUNT=13;INTERVAL=1",
        days(
            "2030-12-03",
            "2030-12-10",
            "2030-12-17",
            "2031-01-14",
            "2031-01-21",
            "2031-01-28",
            "2031-02-04",
            "2031-02-11",
            "2031-02-18",
            "2031-02-25",
        ),
        days("2030-12-24", "2030-12-31", "2031-01-07"),
    ),
    # The design's own cadence, every two months, for its shortest program (12 months),
    # from the fifth, so the last, Tuesday of April 2030: the last Tuesday of every
    # other month; 31 December falls in the holidays.
    "every-two-months": (
        {"outcome": "deep-networking", "design": "deep-networking-2"},
        {"start": "2030-04-30"},
        "FREQ=MONTHLY;COUNT=6;INTERVAL=2;BYDAY=-1TU",
        days("2030-04-30", "2030-06-25", "2030-08-27", "2030-10-29", "2031-02-25"),
        days("2030-12-31"),
    ),
}


@pytest.mark.parametrize("name", SERIES)
def test_the_calendar_is_one_series(context: object, site_url: str, name: str) -> None:
    query, fields, rule, held, left_out = SERIES[name]
    page = open_kit(context, site_url, **query)
    fill_calendar(page, **fields)
    data = ics(page)
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    event, dates, skipped = series(data)
    assert event["RRULE"].to_ical().decode() == rule
    berlin = ZoneInfo(ZONE)
    assert [d.astimezone(berlin).date() for d in skipped] == left_out
    meetings = [d.astimezone(berlin) for d in dates if d not in skipped]
    assert [d.date() for d in meetings] == held
    assert {(d.hour, d.minute) for d in meetings} == {(18, 30)}  # summer and winter time
    # The calendar's own time zone definition gives the same instants as the tz database.
    zone = icalendar.Calendar.from_ical(data).walk("VTIMEZONE")[0].to_tz()
    for d in dates:
        wall = d.replace(tzinfo=None)
        assert wall.replace(tzinfo=zone).utcoffset() == wall.replace(tzinfo=berlin).utcoffset()
    assert facts_of(page)["First term"].endswith(
        f" {len(held)} meetings, the review on {held[-1].isoformat()}"
    )
    assert page.errors == []


def test_location_and_organizer_are_escaped(context: object, site_url: str) -> None:
    page = open_kit(context, site_url, outcome="support", design="support-1")
    place = "Room 4; Building B, floor 2 \\ east"
    fill_calendar(page, "2030-01-08", location=place, organizer="Ana Lima, convener")
    page.fill("#kit-email", "ana@example.org")
    data = ics(page)
    unfolded = data.replace(b"\r\n ", b"")
    assert b"\r\nLOCATION:Room 4\\; Building B\\, floor 2 \\\\ east\r\n" in unfolded
    assert b'\r\nORGANIZER;CN="Ana Lima, convener":mailto:ana@example.org\r\n' in unfolded
    event = series(data)[0]
    assert str(event["LOCATION"]) == place
    assert (str(event["ORGANIZER"]), event["ORGANIZER"].params["CN"]) == (
        "mailto:ana@example.org",
        "Ana Lima, convener",
    )
    assert "Join:" not in str(event["DESCRIPTION"])  # no link
    # An https address is a link, in the description too; no other scheme is.
    link = "https://meet.example.org/abc?pwd=1,2;x"
    page.fill("#kit-location", link)
    event = series(ics(page))[0]
    assert str(event["LOCATION"]) == link
    assert f"Join: {link}\n" in str(event["DESCRIPTION"])
    for other in ("http://meet.example.org/abc", "javascript:alert(1)", "https://a b"):
        page.fill("#kit-location", other)
        event = series(ics(page))[0]
        assert str(event["LOCATION"]) == other
        assert "Join:" not in str(event["DESCRIPTION"])
    # An e-mail that does not look like one stops the download, and says why.
    downloads: list[object] = []
    page.on("download", lambda download: downloads.append(download))  # noqa: PLW0108 (a bound builtin is refused)
    for bad in ("ana", "ana@example", "ana@exa mple.org", "a;b@example.org"):
        page.fill("#kit-email", bad)
        page.click("text=Download the calendar (.ics)")
        assert page.evaluate("document.querySelector('#kit-email').validity.valid") is False
    page.wait_for_timeout(300)
    assert downloads == []
    assert page.errors == []


def test_a_hostile_location_cannot_add_a_property(context: object, site_url: str) -> None:
    context.add_init_script("window.__pwned = 0;")
    page = open_kit(context, site_url, outcome="support", design="support-1")
    hostile = (
        "Hall\r\nATTENDEE:mailto:eve@example.org\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\n"
        "<script>window.__pwned = 1</script><img src=x onerror='window.__pwned = 2'>;,\\"
    )
    fill_calendar(page, "2030-01-08", location=hostile, organizer='Eve";ROLE=CHAIR:mailto:x')
    page.fill("#kit-email", "ana@example.org")
    data = ics(page)
    lines = data.replace(b"\r\n ", b"").split(b"\r\n")
    assert not any(line.startswith((b"ATTENDEE", b"<script")) for line in lines)
    assert lines.count(b"BEGIN:VEVENT") == 1
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    event = series(data)[0]
    assert "ATTENDEE" not in event
    # The browser keeps a text area's line breaks as line feeds.
    assert str(event["LOCATION"]) == hostile.replace("\r\n", "\n")
    assert str(event["ORGANIZER"]) == "mailto:ana@example.org"
    assert dict(event["ORGANIZER"].params) == {"CN": "Eve ;ROLE=CHAIR:mailto:x"}  # the quote goes
    # A lone carriage return is a line break too, and other control characters go.
    escaped = page.evaluate("window.peerHub.kit.escapeText('a\\rATTENDEE:x\\u0000\\u001b;')")
    assert escaped == "a\\nATTENDEE:x\\;"
    # On the page the location is text in the charter, never markup.
    assert hostile.replace("\r\n", "\n").replace("\n", " ")[:40] in (
        page.locator("#kit-charter").text_content().replace("\n", " ")
    )
    assert page.locator("#start-kit script, #start-kit img").count() == 0
    assert page.evaluate("window.__pwned") == 0
    assert page.errors == []


def pdf_text(page: object) -> str:
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_the_charter_prints_alone(context: object, site_url: str) -> None:
    page = open_kit(
        context,
        site_url,
        outcome="support",
        design="support-1",
        facilitation="members",
        cadence="fortnightly",
        minutes="45",
    )
    fill_calendar(page, "2030-10-01", "3")
    page.evaluate("window.print = () => {}")  # headless: print to PDF below instead
    page.click("text=Print the charter")
    text = pdf_text(page)
    for fact in (
        "Group charter: Small confidential support circle",
        "Group name:",
        "Our one primary outcome is Support: Will members feel less burned out",
        "6–8 people",
        "Members facilitate, taking turns",
        "We meet every two weeks for 45 minutes",
        "starting on 2030-10-01",
        "Our first term is 3 months: 6 meetings.",
        "on 2030-12-10, is our review",
        "Ground rules",
        "What members share stays in the group",
    ):
        assert fact in text, fact
    assert "Actions agreed" not in text  # no run-sheet
    assert "Download the calendar" not in text
    page.evaluate("document.body.classList.remove('ph-print-charter')")
    text = pdf_text(page)  # the run-sheets, without the charter
    assert "Actions agreed" in text
    assert "Group charter" not in text
    assert page.errors == []


def test_the_kit_fits_a_phone_and_passes_axe(browser: object, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, timezone_id=ZONE)
    page = open_kit(
        context, site_url, outcome="support", design="support-1", facilitation="members"
    )
    page.fill("#kit-location", "https://meet.example.org/" + "a" * 120)
    overflow = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    assert page.evaluate(overflow) <= 0
    violations = Axe().run(page).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations] == []
    assert page.errors == []
    context.close()


def test_a_term_spent_in_holidays_books_nothing(context: object, site_url: str) -> None:
    """Holidays from 1 January to 31 December leave the term no meeting: the kit says
    so, and makes no calendar rather than a series with every date left out."""
    page = open_kit(context, site_url, outcome="support", design="support-1")
    fill_calendar(page, "2030-01-08", "6", **{"from": "01-01", "to": "12-31"})
    assert facts_of(page)["First term"] == "6 months: every meeting falls in the holidays"
    downloads: list[object] = []
    page.on("download", lambda download: downloads.append(download))  # noqa: PLW0108
    page.click("text=Download the calendar (.ics)")
    assert page.evaluate("document.querySelector('#kit-to').validity.valid") is False
    page.fill("#kit-to", "01-31")  # 8 January is left out; 12 February to 11 June remain
    assert facts_of(page)["First term"] == "6 months: 5 meetings, the review on 2030-06-11"
    page.wait_for_timeout(300)
    assert downloads == []
    assert page.errors == []


def test_five_remote_staff_engineers_get_a_small_circle_they_can_run(
    context: object, site_url: str
) -> None:
    """The request behind the advice issue: five staff engineers, remote, 45 minutes
    every two weeks, mostly wanting support, with no facilitator but themselves. The
    picker's first design is for 4-8 people at their length and cadence (the support
    outcome's member-run Lean Coffee circle), and its kit says members facilitate,
    books the first term and downloads one series."""
    page = context.new_page()
    choices = {
        "outcome": "support",
        "mode": "virtual",
        "size": "3-5",
        "minutes": "45",
        "cadence": "fortnightly",
        "facilitation": "members",
    }
    page.goto(f"{site_url}outcomes/?{urlencode(choices)}")
    page.wait_for_selector("#picker-results article")
    card = page.locator("#picker-results article").first
    facts = dict(
        zip(
            card.locator("dl.ph-facts dt").all_text_contents(),
            card.locator("dl.ph-facts dd").all_text_contents(),
            strict=True,
        )
    )
    assert card.locator("h3").text_content() == "1. Member-run Lean Coffee circle"
    assert facts["Size"] == "4–8 people"
    assert facts["Meetings"] == "Every two weeks, 45 minutes"
    kit = card.locator("a[data-href=kit]").get_attribute("href")
    assert "cadence=fortnightly" in kit
    assert "facilitation=members" in kit
    page.goto(urljoin(f"{site_url}outcomes/", kit))
    page.wait_for_selector("#meeting-1")
    facts = facts_of(page)
    assert facts["Facilitation"] == "Members facilitate, taking turns"
    assert facts["Meetings"] == "Every two weeks, 45 minutes"
    # Its shortest program is 6 months: from Tuesday 8 January 2030, every two weeks
    # until 8 July: two meetings a month from January to June, and a third on 30 April.
    fill_calendar(page, "2030-01-08")
    assert facts_of(page)["First term"] == "6 months: 13 meetings, the review on 2030-06-25"
    event, dates, skipped = series(ics(page))
    rule = event["RRULE"].to_ical().decode()
    assert "FREQ=WEEKLY" in rule
    assert "INTERVAL=2" in rule
    assert [d.date().isoformat() for d in dates] == [
        "2030-01-08",
        "2030-01-22",
        "2030-02-05",
        "2030-02-19",
        "2030-03-05",
        "2030-03-19",
        "2030-04-02",
        "2030-04-16",
        "2030-04-30",
        "2030-05-14",
        "2030-05-28",
        "2030-06-11",
        "2030-06-25",
    ]
    assert skipped == []


def test_the_list_of_kits_is_unseen_while_a_chosen_kit_loads(
    browser: object, site_url: str
) -> None:
    """The list holds the page's height so nothing moves, but a reader who chose a
    design does not see it flash before the kit."""
    page = browser.new_page()
    held: list[object] = []
    page.route("**/assets/picker/support.json", lambda route: held.append(route))  # noqa: PLW0108 (a bound builtin is refused)
    page.goto(f"{site_url}kits/?outcome=support&design=support-1")
    page.wait_for_function("() => document.getElementById('start-kit').dataset.ready === '1'")
    expect(page.locator("#start-kit-empty")).to_be_hidden()
    assert page.locator("#start-kit-empty li").count() > 0  # still there, holding its place
    held[0].continue_()
    expect(page.locator("#meeting-1")).to_be_visible()
    page.close()
