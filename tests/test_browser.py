"""The picker and pages in a real headless Chromium (Debian's), driven by Playwright."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from peerhub.decisions.facets import group_values
from peerhub.render.project import load_site

from conftest import needs_chromium, rendered_sizes, repo_copy, served
from picker_cases import FOLDER, load

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def base_url(real_site: tuple[str, Path]) -> str:
    return real_site[0]


@pytest.fixture(scope="module")
def scale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    root = repo_copy(tmp_path_factory.mktemp("scale") / "hub", synthetic=250)
    for url in served(root):
        yield url, root


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 390, "height": 844})  # a phone
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on(
        "console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None
    )
    tab.add_init_script("""document.addEventListener('securitypolicyviolation',
        e => console.error('Content Security Policy violation: ' + e.violatedDirective))""")
    yield tab
    context.close()
    assert errors == []  # no script errors and no Content-Security-Policy violations


def titles(page: object) -> list[str]:
    return [
        t.split(". ", 1)[1] for t in page.locator("#picker-results article h3").all_inner_texts()
    ]


def expected_titles(case: str) -> list[str]:
    """The reviewed titles of a golden picker case (tests/picker/), not the code's own."""
    return [d["title"] for d in load(FOLDER / f"{case}.yml")["designs"]]


def test_choose_outcome_change_constraint_reload_and_follow(page: object, base_url: str) -> None:
    page.goto(base_url + "outcomes/")
    page.check("#outcome-problem-solving")
    page.wait_for_selector("#picker-results article")
    assert titles(page) == expected_titles("problem-solving-any")
    assert parse_qs(urlsplit(page.url).query) == {"outcome": ["problem-solving"]}

    page.select_option("select[name=minutes]", "30")
    page.select_option("select[name=mode]", "virtual")
    assert titles(page) == expected_titles("problem-solving-30-virtual")
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"outcome": ["problem-solving"], "minutes": ["30"], "mode": ["virtual"]}
    changes = page.locator("#picker-results .ph-changes").first.inner_text()
    assert "30-minute meetings are shorter" in changes

    page.reload()
    page.wait_for_selector("#picker-results article")
    assert page.is_checked("#outcome-problem-solving")
    assert page.input_value("select[name=minutes]") == "30"
    assert titles(page) == expected_titles("problem-solving-30-virtual")

    first_format = page.locator("#picker-results article").first.locator("dd a").first
    name = first_format.inner_text()
    first_format.click()
    page.wait_for_url("**/formats/**")
    # Instant navigation changes the URL first and swaps the content in after it.
    expect(page.locator("article h1")).to_have_text(name)


def test_deep_link_shows_conflict_and_second_outcome(page: object, base_url: str) -> None:
    page.goto(base_url + "outcomes/?outcome=core-coaching-skills&size=41-plus&second=team-building")
    page.wait_for_selector("#picker-results article")
    notes = page.locator("#picker-results .ph-note").all_inner_texts()
    assert notes[0].startswith("Design for one outcome: Core coaching skills.")
    assert notes[1].startswith("Your choices do not fit any design as it stands.")
    assert "circles of" in page.locator("#picker-results article dd").nth(1).inner_text()


def test_keyboard_only_use(page: object, base_url: str) -> None:
    page.goto(base_url + "outcomes/")
    page.wait_for_selector("#outcome-picker.ph-picker--ready")
    page.focus("#outcome-coaching-culture")
    page.keyboard.press("ArrowDown")  # radios move with arrow keys
    page.wait_for_selector("#picker-results article")
    assert page.is_checked("#outcome-core-coaching-skills")
    assert page.get_attribute("#picker-results", "aria-live") == "polite"


def test_a_choice_made_before_the_data_arrives_is_kept(page: object, base_url: str) -> None:
    """On a slow phone the radios work before the outcome's picker data has loaded: the choice and
    a size chosen then must survive the data's arrival; fields left alone follow the address."""
    held: list[object] = []

    def hold(route: object) -> None:  # Playwright tags the handler, so not a bound method
        held.append(route)

    page.route("**/assets/picker/*.json", hold)
    page.goto(base_url + "outcomes/?size=3-5&minutes=60")
    page.check("#outcome-support")
    page.select_option("#picker-size", "6-8")
    for _ in range(250):  # the held request reaches the handler in its own time
        if held:
            break
        page.wait_for_timeout(20)
    assert len(held) == 1  # the request is out, its answer held back
    held[0].continue_()
    page.wait_for_selector("#outcome-picker.ph-picker--ready")
    expect(page.locator("#picker-results h2")).to_have_text("Recommended designs for support")
    assert page.is_checked("#outcome-support")
    assert page.input_value("#picker-size") == "6-8"  # changed early: the reader's value
    assert page.input_value("#picker-minutes") == "60"  # untouched: the address's value
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"outcome": ["support"], "size": ["6-8"], "minutes": ["60"]}


def test_a_late_answer_for_an_earlier_choice_is_not_drawn(page: object, base_url: str) -> None:
    """Each outcome's data is fetched when it is chosen: if the reader's first choice
    answers after the second, the page still shows the second."""
    held: list[object] = []
    page.route("**/assets/picker/support.json", lambda route: held.append(route))  # noqa: PLW0108 (a bound builtin is refused)
    page.goto(base_url + "outcomes/")
    page.wait_for_selector("#outcome-picker.ph-picker--ready")
    page.check("#outcome-support")
    page.check("#outcome-team-building")
    expect(page.locator("#picker-results h2")).to_have_text("Recommended designs for team building")
    while not held:
        page.wait_for_timeout(50)
    held[0].continue_()  # support's answer arrives last
    page.wait_for_function(
        "() => performance.getEntriesByType('resource').some(r => r.name.endsWith('/support.json'))"
    )
    page.wait_for_timeout(200)
    expect(page.locator("#picker-results h2")).to_have_text("Recommended designs for team building")
    assert titles(page) == expected_titles("team-building-any")


def test_picker_works_after_instant_navigation(page: object, base_url: str) -> None:
    page.goto(base_url)
    page.evaluate("window.__sameDocument = true")
    page.click(".grid.cards a:has-text('Choose an outcome')")
    page.wait_for_url("**/outcomes/")
    page.check("#outcome-support")
    page.wait_for_selector("#picker-results article")
    assert titles(page) == expected_titles("support-any")
    assert page.evaluate("window.__sameDocument === true")  # Material swapped the page in place


def test_a_choice_made_before_the_picker_script_runs_is_kept(page: object, base_url: str) -> None:
    """After an instant navigation the form is there a moment before its script runs; a
    reader who chooses then gets that outcome's designs, not a form reset under them."""
    held: list[object] = []
    page.route("**/assets/picker.js", lambda route: held.append(route))  # noqa: PLW0108 (a bound builtin is refused)
    page.goto(base_url + "outcomes/", wait_until="commit")
    page.wait_for_selector("#picker-mode")  # the form is parsed; its script is held
    page.check("#outcome-support")
    page.select_option("#picker-mode", "virtual")
    while not held:
        page.wait_for_timeout(50)
    held[0].continue_()  # the script arrives now, after the choice
    page.wait_for_selector("#outcome-picker.ph-picker--ready")
    expect(page.locator("#picker-results article h3").first).to_be_visible()
    expect(page).to_have_url(re.compile(r"outcome=support&mode=virtual$"))
    assert page.locator("#outcome-support").is_checked()


def test_a_click_shows_that_outcomes_designs(page: object, base_url: str) -> None:
    """The outcome's data is fetched on the click; its designs then replace the prompt.
    How fast is measured by `benchmarks/picker.py` (`make bench`): a timed assertion
    here failed only when the machine was busy."""
    page.goto(base_url + "outcomes/")
    # Waits run in Playwright's own world: the page's policy forbids eval, rightly.
    page.wait_for_selector("#outcome-picker.ph-picker--ready")
    page.locator("label[for=outcome-team-building]").click()
    expect(page.locator("#picker-results")).to_have_attribute("data-outcome", "team-building")
    assert page.locator("#picker-results article").count() >= 1


@pytest.mark.parametrize(
    "path",
    [
        "",
        "guides/scope/",
        "formats/troika-consulting/",
        "groups/staff-plus-peer-group/",
        "groups/",
        "outcomes/?outcome=support&mode=virtual",
    ],
)
def test_no_serious_accessibility_violations(page: object, base_url: str, path: str) -> None:
    page.goto(base_url + path)
    if "outcome=" in path:
        page.wait_for_selector("#picker-results article")
    results = Axe().run(page)
    serious = [
        f"{v['id']}: {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert serious == []


def test_pages_carry_a_content_security_policy(browser: object, base_url: str) -> None:
    context = browser.new_context()  # not the `page` fixture: this test provokes a violation
    page = context.new_page()
    page.goto(base_url + "groups/staff-plus-peer-group/")
    policy = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
    assert "default-src 'self'" in policy
    assert "script-src 'self' 'sha256-" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    blocked = page.evaluate("""() => new Promise(resolve => {
        document.addEventListener('securitypolicyviolation', () => resolve(true), {once: true});
        const s = document.createElement('script');
        s.textContent = 'window.__ran = true';
        document.body.appendChild(s);
        setTimeout(() => resolve(false), 1000);
    })""")
    assert blocked is True
    assert page.evaluate("window.__ran === undefined")
    context.close()


def test_directory_filters_match_the_data(page: object, scale: tuple[str, Path]) -> None:
    url, root = scale
    groups = load_site(root).published_views
    page.goto(url + "groups/")
    page.wait_for_selector("#group-filters:not([hidden])")
    assert page.locator("#filter-panel").get_attribute("open") is None  # folded on a phone
    page.click("#filter-panel > summary")
    outcome_count = sum(1 for g in groups.values() if g.outcomes.primary == "support")
    label = page.locator("#filter-outcome option[value=support]").inner_text()
    assert label == f"Support ({outcome_count})"

    page.select_option("#filter-outcome", "support")
    both = [
        g
        for g in groups.values()
        if g.outcomes.primary == "support" and group_values(g)["mode"] == ["virtual"]
    ]
    mode_label = page.locator("#filter-mode option[value=virtual]").inner_text()
    assert mode_label == f"Virtual ({len(both)})"
    page.select_option("#filter-mode", "virtual")
    assert page.locator(".ph-count").inner_text() == f"{len(both)} groups match."
    shown = page.locator("#group-results li a").all_inner_texts()
    assert sorted(shown) == sorted(g.name for g in both)
    assert page.locator(".ph-directory").is_hidden()
    assert parse_qs(urlsplit(page.url).query) == {"outcome": ["support"], "mode": ["virtual"]}

    page.reload()
    page.wait_for_selector(".ph-count")
    assert page.locator(".ph-count").inner_text() == f"{len(both)} groups match."
    page.click("#group-filters button[type=reset]")
    page.wait_for_selector(".ph-directory", state="visible")
    assert urlsplit(page.url).query == ""


def test_the_join_link_lists_exactly_the_open_groups(page: object, scale: tuple[str, Path]) -> None:
    url, root = scale
    views = load_site(root).published_views.values()
    open_names = sorted(g.name for g in views if g.joining == "open")
    # The synthetic groups are in every state, and the open ones fit the first list.
    assert 10 < len(open_names) <= 100
    page.goto(url)
    page.get_by_role("link", name="Find a group to join").click()
    page.wait_for_selector(".ph-count")
    assert parse_qs(urlsplit(page.url).query) == {"joining": ["open"]}
    assert page.locator("#filter-joining").input_value() == "open"
    assert page.locator(".ph-count").inner_text() == f"{len(open_names)} groups match."
    assert sorted(page.locator("#group-results li a").all_inner_texts()) == open_names
    page.goto(url)
    assert page.locator(".ph-open-count strong").inner_text() == str(len(open_names))


def test_search_finds_formats_before_groups(page: object, base_url: str) -> None:
    page.goto(base_url)
    page.click("label[for=__search]")
    # Material says "Initializing search" until its index is ready.
    expect(page.locator(".md-search-result__meta")).not_to_contain_text("Initializing")
    page.locator("input.md-search__input").press_sequentially("troika", delay=30)
    page.wait_for_selector(".md-search-result__item")
    first = page.locator(".md-search-result__item a").first.get_attribute("href")
    assert "formats/troika-consulting/" in first


def test_back_returns_to_the_previous_choices(page: object, base_url: str) -> None:
    page.goto(base_url + "outcomes/")
    page.check("#outcome-support")
    page.wait_for_selector("#picker-results article")
    page.select_option("#picker-mode", "virtual")
    expect(page).to_have_url(re.compile(r"outcome=support&mode=virtual$"))
    page.go_back()
    expect(page).to_have_url(re.compile(r"\?outcome=support$"))
    expect(page.locator("#picker-mode")).to_have_value("any")
    # The picker draws its cards again after the address changes back: Playwright
    # retries until the cards are the expected ones, in order (or times out).
    shown = [re.compile(rf"^\d+\. {re.escape(t)}$") for t in expected_titles("support-any")]
    expect(page.locator("#picker-results article h3")).to_have_text(shown)


def test_choosing_an_outcome_on_a_phone_shows_the_results(page: object, base_url: str) -> None:
    page.goto(base_url + "outcomes/")  # the `page` fixture is a phone-sized window
    page.check("#outcome-team-building")
    page.wait_for_selector("#picker-results article")
    page.wait_for_timeout(300)
    top = page.locator("#picker-results").bounding_box()["y"]
    assert -1 <= top < 844 / 2  # scrolled into view, not 1,000 px below the form


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1440, 900), (2400, 1300)])
def test_chart_text_reads_at_the_body_size_at_every_width(
    browser: object, base_url: str, width: int, height: int
) -> None:
    """Every chart label and number is drawn at the body's size (see `rendered_sizes`)."""
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    tab.goto(base_url)
    body, sizes = rendered_sizes(
        tab,
        ".md-content .md-typeset > p",
        "figure.ph-chart text, figure.ph-chart .ph-chart__label, figure.ph-chart .ph-chart__value",
    )
    overflowing = tab.evaluate(
        """() => [...document.querySelectorAll('figure.ph-chart')]
                 .filter(f => f.scrollWidth > f.clientWidth + 1).length"""
    )
    context.close()
    assert len(sizes) >= 20  # two charts' labels and numbers
    assert {round(s, 1) for s in sizes} == {round(body, 1)}
    assert overflowing == 0


def _catalog_expected(**chosen: str) -> list[str]:
    """The names of the formats whose files (read here with PyYAML, not through the hub)
    fit every choice: an outcome they serve, a size band their range reaches into, a
    length they fit in, a facilitation and a mode they list."""
    names = []
    for path in sorted((Path(__file__).resolve().parents[1] / "formats").glob("*.yml")):
        fmt = yaml.safe_load(path.read_text())
        size, minutes = fmt["size"], fmt["session_minutes"]
        outcomes = fmt["outcomes"]["primary"] + fmt["outcomes"].get("secondary", [])
        low, _, high = chosen.get("size", "0-1000").partition("-")
        checks = [
            chosen.get("outcome", outcomes[0]) in outcomes,
            size["max"] >= int(low) and size["min"] <= (1000 if high == "plus" else int(high)),
            minutes > 120
            if chosen.get("minutes") == "longer"
            else minutes <= int(chosen.get("minutes", 480)),
            chosen.get("facilitation", fmt["facilitation"][0]) in fmt["facilitation"],
            chosen.get("mode", fmt["modes"][0]) in fmt["modes"],
        ]
        if all(checks):
            names.append(fmt["name"])
    return names


def _shown_formats(page: object) -> list[str]:
    return sorted(page.locator("#format-catalog li:visible .ph-card__title").all_inner_texts())


def test_the_format_catalog_filters_by_every_menu(page: object, base_url: str) -> None:
    page.goto(f"{base_url}formats/?outcome=support&size=3-5&mode=virtual")
    expected = _catalog_expected(outcome="support", size="3-5", mode="virtual")
    assert 2 <= len(expected) < 40  # a real narrowing, not all or nothing
    expect(page.locator("#format-count")).to_have_text(
        f"{len(expected)} of {len(_catalog_expected())} formats match."
    )
    assert _shown_formats(page) == sorted(expected)
    page.select_option("#format-filter-minutes", "60")
    expected = _catalog_expected(outcome="support", size="3-5", mode="virtual", minutes="60")
    expect(page.locator("#format-count")).to_contain_text(f"{len(expected)} of ")
    assert _shown_formats(page) == sorted(expected)
    assert parse_qs(urlsplit(page.url).query)["minutes"] == ["60"]  # a link keeps it
    # Long meetings only, run by a paid facilitator: the chaired board, for one.
    page.click("#format-filters button[type=reset]")
    expect(page.locator("#format-count")).to_have_text("")
    assert len(_shown_formats(page)) == len(_catalog_expected())
    page.select_option("#format-filter-minutes", "longer")
    page.select_option("#format-filter-facilitation", "paid")
    expected = _catalog_expected(minutes="longer", facilitation="paid")
    assert "Chaired peer advisory board" in expected
    expect(page.locator("#format-count")).to_contain_text(f"{len(expected)} of ")
    assert _shown_formats(page) == sorted(expected)
    # Nothing fits: the page says so and how to get out of it.
    page.goto(
        f"{base_url}formats/?size=41-plus&minutes=30&mode=hybrid&outcome=supervisory-development"
    )
    assert (
        _catalog_expected(
            size="41-plus", minutes="30", mode="hybrid", outcome="supervisory-development"
        )
        == []
    )
    expect(page.locator("#format-count")).to_contain_text("No format matches all of these")
    assert _shown_formats(page) == []


#: How wide the page and the directory are drawn, and what each row shows, as a list of
#: (label, text) per cell: the label is the one the phone's layout puts before it.
DIRECTORY_ON_A_PHONE = """() => {
  const table = document.querySelector('.ph-directory table');
  const rows = [...table.querySelectorAll('tbody tr')].map(tr => [...tr.cells].map(td => [
    getComputedStyle(td, '::before').content,
    td.textContent.trim(),
    td.getBoundingClientRect().right,
  ]));
  return {page: document.documentElement.scrollWidth, table: table.scrollWidth,
          shown: table.clientWidth, rows};
}"""


def test_the_directory_fits_a_phone_as_labelled_cards(browser: object, base_url: str) -> None:
    """At 360 px the directory is one card per group, every fact on screen with its label,
    instead of a five-column table cut off at the right."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(base_url + "groups/")
    drawn = page.evaluate(DIRECTORY_ON_A_PHONE)
    context.close()
    assert drawn["page"] <= 360
    assert drawn["table"] <= drawn["shown"]  # nothing to scroll sideways inside it either
    assert len(drawn["rows"]) == 6
    for cells in drawn["rows"]:
        labels = [label for label, _, _ in cells]
        assert labels == ["none", '"Who: "', '"Main outcome: "', '"How they meet: "', '"Status: "']
        assert all(right <= 360 for _, _, right in cells)
        assert all(text for _, text, _ in cells)


def test_the_feed_link_costs_no_failed_request(browser: object, base_url: str) -> None:
    """Every page announces the feed; a `rel` of exactly "alternate" would make the theme
    fetch groups/sitemap.xml, which does not exist, on every page."""
    context = browser.new_context()
    tab = context.new_page()
    failed: list[str] = []
    tab.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    tab.goto(base_url + "formats/troika-consulting/", wait_until="networkidle")
    feed = tab.locator('link[rel~="alternate"][type="application/atom+xml"]')
    assert feed.evaluate("link => link.href") == base_url + "groups/feed.xml"
    context.close()
    assert failed == []


def test_a_format_address_from_before_its_rename_leads_to_it(page: object, base_url: str) -> None:
    """The catalog renamed "Teach-back session" (the health-care term means something
    else): links to its old address land on the format under its new name."""
    page.goto(base_url + "formats/teach-back-session/")
    page.wait_for_url(base_url + "formats/member-led-training/")
    expect(page.locator("article h1")).to_have_text("Member-led training")
