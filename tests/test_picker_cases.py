"""The golden picker cases (tests/picker/) against `recommend`, the built outcome pages
and the real picker script in Chromium. Update with `pytest --update-goldens` and
review the diff."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from picker_cases import CASES, expected_now, load, write

from peerhub.hub import Hub
from peerhub.picker import picker_data

from conftest import NODE, REPO, needs_chromium, needs_node, repo_copy, served, soup

PICKER_CASES = [c for c in CASES if not load(c).get("page")]
PAGE_CASES = [c for c in CASES if load(c).get("page")]


def test_there_are_enough_cases() -> None:
    assert len(PICKER_CASES) >= 40
    assert len(PAGE_CASES) == 10


@pytest.mark.parametrize("path", CASES, ids=[c.stem for c in CASES])
def test_recommend_gives_the_reviewed_answer(path: Path, update_goldens: bool, hub: Hub) -> None:
    case = load(path)
    result = expected_now(hub, case)
    if update_goldens:
        write(path, case, result)
        case = load(path)
    assert result == {k: case[k] for k in result}


@needs_node
def test_the_data_gives_every_reviewed_answer_through_the_real_lookup(
    hub: Hub, tmp_path: Path
) -> None:
    """picker-data.json, computed here, read by the lookup code of docs/assets/hub.js that
    the picker and the start kit run (in Node: the same code, without a browser)."""
    data = tmp_path / "picker-data.json"
    data.write_text(json.dumps(picker_data(hub)), encoding="utf-8")
    cases = [load(path) for path in CASES]
    queries = [
        {"outcome": c["outcome"], "page": True, "count": len(c["designs"])}
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
        designs = [
            {
                "title": d["title"],
                "size": d["size"],
                "meetings": f"{d['cadence']}, {d['minutes']} minutes",
                "changes": d["changes"],
                "agenda": d["agenda"],
                "later": d["later"],
            }
            for d in got["designs"]
        ]
        assert designs == case["designs"], path.stem
        if not case.get("page"):
            assert got["notes"] == case["notes"], path.stem


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    root = repo_copy(tmp_path_factory.mktemp("picker") / "hub")
    for url in served(root):
        yield url, root / "site"


@pytest.mark.parametrize("path", PAGE_CASES, ids=[c.stem for c in PAGE_CASES])
def test_outcome_pages_without_javascript(path: Path, site_url: tuple[str, Path]) -> None:
    case = load(path)
    page = soup(site_url[1] / "outcomes" / case["outcome"] / "index.html")
    sections = page.select("section.ph-design")
    assert len(sections) == len(case["designs"])
    for section, design in zip(sections, case["designs"], strict=True):
        assert section.h2.get_text().split(": ", 1)[1] == design["title"]
        rows = [[td.get_text() for td in tr.select("td")] for tr in section.select("tbody tr")]
        assert [[r[1], _minutes(r[0])] for r in rows] == design["agenda"]
        assert [li.get_text() for li in section.select("ul.ph-changes li")] == design["changes"]


def _minutes(span: str) -> int:
    start, end = span.removesuffix(" min").split("–")
    return int(end) - int(start)


def _cell(row: object, index: int) -> str:
    return row.locator("td").nth(index).text_content()


def shown_in_picker(page: object) -> dict[str, object]:
    designs = []
    for article in page.locator("#picker-results article").all():
        facts = dict(
            zip(
                article.locator("dl.ph-facts dt").all_text_contents(),
                article.locator("dl.ph-facts dd").all_text_contents(),
                strict=True,
            )
        )
        rows = article.locator("details table tbody tr").all()
        designs.append(
            {
                "title": article.locator("h3").text_content().split(". ", 1)[1],
                "size": facts["Size"],
                "meetings": facts["Meetings"],
                "changes": article.locator(".ph-changes li").all_text_contents(),
                "agenda": [
                    [
                        r.locator("td").nth(1).text_content(),
                        _minutes(r.locator("td").nth(0).text_content()),
                    ]
                    for r in rows
                ],
            }
        )
    return {"designs": designs, "notes": page.locator("p.ph-conflict").all_text_contents()}


@needs_chromium
def test_the_picker_script_shows_every_case(browser: object, site_url: tuple[str, Path]) -> None:
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    url = site_url[0]
    mismatches = []
    for path in PICKER_CASES:
        case = load(path)
        query = urlencode({"outcome": case["outcome"], **(case.get("choices") or {})})
        page.goto(f"{url}outcomes/?{query}")
        page.wait_for_selector("#picker-results article")
        shown = [{k: v for k, v in d.items() if k != "later"} for d in case["designs"]]
        if shown_in_picker(page) != {"designs": shown, "notes": case["notes"]}:
            mismatches.append(path.stem)
    context.close()
    assert errors == []
    assert mismatches == []
