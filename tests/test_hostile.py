"""Hostile content: a payload in every text field of every content kind, checked at
every sink (HTML, front matter, search index, JSON, XML, .ics, Markdown downloads);
a CSP that only the theme's own scripts satisfy; no code and no outside files from
content. The golden bad-input cases live in tests/cases/.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import icalendar
import pytest
import yaml

from peerhub.commands.cli import main
from peerhub.content.problems import Problem

from conftest import (
    REPO,
    macro_pages,
    make_project,
    mkdocs_build,
    needs_chromium,
    served,
    site_files,
    soup,
)

#: Keys whose values are ids, choices, addresses or dates, not free text.
NOT_TEXT = {
    *("cadence", "facilitation", "modes", "mode", "primary", "secondary", "formats"),
    *("related", "url", "email", "visibility", "anonymous_id", "added", "started", "ended"),
    "publish_contact",
}
EVALUATED = "8641969"  # what {{7*1234567}} would print if text ran as a template


def payload(number: int) -> str:
    return (
        f"Z{number}<script>__pwned({number})</script><img src=x onerror=__pwned({number})>"
        "\"'&{{7*1234567}}"
    )


def poisoned(data: Any, placed: dict[str, str], base: int, where: str = "") -> Any:
    """`data` with a numbered payload in place of every free-text string; `placed`
    records which payload went where (`name`, `agenda[0].step`, ...)."""
    key = where.rsplit(".", 1)[-1].split("[", maxsplit=1)[0]
    if isinstance(data, dict):
        return {k: poisoned(v, placed, base, f"{where}.{k}".lstrip(".")) for k, v in data.items()}
    if isinstance(data, list):
        return [poisoned(v, placed, base, f"{where}[{i}]") for i, v in enumerate(data)]
    if isinstance(data, str) and key not in NOT_TEXT:
        placed[where] = payload(base + len(placed))
        return placed[where]
    return data


def poison_file(path: Path, base: int, **extra: Any) -> dict[str, str]:
    placed: dict[str, str] = {}
    data = poisoned(yaml.safe_load(path.read_text(encoding="utf-8")), placed, base)
    data.update(extra)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, width=1000), encoding="utf-8")
    return placed


PUBLIC_GROUP = {
    "name": "x",
    "summary": "x",
    "added": "2025-01-15",
    "organization": "x",
    "audience": "x",
    "sector": "x",
    "story": "x\n\nx",
    "formats": ["troika-consulting"],
    "outcomes": {"primary": "support"},
    "tools": ["x"],
    "what_worked": ["x"],
    "challenges": ["x"],
    "advice": ["x"],
    "links": [{"title": "x", "url": "https://example.org/"}],
    "contact": {"name": "x", "email": "a@example.org", "url": "https://example.org/c"},
    "publish_contact": "true",
    "credit": "x",
}


PLACED: dict[str, dict[str, str]] = {}


@pytest.fixture(scope="module")
def hostile_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("hostile") / "hub")
    PLACED["format"] = poison_file(root / "formats" / "troika-consulting.yml", 1000)
    PLACED["outcome"] = poison_file(root / "outcomes" / "support.yml", 2000)
    public = root / "groups" / "loud-circle.yml"
    public.write_text(yaml.safe_dump(PUBLIC_GROUP))
    PLACED["public"] = poison_file(public, 3000)
    anonymous = root / "groups" / "quiet-circle.yml"
    withheld = ("organization", "links", "contact", "credit", "publish_contact")
    anonymous.write_text(
        yaml.safe_dump({k: v for k, v in PUBLIC_GROUP.items() if k not in withheld})
    )
    PLACED["anonymous"] = poison_file(
        anonymous, 4000, visibility="anonymous", anonymous_id="k4r7tq2mzx9w"
    )
    return root


@pytest.fixture(scope="module")
def hostile_site(hostile_root: Path) -> Path:
    result = mkdocs_build(hostile_root)
    assert result.returncode == 0, result.stdout + result.stderr
    return hostile_root / "site"


def test_payloads_reach_the_site_as_text(hostile_site: Path) -> None:
    page = soup(hostile_site / "formats" / "troika-consulting" / "index.html")
    assert page.h1.get_text() == PLACED["format"]["name"]  # shown literally
    group = soup(hostile_site / "groups" / "loud-circle" / "index.html").get_text()
    assert [p for p in PLACED["public"].values() if p not in group] == []
    anonymous = soup(hostile_site / "groups" / "anonymous-k4r7tq2mzx9w" / "index.html")
    label = f"Anonymous peer group of {PLACED['anonymous']['audience']}, "
    assert anonymous.h1.get_text() == label + PLACED["anonymous"]["sector"]


def test_no_payload_becomes_markup_anywhere(hostile_site: Path) -> None:
    found = []
    for name, content in site_files(hostile_site).items():
        data = gzip.decompress(content) if name.endswith(".gz") else content
        text = data.decode("utf-8", "replace")
        if EVALUATED in text:
            found.append(f"{name}: template evaluated")
        if not name.endswith(".html"):
            continue
        html = soup(hostile_site / name)
        for tag in html.find_all(True):
            if tag.name == "script" and "__pwned" in (tag.string or ""):
                found.append(f"{name}: <script>")
            if tag.name == "img" and tag.get("src") == "x":
                found.append(f"{name}: <img>")
            found += [f"{name}: {tag.name}[{a}]" for a in tag.attrs if a.startswith("on")]
    assert found == []


def test_search_index_holds_escaped_text(hostile_site: Path) -> None:
    index = json.loads((hostile_site / "search" / "search_index.json").read_text())
    raw = [
        (doc["location"], field)
        for doc in index["docs"]
        for field in ("title", "text", "tags")
        if re.search(r"<(script|img)", json.dumps(doc.get(field, ""), ensure_ascii=False))
    ]
    assert raw == []
    assert [d for d in index["docs"] if "Z1000&lt;script&gt;" in d["title"]]  # escaped


def test_data_files_parse_and_keep_the_text(hostile_site: Path) -> None:
    groups = json.loads((hostile_site / "api" / "groups.json").read_text())
    assert PLACED["public"]["name"] in [g["name"] for g in groups]
    feed = ET.fromstring((hostile_site / "groups" / "feed.xml").read_bytes())
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert PLACED["public"]["name"] in titles
    files = sorted((hostile_site / "assets" / "picker").glob("*.json"))
    titles = [d["title"] for f in files for d in json.loads(f.read_text())["designs"]]
    assert PLACED["outcome"]["designs[0].title"] in titles


def test_every_html_file_carries_the_policy(hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    assert hostile_site / "404.html" in pages
    for path in pages:
        head = soup(path).head
        first = head.find(True)
        assert first.name == "meta", path
        assert first.get("http-equiv") == "Content-Security-Policy", path
        policy = first["content"]
        assert "unsafe-inline" not in policy
        assert "unsafe-eval" not in policy


@needs_chromium
def test_no_payload_runs_in_chromium(hostile_root: Path, browser: object) -> None:
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.add_init_script("window.__calls = []; window.__pwned = n => window.__calls.push(n);")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for url in served(hostile_root):
        site = hostile_root / "site"
        paths = sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))
        for path in paths:
            address = url + path.removesuffix("index.html")
            page.goto(address)
            if 'http-equiv="refresh"' in (site / path).read_text():  # a renamed page's old address
                page.wait_for_url(lambda now, left=address: now != left)
                page.wait_for_load_state()
            assert page.evaluate("window.__calls") == [], path
        page.goto(url + "outcomes/?outcome=support")
        page.wait_for_selector("#picker-results article")
        page.goto(url + "kits/?outcome=support&design=support-1")
        page.wait_for_selector("#meeting-1")
        with page.expect_download() as info:
            page.click("text=Download the charter (.md)")
        charter = Path(info.value.path()).read_text()
        assert "<script" not in charter
        assert "&lt;script&gt;" in charter
        with page.expect_download() as info:
            page.click("text=Download the calendar (.ics)")
        calendar = icalendar.Calendar.from_ical(Path(info.value.path()).read_bytes())
        assert all("\n" not in str(e["SUMMARY"]) for e in calendar.walk("VEVENT"))
        assert page.evaluate("window.__calls") == []
        page.goto(url)
        for _ in range(30):  # the search index loads in a worker; the theme searches on keys
            page.fill("input[name=query]", "Z1000")
            page.press("input[name=query]", "End")
            if page.locator(".md-search-result__item").count():
                break
            page.wait_for_timeout(500)
        assert page.locator(".md-search-result img[src=x]").count() == 0
        assert page.evaluate("window.__calls") == []
    assert dialogs == []
    context.close()


def test_kits_of_a_numbered_format_do_not_collide(tmp_path: Path) -> None:
    root = make_project(tmp_path / "hub")
    source = (root / "formats" / "peer-coaching-group.yml").read_text()
    (root / "formats" / "1.yml").write_text(source.replace("name: ", "name: One ", 1))
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    picker = json.loads((root / "site" / "assets" / "picker" / "coaching-culture.json").read_text())
    keys = [d["key"] for d in picker["designs"]]
    assert len(keys) == len(set(keys))
    assert "coaching-culture-format-1" in keys
    assert "coaching-culture-1" in keys


def test_an_inline_script_in_a_guide_stops_the_build(project: Path) -> None:
    (project / "docs" / "index.md").write_text("# Hi\n\n<script>window.__pwned = 1</script>\n")
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert "index.md: an inline script no theme template emits: 'window.__pwned = 1'" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


def test_macros_run_only_in_listed_pages_and_in_a_sandbox(tmp_path: Path) -> None:
    escape = "{{ format_card.__globals__['__builtins__']['__import__']('os').getcwd() }}"
    opt_in = "---\nrender_macros: true\n---\n\n# Sneaky\n\n{{ hub_figures() }}\n"
    root = make_project(tmp_path / "one", docs={"sneaky.md": opt_in})
    result = mkdocs_build(root)
    assert result.returncode == 1
    assert "sneaky.md: 'render_macros: true' is not accepted" in result.stderr
    root = make_project(tmp_path / "two", docs={"listed.md": escape}, macros=("listed.md",))
    result = mkdocs_build(root)
    assert result.returncode != 0
    assert "SecurityError" in result.stdout + result.stderr or "unsafe" in result.stderr
    assert str(root) not in (root / "site").as_posix() or not (root / "site").exists()


def test_pages_with_macros_need_a_maintainer() -> None:
    owners = (REPO / ".github" / "CODEOWNERS").read_text().splitlines()
    maintained = {
        line.split()[0] for line in owners if line.endswith("@peer-group-hub/maintainers")
    }
    assert "/mkdocs.yml" in maintained
    assert "/hooks/" in maintained
    assert macro_pages()
    assert all(f"/docs/{page}" in maintained for page in macro_pages())


def test_symlinks_in_docs_are_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "docs" / "secrets.txt").symlink_to("/etc/passwd")
    (project / "docs" / "linked").symlink_to(project / "groups")
    expected = [
        "docs/linked:1:1: error: (file): symbolic links are not allowed in docs/ (the site "
        "would publish whatever they point to); copy the file instead",
        "docs/secrets.txt:1:1: error: (file): symbolic links are not allowed in docs/ (the "
        "site would publish whatever they point to); copy the file instead",
    ]
    assert main(["validate", "--root", str(project)]) == 1
    assert capsys.readouterr().out.splitlines()[:2] == expected
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert all(line in result.stderr for line in expected)


VALID = "summary: Leads who meet monthly.\nadded: 2025-01-15\noutcomes:\n  primary: support\n"


def test_odd_file_names_get_located_errors(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = os.fsencode(project / "groups")
    descriptor = os.open(folder + b"/caf\xe9.yml", os.O_WRONLY | os.O_CREAT)
    os.write(descriptor, ("name: Cafe\n" + VALID).encode())
    os.close(descriptor)
    (project / "groups" / "trailing\n.yml").write_text("name: Trailing\n" + VALID)
    assert main(["validate", "--root", str(project)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "groups/caf\\udce9.yml:1:1: error: (file): the file name is not valid UTF-8; "
        "rename it with lower-case letters and hyphens"
    )
    assert out[1].startswith("groups/trailing\\n.yml:1:1: error: (file): file name ")
    assert len(out) == 2


def test_problems_stay_on_one_line() -> None:
    problem = Problem("groups/x.yml", 3, 1, "colour\n::error::forged", "unknown field\r\nx")
    assert str(problem) == (
        "groups/x.yml:3:1: error: colour\\n::error::forged: unknown field\\r\\nx"
    )
    assert problem.github_annotation().count("\n") == 0
    assert "\n::error" not in problem.github_annotation()
