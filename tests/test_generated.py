"""What the hub generates, in-process, against reviewed goldens: every page's front
matter and source, the search entries, and the data files.

The hub is the repository's formats and outcomes with three sample groups (public,
anonymous, private), so a contributor adding a group changes no golden file. The
built site is checked elsewhere; these run without MkDocs, so a mutation run (which
cannot follow a `mkdocs build` process) sees them too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sample_groups import ANONYMOUS, PRIVATE, PUBLIC

from peerhub.hub import Hub
from peerhub.material import front_matter, index_entry
from peerhub.pages import generated_assets, generated_pages, search_entries
from peerhub.project import load_hub

from conftest import golden_json, make_project


@pytest.fixture
def hub(tmp_path: Path) -> Hub:
    groups = {"platform-leads-circle.yml": PUBLIC, "quiet.yml": ANONYMOUS, "secret.yml": PRIVATE}
    return load_hub(make_project(tmp_path / "hub", groups=groups))


def test_generated_pages_match_the_reviewed_golden(hub: Hub, update_goldens: bool) -> None:
    pages = [
        {"page": page.src_uri, "source": page.source, "front_matter": front_matter(page)}
        for page in generated_pages(hub)
    ]
    golden_json("generated-pages.json", pages, update_goldens)


def test_search_entries_match_the_reviewed_golden(hub: Hub, update_goldens: bool) -> None:
    golden_json(
        "search-entries-all.json", [index_entry(e) for e in search_entries(hub)], update_goldens
    )


def test_data_files_are_the_documented_ones(hub: Hub) -> None:
    assert [path for path, _ in generated_assets(hub, "https://hub.example/")] == [
        "groups/feed.xml",
        "api/formats.json",
        "api/groups.json",
        "api/outcomes.json",
        "schema/format.schema.json",
        "schema/group.schema.json",
        "schema/outcome.schema.json",
        "assets/picker-data.json",
        "assets/directory-data.json",
    ]


def test_the_api_lists_published_groups_with_their_addresses(hub: Hub) -> None:
    files = dict(generated_assets(hub, "https://hub.example/"))
    groups = json.loads(files["api/groups.json"])
    assert [g["slug"] for g in groups] == list(hub.published_views)
    assert len(groups) == 2  # the private group has no record
    assert all(g["url"] == f"groups/{g['slug']}/" for g in groups)
    formats = json.loads(files["api/formats.json"])
    assert [f["slug"] for f in formats] == list(hub.formats)
    outcomes = json.loads(files["api/outcomes.json"])
    assert [o["id"] for o in outcomes] == list(hub.outcomes)
    assert all(o["url"] == f"outcomes/{o['id']}/" for o in outcomes)
