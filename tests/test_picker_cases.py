"""The golden picker cases (tests/picker/) against `recommend`, the built outcome pages
and the real picker script in Chromium. After an intended change, `pytest -p no:xdist
--inline-snapshot=fix tests/test_picker_cases.py` rewrites them: review the diff."""

from __future__ import annotations

import itertools
import json
import subprocess
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from test_advice_scenarios import SCENARIOS, broken, constraints, size_choice

from peerhub.decisions.picker.recommend import Answer, design_key
from peerhub.render.cards import meetings_text
from peerhub.render.picker_table import CHOICES, picker_data
from peerhub.site import Site

from conftest import NODE, REPO, needs_chromium, needs_node
from picker_cases import (
    CASES,
    address_of,
    case_file,
    expected_now,
    kit_addresses,
    load,
    reviewed,
)

PICKER_CASES = [c for c in CASES if not load(c).get("page")]
PAGE_CASES = [c for c in CASES if load(c).get("page")]


def test_there_are_enough_cases() -> None:
    assert len(PICKER_CASES) >= 40
    assert len(PAGE_CASES) == 10


@pytest.mark.parametrize("path", CASES, ids=[c.stem for c in CASES])
def test_recommend_gives_the_reviewed_answer(path: Path, hub: Site) -> None:
    case = load(path)
    assert reviewed(case, expected_now(hub, case)) == case_file(path)


@needs_node
def test_the_data_gives_every_reviewed_answer_through_the_real_lookup(
    hub: Site, tmp_path: Path
) -> None:
    """picker-data.json, computed here, read by the lookup code of docs/assets/hub.js that
    the picker and the start kit run (in Node: the same code, without a browser)."""
    data = tmp_path / "picker-data.json"
    data.write_text(json.dumps(picker_data(hub)), encoding="utf-8")
    cases = [load(path) for path in CASES]
    queries = [
        {"outcome": c["outcome"], "page": True}
        if c.get("page")
        else {"outcome": c["outcome"], "choices": c.get("choices") or {}}
        for c in cases
    ]
    script = Path(__file__).parent / "picker_lookup.js"
    run = subprocess.run(
        [NODE, str(script), str(REPO / "docs" / "assets" / "hub.js"), str(data)],
        input=json.dumps(queries),
        capture_output=True,
        text=True,
        check=True,
    )
    for path, case, got in zip(CASES, cases, json.loads(run.stdout), strict=True):
        assert got["designs"] == case["designs"], path.stem
        if not case.get("page"):
            assert got["notes"] == case["notes"], path.stem


@needs_node
def test_the_lookup_finds_no_outcome_in_a_name_every_object_inherits(
    hub: Site, tmp_path: Path
) -> None:
    """An address such as ?outcome=__proto__ gets no designs and no notes from the real
    lookup code (it looks among the data's own keys), instead of an exception."""
    data = tmp_path / "picker-data.json"
    data.write_text(json.dumps(picker_data(hub)), encoding="utf-8")
    names = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"]
    run = subprocess.run(
        [
            NODE,
            str(Path(__file__).parent / "picker_lookup.js"),
            str(REPO / "docs" / "assets" / "hub.js"),
            str(data),
        ],
        input=json.dumps([{"outcome": name, "choices": {}} for name in names]),
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == [{"designs": [], "notes": []}] * len(names)


@pytest.fixture(scope="module")
def site_url(real_site: tuple[str, Path]) -> tuple[str, Path]:
    url, root = real_site
    return url, root / "site"


def shown_cards(html: str) -> list[dict[str, object]]:
    """The design cards in some HTML, as a reader sees them: the outcome pages and the
    picker show the same card (design_card.html), so one reader serves both."""
    designs = []
    for card in BeautifulSoup(html, "html.parser").select("article.ph-design"):
        facts = dict(
            zip(
                [dt.get_text() for dt in card.select("dl.ph-facts dt")],
                [dd.get_text() for dd in card.select("dl.ph-facts dd")],
                strict=True,
            )
        )
        rows = [[td.get_text() for td in tr.select("td")] for tr in card.select("tbody tr")]
        changes = card.select_one(".ph-changes")
        notes = card.select_one(".ph-design-notes")
        designs.append(
            {
                "title": card.h3.get_text().split(". ", 1)[1],
                "size": facts["Size"],
                "meetings": facts["Meetings"],
                "changes": []
                if changes.has_attr("hidden")
                else [li.get_text() for li in changes.select("li")],
                "notes": []
                if notes.has_attr("hidden")
                else [li.get_text() for li in notes.select("li")],
                "agenda": [[r[1], _minutes(r[0])] for r in rows],
            }
        )
    return designs


@pytest.mark.parametrize("path", PAGE_CASES, ids=[c.stem for c in PAGE_CASES])
def test_outcome_pages_without_javascript(path: Path, site_url: tuple[str, Path]) -> None:
    case = load(path)
    page = site_url[1] / "outcomes" / case["outcome"] / "index.html"
    shown = [{k: v for k, v in d.items() if k != "later"} for d in case["designs"]]
    assert shown_cards(page.read_text(encoding="utf-8")) == shown


def _minutes(span: str) -> int:
    start, end = span.removesuffix(" min").split("–")
    return int(end) - int(start)


def shown_in_picker(page: object) -> dict[str, object]:
    return {
        "designs": shown_cards(page.locator("#picker-results").inner_html()),
        "notes": page.locator("p.ph-conflict").all_text_contents(),
    }


# One test per case, so that pytest-xdist can spread the cases over its workers.
@needs_chromium
@pytest.mark.parametrize("path", PICKER_CASES, ids=[c.stem for c in PICKER_CASES])
def test_the_picker_script_shows_every_case(
    browser: object, site_url: tuple[str, Path], path: Path, hub: Site
) -> None:
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    url = site_url[0]
    case = load(path)
    query = urlencode({"outcome": case["outcome"], **(case.get("choices") or {})})
    page.goto(f"{url}outcomes/?{query}")
    page.wait_for_selector("#picker-results article")
    shown = [{k: v for k, v in d.items() if k != "later"} for d in case["designs"]]
    picked = shown_in_picker(page)
    kits = page.locator(".ph-design .ph-kit a").evaluate_all("as => as.map(a => a.href)")
    context.close()
    assert errors == []
    assert picked == {"designs": shown, "notes": case["notes"]}
    # Each card links its design's kit with the reader's choices (test_kit.py opens
    # these addresses and checks the kit shows what the card does).
    root = urlsplit(url).path
    assert [address_of(k) for k in kits] == [
        (root + path.lstrip("/"), query) for path, query in kit_addresses(hub, case)
    ]


def _cards_markup(html: str, address: str) -> list[str]:
    """Each design card's markup, its links made absolute (the picker and an outcome
    page sit at different depths) and empty lists' blanks dropped."""
    cards = []
    for card in BeautifulSoup(html, "html.parser").select("article.ph-design"):
        for a in card.select("[href]"):
            a["href"] = urljoin(address, a["href"])
        cards.append(str(card))
    return cards


@needs_chromium
def test_the_picker_shows_the_outcome_pages_own_cards(
    browser: object, site_url: tuple[str, Path]
) -> None:
    """With no choices made, the picker shows the outcome page's designs, in its order,
    tag for tag."""
    page = browser.new_page()
    url = site_url[0]
    for outcome in [load(p)["outcome"] for p in PAGE_CASES]:
        page.goto(f"{url}outcomes/?outcome={outcome}")
        page.wait_for_selector("#picker-results article")
        picker = _cards_markup(page.locator("#picker-results").inner_html(), f"{url}outcomes/")
        own = (site_url[1] / "outcomes" / outcome / "index.html").read_text(encoding="utf-8")
        cards = _cards_markup(own, f"{url}outcomes/{outcome}/")
        assert picker == cards, outcome
    page.close()


#: Runs the real answer() of hub.js over every outcome and every combination of
#: choices, and prints one line per answer: what a reader would see, as JSON.
EVERY_ANSWER = r"""
const fs = require("fs");
const [hubScript, dataFile] = process.argv.slice(1);
const hub = require(hubScript);  // the functions hub.js exports in Node
const data = JSON.parse(fs.readFileSync(dataFile, "utf8"));
const names = hub.DIMENSIONS;
const out = [];
function walk(outcome, i, choices) {
  if (i === names.length) {
    const a = hub.answer(data, outcome, choices);
    out.push(JSON.stringify([a.notes, a.designs.map((d) => [d.base.key, d.size, d.meetings,
      d.changes, d.notes, d.agenda.map((s) => [s.title, s.minutes]),
      d.later.map((s) => [s.title, s.minutes])])]));
    return;
  }
  for (const value of data.choices[names[i]]) {
    walk(outcome, i + 1, { ...choices, [names[i]]: value });
  }
}
for (const outcome of Object.keys(data.candidates)) walk(outcome, 0, {});
process.stdout.write(out.join("\n"));
"""


@needs_node
def test_the_browser_answers_every_combination_as_recommend_does(
    hub: Site, tmp_path: Path, every_ranking: dict[tuple[str, tuple[str, ...]], Answer]
) -> None:
    """The ranking is decided in Python; hub.js only adds up the effects the data holds
    for each chosen value. Over all 89,600 answers (10 outcomes, every combination of
    choices) the browser's answer is the one `recommend` gives, word for word."""
    data = picker_data(hub)
    path = tmp_path / "picker-data.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    run = subprocess.run(
        [NODE, "-e", EVERY_ANSWER, str(REPO / "docs" / "assets" / "hub.js"), str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = run.stdout.split("\n")
    expected = []
    for outcome in data["candidates"]:
        for combination in itertools.product(*CHOICES.values()):
            answer = every_ranking[outcome, combination]  # its first three are the answer
            designs = [
                [
                    design_key(outcome, r.key),
                    r.size_text,
                    meetings_text(r.cadence, r.session_minutes),
                    list(r.changes),
                    list(r.notes),
                    [[s.title, s.minutes] for s in r.agenda],
                    [[s.title, s.minutes] for s in r.later],
                ]
                for r in answer.designs[:3]
            ]
            expected.append(json.dumps([list(answer.notes), designs], ensure_ascii=False))
    assert len(lines) == len(expected) == 10 * 4 * 7 * 16 * 5 * 4
    wrong = [
        i
        for i, (a, b) in enumerate(zip(lines, expected, strict=True))
        if json.loads(a) != json.loads(b)
    ]
    assert wrong == [], (lines[wrong[0]], expected[wrong[0]])


@needs_chromium
def test_the_picker_answers_every_scenario_as_the_sources_accept(
    browser: object, site_url: tuple[str, Path], hub: Site
) -> None:
    """The scenario table (tests/advice/scenarios.yml), through the real picker page:
    the first card is the design `recommend` puts first, and meets what the sources
    ask of it (apart from the few scenarios marked as answered wrongly, with why)."""
    page = browser.new_page()
    titles = {d.title: d for o in hub.candidates.values() for _, d, _ in o}
    wrong = []
    for scenario in SCENARIOS:
        choices = dict(scenario["choices"])
        if not choices.get("outcome"):
            continue
        query = {k: str(v) for k, v in choices.items() if k != "people"}
        if choices.get("people"):
            query["size"] = str(size_choice(choices["people"]))
        page.goto(f"{site_url[0]}outcomes/?{urlencode(query)}")
        page.wait_for_selector("#picker-results article")
        title = page.locator("#picker-results article h3").first.text_content().split(". ", 1)[1]
        expected = hub.recommender.recommend(choices["outcome"], constraints(choices)).designs[0]
        assert title == expected.design.title, scenario["id"]
        if broken(titles[title], scenario["first_must"]):
            wrong.append(scenario["id"])
    page.close()
    assert wrong == []
