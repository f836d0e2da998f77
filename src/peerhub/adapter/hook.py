"""MkDocs hook: validate the hub's content, then add the pages and files generated from it.

A thin adapter: all knowledge of formats, groups and outcomes lives in the `peerhub`
package. Generated pages are added with `File.generated`, kept out of the nav, and
never rendered by macros (they hold contributor text). Each is a `FinishedPage`: its
HTML is final, so Markdown never parses it.

`mkdocs build` itself goes through `peerhub.adapter.sitebuild`, as `peerhub build` does: MkDocs
writes into a fresh folder next to `site/`, swapped in only when the build succeeded
(under --strict, with no warning), so a failed build keeps the previous site.
"""

from __future__ import annotations

import logging
import os
from functools import partial
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from peerhub.adapter.ahead import render_ahead
from peerhub.adapter.buildstate import BuildState
from peerhub.adapter.material import DataFile, FinishedPage, add_to_index, nav_titles
from peerhub.adapter.searchtext import searchable_tables
from peerhub.adapter.sitebuild import Build, Refused, disk_full, is_staging, start
from peerhub.adapter.sitefolders import Folders
from peerhub.adapter.themeparts import SharedParts
from peerhub.adapter.withdrawal import withdrawn
from peerhub.content.collector import collect_less
from peerhub.content.revisions import last_changes, opened
from peerhub.render.csp import UnexpectedScript, known_scripts, with_policy
from peerhub.render.datafiles import generated_assets
from peerhub.render.pages import generated_pages, search_entries
from peerhub.render.project import check_project_cached
from peerhub.render.urls import CARDS_ENV, GROUPS_FEED, unpublishable

log = logging.getLogger("mkdocs.hooks.peerhub")

__all__ = [
    "on_build_error",
    "on_config",
    "on_env",
    "on_files",
    "on_page_content",
    "on_page_context",
    "on_post_build",
    "on_post_page",
    "on_post_template",
    "on_shutdown",
    "on_startup",
]


_state = BuildState()


def project_root(config: MkDocsConfig) -> Path:
    """The folder mkdocs.yml is in: the project whose content is built."""
    return Path(config.config_file_path).resolve().parent


def config_name(config: MkDocsConfig) -> str:
    """The configuration file MkDocs was given (`-f`), whose `extra.peerhub` applies."""
    return Path(config.config_file_path).name


def on_startup(command: str, **_: object) -> None:
    """Remember the command: only `mkdocs build` builds next to `site/` and swaps it in
    (`mkdocs serve` builds into a temporary folder of its own). Fewer cycle collections
    (`collector`) for the whole run.
    """
    global _state  # noqa: PLW0603 - MkDocs calls hooks as module functions
    collect_less()
    _state = BuildState(command=command)


@event_priority(100)  # before macros and every other plugin: bad content stops the build first
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Start the build next to `site/` (after putting back a site an interrupted build
    left), then check all content and settings: any error stops the build there. Then
    list the generated pages and start rendering their bodies ahead (`ahead`).
    """
    global _state  # noqa: PLW0603 - MkDocs calls hooks as module functions
    _state.stop_ahead()
    _state = BuildState(command=_state.command)
    _stage(config)
    hub, problems = check_project_cached(project_root(config), config_name(config))
    for problem in problems:
        if problem.severity == "warning":
            log.warning(str(problem))
    errors = [str(p) for p in problems if p.severity == "error"]
    if errors:
        count = f"{len(errors)} error{'s' if len(errors) != 1 else ''}"
        raise PluginError("\n".join([f"content has {count}:", *errors]))
    if not config.site_url:
        raise PluginError(
            "mkdocs.yml: set site_url to the published address; the feed's links need it"
        )
    if _state.command == "build" and (note := unpublishable(config.site_url)):
        log.info(note)  # a preview build is fine; a warning would stop it under --strict
    _state.hub = hub
    _state.scripts = known_scripts(Path(d) for d in config.theme.dirs)
    _state.revisions = last_changes(project_root(config))
    _state.opened = opened(project_root(config))
    # `peerhub build --cards` prints the deck's PDFs after this build: only then link them.
    card_pdfs = os.environ.get(CARDS_ENV) == "1"
    pages = {p.src_uri: p for p in generated_pages(hub, config.site_url or "", card_pdfs=card_pdfs)}
    _state.pages = pages
    _state.ahead = render_ahead(lambda uri: str(pages[uri].body()), list(pages))
    return config


def _stage(config: MkDocsConfig) -> None:
    """Point MkDocs at a fresh folder of its own, unless `peerhub build` (in this process)
    already did; count warnings, to swap in only what --strict lets through.
    """
    site = Path(config.site_dir)
    if _state.command != "build" or is_staging(site):
        return
    try:
        build = start(Folders.of(project_root(config), site), say=log.info)
    except Refused as refused:
        raise PluginError(str(refused)) from None
    _state.build = build
    config.site_dir = str(build.staging)
    counter = CountHandler(level=logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    _state.warnings = counter


def _finish() -> Build | None:
    """The build this hook started, if any, no longer counting warnings."""
    counter, build = _state.warnings, _state.build
    _state.warnings = _state.build = None
    if counter is not None:
        logging.getLogger("mkdocs").removeHandler(counter)
    return build


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add every page and data file generated from the content."""
    hub = _state.site
    titles = nav_titles(config.nav)
    ahead = _state.ahead
    # A page's HTML can wait until the page is written when nothing else reads it before.
    later = all(handler is on_page_content for handler in config.plugins.events["page_content"])
    for uri, page in _state.pages.items():
        file = File.generated(config, uri, content="")
        _add(files, file)
        body = partial(ahead.body, uri) if ahead is not None else None
        FinishedPage(file, config, page, titles.get(uri), body, deferred=later)  # file.page
    for src_uri, content in generated_assets(hub, config.site_url or "", _state.opened):
        _add(files, DataFile.generated(config, src_uri, content=content))
    return files


def _add(files: Files, file: File) -> None:
    existing = files.get_file_from_path(file.src_uri)
    if existing is not None and existing.generated_by is None:
        raise PluginError(
            f"docs/{file.src_uri} would be replaced by a generated page; move or rename it"
        )
    if existing is not None:
        # Two generated files at one path: one would silently replace the other.
        raise PluginError(f"{file.src_uri} is generated twice; rename one of its sources")
    files.append(file)


@event_priority(100)  # a deferred page's HTML is there before the search plugin reads it
def on_page_context(context: dict, page: Page, config: MkDocsConfig, **_: object) -> dict:
    """A deferred generated page gets its HTML (`FinishedPage`); a generated page's "edit"
    link opens its content file, not a Markdown file; one with no publishable source, none.
    """
    if isinstance(page, FinishedPage) and page.deferred:
        page.content = on_page_content(page.made(), page)
    generated = _state.pages.get(page.file.src_uri)
    docs = Path(config.docs_dir).name
    source = generated.source if generated else f"{docs}/{page.file.src_uri}"
    if source and source in _state.revisions and page.meta is not None:
        page.meta["revision_date"] = _state.revisions[source].isoformat()  # the theme shows it
    if generated is not None:
        edit_root = (config.edit_uri or "").removesuffix(Path(config.docs_dir).name + "/")
        base = (config.repo_url or "").rstrip("/") + "/" + edit_root
        page.edit_url = base + generated.source if generated.source and config.repo_url else None
    return context


def on_page_content(html: str, page: Page, **_: object) -> str:
    """Tables reach the search index as sentences, one per row (see `searchtext`), on
    the pages the theme indexes.
    """
    if (page.meta.get("search") or {}).get("exclude"):
        return html
    return searchable_tables(html)


def on_post_page(output: str, page: Page, **_: object) -> str:
    """Give every page a Content-Security-Policy allowing only the theme's inline scripts
    (not in `mkdocs serve`'s preview: see `_policed`); a deferred page lets its HTML go.
    """
    if isinstance(page, FinishedPage) and page.deferred:
        page.content = ""
    return _policed(output, page.file.src_uri)


def on_post_template(output_content: str, template_name: str, **_: object) -> str:
    """Theme pages that are not Markdown pages (404.html) get the same policy."""
    if template_name.endswith(".html"):
        return _policed(output_content, template_name)
    return output_content


def _policed(html: str, source: str) -> str:
    if _state.command == "serve":
        # `mkdocs serve` adds an inline script of its own to every page it serves (live
        # reload, with a new number each time): no policy made here could allow it, and
        # one that forbade it would stop the preview from reloading after an edit.
        return html
    try:
        return with_policy(html, _state.known_scripts)
    except UnexpectedScript as exc:
        raise PluginError(
            f"{source}: {exc}; remove it (the site's policy would block it)"
        ) from None


def on_env(env: Environment, **_: object) -> Environment:
    """`peerhub_once` and `peerhub_titled` let pages outside the nav, in one folder,
    share one rendering of the theme's parts that do not change between them (see
    `peerhub.adapter.themeparts`); `peerhub_feed` is the feed every page announces.
    """
    parts = SharedParts()
    env.globals["peerhub_once"] = parts.once
    env.globals["peerhub_titled"] = parts.titled
    env.globals["peerhub_feed"] = GROUPS_FEED
    return env


@event_priority(-100)  # after Material's search plugin has written its index, and last
def on_post_build(config: MkDocsConfig) -> None:
    """Add group pages to the search index; then swap the finished site in, unless
    --strict is about to abort the build for the warnings it logged (MkDocs checks
    them only after this event).
    """
    _state.stop_ahead()
    site = Path(config.site_dir)
    index = site / "search" / "search_index.json"
    if index.is_file():
        add_to_index(index, search_entries(_state.site))
    counter = _state.warnings
    if config.strict and counter is not None and counter.get_counts():
        return  # MkDocs aborts next; on_build_error throws the build away
    build = _finish()
    if build is not None:
        try:
            build.publish()
        finally:
            build.close()


def _abandon() -> None:
    """Throw away the build this hook started, if it did not finish. The previous site
    stays, unless it publishes a group the content withdrew: then it is deleted.
    """
    _state.stop_ahead()
    build = _finish()
    if build is None:
        return
    site = build.folders.site
    shown = withdrawn(build.folders.root, site) if site.is_dir() else []
    if shown:
        log.error("\n".join(build.withdraw(shown)))
    else:
        log.info(f"the build failed; {site.name}/ was left as it was")
    build.close()


@event_priority(-100)  # last: no other plugin's clean-up comes after the site is decided
def on_build_error(error: Exception, **_: object) -> None:
    """A failed build leaves the previous site (see `_abandon`); a full disk is said in
    one line.
    """
    _abandon()
    message = disk_full(error)
    if message is not None:
        raise PluginError(message) from None


def on_shutdown() -> None:
    """A build that ended otherwise (Ctrl-C, or a plugin that exits, as mkdocs-macros
    does on an error) is thrown away too, and the lock released.
    """
    _abandon()
