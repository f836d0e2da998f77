"""End to end: real `mkdocs build --strict` runs of small hubs, checked in the built HTML."""

from __future__ import annotations

import gzip
import json
import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import material
import pytest
from bs4 import BeautifulSoup

from peerhub.content.vocabulary import OUTCOME_IDS
from peerhub.render.csp import known_scripts, with_policy
from peerhub.render.datafiles import directory_data
from peerhub.render.feed import atom_feed
from peerhub.render.project import load_site

from conftest import VALID_GROUP, golden, make_project, mkdocs_build, soup
from sample_groups import ANON, ANONYMOUS, PRIVATE, PUBLIC

GUIDE = """\
# Using components

{{ group_card("platform-leads-circle") }}

{{ format_card("troika-consulting") }}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(
        tmp_path_factory.mktemp("built") / "hub",
        groups={
            "platform-leads-circle.yml": PUBLIC,
            "quiet-directors.yml": ANONYMOUS,
            "secret-circle.yml": PRIVATE,
            "example-circle.yml": VALID_GROUP,
        },
        docs={"guides/components.md": GUIDE},
        macros=("guides/components.md",),
    )
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def page(site: Path, url: str) -> BeautifulSoup:
    return soup(site / url / "index.html")


def resolve(site: Path, page_url: str, href: str) -> Path:
    """The file a relative link on `page_url` points to."""
    path_part = href.split("#", maxsplit=1)[0].split("?", maxsplit=1)[0]
    target = posixpath.normpath(posixpath.join(page_url, path_part))
    path = site / target
    return path / "index.html" if path.is_dir() else path


def test_spec_pages_exist(site: Path) -> None:
    formats = sorted(p.stem for p in (site.parent / "formats").glob("*.yml"))
    expected = ["", "formats/", "groups/", "outcomes/"]
    expected += [f"formats/{slug}/" for slug in formats]
    expected += [f"outcomes/{oid}/" for oid in OUTCOME_IDS]
    expected += ["groups/platform-leads-circle/", f"groups/{ANON}/"]
    for url in expected:
        assert (site / url / "index.html").is_file(), url
    assert not (site / "groups" / "secret-circle").exists()


def test_group_page_shows_the_data(site: Path) -> None:
    html = page(site, "groups/platform-leads-circle/")
    article = html.select_one("div.ph-group")
    assert article is not None
    assert article.h1.get_text() == "Platform leads circle"
    facts = {dt.get_text(): dt.find_next_sibling("dd").get_text() for dt in article.select("dt")}
    assert facts["Size"] == "12 invited, 9 members, about 7 per meeting"
    assert facts["Meets"] == "Hybrid, monthly, 90 minutes"
    assert facts["Organization"] == "Public Org Ltd"
    assert facts["Formats"] == "Troika consulting, Case clinic"
    assert article.select_one("#story + p em").get_text() == "rotate"
    notes = article.select_one("#story + p a")
    assert notes["href"] == "https://example.org/notes"
    assert "nofollow" in notes["rel"]
    assert "robin@example.org" in article.get_text()
    assert html.title.get_text() == "Platform leads circle - Peer Group Hub"
    meta = html.find("meta", attrs={"name": "description"})
    assert meta["content"] == "Platform team leads comparing notes every month."


def test_every_link_in_generated_pages_resolves(site: Path) -> None:
    checked = 0
    for folder in ("formats", "groups", "outcomes"):
        for file in (site / folder).rglob("index.html"):
            url = file.parent.relative_to(site).as_posix() + "/"
            for a in soup(file).select("article a[href]"):
                href = a["href"]
                if href.startswith(("https:", "mailto:", "#")):
                    continue
                assert resolve(site, url, href).is_file(), f"{url}: {href}"
                checked += 1
    assert checked > 50


def test_format_page_counts_and_links_groups(site: Path) -> None:
    html = page(site, "formats/troika-consulting/")
    facts = {dt.get_text(): dt.find_next_sibling("dd") for dt in html.select("article dt")}
    assert facts["Used by"].get_text() == "2 published groups"
    listed = [a.get_text() for a in html.select("#groups-using-it + ul a")]
    assert listed == ["Example circle", "Platform leads circle"]
    steps = html.select(".ph-agenda tbody tr")
    assert steps[-1].td.get_text().endswith("35 min")


def test_outcome_page_lists_designs_and_evidence(site: Path) -> None:
    html = page(site, "outcomes/problem-solving/")
    designs = html.select("article.ph-design")
    assert designs
    evidence = designs[0].select(".ph-evidence li a")
    assert "Platform leads circle" in [a.get_text() for a in evidence]
    reasons = designs[0].select(".ph-reasons li")
    assert len(reasons) == 6


def test_generated_pages_are_not_in_the_nav(site: Path) -> None:
    html = page(site, "groups/platform-leads-circle/")
    nav_links = {a["href"] for a in html.select("nav.md-nav a[href]")}
    assert not any("platform-leads-circle" in href or "troika" in href for href in nav_links)


def test_private_and_anonymous_data_never_published(site: Path) -> None:
    leaked = []
    for file in site.rglob("*"):
        if file.is_file() and file.suffix in {".html", ".json", ".xml", ".js", ".gz"}:
            data = file.read_bytes()
            if file.suffix == ".gz":
                data = gzip.decompress(data)
            text = data.decode("utf-8", "replace")
            for marker in ("PRIVATE-", "ANON-", "anon-marker", "secret-circle", "quiet-dir"):
                if marker in text:
                    leaked.append(f"{file.relative_to(site)}: {marker}")
    assert leaked == []
    anon = page(site, f"groups/{ANON}/")
    assert anon.h1.get_text() == "Anonymous support peer group"
    assert not (site / "groups" / "quiet-directors").exists()


def test_json_api(site: Path) -> None:
    groups = json.loads((site / "api/groups.json").read_text())
    by_slug = {g["slug"]: g for g in groups}
    assert set(by_slug) == {"example-circle", "platform-leads-circle", ANON}
    assert by_slug[ANON]["name"] == "Anonymous support peer group"
    assert by_slug[ANON]["organization"] is None
    assert by_slug[ANON]["contact"] is None
    assert by_slug[ANON]["anonymous"] is True
    assert by_slug["platform-leads-circle"]["contact"]["email"] == "robin@example.org"
    assert by_slug["example-circle"]["contact"] is None
    assert by_slug["platform-leads-circle"]["url"] == "groups/platform-leads-circle/"
    formats = json.loads((site / "api/formats.json").read_text())
    assert {f["slug"] for f in formats} >= {"troika-consulting", "case-clinic"}
    outcomes = json.loads((site / "api/outcomes.json").read_text())
    assert [o["id"] for o in outcomes] == list(OUTCOME_IDS)
    for name in ("format", "group", "outcome"):
        schema = json.loads((site / f"schema/{name}.schema.json").read_text())
        assert schema["type"] == "object"
        assert schema["additionalProperties"] is False


def test_macros_render_components_in_guides(site: Path) -> None:
    html = page(site, "guides/components/")
    cards = html.select(".ph-card")
    assert [c.select_one(".ph-card__title").get_text() for c in cards] == [
        "Platform leads circle",
        "Troika consulting",
    ]
    for card in cards:
        href = card.select_one("a")["href"]
        assert resolve(site, "guides/components/", href).is_file()


HOSTILE_NAME = "{{ 7*7 }} <script>alert(1)</script> {% raw %}"
HOSTILE = f"""\
name: "{HOSTILE_NAME}"
summary: "<img src=x onerror=alert(2)> {{{{ config }}}} \\" onmouseover=alert(3) x=\\""
added: 2025-01-15
formats: [troika-consulting]
outcomes:
  primary: support
story: |
  <script>alert(4)</script> {{{{ 7*7 }}}} [click](javascript:alert(5))
  {{% for x in range(3) %}}loop{{% endfor %}} *fine*
what_worked:
  - "{{{{ self.__init__.__globals__ }}}}"
"""


def test_hostile_text_is_shown_literally_and_never_runs(tmp_path: Path) -> None:
    root = make_project(tmp_path / "hub", groups={"hostile.yml": HOSTILE})
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    html = page(root / "site", "groups/hostile/")
    article = html.select_one("div.ph-group")
    assert article.h1.get_text() == HOSTILE_NAME
    assert article.select_one(".ph-lead").get_text().startswith("<img src=x onerror=alert(2)>")
    story = article.select_one("#story + p")
    assert story.get_text().startswith("<script>alert(4)</script> {{ 7*7 }} click")
    assert "{% for x in range(3) %}loop{% endfor %}" in story.get_text()
    assert story.select_one("a").get("href") is None
    assert "{{ self.__init__.__globals__ }}" in article.get_text()
    assert "49" not in article.get_text()
    for tag in html.find_all(["script", "img"]):
        assert "alert" not in (tag.string or "")
        assert not tag.get("onerror")
    assert not html.find_all(attrs={"onmouseover": True})
    assert html.title.get_text() == f"{HOSTILE_NAME} - Peer Group Hub"
    meta = html.find("meta", attrs={"name": "description"})
    assert meta["content"].startswith("<img src=x onerror=alert(2)> {{ config }}")
    index = page(root / "site", "groups/")
    assert HOSTILE_NAME in index.select_one("table").get_text()


def test_edit_links_and_social_cards(site: Path) -> None:
    public = page(site, "groups/platform-leads-circle/")
    edit = public.select_one("a.md-content__button[href*='/edit/']")
    assert edit["href"].endswith("/edit/main/groups/platform-leads-circle.yml")
    anonymous = page(site, f"groups/{ANON}/")
    assert anonymous.select_one("a.md-content__button[href*='/edit/']") is None
    fmt = page(site, "formats/troika-consulting/")
    assert fmt.select_one("a[href$='/edit/main/formats/troika-consulting.yml']")
    assert fmt.select_one("meta[property='og:title']")["content"] == (
        "Troika consulting - Peer Group Hub"
    )
    assert fmt.select_one("meta[name='twitter:card']")["content"] == "summary"
    assert fmt.select_one("link[rel=alternate]") is None  # the theme would fetch a sitemap
    for where, feed in (
        ("formats/troika-consulting/", "../../groups/feed.xml"),
        ("", "groups/feed.xml"),
    ):
        link = page(site, where).select_one("link[rel~=alternate][rel~=feed]")
        assert (link["type"], link["href"]) == ("application/atom+xml", feed)
    assert public.select_one(".md-source").get("data-md-component") is None


def test_exact_security_policy(site: Path) -> None:
    policies = {
        tag["content"]
        for file in (site / "formats" / "troika-consulting" / "index.html", site / "404.html")
        for tag in soup(file).select('meta[http-equiv="Content-Security-Policy"]')
    }
    assert len(policies) == 2  # the pages differ in depth, so in their scripts' hashes
    troika = soup(site / "formats" / "troika-consulting" / "index.html")
    policy = troika.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    golden("csp-format-page.txt", policy + "\n")


def test_exact_feed(site: Path) -> None:
    text = (site / "groups" / "feed.xml").read_text(encoding="utf-8")
    golden("feed.xml", text)
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.fromstring(text.encode())
    # RFC 4287: a feed and each entry have an id, a title and an updated date; the feed
    # an author and a self link; links are absolute.
    assert feed.tag == f"{atom}feed"
    for element in (feed, *feed.findall(f"{atom}entry")):
        for child in ("id", "title", "updated"):
            assert element.findtext(f"{atom}{child}"), child
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", element.findtext(f"{atom}updated"))
        for link in element.findall(f"{atom}link"):
            assert link.get("href").startswith("https://")
    assert feed.find(f"{atom}author/{atom}name") is not None
    assert feed.find(f"{atom}link[@rel='self']").get("href").endswith("/groups/feed.xml")


def test_feed_and_policy_in_process_match_the_goldens(site: Path) -> None:
    """The same goldens, computed in this process (where mutation testing can follow)."""
    hub = load_site(site.parent)
    expected = (Path(__file__).parent / "golden" / "feed.xml").read_bytes()
    assert atom_feed(hub, "https://peer-group-hub.example.org/") == expected
    assert atom_feed(hub, "https://peer-group-hub.example.org") == expected
    html = (site / "formats" / "troika-consulting" / "index.html").read_text(encoding="utf-8")
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    theme = [Path(material.__file__).parent / "templates", site.parent / "overrides"]
    page_html = with_policy(html, known_scripts(theme))
    meta = BeautifulSoup(page_html, "html.parser").select_one("head > meta")
    assert meta["http-equiv"] == "Content-Security-Policy"
    golden_policy = (Path(__file__).parent / "golden" / "csp-format-page.txt").read_text()
    assert meta["content"] + "\n" == golden_policy


def test_a_feed_with_no_groups_is_still_valid(tmp_path: Path) -> None:
    hub = load_site(make_project(tmp_path / "hub", groups={}))
    text = atom_feed(hub, "https://hub.example.org/").decode()
    assert text == (
        "<?xml version='1.0' encoding='utf-8'?>\n"
        '<feed xmlns="http://www.w3.org/2005/Atom"><id>https://hub.example.org/groups/feed.xml</id>'
        "<title>Peer Group Hub: new group experiences and groups open to join</title>"
        '<link href="https://hub.example.org/groups/" />'
        '<link rel="self" href="https://hub.example.org/groups/feed.xml" />'
        "<updated>2026-01-01T00:00:00Z</updated>"
        "<author><name>Peer Group Hub contributors</name></author></feed>\n"
    )


def test_exact_search_entries(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text())
    wanted = ("formats/troika-consulting/", "outcomes/support/", "groups/platform-leads-circle/")
    entries = [doc for doc in index["docs"] if doc["location"] in wanted]
    text = json.dumps(entries, indent=2, ensure_ascii=False) + "\n"
    golden("search-entries.json", text)


def test_directory_lists_groups_by_the_name_shown(tmp_path: Path) -> None:
    zeta = VALID_GROUP.replace("Example circle", "Zeta circle")
    alpha = VALID_GROUP.replace("Example circle", "Alpha circle")
    anonymous = VALID_GROUP.replace(
        "name: Example circle", "name: Quiet\nvisibility: anonymous\nanonymous_id: b7n3k9m2x4q8"
    )
    root = make_project(
        tmp_path / "hub",
        groups={"aaa-circle.yml": zeta, "mmm-circle.yml": anonymous, "zzz-circle.yml": alpha},
    )
    data = directory_data(load_site(root))
    # By the name shown (an anonymous group by its label), not by file name or address.
    assert [row["name"] for row in data["groups"]] == [
        "Alpha circle",
        "Anonymous support peer group",
        "Zeta circle",
    ]


def test_a_build_for_the_placeholder_address_says_it_is_not_for_publishing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_project(tmp_path / "hub", groups={"example.yml": VALID_GROUP})
    monkeypatch.delenv("PEERHUB_SITE_URL", raising=False)
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert "site_url is the placeholder https://peer-group-hub.example.org/" in result.stderr
    result = mkdocs_build(root, PEERHUB_SITE_URL="https://hub.example.com/")
    assert result.returncode == 0, result.stderr
    assert "placeholder" not in result.stderr
