"""Search that answers the questions staff type, run through the real search (Material's
worker) in Chromium: the page that answers each question is among the first three."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import needs_chromium

QUESTIONS = [
    ("how big should a group be", "guides/scope/"),
    ("start a group", "guides/scope/"),
    ("facilitator", "guides/lead-and-facilitate/"),
    ("join a group", "groups/"),
    ("find a group to join", "groups/"),
    ("executive director", "groups/testing-change-executive-directors/"),
    ("burnout", "outcomes/support/"),
    ("virtual meetings", "guides/virtual-and-hybrid/"),
    ("troika", "formats/troika-consulting/"),
    ("peer coaching", "formats/peer-coaching-group/"),
    ("how often should we meet", "guides/run-a-meeting/"),
    ("people stop coming", "guides/keep-it-going/"),
    ("share our experience", "contribute/"),
    ("problem solving", "outcomes/problem-solving/"),
    ("agenda", "guides/run-a-meeting/"),
    ("staff engineers", "groups/staff-plus-peer-group/"),
    ("which outcome", "guides/choose-an-outcome/"),
    # The picker's designs each open a start kit (calendar invites, a charter).
    ("start kit", "outcomes/"),
    ("calendar invite", "outcomes/"),
    ("calendar", "outcomes/"),
    ("invite", "outcomes/"),
    ("charter", "outcomes/"),
    # Formats the catalog gained, by name and by a question each answers.
    ("lean coffee", "formats/lean-coffee/"),
    ("balint", "formats/balint-group/"),
    ("intervision", "formats/intervision/"),
    ("after action review", "formats/after-action-review/"),
    ("journal club", "formats/journal-club/"),
    ("review what happened", "formats/after-action-review/"),
    ("discuss research papers", "formats/journal-club/"),
    ("new managers", "formats/new-manager-circle/"),
]


@pytest.fixture(scope="module")
def site(real_site: tuple[str, Path]) -> tuple[str, Path]:
    url, root = real_site
    return url, root / "site"


#: The results' count line, and what the theme's English text says there with no query:
#: it says something else once the answer to a query is drawn.
META = ".md-search-result__meta"
NO_QUERY = "Type to start searching"
SHOWS = "([meta, text]) => (document.querySelector(meta).textContent === text) === %s"


def first_pages(page: object, url: str, query: str) -> list[str]:
    """The distinct pages of the results, in order, for `query`."""
    box = "input[name=query]"
    page.fill(box, "")
    page.press(box, "End")  # the theme searches on key events
    page.wait_for_function(SHOWS % "true", arg=[META, NO_QUERY])
    page.fill(box, query)
    page.press(box, "End")
    page.wait_for_function(SHOWS % "false", arg=[META, NO_QUERY])
    pages: list[str] = []
    for link in page.locator(".md-search-result__list > .md-search-result__item > a").all():
        href = link.get_attribute("href").removeprefix(url).split("?")[0].split("#")[0]
        if href not in pages:
            pages.append(href)
    return pages


@needs_chromium
def test_questions_find_their_page_in_the_top_three(
    browser: object, site: tuple[str, Path]
) -> None:
    url, _ = site
    page = browser.new_page()
    page.goto(url)
    for _ in range(30):  # the search index loads in a worker
        page.fill("input[name=query]", "group")
        page.press("input[name=query]", "End")
        if page.locator(".md-search-result__item").count():
            break
        page.wait_for_timeout(500)
    missed = {
        query: top[:3]
        for query, expected in QUESTIONS
        if expected not in (top := first_pages(page, url, query))[:3]
    }
    page.close()
    assert missed == {}


def test_each_generated_page_is_one_search_entry(site: tuple[str, Path]) -> None:
    index = json.loads((site[1] / "search" / "search_index.json").read_text())
    locations = Counter(doc["location"] for doc in index["docs"])
    generated = [loc for loc in locations if loc.startswith(("formats/", "outcomes/", "groups/"))]
    sections = [loc for loc in generated if "#" in loc]
    assert sections == []  # no format or outcome section crowds the results
    assert all(locations[loc] == 1 for loc in generated)
    assert not any(loc.startswith("kits/") for loc in locations)
    joined = [d["location"] for d in index["docs"] if re.search(r"[a-z]\d+[–-]\d+ ", d["text"])]
    assert joined == []  # labels and values keep their spaces: "size 4-10", not "size4-10"


def test_the_directory_is_found_by_its_words_not_its_filter_form(
    site: tuple[str, Path],
) -> None:
    """The filter form is interface, not content: its labels and options would fill the
    directory's search excerpt ("Filter the groups Filter the groups Main outcome Any")."""
    index = json.loads((site[1] / "search" / "search_index.json").read_text())
    directory = next(doc for doc in index["docs"] if doc["location"] == "groups/")
    assert "peer groups shared how they run" in directory["text"]
    assert "Filter the groups" not in directory["text"]
    assert "Main outcome Any" not in directory["text"]


def header_runs(site: Path) -> set[str]:
    """Each indexed table's header cells as a flattened index would hold them."""
    runs = set()
    for file in site.rglob("index.html"):
        for table in BeautifulSoup(file.read_text(), "html.parser").select("article table"):
            if table.has_attr("data-search-exclude") and not table.find_next_sibling(
                "p", class_="ph-table-words"
            ):
                continue
            cells = [" ".join(th.get_text().split()) for th in table.select("thead th")]
            if len(cells) > 1:
                runs |= {" ".join(cells), "".join(cells)}
    return runs


def test_tables_reach_the_index_as_sentences(site: tuple[str, Path]) -> None:
    """A section that opens with a table gets an excerpt that reads: a sentence per row
    (guides/scope.md's size table, copied by hand), no run of column names."""
    index = json.loads((site[1] / "search" / "search_index.json").read_text())
    texts = {doc["location"]: doc["text"] for doc in index["docs"]}
    assert texts["guides/scope/#size"].startswith(
        "<p>Virtual meetings, or any meeting of two hours or less with no breaks, 6–8, "
        "Everyone can speak, and a real conversation still happens. A regular group that "
        "meets monthly for a few hours, 6–10, "
    )
    runs = header_runs(site[1])
    assert "Situation Members Why" in runs  # the check sees the guides' tables
    assert [(loc, run) for loc, text in texts.items() for run in runs if run in text] == []


@needs_chromium
def test_a_result_from_a_table_reads_as_sentences(browser: object, site: tuple[str, Path]) -> None:
    url, _ = site
    page = browser.new_page()
    page.goto(url)
    for _ in range(30):  # the search index loads in a worker
        first_pages(page, url, "residential")
        result = page.locator("a[href*='guides/scope/'][href$='#size']").first
        if result.count():
            break
        page.wait_for_timeout(500)
    text = " ".join(result.inner_text().split())
    page.close()
    assert "Long sessions with breaks and time to bond (a residential program), 15–20," in text
    assert "Situation Members Why" not in text
