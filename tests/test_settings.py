"""Settings under `extra.peerhub`: checked like content, applied, and documented."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from peerhub.content.settings import Settings, load_settings, options
from peerhub.render.feed import atom_feed
from peerhub.render.pages import generated_pages, search_entries
from peerhub.render.project import check_project
from peerhub.site import Site

from conftest import REPO, VALID_GROUP, make_project, mkdocs_build, soup

CONFIG_HEAD = "site_name: x\nextra:\n  analytics: {provider: none}\n  peerhub:\n"


def settings_of(tmp_path: Path, block: str) -> tuple[Settings, list[str]]:
    (tmp_path / "mkdocs.yml").write_text(CONFIG_HEAD + block)
    settings, problems = load_settings(tmp_path)
    return settings, [str(p) for p in problems]


def test_without_a_config_or_a_block_every_option_has_its_default(tmp_path: Path) -> None:
    assert load_settings(tmp_path) == (Settings(), [])
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nsite_url: !ENV [URL, 'https://a.example/']\n"
    )
    settings, problems = load_settings(tmp_path)
    assert problems == []
    assert (settings.directory_page_size, settings.feed_length, settings.macro_pages) == (
        100,
        50,
        [],
    )
    boost = settings.search_boost
    # The directory weighs more than any one format: with forty formats whose names
    # start with all sorts of words, "join a group" must still find it first.
    assert (boost.formats, boost.outcomes, boost.directory, boost.groups) == (2.0, 2.0, 3.0, 0.5)


def test_values_are_read_whatever_tags_the_rest_of_the_file_uses(tmp_path: Path) -> None:
    settings, problems = settings_of(
        tmp_path,
        "    feed_length: 7\n    search_boost:\n      groups: 1.5\n    macro_pages: [index.md]\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:x.y\n",
    )
    assert problems == []
    assert (settings.feed_length, settings.search_boost.groups) == (7, 1.5)
    assert settings.search_boost.formats == 2.0
    assert settings.macro_pages == ["index.md"]


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (
            "    feed_length: 0\n",
            "mkdocs.yml:5:18: error: extra.peerhub.feed_length: must be at least 1; got '0'",
        ),
        (
            "    directory_page_size: 5000\n",
            "mkdocs.yml:5:26: error: extra.peerhub.directory_page_size: must be at most 1000; "
            "got '5000'",
        ),
        (
            "    feed_lenght: 20\n",
            "mkdocs.yml:5:5: error: extra.peerhub.feed_lenght: unknown field; "
            "did you mean 'feed_length'?",
        ),
        (
            "    search_boost:\n      group: 1\n",
            "mkdocs.yml:6:7: error: extra.peerhub.search_boost.group: unknown field; "
            "did you mean 'groups'?",
        ),
        (
            "    macro_pages: index.md\n",
            "mkdocs.yml:5:18: error: extra.peerhub.macro_pages: expected a list, one '- item' "
            "per line; got 'index.md'",
        ),
        ("    - feed_length\n", "mkdocs.yml:5:5: error: extra.peerhub: expected a mapping"),
        (
            "    min_groups: 2\n",
            "mkdocs.yml:5:17: error: extra.peerhub.min_groups: must be at least 3; got '2'",
        ),
    ],
)
def test_a_wrong_value_is_reported_where_it_is_written(
    tmp_path: Path, block: str, expected: str
) -> None:
    settings, problems = settings_of(tmp_path, block)
    assert problems == [expected]
    assert settings == Settings()


def test_validate_and_the_build_stop_on_a_wrong_setting(tmp_path: Path) -> None:
    root = make_project(tmp_path / "hub", groups={"example.yml": VALID_GROUP})
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("  peerhub:\n", "  peerhub:\n    feed_length: -1\n")
    )
    _, problems = check_project(root)
    (line,) = [str(p) for p in problems]
    assert line.startswith("mkdocs.yml:")
    assert "extra.peerhub.feed_length: must be at least 1" in line
    result = mkdocs_build(root)
    assert result.returncode == 1
    assert line in result.stderr
    assert not (root / "site").exists()


def test_each_setting_changes_what_it_names(hub: Site) -> None:
    tuned = Settings.model_validate(
        {
            "directory_page_size": 10,
            "feed_length": 2,
            "search_boost": {"formats": 3, "outcomes": 4, "directory": 5, "groups": 0.25},
        }
    )
    public = next(g for g in hub.groups.values() if g.visibility == "public")
    groups = {f"circle-{i:02}": public for i in range(25)}
    hub = Site(dataclasses.replace(hub.content, groups=groups, settings=tuned), hub.today)
    feed = atom_feed(hub, "https://hub.example/")
    assert feed.count(b"<entry>") == 2
    boosts = {e.location.split("/")[0]: e.boost for e in search_entries(hub)}
    assert boosts == {"formats": 3, "outcomes": 4, "groups": 0.25}
    pages = {p.src_uri: p for p in generated_pages(hub)}
    assert [uri for uri in pages if uri.startswith("groups/page/")] == [
        "groups/page/2.md",
        "groups/page/3.md",
    ]
    assert pages["groups/index.md"].search_boost == 5


def test_the_reference_page_lists_every_option_with_its_docstring(tmp_path: Path) -> None:
    names = [o.name for o in options()]
    assert names == [
        "extra.peerhub.macro_pages",
        "extra.peerhub.directory_page_size",
        "extra.peerhub.feed_length",
        "extra.peerhub.search_boost",
        "extra.peerhub.search_boost.formats",
        "extra.peerhub.search_boost.outcomes",
        "extra.peerhub.search_boost.directory",
        "extra.peerhub.search_boost.groups",
        "extra.peerhub.min_groups",
    ]
    assert all(o.doc for o in options())
    root = make_project(tmp_path / "hub", groups={"example.yml": VALID_GROUP})
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    sections = soup(root / "site" / "reference" / "settings" / "index.html").select(".ph-option")
    shown = {s.select_one("h2 code").get_text(): s.get_text(" ", strip=True) for s in sections}
    assert list(shown) == names
    assert "at least 1, at most 500" in shown["extra.peerhub.feed_length"]
    assert "newest groups the Atom feed" in shown["extra.peerhub.feed_length"]


def test_the_repository_sets_only_what_it_means_to() -> None:
    settings, problems = load_settings(REPO)
    assert problems == []
    assert settings.model_dump(exclude={"macro_pages"}) == Settings().model_dump(
        exclude={"macro_pages"}
    )
    assert "guides/scope.md" in settings.macro_pages


def test_each_option_says_its_kind_default_and_limits() -> None:
    rows = [(o.kind, o.default, o.limits) for o in options()]
    assert rows == [
        ("list of texts", "[]", ""),
        ("whole number", "100", "at least 10, at most 1000"),
        ("whole number", "50", "at least 1, at most 500"),
        ("mapping", "", ""),
        ("number", "2.0", "at least 0.1, at most 10"),
        ("number", "2.0", "at least 0.1, at most 10"),
        ("number", "3.0", "at least 0.1, at most 10"),
        ("number", "0.5", "at least 0.1, at most 10"),
        ("whole number", "3", "at least 3, at most 50"),
    ]
    assert options()[3].doc == "Search weights of generated pages, by kind."


def test_the_build_needs_site_url_from_mkdocs_config(tmp_path: Path) -> None:
    root = make_project(tmp_path / "hub", groups={"example.yml": VALID_GROUP})
    config = root / "mkdocs.yml"
    lines = config.read_text().splitlines(keepends=True)
    config.write_text("".join(line for line in lines if not line.startswith("site_url:")))
    result = mkdocs_build(root)
    assert result.returncode == 1
    assert "mkdocs.yml:1:1: error: site_url: missing; set site_url to the published" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not (root / "site").exists()


def test_a_configuration_file_that_is_no_yaml_is_located(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nextra: [a\n")
    settings, problems = load_settings(tmp_path)
    assert settings == Settings()
    assert [str(p) for p in problems] == [
        "mkdocs.yml:3:1: error: (file): not valid YAML: expected ',' or ']', but got '<stream end>'"
    ]


def test_a_character_yaml_refuses_in_the_configuration_file_is_named_and_located(
    tmp_path: Path,
) -> None:
    """As in a content file: the character, where it is, and what to do (not "not valid
    YAML: not valid YAML", which the reader's error once gave)."""
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nsite_url: https://a.example/\x07\n")
    settings, problems = load_settings(tmp_path)
    assert settings == Settings()
    assert [str(p) for p in problems] == [
        "mkdocs.yml:2:29: error: (file): the file contains a control character (U+0007) "
        "that YAML does not allow; delete it"
    ]


def test_settings_come_from_the_file_mkdocs_was_given(tmp_path: Path) -> None:
    root = make_project(tmp_path / "hub", groups={"example.yml": VALID_GROUP})
    text = (root / "mkdocs.yml").read_text()
    (root / "staging.yml").write_text(
        text.replace("  peerhub:\n", "  peerhub:\n    feed_length: 0\n")
    )
    _, problems = load_settings(root, "staging.yml")
    assert [p.path for p in problems] == ["staging.yml"]
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "staging.yml"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 1
    assert "staging.yml:" in result.stderr
    assert "extra.peerhub.feed_length: must be at least 1" in result.stderr
    assert mkdocs_build(root).returncode == 0  # mkdocs.yml itself is fine


#: Builds a project in-process and counts how often its content is loaded and checked.
COUNTING_BUILD = """
import sys
import peerhub.render.project as project
from mkdocs.__main__ import cli

calls = []
real = project.check_project

def counted(*args, **kwargs):
    calls.append(kwargs.get("config"))
    return real(*args, **kwargs)

project.check_project = counted
try:
    cli(["build", "--strict", *sys.argv[1:]], standalone_mode=False)
finally:
    print("LOADS", calls)
"""


def test_the_macros_and_the_hook_share_one_load_with_the_given_settings(tmp_path: Path) -> None:
    """A site asks for medians from 5 groups, in a configuration file of another name:
    the guide's macro (/evaluate/'s rules) and a generated page (a format's evidence)
    both say 5, and the content is loaded and checked once for the whole build."""
    evaluate = "# Evaluate\n\n{{ evidence_rules() }}\n"
    root = make_project(
        tmp_path / "hub",
        groups={"example.yml": VALID_GROUP},
        docs={"evaluate/index.md": evaluate},
        macros=("evaluate/index.md",),
    )
    text = (root / "mkdocs.yml").read_text()
    (root / "staging.yml").write_text(
        text.replace("  peerhub:\n", "  peerhub:\n    min_groups: 5\n")
    )
    result = subprocess.run(
        [sys.executable, "-c", COUNTING_BUILD, "-f", "staging.yml"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "LOADS ['staging.yml']" in result.stdout
    rules = {
        dt.get_text(): dt.find_next_sibling("dd").get_text()
        for dt in soup(root / "site" / "evaluate" / "index.html").select("dl.ph-rules dt")
    }
    assert "at least 5 groups with check-ins" in rules["Medians"]
    troika = soup(root / "site" / "formats" / "troika-consulting" / "index.html").get_text()
    assert "Check-in medians: fewer than 5 groups with check-ins so far." in troika
