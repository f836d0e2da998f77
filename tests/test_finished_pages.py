"""Generated pages skip front matter and the Markdown engine (`FinishedPage`), pages in
one folder share one rendering of the theme's parts that are the same for all of them
(`on_env`), the group files are read on both cores (`peerhub.content.bothcores`) and
the bodies rendered ahead in a forked copy of the build (`peerhub.adapter.ahead`): the
site is the same, byte for byte, as when each page went
through MkDocs as a Markdown file of JSON front matter whose HTML replaced what Markdown
made of it, and had every part of the theme rendered for it alone."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from peerhub.adapter import hook
from peerhub.adapter.material import DataFile, FinishedPage, front_matter, nav_titles
from peerhub.adapter.themeparts import SharedParts

from conftest import mkdocs_build_here, repo_copy, site_files, soup


class MarkdownPage(FinishedPage):
    """The way generated pages were built before: front matter read as YAML, a Markdown
    engine made for the page, and its output replaced by the page's HTML."""

    def read_source(self, config: MkDocsConfig) -> None:
        self.file.content_string = front_matter(self.generated)
        Page.read_source(self, config)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        Page.render(self, config, files)
        self.content = str(self.generated.body())
        self.deferred = False  # its HTML is made here, as before


class RenderedAnew(SharedParts):
    """The theme's parts rendered for every page, nothing shared."""

    def once(self, name: str, page_url: str, render: Callable[[], str]) -> str:  # noqa: ARG002
        return render()

    def titled(self, name: str, page: Page, render: Callable[[], str]) -> str:  # noqa: ARG002
        return render()


@pytest.mark.build
def test_the_site_is_the_same_as_when_pages_went_through_markdown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = repo_copy(tmp_path / "hub", synthetic=40)
    stamp = {"SOURCE_DATE_EPOCH": "1800000000"}
    fast = mkdocs_build_here(
        root, "fast", PEERHUB_RENDER_AHEAD="1", PEERHUB_BOTH_CORES="1", **stamp
    )
    assert fast.returncode == 0, fast.stderr
    monkeypatch.setattr(hook, "FinishedPage", MarkdownPage)
    monkeypatch.setattr(hook, "SharedParts", RenderedAnew)
    plain = mkdocs_build_here(
        root, "plain", PEERHUB_RENDER_AHEAD="0", PEERHUB_BOTH_CORES="0", **stamp
    )
    assert plain.returncode == 0, plain.stderr
    built, expected = site_files(root / "fast"), site_files(root / "plain")
    assert len(built) > 100
    assert [name for name in expected if built.get(name) != expected[name]] == []
    assert sorted(built) == sorted(expected)


def test_the_navs_titles_are_found_at_every_depth() -> None:
    nav = [
        {"Home": "index.md"},
        "about.md",
        {"Guides": ["guides/index.md", {"Scope": "guides/scope.md"}]},
        {"Deep": [{"More": [{"Deepest": "a/b/c.md"}]}]},
    ]
    assert nav_titles(nav) == {
        "index.md": "Home",
        "guides/scope.md": "Scope",
        "a/b/c.md": "Deepest",
    }
    assert nav_titles(None) == {}


def test_a_part_showing_the_title_twice_or_never_is_rendered_for_each_page() -> None:
    parts = SharedParts()
    rendered: list[str] = []

    def part(template: str, page: SimpleNamespace) -> str:
        def render() -> str:
            rendered.append(page.url)
            return template.replace("T", page.meta["title"])

        return parts.titled(template, page, render)  # type: ignore[arg-type]

    one, two = (SimpleNamespace(url=f"groups/{n}/", meta={"title": n}) for n in ("a", "b"))
    assert [part("<h>T</h>", p) for p in (one, two)] == ["<h>a</h>", "<h>b</h>"]
    assert rendered == ["groups/a/"]  # once, with the mark, for the folder
    assert [part("<h>T|T</h>", p) for p in (one, two)] == ["<h>a|a</h>", "<h>b|b</h>"]
    assert [part("<h></h>", p) for p in (one, two)] == ["<h></h>", "<h></h>"]
    assert rendered == ["groups/a/"] + ["groups/a/", "groups/a/", "groups/b/"] * 2
    assert one.meta == {"title": "a"}  # the mark is taken out again


#: A hook that counts, as MkDocs reads and then writes the pages, how many generated
#: pages hold their HTML, and (`ALSO_READS_HTML`) a plugin of the site's own that reads
#: every page's HTML at `on_page_content`.
HELD = """
import json
from pathlib import Path
from peerhub.adapter.material import DataFile, FinishedPage

counts = {"written": []}

def generated(files):
    return [f.page for f in files.documentation_pages() if isinstance(f.page, FinishedPage)]

def on_env(env, config, files):
    pages = generated(files)
    counts["pages"] = len(pages)
    counts["deferred"] = sum(p.deferred for p in pages)
    counts["held once read"] = sum(bool(p.content) for p in pages)
    counts["files"] = files
    return env

def on_page_context(context, page, config, nav):
    if isinstance(page, FinishedPage):
        counts["written"].append(len(page.content))
    return context

def on_post_build(config):
    files = counts.pop("files")
    counts["held once built"] = sum(bool(p.content) for p in generated(files))
    data = [f for f in files if isinstance(f, DataFile)]
    counts["data files"], counts["data kept"] = len(data), sum(bool(f.content_bytes) for f in data)
    Path(config.config_file_path).with_name("held.json").write_text(json.dumps(counts))
"""
ALSO_READS_HTML = """
def on_page_content(html, page, config, files):
    return html + "<!-- read by the site's own hook -->"
"""


def built_with_hooks(root: Path, **hooks: str) -> dict[str, object]:
    """Build `root` with extra hooks (file name: source) after the hub's; what HELD counted."""
    config = root / "mkdocs.yml"
    listed = "".join(f"  - hooks/{name}.py\n" for name in hooks)
    config.write_text(
        config.read_text().replace(
            "  - hooks/peerhub_hook.py\n", "  - hooks/peerhub_hook.py\n" + listed
        )
    )
    for name, source in hooks.items():
        (root / "hooks" / f"{name}.py").write_text(source)
    result = mkdocs_build_here(root, PEERHUB_RENDER_AHEAD="0")
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads((root / "held.json").read_text())


@pytest.mark.build
def test_a_generated_page_holds_its_html_only_while_it_is_written(tmp_path: Path) -> None:
    root = repo_copy(tmp_path / "hub", synthetic=5)
    counts = built_with_hooks(root, held=HELD)
    assert counts["pages"] == counts["deferred"] > 20
    assert counts["held once read"] == counts["held once built"] == 0
    assert counts["data files"] > 10
    assert counts["data kept"] == 0  # written, then let go
    # Each had its HTML when it was written (then let it go).
    assert len(counts["written"]) == counts["pages"]
    assert min(counts["written"]) > 0
    page = soup(root / "site" / "groups" / "fito-network" / "index.html")
    assert page.find("h1") is not None
    assert "Fito" in page.find("h1").get_text()


@pytest.mark.build
def test_a_site_whose_own_plugin_reads_html_gets_every_generated_page_through_it(
    tmp_path: Path,
) -> None:
    root = repo_copy(tmp_path / "hub", synthetic=5)
    counts = built_with_hooks(root, held=HELD, reads=ALSO_READS_HTML)
    assert counts["deferred"] == 0
    assert counts["held once read"] == counts["pages"] > 20
    group = (root / "site" / "groups" / "fito-network" / "index.html").read_text()
    assert "<!-- read by the site's own hook -->" in group


def test_a_data_file_is_written_whole_and_then_let_go(tmp_path: Path) -> None:
    data = '{"groups": ["é", "✓"]}'
    file = DataFile(
        "api/groups.json", src_dir=None, dest_dir=str(tmp_path), use_directory_urls=True
    )
    file.content_string = data
    file.copy_file()
    assert (tmp_path / "api" / "groups.json").read_text(encoding="utf-8") == data
    assert file.content_bytes == b""
