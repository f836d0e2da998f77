"""What the hub generates, in-process, against reviewed goldens: every page's front
matter and source, the search entries, and the data files.

The hub is the repository's formats and outcomes with three sample groups (public,
anonymous, private), so a contributor adding a group changes no golden file. The
built site is checked elsewhere; these run without MkDocs, so a mutation run (which
cannot follow a `mkdocs build` process) sees them too.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup

from peerhub.adapter.material import add_to_index, front_matter, index_entry
from peerhub.content.vocabulary import OUTCOME_IDS
from peerhub.render.datafiles import generated_assets
from peerhub.render.guides import page_url
from peerhub.render.pages import (
    generated_page_addresses,
    generated_pages,
    search_entries,
)
from peerhub.render.project import load_site
from peerhub.site import Site

from conftest import REPO, golden_json, make_project
from sample_groups import ANONYMOUS, PRIVATE, PUBLIC


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Site:
    groups = {"platform-leads-circle.yml": PUBLIC, "quiet.yml": ANONYMOUS, "secret.yml": PRIVATE}
    return load_site(make_project(tmp_path_factory.mktemp("generated") / "hub", groups=groups))


@pytest.fixture(scope="module")
def files(hub: Site) -> dict[str, str | bytes]:
    """Every data file, made once for this file's tests (they only read them)."""
    return dict(generated_assets(hub, "https://hub.example/"))


def test_generated_pages_match_the_reviewed_golden(hub: Site) -> None:
    pages = [
        {"page": page.src_uri, "source": page.source, "front_matter": front_matter(page)}
        for page in generated_pages(hub)
    ]
    golden_json("generated-pages.json", pages)


def test_search_entries_match_the_reviewed_golden(hub: Site) -> None:
    golden_json("search-entries-all.json", [index_entry(e) for e in search_entries(hub)])


def test_data_files_are_the_documented_ones(files: dict[str, str | bytes]) -> None:
    assert list(files) == [
        "groups/feed.xml",
        "api/formats.json",
        "api/groups.json",
        "api/evidence.json",
        "evaluate/check-ins.csv",
        "evaluate/check-in-notes.txt",
        "api/outcomes.json",
        "schema/format.schema.json",
        "schema/group.schema.json",
        "schema/outcome.schema.json",
        "schema/evidence.schema.json",
        "schema/api-formats.schema.json",
        "schema/api-groups.schema.json",
        "schema/api-outcomes.schema.json",
        *(f"assets/picker/{outcome}.json" for outcome in OUTCOME_IDS),
        "assets/directory-data.json",
    ]


@pytest.mark.parametrize("name", ["formats", "groups", "outcomes", "evidence"])
def test_every_api_file_passes_the_schema_published_beside_it(
    files: dict[str, str | bytes], name: str
) -> None:
    schema_name = "evidence" if name == "evidence" else f"api-{name}"
    schema = json.loads(files[f"schema/{schema_name}.schema.json"])
    jsonschema.Draft202012Validator.check_schema(schema)
    data = json.loads(files[f"api/{name}.json"])
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data)) == []


def test_the_groups_api_schema_refuses_what_the_hub_never_publishes(
    files: dict[str, str | bytes],
) -> None:
    """A consumer's validator holds the API to the allow-list and to the content's
    bounds: a steering field with a value, a field nobody classified, a missing
    address, a meeting of 99,999 minutes, a mode the hub does not know."""
    validator = jsonschema.Draft202012Validator(json.loads(files["schema/api-groups.schema.json"]))
    records = {g["anonymous"]: g for g in json.loads(files["api/groups.json"])}
    public, anonymous = records[False], records[True]
    assert public["name"] == "Platform leads circle"
    url_left_out = {k: v for k, v in public.items() if k != "url"}
    broken = [
        {**public, "visibility": "public"},
        {**anonymous, "anonymous_id": "quiet"},
        {**public, "phone": "555-0100"},
        url_left_out,
        {**public, "session_minutes": 99999},
        {**public, "mode": "telepathy"},
        {**public, "size": {**public["size"], "headcount": 9}},
    ]
    assert [bool(list(validator.iter_errors([record]))) for record in broken] == [True] * 7
    assert list(validator.iter_errors([public, anonymous])) == []


def test_the_api_lists_published_groups_with_their_addresses(
    hub: Site, files: dict[str, str | bytes]
) -> None:
    groups = json.loads(files["api/groups.json"])
    assert [g["slug"] for g in groups] == list(hub.published_views)
    assert len(groups) == 2  # the private group has no record
    assert all(g["url"] == f"groups/{g['slug']}/" for g in groups)
    formats = json.loads(files["api/formats.json"])
    assert [f["slug"] for f in formats] == list(hub.formats)
    outcomes = json.loads(files["api/outcomes.json"])
    assert [o["id"] for o in outcomes] == list(hub.outcomes)
    assert all(o["url"] == f"outcomes/{o['id']}/" for o in outcomes)


def _outline(html: str) -> dict[str, list[str]]:
    """What a page body says and where it leads: its headings, its links' targets and
    its pager, in page order; enough to show which page and address it was made for."""
    page = BeautifulSoup(html, "html.parser")
    for blank in page.find_all("template"):  # the picker's blank card, pinned elsewhere
        blank.decompose()
    return {
        "headings": [" ".join(h.get_text().split()) for h in page.find_all(["h1", "h2", "h3"])],
        "links": [str(a["href"]) for a in page.find_all("a", href=True)],
        "pager": [p.get_text(" ", strip=True) for p in page.select(".ph-pager p")],
    }


def test_every_page_body_is_made_for_its_own_page_and_address(hub: Site) -> None:
    bodies = {page.src_uri: _outline(str(page.body())) for page in generated_pages(hub)}
    golden_json("generated-bodies.json", bodies)


PAGED_GROUP = """\
name: Circle {n:02d}
summary: Circle number {n} of a paged directory.
added: 2025-01-{day:02d}
formats: [troika-consulting]
outcomes:
  primary: support
"""


@pytest.fixture
def paged_hub(tmp_path: Path) -> Site:
    """25 public groups with ten to a directory page: three pages, the last one short."""
    groups = {f"circle-{n:02d}.yml": PAGED_GROUP.format(n=n, day=n) for n in range(1, 26)}
    root = make_project(tmp_path / "paged", groups=groups)
    config = root / "mkdocs.yml"
    text = config.read_text()
    config.write_text(text.replace("  peerhub:\n", "  peerhub:\n    directory_page_size: 10\n"))
    return load_site(root)


def test_the_directory_splits_into_pages_of_the_set_size(paged_hub: Site) -> None:
    pages = [p for p in generated_pages(paged_hub) if p.src_uri.startswith("groups/")]
    directory = [p for p in pages if "/page/" in p.src_uri or p.src_uri == "groups/index.md"]
    golden_json(
        "directory-pages.json",
        [
            {
                "page": p.src_uri,
                "front_matter": front_matter(p),
                "body": _outline(str(p.body())),
            }
            for p in directory
        ],
    )


def test_data_files_are_compact_utf8_and_the_schemas_are_the_committed_ones(
    files: dict[str, str | bytes],
) -> None:
    formats = files["api/formats.json"]
    assert formats.endswith("]\n")
    assert any(ord(c) > 127 for c in formats)  # written as UTF-8, such as "…"
    assert "\\u" not in formats  # not as \u2026
    assert '", "' not in formats
    assert '":"' in formats
    assert all(f["url"] == f"formats/{f['slug']}/" for f in json.loads(formats))
    for name in ("format", "group", "outcome"):
        committed = (REPO / "schema" / f"{name}.schema.json").read_text(encoding="utf-8")
        assert files[f"schema/{name}.schema.json"] == committed, name


@pytest.mark.parametrize("per_page", [100, 1])
def test_the_addresses_validate_checks_are_the_generated_pages(hub: Site, per_page: int) -> None:
    """`peerhub validate` checks guides against the generated pages' addresses without
    making the pages; both must name the same pages, with the directory in one page or
    several (one group per page here), a renamed format's old address, and no page for
    a private group."""
    settings = hub.settings.model_copy(update={"directory_page_size": per_page})
    site = dataclasses.replace(hub, content=dataclasses.replace(hub.content, settings=settings))
    made = {page_url(p.src_uri) for p in generated_pages(site)}
    assert generated_page_addresses(site) == made
    assert ("groups/page/2/" in made) == (per_page == 1)
    assert "groups/secret/" not in made


@pytest.mark.parametrize("theirs", [[], [{"location": "", "title": "Home", "text": "é ✓"}]])
def test_entries_join_the_search_index_as_if_it_were_rewritten_whole(
    tmp_path: Path, hub: Site, theirs: list[dict[str, str]]
) -> None:
    index = tmp_path / "search_index.json"
    material = {"config": {"lang": ["en"], "separator": "[\\s\\-]+"}, "docs": theirs}
    index.write_text(json.dumps(material), encoding="utf-8")
    entries = search_entries(hub)
    add_to_index(index, iter(entries))
    whole = {**material, "docs": [*theirs, *(index_entry(e) for e in entries)]}
    # The oracle: the index loaded, its list extended, written whole.
    expected = json.dumps(whole, ensure_ascii=False, separators=(",", ":"))
    assert index.read_text(encoding="utf-8") == expected
    assert len(json.loads(expected)["docs"]) == len(theirs) + len(entries) > 5


def test_an_index_of_another_shape_is_refused_not_corrupted(tmp_path: Path) -> None:
    index = tmp_path / "search_index.json"
    index.write_text('{"docs": [], "config": {}}')
    with pytest.raises(ValueError, match="last field is 'docs'"):
        add_to_index(index, [])
    assert index.read_text() == '{"docs": [], "config": {}}'
